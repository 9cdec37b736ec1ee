package com.assuregateway.security.entity;

/** The roles a token's {@code groups} claim can grant. */
public final class Role {

    /** A portal: the FaceTec flow, on its own tenant's dossiers only. */
    public static final String PORTAL = "portal";
    /** Works the manual review queue. */
    public static final String REVIEWER = "reviewer";
    /** Reads the audit record of every tenant; changes nothing. */
    public static final String AUDITOR = "auditor";
    /** Configuration-level operations, on every tenant. */
    public static final String ADMIN = "admin";

    private Role() {
    }
}

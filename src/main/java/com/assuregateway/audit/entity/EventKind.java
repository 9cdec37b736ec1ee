package com.assuregateway.audit.entity;

/** What an audit event records. */
public enum EventKind {
    /** A record was created or its status changed. */
    STATE,
    /** A call to Assure, successful or not. */
    UPSTREAM,
    /** Evidence passed through (a photo, an enrollment): only its fingerprint is kept. */
    EVIDENCE
}

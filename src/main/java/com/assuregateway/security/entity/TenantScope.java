package com.assuregateway.security.entity;

/**
 * The tenants a caller may see: one (a portal) or all (an auditor or admin). A record outside the scope is
 * answered exactly like one that does not exist.
 */
public record TenantScope(String tenant) {

    private static final TenantScope ALL = new TenantScope(null);

    public static TenantScope of(String tenant) {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("a tenant scope needs a tenant");
        }
        return new TenantScope(tenant);
    }

    public static TenantScope all() {
        return ALL;
    }

    public boolean permits(String recordTenant) {
        return tenant == null || tenant.equals(recordTenant);
    }
}

package com.assuregateway.security.entity;

import java.util.Set;
import java.util.function.Supplier;

/**
 * Which tenants a token's roles open. Reads widen with any cross-tenant role. Writes do not: a token that
 * carries {@code portal} acts as that portal, so its writes stay in its own tenant whatever else it holds
 * (a portal given {@code admin} by mistake must not erase or create in other tenants). Only a token without
 * {@code portal} uses a cross-tenant role to write, and only the one role that operation names.
 */
public final class ScopeRule {

    private ScopeRule() {
    }

    /** Every tenant for an auditor, reviewer or admin; otherwise the token's own. */
    public static TenantScope read(Set<String> groups, Supplier<String> tenant) {
        return groups.contains(Role.AUDITOR) || groups.contains(Role.REVIEWER) || groups.contains(Role.ADMIN)
                ? TenantScope.all() : TenantScope.of(tenant.get());
    }

    /**
     * @param crossTenantRole the role that may do this write in every tenant (admin erases, a reviewer
     *                        reviews), or null when only portals write it
     * @param tenant          the token's tenant; asked only when the scope is one tenant
     */
    public static TenantScope write(Set<String> groups, Supplier<String> tenant, String crossTenantRole) {
        if (!groups.contains(Role.PORTAL) && crossTenantRole != null && groups.contains(crossTenantRole)) {
            return TenantScope.all();
        }
        return TenantScope.of(tenant.get());
    }
}

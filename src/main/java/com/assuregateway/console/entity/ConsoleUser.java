package com.assuregateway.console.entity;

import com.assuregateway.security.entity.Role;
import com.assuregateway.security.entity.ScopeRule;
import com.assuregateway.security.entity.TenantScope;
import java.io.Serializable;
import java.util.Set;

/**
 * Who is signed in to the console, kept in the HTTP session (never a token): the same roles and tenant a
 * bearer token carries, so the same {@link ScopeRule} decides what they see and change.
 *
 * @param via how they signed in ({@code development} or {@code oidc}), shown in the page header
 */
public record ConsoleUser(String subject, Set<String> roles, String tenant, String via) implements Serializable {

    public ConsoleUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** The roles, sorted and comma-separated, as the page header shows them. */
    public String roleNames() {
        return String.join(", ", new java.util.TreeSet<>(roles));
    }

    public boolean hasAny(String... wanted) {
        for (String role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    /** What they may read: as for a token with the same groups. */
    public TenantScope readScope() {
        return ScopeRule.read(roles, this::tenant);
    }

    /** Which processes they may review: every tenant's for a reviewer without {@code portal}. */
    public TenantScope reviewScope() {
        return ScopeRule.write(roles, this::tenant, Role.REVIEWER);
    }

    /** Which webhook endpoints they see: every tenant's for an admin without {@code portal} (as the API). */
    public TenantScope endpointScope() {
        return ScopeRule.write(roles, this::tenant, Role.ADMIN);
    }

    /** The audit record: every tenant for an auditor, a portal's own otherwise (as {@code /api/v1/audit}). */
    public TenantScope auditScope() {
        return has(Role.AUDITOR) ? TenantScope.all() : TenantScope.of(tenant);
    }
}

package com.assuregateway.reporting.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.entity.TenantScope;

/** The audit record's one rule on tenants, for the API and the console alike. */
public final class AuditScope {

    private AuditScope() {
    }

    /**
     * The filter within what the caller may read: as asked for a caller of every tenant; otherwise held to its own
     * tenant, and a filter naming another tenant is refused.
     */
    public static ProcessFilter scoped(ProcessFilter requested, TenantScope scope) {
        if (scope.tenant() == null) {
            return requested;
        }
        if (requested.tenant() != null && !requested.tenant().equals(scope.tenant())) {
            throw new GatewayProblem(ProblemType.FORBIDDEN, "A portal reads only its own tenant's audit record");
        }
        return requested.withTenant(scope.tenant());
    }
}

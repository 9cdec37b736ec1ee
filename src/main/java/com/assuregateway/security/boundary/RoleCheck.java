package com.assuregateway.security.boundary;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;

/**
 * Enforces {@code @RolesAllowed}, {@code @PermitAll} and {@code @DenyAll} of the JAX-RS resources with the
 * application's own filter. Payara Micro installs such a filter by itself, but full Payara Server 6.2025.10
 * did not for this WAR: a reviewer could open dossiers and a call without a token reached the resource
 * methods. The gateway's access rules must not depend on which of the two runtimes it is deployed on.
 * Where the server's own filter runs too, both agree, and the first to refuse answers.
 */
@Provider
public class RoleCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        rule(resource.getResourceMethod(), resource.getResourceClass()).ifPresent(context::register);
    }

    /** The method's own annotation wins over its class's, as in Jakarta Annotations. */
    static Optional<Filter> rule(Method method, Class<?> type) {
        if (method.isAnnotationPresent(DenyAll.class)) {
            return Optional.of(new Filter(List.of()));
        }
        if (method.isAnnotationPresent(RolesAllowed.class)) {
            return Optional.of(new Filter(List.of(method.getAnnotation(RolesAllowed.class).value())));
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Optional.empty();
        }
        if (type.isAnnotationPresent(DenyAll.class)) {
            return Optional.of(new Filter(List.of()));
        }
        if (type.isAnnotationPresent(RolesAllowed.class)) {
            return Optional.of(new Filter(List.of(type.getAnnotation(RolesAllowed.class).value())));
        }
        return Optional.empty();
    }

    /** Refuses a call without an authenticated caller (401) or without one of the roles (403). */
    @Priority(Priorities.AUTHORIZATION)
    static final class Filter implements ContainerRequestFilter {

        private final List<String> roles;

        Filter(List<String> roles) {
            this.roles = roles;
        }

        List<String> roles() {
            return roles;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            check(request.getSecurityContext());
        }

        void check(SecurityContext security) {
            if (security == null || security.getUserPrincipal() == null) {
                throw new GatewayProblem(ProblemType.UNAUTHORIZED, "A valid bearer token is required");
            }
            if (roles.stream().noneMatch(security::isUserInRole)) {
                throw new GatewayProblem(ProblemType.FORBIDDEN, "The token's groups do not include a role this operation needs");
            }
        }
    }
}

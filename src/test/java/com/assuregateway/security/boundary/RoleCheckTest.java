package com.assuregateway.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoleCheckTest {

    @RolesAllowed("auditor")
    static class Guarded {
        public void inherits() {
        }

        @RolesAllowed({"portal", "admin"})
        public void own() {
        }

        @PermitAll
        public void open() {
        }

        @DenyAll
        public void closed() {
        }
    }

    static class Plain {
        public void unannotated() {
        }
    }

    @Test
    void theMethodsAnnotationWinsOverItsClass() throws Exception {
        assertThat(roles(Guarded.class, "inherits")).containsExactly("auditor");
        assertThat(roles(Guarded.class, "own")).containsExactly("portal", "admin");
        assertThat(RoleCheck.rule(method(Guarded.class, "open"), Guarded.class)).isEmpty();
        assertThat(roles(Guarded.class, "closed")).isEmpty();
        assertThat(RoleCheck.rule(method(Plain.class, "unannotated"), Plain.class)).isEmpty();
    }

    @Test
    void aCallerWithoutPrincipalIsUnauthenticated() {
        RoleCheck.Filter filter = new RoleCheck.Filter(List.of("portal"));
        assertRefused(() -> filter.check(null), ProblemType.UNAUTHORIZED);
        assertRefused(() -> filter.check(caller(null, Set.of("portal"))), ProblemType.UNAUTHORIZED);
    }

    @Test
    void aCallerNeedsOneOfTheRoles() {
        RoleCheck.Filter filter = new RoleCheck.Filter(List.of("portal", "admin"));
        filter.check(caller(() -> "p", Set.of("admin")));
        filter.check(caller(() -> "p", Set.of("portal", "other")));
        assertRefused(() -> filter.check(caller(() -> "r", Set.of("reviewer"))), ProblemType.FORBIDDEN);
        assertRefused(() -> filter.check(caller(() -> "r", Set.of())), ProblemType.FORBIDDEN);
        RoleCheck.Filter denyAll = new RoleCheck.Filter(List.of());
        assertRefused(() -> denyAll.check(caller(() -> "a", Set.of("admin"))), ProblemType.FORBIDDEN);
    }

    private static List<String> roles(Class<?> type, String name) throws NoSuchMethodException {
        return RoleCheck.rule(method(type, name), type).orElseThrow().roles();
    }

    private static Method method(Class<?> type, String name) throws NoSuchMethodException {
        return type.getMethod(name);
    }

    private static void assertRefused(Runnable call, ProblemType type) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(GatewayProblem.class,
                problem -> assertThat(problem.type()).isEqualTo(type));
    }

    private static SecurityContext caller(Principal principal, Set<String> roles) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "Bearer";
            }
        };
    }
}

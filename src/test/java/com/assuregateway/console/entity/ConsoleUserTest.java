package com.assuregateway.console.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.security.entity.TenantScope;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The console's user gets the same scopes a token with the same groups gets. */
class ConsoleUserTest {

    @Test
    void aReviewerReadsAndReviewsEveryTenant() {
        ConsoleUser reviewer = new ConsoleUser("rita", Set.of("reviewer"), "acme", "oidc");
        assertThat(reviewer.readScope()).isEqualTo(TenantScope.all());
        assertThat(reviewer.reviewScope()).isEqualTo(TenantScope.all());
    }

    @Test
    void aPortalSeesItsOwnTenantOnly() {
        ConsoleUser portal = new ConsoleUser("shop", Set.of("portal"), "acme", "development");
        assertThat(portal.auditScope()).isEqualTo(TenantScope.of("acme"));
        assertThat(portal.readScope()).isEqualTo(TenantScope.of("acme"));
        assertThat(portal.hasAny("auditor", "reviewer")).isFalse();
    }

    @Test
    void anAuditorReadsTheWholeRecord() {
        ConsoleUser auditor = new ConsoleUser("alice", Set.of("auditor"), null, "oidc");
        assertThat(auditor.auditScope()).isEqualTo(TenantScope.all());
        assertThat(auditor.roleNames()).isEqualTo("auditor");
    }
}

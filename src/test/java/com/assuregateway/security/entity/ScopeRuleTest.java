package com.assuregateway.security.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ScopeRuleTest {

    private static final Supplier<String> TENANT_A = () -> "tenant-a";
    private static final Supplier<String> NO_TENANT = () -> {
        throw new IllegalStateException("the tenant was asked for");
    };

    @Test
    void aPortalGivenAdminByMistakeStillErasesOnlyInItsOwnTenant() {
        TenantScope scope = ScopeRule.write(Set.of(Role.PORTAL, Role.ADMIN), TENANT_A, Role.ADMIN);
        assertThat(scope.permits("tenant-a")).isTrue();
        assertThat(scope.permits("tenant-b")).isFalse();
    }

    @Test
    void aPortalWithAnyOtherRoleWritesOnlyInItsOwnTenant() {
        for (String other : Set.of(Role.ADMIN, Role.REVIEWER, Role.AUDITOR)) {
            for (String crossTenantRole : new String[] {null, Role.ADMIN, Role.REVIEWER}) {
                TenantScope scope = ScopeRule.write(Set.of(Role.PORTAL, other), TENANT_A, crossTenantRole);
                assertThat(scope).as(other + " / " + crossTenantRole).isEqualTo(TenantScope.of("tenant-a"));
            }
        }
    }

    @Test
    void anAdminAloneErasesInEveryTenantButDoesNotReview() {
        assertThat(ScopeRule.write(Set.of(Role.ADMIN), NO_TENANT, Role.ADMIN)).isEqualTo(TenantScope.all());
        assertThat(ScopeRule.write(Set.of(Role.ADMIN), TENANT_A, Role.REVIEWER)).isEqualTo(TenantScope.of("tenant-a"));
    }

    @Test
    void aReviewerAloneReviewsInEveryTenantButDoesNotErase() {
        assertThat(ScopeRule.write(Set.of(Role.REVIEWER), NO_TENANT, Role.REVIEWER)).isEqualTo(TenantScope.all());
        assertThat(ScopeRule.write(Set.of(Role.REVIEWER), TENANT_A, Role.ADMIN)).isEqualTo(TenantScope.of("tenant-a"));
    }

    @Test
    void aWriteOnlyPortalsMayDoIsNeverCrossTenant() {
        assertThat(ScopeRule.write(Set.of(Role.ADMIN, Role.REVIEWER, Role.AUDITOR), TENANT_A, null))
                .isEqualTo(TenantScope.of("tenant-a"));
    }

    @Test
    void aPortalWriteWithoutTenantIsRefusedNotWidened() {
        assertThatThrownBy(() -> ScopeRule.write(Set.of(Role.PORTAL, Role.ADMIN), NO_TENANT, Role.ADMIN))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsStillWidenWithACrossTenantRole() {
        assertThat(ScopeRule.read(Set.of(Role.PORTAL, Role.AUDITOR), TENANT_A)).isEqualTo(TenantScope.all());
        assertThat(ScopeRule.read(Set.of(Role.PORTAL, Role.REVIEWER), TENANT_A)).isEqualTo(TenantScope.all());
        assertThat(ScopeRule.read(Set.of(Role.PORTAL), TENANT_A)).isEqualTo(TenantScope.of("tenant-a"));
        assertThat(ScopeRule.read(Set.of(), TENANT_A)).isEqualTo(TenantScope.of("tenant-a"));
    }
}

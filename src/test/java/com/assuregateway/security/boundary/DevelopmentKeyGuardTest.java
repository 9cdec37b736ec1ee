package com.assuregateway.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.security.entity.DevelopmentKey;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The development key is trusted with the sandbox on, and refused with it off. */
class DevelopmentKeyGuardTest {

    @Test
    void theDevelopmentKeyIsFineWhileTheSandboxRuns() {
        assertThat(guard(true, DevelopmentKey.ISSUER, DevelopmentKey.PUBLIC_KEY_RESOURCE).refusesDevelopmentKey()).isFalse();
    }

    @Test
    void withTheSandboxOffTheDevelopmentIssuerOrKeyIsRefused() {
        assertThat(guard(false, DevelopmentKey.ISSUER, "https://idp.example.com/keys").refusesDevelopmentKey()).isTrue();
        assertThat(guard(false, "https://idp.example.com", DevelopmentKey.PUBLIC_KEY_RESOURCE).refusesDevelopmentKey())
                .isTrue();
        assertThat(guard(false, "https://idp.example.com", "file:/etc/gateway" + DevelopmentKey.PUBLIC_KEY_RESOURCE)
                .refusesDevelopmentKey()).isTrue();
    }

    @Test
    void theCompanysIdentityProviderIsAcceptedWithTheSandboxOff() {
        assertThat(guard(false, "https://idp.example.com", "https://idp.example.com/keys").refusesDevelopmentKey())
                .isFalse();
    }

    private static DevelopmentKeyGuard guard(boolean sandbox, String issuer, String location) {
        DevelopmentKeyGuard guard = new DevelopmentKeyGuard();
        guard.sandboxEnabled = sandbox;
        guard.issuer = Optional.of(issuer);
        guard.keyLocation = Optional.of(location);
        return guard;
    }
}

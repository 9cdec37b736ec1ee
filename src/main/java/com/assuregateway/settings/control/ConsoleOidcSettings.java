package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console's sign-in through the company's OpenID Connect provider: {@code gateway.console.oidc.*}. Without an
 * issuer there is no such sign-in (and outside development mode no sign-in at all).
 */
@Dependent
@ConfigProperties(prefix = "gateway.console.oidc")
public class ConsoleOidcSettings {

    @ConfigProperty(name = "issuer")
    Optional<String> issuer;

    @ConfigProperty(name = "client-id")
    Optional<String> clientId;

    @ConfigProperty(name = "client-secret")
    Optional<String> clientSecret;

    @ConfigProperty(name = "scope", defaultValue = "openid profile")
    String scope;

    @ConfigProperty(name = "roles-claim", defaultValue = "groups")
    String rolesClaim;

    @ConfigProperty(name = "tenant-claim", defaultValue = "tenant")
    String tenantClaim;

    @ConfigProperty(name = "name-claim", defaultValue = "preferred_username")
    String nameClaim;

    public ConsoleOidcSettings() {
    }

    /** The provider's issuer URL; its discovery document is at {@code <issuer>/.well-known/openid-configuration}. */
    public Optional<String> issuer() {
        return issuer.filter(value -> !value.isBlank());
    }

    public Optional<String> clientId() {
        return clientId;
    }

    public Optional<String> clientSecret() {
        return clientSecret;
    }

    public String scope() {
        return scope;
    }

    /** The ID token claim with the user's roles (an array, or one string separated by spaces or commas). */
    public String rolesClaim() {
        return rolesClaim;
    }

    /** The ID token claim with the tenant a portal user acts for. */
    public String tenantClaim() {
        return tenantClaim;
    }

    /** The ID token claim shown and recorded as the user's name (the subject when the claim is absent). */
    public String nameClaim() {
        return nameClaim;
    }

    /** Whether the sign-in is configured at all: issuer and client id. */
    public boolean configured() {
        return issuer().isPresent() && clientId.filter(id -> !id.isBlank()).isPresent();
    }
}

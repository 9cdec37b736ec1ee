package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signicat's OAuth client: {@code assure.auth.*}. Without a token URL or credentials the gateway uses its
 * sandbox's (sandbox mode) or Signicat's production token endpoint. Assure's own URL and timeouts are the REST
 * client's keys ({@code assure/mp-rest/url}, {@code .../connectTimeout}, {@code .../readTimeout}), which a
 * dotted prefix cannot name: AssureEndpoints reads them, the only place that does.
 */
@Dependent
@ConfigProperties(prefix = "assure.auth")
public class AssureSettings {

    /** The client the sandbox knows, and the gateway uses in sandbox mode without credentials of its own. */
    public static final String SANDBOX_CLIENT_ID = "sandbox-client";
    public static final String SANDBOX_CLIENT_SECRET = "sandbox-secret";

    @ConfigProperty(name = "token-url")
    Optional<String> tokenUrl;

    @ConfigProperty(name = "client-id")
    Optional<String> clientId;

    @ConfigProperty(name = "client-secret")
    Optional<String> clientSecret;

    @ConfigProperty(name = "scope", defaultValue = "signicat-api")
    String scope;

    @ConfigProperty(name = "refresh-margin-seconds", defaultValue = "30")
    long refreshMarginSeconds;

    public AssureSettings() {
    }

    /** As given (unit tests). */
    public static AssureSettings of(String tokenUrl, String clientId, String clientSecret, String scope,
                                    long refreshMarginSeconds) {
        AssureSettings settings = new AssureSettings();
        settings.tokenUrl = Optional.ofNullable(tokenUrl);
        settings.clientId = Optional.ofNullable(clientId);
        settings.clientSecret = Optional.ofNullable(clientSecret);
        settings.scope = scope;
        settings.refreshMarginSeconds = refreshMarginSeconds;
        return settings;
    }

    public Optional<String> tokenUrl() {
        return tokenUrl;
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

    /** A token is renewed this long before it expires. */
    public long refreshMarginSeconds() {
        return refreshMarginSeconds;
    }
}

package com.assuregateway.assure.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * OAuth2 client-credentials tokens for Assure, cached until shortly before they expire. One fetch at a
 * time: concurrent callers wait for it rather than each asking Signicat for a token of their own.
 */
@ApplicationScoped
public class AccessTokens {

    static final String SANDBOX_CLIENT_ID = "sandbox-client";
    static final String SANDBOX_CLIENT_SECRET = "sandbox-secret";
    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    @Inject
    AssureEndpoints endpoints;

    @Inject
    @ConfigProperty(name = "assure.auth.client-id")
    Optional<String> clientId;

    @Inject
    @ConfigProperty(name = "assure.auth.client-secret")
    Optional<String> clientSecret;

    @Inject
    @ConfigProperty(name = "assure.auth.scope", defaultValue = "signicat-api")
    String scope;

    @Inject
    @ConfigProperty(name = "assure.auth.refresh-margin-seconds", defaultValue = "30")
    long refreshMarginSeconds;

    Clock clock = Clock.systemUTC();
    private Client http;
    private Token cached;

    record Token(String value, Instant expiresAt) {
    }

    /** A token valid for at least the refresh margin. */
    public synchronized String current() {
        if (cached == null || clock.instant().isAfter(cached.expiresAt().minusSeconds(refreshMarginSeconds))) {
            cached = fetch();
        }
        return cached.value();
    }

    /**
     * Fetches a new token now, whatever is cached, and keeps it: proof that the token endpoint answers and
     * accepts the credentials. The readiness check calls it; the token it gets is as good as any other.
     */
    public synchronized void renew() {
        cached = fetch();
    }

    /** Forgets the token Assure refused, unless another caller already replaced it. */
    public synchronized void invalidate(String refused) {
        if (cached != null && cached.value().equals(refused)) {
            cached = null;
        }
    }

    private Token fetch() {
        String id = clientId.orElse(endpoints.sandboxEnabled() ? SANDBOX_CLIENT_ID : null);
        String secret = clientSecret.orElse(endpoints.sandboxEnabled() ? SANDBOX_CLIENT_SECRET : null);
        if (id == null || secret == null) {
            throw new GatewayProblem(ProblemType.CONFIGURATION,
                    "assure.auth.client-id and assure.auth.client-secret must be set when the sandbox is off");
        }
        String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Form form = new Form().param("grant_type", "client_credentials").param("scope", scope);
        Instant requested = clock.instant();
        try (Response response = client().target(endpoints.token()).request(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .post(Entity.form(form))) {
            if (response.getStatus() == 400 || response.getStatus() == 401) {
                throw new GatewayProblem(ProblemType.CONFIGURATION,
                        "Assure's token endpoint refused the configured client credentials (HTTP "
                                + response.getStatus() + ")");
            }
            if (response.getStatus() != 200) {
                throw new GatewayProblem(ProblemType.UPSTREAM_UNAVAILABLE,
                        "Assure's token endpoint answered HTTP " + response.getStatus(), null, 5, List.of());
            }
            JsonObject body = response.readEntity(JsonObject.class);
            long expiresIn = body.getJsonNumber("expires_in") != null ? body.getJsonNumber("expires_in").longValue() : 600;
            LOG.fine(() -> "New Assure access token, valid for " + expiresIn + " s");
            return new Token(body.getString("access_token"), requested.plusSeconds(expiresIn));
        } catch (ProcessingException e) {
            throw new GatewayProblem(ProblemType.UPSTREAM_UNAVAILABLE,
                    "Assure's token endpoint cannot be reached", null, 5, List.of());
        }
    }

    private Client client() {
        if (http == null) {
            http = ClientBuilder.newBuilder()
                    .connectTimeout(endpoints.connectTimeoutMs(), TimeUnit.MILLISECONDS)
                    .readTimeout(endpoints.readTimeoutMs(), TimeUnit.MILLISECONDS)
                    .build();
        }
        return http;
    }

    @PreDestroy
    void close() {
        if (http != null) {
            http.close();
        }
    }
}

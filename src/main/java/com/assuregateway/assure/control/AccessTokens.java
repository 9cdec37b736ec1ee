package com.assuregateway.assure.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.settings.control.AssureSettings;
import com.assuregateway.settings.control.FleetSettings;
import jakarta.annotation.PostConstruct;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * OAuth2 client-credentials tokens for Assure, cached until shortly before they expire.
 * <p>
 * A caller never waits while a valid token is cached: the token is read without a lock. One renewal runs at a
 * time (under {@link #renewal}); once a token is in its refresh margin, the first caller to find it so renews
 * while the others go on with the old one, which is still valid. Callers wait only when no valid token exists,
 * and then for the one fetch, not each for their own. The readiness probe's {@link #renew()} takes the same lock,
 * so a slow token endpoint holds up nobody who has a token.
 * <p>
 * The margin is capped at half the token's lifetime: Signicat's lifetime is configurable down to 1 s, and a
 * 30 s margin on a 4 s token would fetch a new token for every call.
 * <p>
 * With {@code gateway.assure.fleet-shared-token} a renewal goes through the {@link Share} (the database) instead
 * of straight to Signicat: the instance that finds the fleet's token due fetches it while the others wait for it,
 * so the fleet asks once per renewal; a token Assure refused is dropped there too.
 */
@ApplicationScoped
public class AccessTokens {

    static final String SANDBOX_CLIENT_ID = AssureSettings.SANDBOX_CLIENT_ID;
    static final String SANDBOX_CLIENT_SECRET = AssureSettings.SANDBOX_CLIENT_SECRET;
    private static final Logger LOG = Logger.getLogger(AccessTokens.class.getName());

    @Inject
    AssureEndpoints endpoints;

    @Inject
    @ConfigProperties
    AssureSettings settings;

    @Inject
    @ConfigProperties
    FleetSettings fleet;

    @Inject
    FleetStore database;

    Clock clock = Clock.systemUTC();
    /** Where new tokens come from: Signicat's token endpoint, or a fake in unit tests. */
    TokenSource source = this::fetch;
    /** The fleet's token, or null: this instance's own. */
    Share share;
    private final ReentrantLock renewal = new ReentrantLock();
    private final AtomicReference<Token> cached = new AtomicReference<>();
    private Client http;

    /** What the token endpoint answered, and when it was asked. */
    record Issued(String value, Instant requestedAt, long expiresInSeconds) {
    }

    @FunctionalInterface
    interface TokenSource {
        Issued fetch();
    }

    /** One token for a whole fleet. */
    public interface Share {
        /** The shared token while it is fresh, else the one {@code fetchNew} gives, which is then shared. */
        Token obtain(Clock clock, Supplier<Token> fetchNew);

        /** Forgets the shared token if it is this one. */
        void drop(String refused);
    }

    /** A token, the moment it is renewed and the moment Assure stops taking it. */
    public record Token(String value, Instant refreshAt, Instant expiresAt) {

        static Token of(Issued issued, long marginSeconds) {
            long lifetimeMs = Math.max(0, issued.expiresInSeconds()) * 1000;
            long marginMs = Math.min(Math.max(0, marginSeconds) * 1000, lifetimeMs / 2);
            Instant expiresAt = issued.requestedAt().plusMillis(lifetimeMs);
            return new Token(issued.value(), expiresAt.minusMillis(marginMs), expiresAt);
        }

        boolean isFreshAt(Instant now) {
            return now.isBefore(refreshAt);
        }

        boolean isValidAt(Instant now) {
            return now.isBefore(expiresAt);
        }
    }

    @PostConstruct
    void wireShare() {
        if (fleet.sharedToken()) {
            share = database;
        }
    }

    /** A valid token, renewed once it is within the refresh margin. */
    public String current() {
        Token token = cached.get();
        Instant now = clock.instant();
        if (token != null && token.isFreshAt(now)) {
            return token.value();
        }
        if (token != null && token.isValidAt(now)) {
            if (!renewal.tryLock()) {
                return token.value();
            }
            try {
                return renewIfStillDue(token).value();
            } catch (RuntimeException renewalFailed) {
                // the old token is still good: this call need not fail, the next one tries again
                LOG.fine(() -> "Renewing the Assure access token failed; using the cached one until it expires");
                return token.value();
            } finally {
                renewal.unlock();
            }
        }
        renewal.lock();
        try {
            Token latest = cached.get();
            return latest != null && latest.isFreshAt(clock.instant()) ? latest.value() : renewed().value();
        } finally {
            renewal.unlock();
        }
    }

    /**
     * Fetches a new token now, whatever is cached, and keeps it: proof that the token endpoint answers and
     * accepts the credentials. The readiness check calls it; the token it gets is as good as any other. With a
     * shared token it fetches only when the fleet's is due: every instance's probe would otherwise ask Signicat.
     */
    public void renew() {
        renewal.lock();
        try {
            renewed();
        } finally {
            renewal.unlock();
        }
    }

    /** Forgets the token Assure refused, unless another caller already replaced it. */
    public void invalidate(String refused) {
        Token token = cached.get();
        if (token != null && token.value().equals(refused)) {
            cached.compareAndSet(token, null);
        }
        if (share != null) {
            share.drop(refused);
        }
    }

    /** Under the lock: another caller may have renewed since this one looked. */
    private Token renewIfStillDue(Token seen) {
        Token latest = cached.get();
        return latest != seen && latest != null && latest.isFreshAt(clock.instant()) ? latest : renewed();
    }

    /** A new token from Signicat, or the fleet's (itself new if it was due), kept for this instance's callers. */
    private Token renewed() {
        Supplier<Token> fetchNew = () -> Token.of(source.fetch(), settings.refreshMarginSeconds());
        Token token = share != null ? share.obtain(clock, fetchNew) : fetchNew.get();
        cached.set(token);
        return token;
    }

    private Issued fetch() {
        String id = settings.clientId().orElse(endpoints.sandboxEnabled() ? SANDBOX_CLIENT_ID : null);
        String secret = settings.clientSecret().orElse(endpoints.sandboxEnabled() ? SANDBOX_CLIENT_SECRET : null);
        if (id == null || secret == null) {
            throw new GatewayProblem(ProblemType.CONFIGURATION,
                    "assure.auth.client-id and assure.auth.client-secret must be set when the sandbox is off");
        }
        String basic = Base64.getEncoder().encodeToString((id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Form form = new Form().param("grant_type", "client_credentials").param("scope", settings.scope());
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
                // the call it was for was not sent: a safe call is tried again, and the breaker counts it
                throw new TransientUpstreamFailure(ProblemType.UPSTREAM_UNAVAILABLE,
                        "Assure's token endpoint answered HTTP " + response.getStatus(), null, 5, false);
            }
            JsonObject body = response.readEntity(JsonObject.class);
            long expiresIn = body.getJsonNumber("expires_in") != null ? body.getJsonNumber("expires_in").longValue() : 600;
            LOG.fine(() -> "New Assure access token, valid for " + expiresIn + " s");
            return new Issued(body.getString("access_token"), requested, expiresIn);
        } catch (ProcessingException e) {
            throw new TransientUpstreamFailure(ProblemType.UPSTREAM_UNAVAILABLE,
                    "Assure's token endpoint cannot be reached", null, 5, false);
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

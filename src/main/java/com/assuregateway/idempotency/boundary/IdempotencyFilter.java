package com.assuregateway.idempotency.boundary;

import com.assuregateway.shared.control.Fingerprint;
import com.assuregateway.idempotency.control.AnswerSeal;
import com.assuregateway.idempotency.control.IdempotencyStore;
import com.assuregateway.idempotency.control.IdempotencyStore.Claim;
import com.assuregateway.idempotency.entity.IdempotencyRecord;
import com.assuregateway.idempotency.entity.SecretParts;
import com.assuregateway.problems.boundary.ProblemResponses;
import com.assuregateway.problems.entity.FieldError;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.boundary.Caller;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Providers;
import jakarta.ws.rs.core.Context;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on portal POSTs. The same key with the same request gets the first answer again
 * (marked {@code Idempotent-Replayed: true}); with another request it is 422; while the first is still
 * being answered, 409. Answers of 5xx are not kept: the failure may pass, and the retry should run.
 * Without a key nothing changes (the one-dossier-per-end-user rule holds on its own).
 */
@jakarta.ws.rs.ext.Provider
@Priority(Priorities.USER)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
    private static final Pattern DOSSIER = Pattern.compile("/api/v1/dossiers/([^/?#]{1,36})(?:[/?#]|$)");
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());

    @Inject
    IdempotencyStore store;

    @Inject
    AnswerSeal seal;

    @Inject
    Caller caller;

    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        String path = request.getUriInfo().getPath();
        if (!applies(request.getMethod(), path, key)) {
            return;
        }
        if (!validKey(key)) {
            request.abortWith(ProblemResponses.of(ProblemType.VALIDATION, "Idempotency-Key must be 1 to 200 "
                    + "visible ASCII characters", "/" + path, List.of(new FieldError(HEADER, "invalid")), null, null));
            return;
        }
        byte[] body = request.getEntityStream().readAllBytes();
        request.setEntityStream(new ByteArrayInputStream(body));
        String hash = requestHash(request.getMethod(), path, body);
        IdempotencyRecord.Key id = new IdempotencyRecord.Key(owner(), key);
        Claim claim = claim(id, hash, request.getMethod() + " /" + path, dossierOf(path, null));
        if (claim instanceof Claim.Proceed) {
            request.setProperty(CLAIMED, id);
        } else if (claim instanceof Claim.Replay replay) {
            request.abortWith(replay(replay.first(), path));
        } else if (claim instanceof Claim.Mismatch) {
            request.abortWith(ProblemResponses.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with another request; use a new key for a new request", "/" + path));
        } else {
            request.abortWith(ProblemResponses.of(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "The first request with this Idempotency-Key is still being answered", "/" + path,
                    List.of(), null, 1));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof IdempotencyRecord.Key id)) {
            return;
        }
        // a 5xx, or any answer that says "retry after", is not the request's answer: the retry should run
        if (!answerKept(response.getStatus(), response.getHeaders().containsKey(HttpHeaders.RETRY_AFTER))) {
            store.release(id);
            return;
        }
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        String locationText = location == null ? null : location.toString();
        String body = serialized(response.getEntity());
        String sealed = null;
        if (body != null && response.getEntity() instanceof SecretParts secret) {
            try {
                AnswerSeal.Split split = seal.split(body, secret.secretMembers(), id.tenant(), id.key());
                body = split.clearBody();
                sealed = split.sealedParts();
            } catch (RuntimeException cannotSeal) {
                // no answer is kept rather than a secret in the clear: a retry then runs as a new request
                LOG.log(Level.WARNING, "An idempotent answer with secret parts could not be sealed ({0}); it is "
                        + "not kept", cannotSeal.getClass().getName());
                store.release(id);
                return;
            }
        }
        store.complete(id, response.getStatus(), response.getMediaType() == null ? null : response.getMediaType().toString(),
                locationText, body, sealed, dossierOf(request.getUriInfo().getPath(), locationText));
    }

    /** Portal POSTs with a key; not the Assure events webhook, which Signicat calls. */
    static boolean applies(String method, String path, String key) {
        return key != null && "POST".equals(method) && path.startsWith("api/v1/")
                && !path.startsWith("api/v1/assure-events");
    }

    /** 1 to 200 visible ASCII characters. */
    static boolean validKey(String key) {
        return VALID_KEY.matcher(key).matches();
    }

    /** What "the same request" means: method, path and body bytes. */
    static String requestHash(String method, String path, byte[] body) {
        return Fingerprint.sha256((method + " /" + path + "\n").getBytes(StandardCharsets.UTF_8), body);
    }

    /** A 5xx, or any answer that says "retry after", is not the request's answer: the key is released. */
    static boolean answerKept(int status, boolean retryAfter) {
        return status < 500 && !retryAfter;
    }

    /**
     * The dossier a request is about: from its path (api/v1/dossiers/{d}/...) or, for the request that opened
     * it, from the Location of its answer. Null when it is about none.
     */
    static String dossierOf(String path, String location) {
        String fromPath = DOSSIER.matcher(path.startsWith("/") ? path : "/" + path).results().findFirst()
                .map(m -> m.group(1)).orElse(null);
        if (fromPath != null || location == null) {
            return fromPath;
        }
        return DOSSIER.matcher(java.net.URI.create(location).getPath()).results().findFirst()
                .map(m -> m.group(1)).orElse(null);
    }

    /** Two requests racing for one new key: the loser finds the winner's claim. */
    private Claim claim(IdempotencyRecord.Key id, String hash, String methodPath, String dossierId) {
        try {
            return store.claim(id, hash, methodPath, dossierId);
        } catch (RuntimeException concurrentClaim) {
            return store.claim(id, hash, methodPath, dossierId);
        }
    }

    private String owner() {
        try {
            return caller.tenant();
        } catch (RuntimeException noTenant) {
            // a caller without tenant (a reviewer) owns its keys by subject; hashed, as the subject may be long
            return "sub:" + Fingerprint.sha256(caller.subject()).substring(0, 56);
        }
    }

    private Response replay(IdempotencyRecord first, String path) {
        String body = first.body();
        if (body != null && first.sealedParts() != null) {
            try {
                body = seal.join(body, first.sealedParts(), first.tenant(), first.key());
            } catch (GeneralSecurityException | RuntimeException cannotOpen) {
                // the archive key it was sealed with is gone: the first answer cannot be given again, and a
                // second process must not be made for the same key
                return ProblemResponses.of(ProblemType.CONFIGURATION, "The first answer to this Idempotency-Key "
                        + "was sealed with an archive key that is no longer configured", "/" + path);
            }
        }
        Response.ResponseBuilder answer = Response.status(first.status()).header("Idempotent-Replayed", "true");
        if (body != null) {
            answer.entity(body).type(first.contentType());
        }
        if (first.location() != null) {
            answer.header(HttpHeaders.LOCATION, first.location());
        }
        return answer.build();
    }

    private String serialized(Object entity) {
        if (entity == null || entity instanceof String) {
            return (String) entity;
        }
        ContextResolver<Jsonb> resolver = providers.getContextResolver(Jsonb.class, jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE);
        return resolver.getContext(entity.getClass()).toJson(entity);
    }
}

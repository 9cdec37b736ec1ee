package com.assuregateway.assure.control;

import com.assuregateway.audit.control.AuditLog;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.problems.control.Causes;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Every single HTTP call to Assure, behind one circuit breaker and one bulkhead for all of Assure: the
 * access token, a fresh token once on 401, timing, and an audit event per attempt (action, HTTP status,
 * duration, Assure's traceId) whatever the outcome. With a fleet-wide cap, a call (both its attempts) also holds
 * one of the fleet's permits ({@link FleetPermits}). Settings are MicroProfile Fault Tolerance config, e.g.
 * {@code com.assuregateway.assure.control.AssureCalls/call/CircuitBreaker/delay}.
 */
@ApplicationScoped
public class AssureCalls {

    static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    AssureEndpoints endpoints;

    @Inject
    AccessTokens tokens;

    @Inject
    AuditLog audit;

    @Inject
    FleetPermits permits;

    private volatile AssureClient client;

    /**
     * One call. A 404 or 410 is an answer (not a failure) where the caller says so. Opens the breaker on transient
     * failures only: a refusal is Assure working as it should.
     */
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = TransientUpstreamFailure.class)
    @Bulkhead(32)
    public Response call(Subject subject, String action, boolean notFoundIsAnswer,
                         Function<AssureClient, Response> call) {
        FleetPermits.Permit permit;
        try {
            permit = permits.acquire();
        } catch (GatewayProblem capped) {
            audit.upstreamCall(subject, action, "fleet-cap", null, 0, null, "not attempted: " + capped.getMessage());
            throw capped;
        }
        try {
            return attempts(subject, action, notFoundIsAnswer, call);
        } finally {
            permits.release(permit);
        }
    }

    private Response attempts(Subject subject, String action, boolean notFoundIsAnswer,
                              Function<AssureClient, Response> call) {
        for (int attempt = 1; ; attempt++) {
            String token = tokens.current();
            long started = System.nanoTime();
            Response response;
            try {
                response = call.apply(client());
            } catch (ProcessingException e) {
                throw unreachable(subject, action, e, elapsedMs(started));
            }
            long durationMs = elapsedMs(started);
            int status = response.getStatus();
            if (status < 400 || (notFoundIsAnswer && isNotThere(status))) {
                audit.upstreamCall(subject, action, status < 400 ? "ok" : "not-found", status, durationMs, null, null);
                return response;
            }
            UpstreamProblem problem = UpstreamProblem.of(response);
            if (status == 401 && attempt == 1) {
                audit.upstreamCall(subject, action, "token-refused", status, durationMs, problem.traceId(),
                        "retrying once with a new access token");
                tokens.invalidate(token);
                continue;
            }
            audit.upstreamCall(subject, action, "error", status, durationMs, problem.traceId(), problem.detail());
            throw refused(action, status, problem);
        }
    }

    /** 404 or 410: Assure does not have it (any more). */
    static boolean isNotThere(int status) {
        return status == 404 || status == 410;
    }

    private GatewayProblem unreachable(Subject subject, String action, ProcessingException e, long durationMs) {
        if (e.getCause() instanceof GatewayProblem tokenProblem) {
            audit.upstreamCall(subject, action, "no-token", null, durationMs, null, tokenProblem.getMessage());
            return tokenProblem;
        }
        boolean timeout = Causes.causedBy(e, SocketTimeoutException.class)
                || Causes.causedBy(e, HttpTimeoutException.class);
        boolean refusedConnection = Causes.causedBy(e, ConnectException.class);
        audit.upstreamCall(subject, action, timeout ? "timeout" : "unreachable", null, durationMs, null,
                rootCause(e).getClass().getSimpleName());
        return timeout
                ? new TransientUpstreamFailure(ProblemType.UPSTREAM_TIMEOUT, "Assure did not answer " + action
                + " in time", null, RETRY_AFTER_SECONDS, true)
                : new TransientUpstreamFailure(ProblemType.UPSTREAM_UNAVAILABLE, "Assure cannot be reached for "
                + action, null, RETRY_AFTER_SECONDS, !refusedConnection);
    }

    private static GatewayProblem refused(String action, int status, UpstreamProblem problem) {
        String detail = "Assure answered HTTP " + status + " to " + action
                + (problem.detail() != null ? ": " + problem.detail() : "");
        if (status >= 500 || status == 429) {
            return new TransientUpstreamFailure(ProblemType.UPSTREAM_UNAVAILABLE, detail, problem.traceId(),
                    RETRY_AFTER_SECONDS, false);
        }
        return new GatewayProblem(ProblemType.UPSTREAM_REJECTED, detail, problem.traceId(), null, List.of());
    }

    private AssureClient client() {
        AssureClient current = client;
        if (current != null) {
            return current;
        }
        AssureClient built = RestClientBuilder.newBuilder()
                .baseUri(endpoints.assure())
                .connectTimeout(endpoints.connectTimeoutMs(), TimeUnit.MILLISECONDS)
                .readTimeout(endpoints.readTimeoutMs(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                // bodies of known length (the faceScan, the photo) are streamed, not buffered again
                .property(KnownLengthFilter.FIXED_LENGTH_STREAMING, true)
                .register(new BearerTokenFilter(tokens))
                .register(new KnownLengthFilter())
                .build(AssureClient.class);
        // a client built on a guessed sandbox port is used once, not kept
        if (!endpoints.awaitsLocalPort()) {
            client = built;
        }
        return built;
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }


    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The parts of Assure's problem body the audit record keeps. */
    record UpstreamProblem(String traceId, String detail) {

        static UpstreamProblem of(Response response) {
            try (response) {
                if (!response.hasEntity()) {
                    return new UpstreamProblem(null, null);
                }
                JsonObject body = response.readEntity(JsonObject.class);
                String detail = body.getString("detail", body.getString("title", null));
                return new UpstreamProblem(body.getString("traceId", null), detail);
            } catch (RuntimeException notJson) {
                return new UpstreamProblem(null, null);
            }
        }
    }
}

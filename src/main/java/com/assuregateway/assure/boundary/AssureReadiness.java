package com.assuregateway.assure.boundary;

import com.assuregateway.assure.control.AccessTokens;
import com.assuregateway.assure.control.AssureEndpoints;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether Assure's token endpoint answers and accepts the gateway's credentials, proven by a real token fetch
 * at most once per {@code gateway.health.assure-cache-seconds}, so probes do not hammer Signicat.
 * <p>
 * DOWN only when the credentials are missing or refused: such an instance can never serve a flow, and a
 * rollout with a wrong secret should stop before it takes traffic. An unreachable or failing token endpoint is
 * reported in the data but leaves the check UP. That outage is shared by every replica; taking them all out of
 * the load balancer would replace the gateway's own 503 problem answers (with Retry-After) by connection errors,
 * and hide the results already recorded, which need no Assure to be read.
 * <p>
 * The fetch runs in the background: a probe waits for it only briefly and otherwise gets the previous result,
 * so a hanging Signicat never makes the probe itself time out.
 */
@Readiness
@ApplicationScoped
public class AssureReadiness implements HealthCheck {

    static final String NAME = "assure";
    private static final long WAIT_MS = 800;

    @Inject
    AccessTokens tokens;

    @Inject
    AssureEndpoints endpoints;

    @Inject
    @ConfigProperty(name = "gateway.health.assure-cache-seconds", defaultValue = "30")
    long cacheSeconds;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    Executor executor;

    Clock clock = Clock.systemUTC();

    private Probe last;
    private CompletableFuture<Probe> running;

    enum Outcome { ANSWERED, UNREACHABLE, REFUSED }

    record Probe(Instant checkedAt, Outcome outcome, String detail) {
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named(NAME);
        if (endpoints.awaitsLocalPort()) {
            // the built-in sandbox is this server, on a port only the first API request tells; not Signicat
            return response.up().withData("detail", "built-in sandbox; checked once an API request has shown "
                    + "the port this server listens on").build();
        }
        response.withData("tokenEndpoint", endpoints.token().toString()).withData("cacheSeconds", cacheSeconds);
        Probe probe = awaitBriefly(refreshIfStale());
        if (probe == null) {
            return response.down().withData("detail", "the first token fetch has not finished yet").build();
        }
        response.withData("checkedAt", probe.checkedAt().toString())
                .withData("answered", probe.outcome() == Outcome.ANSWERED);
        if (probe.detail() != null) {
            response.withData("detail", probe.detail());
        }
        return response.status(probe.outcome() != Outcome.REFUSED).build();
    }

    private synchronized CompletableFuture<Probe> refreshIfStale() {
        if (running != null && !running.isDone()) {
            return running;
        }
        if (last != null && last.checkedAt().plusSeconds(cacheSeconds).isAfter(clock.instant())) {
            return CompletableFuture.completedFuture(last);
        }
        running = CompletableFuture.supplyAsync(this::probe, executor);
        return running;
    }

    private Probe awaitBriefly(CompletableFuture<Probe> pending) {
        try {
            return pending.get(WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return previous();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return previous();
        }
    }

    private synchronized Probe previous() {
        return last;
    }

    private Probe probe() {
        Instant checkedAt = clock.instant();
        Probe probe;
        try {
            tokens.renew();
            probe = new Probe(checkedAt, Outcome.ANSWERED, null);
        } catch (GatewayProblem problem) {
            Outcome outcome = problem.type() == ProblemType.CONFIGURATION ? Outcome.REFUSED : Outcome.UNREACHABLE;
            probe = new Probe(checkedAt, outcome, problem.getMessage());
        } catch (RuntimeException unexpected) {
            // the message of a client library may quote what it read; the class says enough here
            probe = new Probe(checkedAt, Outcome.UNREACHABLE, unexpected.getClass().getName());
        }
        synchronized (this) {
            last = probe;
        }
        return probe;
    }
}

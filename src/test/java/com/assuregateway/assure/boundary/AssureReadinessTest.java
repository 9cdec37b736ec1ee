package com.assuregateway.assure.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.assure.control.AccessTokens;
import com.assuregateway.assure.control.AssureEndpoints;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponse.Status;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssureReadinessTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor();
    private final FakeTokens tokens = new FakeTokens();
    private final FakeEndpoints endpoints = new FakeEndpoints();
    private Instant now = Instant.parse("2026-11-26T12:00:00Z");
    private AssureReadiness readiness;

    @BeforeAll
    static void healthApiWithoutContainer() {
        HealthCheckResponse.setResponseProvider(PlainResponseBuilder::new);
    }

    @BeforeEach
    void wire() {
        readiness = new AssureReadiness();
        readiness.tokens = tokens;
        readiness.endpoints = endpoints;
        readiness.cacheSeconds = 30;
        readiness.executor = executor;
        readiness.clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void upWhenTheTokenEndpointAnswers() {
        HealthCheckResponse response = readiness.call();
        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("answered", true)
                .containsEntry("tokenEndpoint", "https://auth.example/token")
                .containsEntry("checkedAt", now.toString());
    }

    @Test
    void downWhenTheCredentialsAreRefused() {
        tokens.failure = new GatewayProblem(ProblemType.CONFIGURATION,
                "Assure's token endpoint refused the configured client credentials (HTTP 401)");
        HealthCheckResponse response = readiness.call();
        assertThat(response.getStatus()).isEqualTo(Status.DOWN);
        assertThat(response.getData().orElseThrow()).containsEntry("answered", false)
                .containsEntry("detail", tokens.failure.getMessage());
    }

    @Test
    void upButNotAnsweredWhenAssureIsUnreachable() {
        tokens.failure = new GatewayProblem(ProblemType.UPSTREAM_UNAVAILABLE,
                "Assure's token endpoint cannot be reached", null, 5, List.of());
        HealthCheckResponse response = readiness.call();
        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(response.getData().orElseThrow()).containsEntry("answered", false)
                .containsEntry("detail", "Assure's token endpoint cannot be reached");
    }

    @Test
    void fetchesAtMostOncePerCachePeriod() {
        readiness.call();
        readiness.call();
        now = now.plusSeconds(29);
        readiness.call();
        assertThat(tokens.fetches).hasValue(1);

        now = now.plusSeconds(2);
        HealthCheckResponse response = readiness.call();
        assertThat(tokens.fetches).hasValue(2);
        assertThat(response.getData().orElseThrow()).containsEntry("checkedAt", now.toString());
    }

    @Test
    void aHangingFetchNeverHoldsTheProbe() throws Exception {
        tokens.gate = new CountDownLatch(1);
        HealthCheckResponse first = readiness.call();
        assertThat(first.getStatus()).as("nothing known yet").isEqualTo(Status.DOWN);
        assertThat(first.getData().orElseThrow().get("detail").toString()).contains("not finished");

        tokens.gate.countDown();
        for (int poll = 0; poll < 50 && tokens.fetches.get() == 0; poll++) {
            Thread.sleep(20);
        }
        HealthCheckResponse later = readiness.call();
        assertThat(later.getStatus()).isEqualTo(Status.UP);
        assertThat(tokens.fetches).as("one fetch for both probes").hasValue(1);
    }

    @Test
    void theBuiltInSandboxIsNotProbedBeforeItsPortIsKnown() {
        endpoints.portKnown = false;
        HealthCheckResponse response = readiness.call();
        assertThat(response.getStatus()).isEqualTo(Status.UP);
        assertThat(tokens.fetches).hasValue(0);
    }

    /** What the container would supply: a builder of plain responses. */
    static final class PlainResponseBuilder extends HealthCheckResponseBuilder {
        private String name;
        private Status status = Status.UP;
        private final Map<String, Object> data = new LinkedHashMap<>();

        @Override
        public HealthCheckResponseBuilder name(String name) {
            this.name = name;
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, String value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, long value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder withData(String key, boolean value) {
            data.put(key, value);
            return this;
        }

        @Override
        public HealthCheckResponseBuilder up() {
            return status(true);
        }

        @Override
        public HealthCheckResponseBuilder down() {
            return status(false);
        }

        @Override
        public HealthCheckResponseBuilder status(boolean up) {
            status = up ? Status.UP : Status.DOWN;
            return this;
        }

        @Override
        public HealthCheckResponse build() {
            return new HealthCheckResponse(name, status, Optional.of(Map.copyOf(data)));
        }
    }

    static final class FakeTokens extends AccessTokens {
        final AtomicInteger fetches = new AtomicInteger();
        volatile RuntimeException failure;
        volatile CountDownLatch gate;

        @Override
        public void renew() {
            if (gate != null) {
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            fetches.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
        }
    }

    static final class FakeEndpoints extends AssureEndpoints {
        boolean portKnown = true;

        @Override
        public URI token() {
            return URI.create("https://auth.example/token");
        }

        @Override
        public boolean awaitsLocalPort() {
            return !portKnown;
        }
    }
}

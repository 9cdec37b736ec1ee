package com.assuregateway.assure.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger fetches = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private volatile long lifetimeSeconds = 600;
    private volatile CountDownLatch endpointAnswers;
    private volatile CountDownLatch endpointAsked;
    private volatile RuntimeException endpointFails;
    private AccessTokens tokens;

    @BeforeEach
    void wire() {
        tokens = new AccessTokens();
        tokens.settings = com.assuregateway.settings.control.AssureSettings.of(null, null, null, "signicat-api", 30);
        tokens.clock = clock;
        tokens.source = () -> {
            Instant asked = clock.instant();
            int n = fetches.incrementAndGet();
            if (endpointAsked != null) {
                endpointAsked.countDown();
            }
            await(endpointAnswers);
            if (endpointFails != null) {
                throw endpointFails;
            }
            return new AccessTokens.Issued("token-" + n, asked, lifetimeSeconds);
        };
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void aFourSecondTokenServesEveryCallOfItsFirstTwoSeconds() {
        lifetimeSeconds = 4;
        List<String> used = new ArrayList<>();
        for (int call = 0; call < 20; call++) {
            used.add(tokens.current());
            clock.advance(Duration.ofMillis(99));
        }
        assertThat(fetches).hasValue(1);
        assertThat(used).containsOnly("token-1");

        clock.advance(Duration.ofMillis(100));
        assertThat(tokens.current()).isEqualTo("token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void theConfiguredMarginAppliesToLongLivedTokens() {
        tokens.current();
        clock.advance(Duration.ofSeconds(569));
        assertThat(tokens.current()).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.current()).isEqualTo("token-2");
    }

    @Test
    void aOneSecondTokenIsStillUsedForHalfItsLife() {
        lifetimeSeconds = 1;
        tokens.current();
        clock.advance(Duration.ofMillis(499));
        assertThat(tokens.current()).isEqualTo("token-1");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aSlowReadinessRenewalDoesNotHoldUpACallerWithAValidToken() throws Exception {
        assertThat(tokens.current()).isEqualTo("token-1");
        endpointAnswers = new CountDownLatch(1);
        endpointAsked = new CountDownLatch(1);
        Future<?> probe = threads.submit(tokens::renew);
        assertThat(endpointAsked.await(5, TimeUnit.SECONDS)).as("the probe is renewing").isTrue();

        CompletableFuture<String> call = CompletableFuture.supplyAsync(tokens::current, threads);
        assertThat(call.get(2, TimeUnit.SECONDS)).isEqualTo("token-1");

        endpointAnswers.countDown();
        probe.get(5, TimeUnit.SECONDS);
        assertThat(tokens.current()).isEqualTo("token-2");
    }

    @Test
    void inTheMarginOneCallerRenewsWhileTheOthersGoOnWithTheStillValidToken() throws Exception {
        tokens.current();
        clock.advance(Duration.ofSeconds(580));
        endpointAnswers = new CountDownLatch(1);
        endpointAsked = new CountDownLatch(1);
        CompletableFuture<String> renewing = CompletableFuture.supplyAsync(tokens::current, threads);
        assertThat(endpointAsked.await(5, TimeUnit.SECONDS)).isTrue();

        List<CompletableFuture<String>> others = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            others.add(CompletableFuture.supplyAsync(tokens::current, threads));
        }
        for (CompletableFuture<String> other : others) {
            assertThat(other.get(2, TimeUnit.SECONDS)).isEqualTo("token-1");
        }
        endpointAnswers.countDown();
        assertThat(renewing.get(5, TimeUnit.SECONDS)).isEqualTo("token-2");
        assertThat(fetches).as("one renewal, not one per caller").hasValue(2);
    }

    @Test
    void withoutAValidTokenCallersWaitForOneFetch() throws Exception {
        endpointAnswers = new CountDownLatch(1);
        endpointAsked = new CountDownLatch(1);
        List<CompletableFuture<String>> callers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            callers.add(CompletableFuture.supplyAsync(tokens::current, threads));
        }
        assertThat(endpointAsked.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(callers).noneMatch(CompletableFuture::isDone);

        endpointAnswers.countDown();
        for (CompletableFuture<String> caller : callers) {
            assertThat(caller.get(5, TimeUnit.SECONDS)).isEqualTo("token-1");
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aFailedRenewalInTheMarginKeepsTheValidTokenButAnExpiredOneIsNotUsed() {
        tokens.current();
        endpointFails = new GatewayProblem(ProblemType.UPSTREAM_UNAVAILABLE, "token endpoint down");
        clock.advance(Duration.ofSeconds(590));
        assertThat(tokens.current()).isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(10));
        assertThatThrownBy(tokens::current).isSameAs(endpointFails);
    }

    @Test
    void aRefusedTokenIsForgottenUnlessAlreadyReplaced() {
        tokens.current();
        tokens.invalidate("token-1");
        assertThat(tokens.current()).isEqualTo("token-2");
        tokens.invalidate("token-1");
        assertThat(tokens.current()).isEqualTo("token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void theMarginIsHalfTheLifetimeAtMost() {
        Instant at = Instant.parse("2026-12-06T12:00:00Z");
        AccessTokens.Token shortLived = AccessTokens.Token.of(new AccessTokens.Issued("t", at, 4), 30);
        assertThat(Duration.between(at, shortLived.refreshAt())).isEqualTo(Duration.ofSeconds(2));
        AccessTokens.Token longLived = AccessTokens.Token.of(new AccessTokens.Issued("t", at, 3600), 30);
        assertThat(Duration.between(at, longLived.refreshAt())).isEqualTo(Duration.ofSeconds(3570));
        AccessTokens.Token noMargin = AccessTokens.Token.of(new AccessTokens.Issued("t", at, 60), 0);
        assertThat(noMargin.refreshAt()).isEqualTo(noMargin.expiresAt());
    }

    private static void await(CountDownLatch latch) {
        if (latch == null) {
            return;
        }
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the token endpoint answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

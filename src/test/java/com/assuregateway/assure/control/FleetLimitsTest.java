package com.assuregateway.assure.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.settings.control.AssureSettings;
import com.assuregateway.settings.control.FleetSettings;
import com.assuregateway.testsupport.MovableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fleet's rules, with two instances sharing one store that behaves as the database's rows do. */
class FleetLimitsTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-06T12:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    private final RowLockedToken row = new RowLockedToken();
    private final PermitRows permitRows = new PermitRows();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void theFleetAsksForOneTokenPerRenewalNotOnePerInstance() {
        AccessTokens first = instance();
        AccessTokens second = instance();

        assertThat(first.current()).isEqualTo("token-1");
        assertThat(second.current()).isEqualTo("token-1");
        second.renew();  // a readiness probe: the fleet's token is fresh, so nobody asks Signicat
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofSeconds(571));  // within the 30 s margin of a 600 s token
        assertThat(second.current()).isEqualTo("token-2");
        assertThat(first.current()).isEqualTo("token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aTokenAssureRefusedIsDroppedForTheWholeFleet() {
        AccessTokens first = instance();
        AccessTokens second = instance();
        first.current();
        second.current();

        first.invalidate("token-1");
        assertThat(first.current()).isEqualTo("token-2");
        second.invalidate("token-1");  // its own 401 with the old one: it takes the fleet's new token
        assertThat(second.current()).isEqualTo("token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void withoutTheSettingAnInstanceKeepsItsOwnToken() {
        AccessTokens alone = instance();
        alone.share = null;
        alone.current();
        assertThat(row.token).isNull();
    }

    @Test
    void twoInstancesTogetherNeverHoldMoreThanTheCap() throws Exception {
        FleetPermits first = permits(5, 5_000);
        FleetPermits second = permits(5, 5_000);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            FleetPermits instance = i % 2 == 0 ? first : second;
            calls.add(threads.submit(() -> {
                FleetPermits.Permit permit = instance.acquire();
                try {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    Thread.sleep(10);
                    inFlight.decrementAndGet();
                } finally {
                    instance.release(permit);
                }
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        assertThat(most.get()).isBetween(2, 5);
        assertThat(permitRows.held()).isZero();
    }

    @Test
    void aCallThatFindsNoPermitInTimeGetsA503() {
        FleetPermits first = permits(1, 30);
        FleetPermits second = permits(1, 30);
        FleetPermits.Permit held = first.acquire();

        assertThatThrownBy(second::acquire).isInstanceOfSatisfying(GatewayProblem.class,
                problem -> assertThat(problem.type()).isEqualTo(ProblemType.UPSTREAM_UNAVAILABLE));
        first.release(held);
        second.release(second.acquire());
    }

    @Test
    void aPermitOfADeadInstanceIsFreeAgainAfterItsLease() {
        FleetPermits dead = permits(1, 0);
        FleetPermits alive = permits(1, 0);
        dead.acquire();  // never given back

        assertThatThrownBy(alive::acquire).isInstanceOf(GatewayProblem.class);
        clock.advance(Duration.ofSeconds(121));
        assertThat(alive.acquire().holder()).isNotNull();
    }

    @Test
    void withoutACapNoPermitIsTaken() {
        FleetPermits uncapped = permits(0, 0);
        FleetPermits.Permit permit = uncapped.acquire();
        uncapped.release(permit);
        assertThat(permit.holder()).isNull();
        assertThat(permitRows.taken).hasValue(0);
    }

    private AccessTokens instance() {
        AccessTokens tokens = new AccessTokens();
        tokens.settings = AssureSettings.of(null, null, null, "signicat-api", 30);
        tokens.clock = clock;
        tokens.source = () -> new AccessTokens.Issued("token-" + fetches.incrementAndGet(), clock.instant(), 600);
        tokens.share = row;
        return tokens;
    }

    private FleetPermits permits(int cap, long waitMs) {
        FleetPermits permits = new FleetPermits();
        permits.settings = FleetSettings.of(cap, waitMs, 120, false);
        permits.clock = clock;
        permits.store = permitRows;
        return permits;
    }

    /** assure_fleet_token: one row, read and renewed under its lock. */
    private static final class RowLockedToken implements AccessTokens.Share {
        private AccessTokens.Token token;

        @Override
        public synchronized AccessTokens.Token obtain(Clock clock, Supplier<AccessTokens.Token> fetchNew) {
            if (token != null && token.isFreshAt(clock.instant())) {
                return token;
            }
            token = fetchNew.get();
            return token;
        }

        @Override
        public synchronized void drop(String refused) {
            if (token != null && token.value().equals(refused)) {
                token = null;
            }
        }
    }

    /** assure_call_permit: a slot is free when it has no holder or its lease ran out. */
    private static final class PermitRows implements FleetPermits.Store {
        private final Map<Integer, String> holders = new HashMap<>();
        private final Map<Integer, Long> leases = new HashMap<>();
        private final AtomicInteger taken = new AtomicInteger();

        @Override
        public synchronized boolean tryTake(String holder, int cap, long nowMs, long leaseUntilMs) {
            for (int slot = 0; slot < cap; slot++) {
                if (holders.get(slot) == null || leases.get(slot) < nowMs) {
                    holders.put(slot, holder);
                    leases.put(slot, leaseUntilMs);
                    taken.incrementAndGet();
                    return true;
                }
            }
            return false;
        }

        @Override
        public synchronized void giveBack(String holder) {
            holders.replaceAll((slot, h) -> holder.equals(h) ? null : h);
        }

        synchronized long held() {
            return holders.values().stream().filter(h -> h != null).count();
        }
    }
}

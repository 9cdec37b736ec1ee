package com.assuregateway.assure.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.settings.control.FleetSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The fleet-wide cap on concurrent calls to Assure ({@code gateway.assure.fleet-max-concurrent-calls}): a call
 * holds one of the fleet's permits for its duration. Off (the default), a call takes nothing and pays nothing.
 * A caller that finds none free polls, briefly, for {@code gateway.assure.fleet-permit-wait-ms}, then gets a 503;
 * a permit whose instance died holding it is free again after its lease.
 */
@ApplicationScoped
public class FleetPermits {

    private static final Logger LOG = Logger.getLogger(FleetPermits.class.getName());
    private static final long FIRST_PAUSE_MS = 5;
    private static final long LONGEST_PAUSE_MS = 50;

    /** Where the permits live: the database, or a map in unit tests. */
    public interface Store {
        boolean tryTake(String holder, int cap, long nowMs, long leaseUntilMs);

        void giveBack(String holder);
    }

    /** A permit held, or none when there is no cap. */
    public record Permit(String holder) {
        static final Permit NONE = new Permit(null);
    }

    @Inject
    @ConfigProperties
    FleetSettings settings;

    @Inject
    FleetStore database;

    @Inject
    Clock clock;

    Store store;

    @PostConstruct
    void wire() {
        store = database;
    }

    public Permit acquire() {
        if (!settings.capped()) {
            return Permit.NONE;
        }
        String holder = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.permitWaitMs());
        long pause = FIRST_PAUSE_MS;
        while (true) {
            long now = clock.millis();
            if (store.tryTake(holder, settings.maxConcurrentCalls(), now,
                    now + TimeUnit.SECONDS.toMillis(settings.permitLeaseSeconds()))) {
                return new Permit(holder);
            }
            if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline) {
                throw new GatewayProblem(ProblemType.UPSTREAM_UNAVAILABLE, "The fleet's " + settings.maxConcurrentCalls()
                        + " concurrent calls to Assure are all in flight", null, 1, List.of());
            }
            sleep(pause);
            pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
        }
    }

    /** Never fails the call it ends: a permit not given back is freed by its lease. */
    public void release(Permit permit) {
        if (permit.holder() == null) {
            return;
        }
        try {
            store.giveBack(permit.holder());
        } catch (RuntimeException e) {
            LOG.warning(() -> "A permit for Assure calls was not given back (" + e.getClass().getSimpleName()
                    + "); its lease frees it");
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayProblem(ProblemType.UPSTREAM_UNAVAILABLE, "Interrupted while waiting for a permit "
                    + "to call Assure", null, 1, List.of());
        }
    }
}

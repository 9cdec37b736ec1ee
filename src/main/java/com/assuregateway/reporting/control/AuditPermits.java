package com.assuregateway.reporting.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.settings.control.AuditSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * How many of the audit API's heavy reads run at once: exports (which last as long as their client reads) and
 * aggregates ({@code stats}, {@code total=true}: each reads a whole range). Past the limit a caller is
 * refused at once with 429 rather than queued, so a burst of exports can neither pile up threads nor take
 * the connections the flow needs. Two separate limits: slow export readers must not lock statistics out.
 */
@ApplicationScoped
public class AuditPermits {

    /** Long enough for a running export page or aggregate to finish; a client may retry sooner with a narrower filter. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    @ConfigProperties
    AuditSettings settings;

    private Semaphore exports;
    private Semaphore aggregates;

    @PostConstruct
    void limit() {
        exports = new Semaphore(atLeastOne(settings.maxConcurrentExports()));
        aggregates = new Semaphore(atLeastOne(settings.maxConcurrentAggregates()));
    }

    /** A permit for one export, held until the export has been written or has failed. */
    public Permit export() {
        return take(exports, "exports");
    }

    /** A permit for one whole-range count or statistics read. */
    public Permit aggregate() {
        return take(aggregates, "statistics and totals");
    }

    static Permit take(Semaphore semaphore, String what) {
        if (!semaphore.tryAcquire()) {
            throw new GatewayProblem(ProblemType.TOO_MANY_REQUESTS, "Too many audit " + what
                    + " are running; retry later", null, RETRY_AFTER_SECONDS, List.of());
        }
        return new Permit(semaphore);
    }

    /** A limit of zero or less would refuse every read: the operator meant "small", not "never". */
    static int atLeastOne(int configured) {
        return Math.max(1, configured);
    }

    /** Released once, however many paths (normal end, failure, client gone, request end) try. */
    public static final class Permit implements AutoCloseable {

        private final Semaphore semaphore;
        private final AtomicBoolean released = new AtomicBoolean();

        Permit(Semaphore semaphore) {
            this.semaphore = semaphore;
        }

        @Override
        public void close() {
            if (released.compareAndSet(false, true)) {
                semaphore.release();
            }
        }
    }
}

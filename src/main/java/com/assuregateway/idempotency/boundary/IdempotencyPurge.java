package com.assuregateway.idempotency.boundary;

import com.assuregateway.idempotency.control.IdempotencyStore;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shortly after start and then once an hour, stored answers older than {@code gateway.idempotency.ttl-hours}
 * (read by {@link IdempotencyStore}) are deleted: a key is honoured for that long, and no longer.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class.getName());
    private static final long FIRST_ROUND_MS = TimeUnit.SECONDS.toMillis(5);
    private static final long EVERY_MS = TimeUnit.HOURS.toMillis(1);

    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    TimerService timers;

    @Inject
    IdempotencyStore store;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(FIRST_ROUND_MS, EVERY_MS, new TimerConfig("idempotency purge", false));
    }

    @Timeout
    void round() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            store.purgeExpired();
        } catch (RuntimeException e) {
            // the class only: messages of database libraries may quote data
            LOG.log(Level.WARNING, "Idempotency purge failed: {0}; the next round retries", e.getClass().getName());
        } finally {
            running.set(false);
        }
    }
}

package com.assuregateway.webhooks.boundary;

import com.assuregateway.settings.control.WebhookSettings;
import com.assuregateway.shared.control.GatewayMetrics;
import com.assuregateway.shared.control.Shutdown;
import com.assuregateway.persistence.control.LeaseHolder;
import com.assuregateway.persistence.control.Leases;
import com.assuregateway.webhooks.control.DeliveryRecords;
import com.assuregateway.webhooks.control.RetrySchedule;
import com.assuregateway.webhooks.control.WebhookSender;
import com.assuregateway.webhooks.entity.AttemptResult;
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
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The background sender of events to portals: every {@code gateway.webhooks.interval-ms} it takes the due
 * deliveries under a lease (so with several instances on one database each attempt is made by one; the
 * leases of an instance that died run out and another instance sends), sends them side by side, and records
 * each answer: delivered, tried again after the schedule's next wait (or the receiver's {@code Retry-After}),
 * exhausted, or, on 410 Gone, the endpoint disabled. A non-persistent timer: the database holds the work.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WebhookTimer {

    private static final Logger LOG = Logger.getLogger(WebhookTimer.class.getName());

    private volatile long lastGauge;

    @Resource
    TimerService timers;

    @Inject
    DeliveryRecords records;

    @Inject
    Leases leases;

    private LeaseHolder held;

    @Inject
    WebhookSender sender;

    @Inject
    GatewayMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperties
    WebhookSettings settings;

    private RetrySchedule schedule;

    @PostConstruct
    void schedule() {
        // a schedule that does not parse stops the deployment here, not at the first failed delivery
        schedule = RetrySchedule.parse(settings.retrySchedule(), settings.jitterPercent());
        held = new LeaseHolder(leases, DeliveryRecords.LEASED, "webhook delivery");
        timers.createIntervalTimer(settings.intervalMs(), settings.intervalMs(),
                new TimerConfig("webhook sender", false));
    }

    /** SIGTERM: no new round starts; the attempts under way finish within the drain and in-flight periods. */
    public void stopTaking(@Observes Shutdown.Draining draining) {
        held.stopTaking();
    }

    /**
     * The instance exits: leases still held go back now, so another instance sends at once rather than after
     * {@code gateway.webhooks.lease-seconds}. An attempt cut off by the exit may reach the receiver twice, with
     * the same {@code webhook-id}: delivery is at least once.
     */
    public void handBack(@Observes Shutdown.HandBack handBack) {
        held.handBack();
    }

    @Timeout
    void tick() {
        held.round(this::round);
    }

    private void round() {
        try {
            Map<String, CompletableFuture<AttemptResult>> inFlight = new LinkedHashMap<>();
            for (String deliveryId : records.due(settings.batchSize())) {
                if (held.stopping()) {
                    break;
                }
                if (held.take(deliveryId, settings.leaseSeconds())) {
                    start(deliveryId, inFlight);
                }
            }
            inFlight.forEach(this::finish);
            updateGauge();
        } catch (RuntimeException e) {
            // the class only: messages of database or HTTP libraries may quote data
            LOG.log(Level.WARNING, "Webhook round failed: {0}; the next round retries", e.getClass().getName());
        }
    }

    private void start(String deliveryId, Map<String, CompletableFuture<AttemptResult>> inFlight) {
        try {
            records.load(deliveryId).ifPresentOrElse(
                    due -> inFlight.put(deliveryId, sender.send(due.event(), due.endpoint())),
                    () -> held.release(deliveryId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery {0} could not start: {1}",
                    new Object[]{deliveryId, e.getClass().getName()});
            held.release(deliveryId);
        }
    }

    private void finish(String deliveryId, CompletableFuture<AttemptResult> attempt) {
        try {
            record(deliveryId, answer(attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Webhook delivery {0}: the answer could not be recorded: {1}",
                    new Object[]{deliveryId, e.getClass().getName()});
        } finally {
            held.release(deliveryId);
        }
    }

    /**
     * The attempt's result, bounded: the client's timeout ends the wait for the answer's headers, not a body
     * that trickles on for ever; such an attempt is cancelled and counts as a timeout.
     */
    private AttemptResult answer(CompletableFuture<AttemptResult> attempt) throws InterruptedException {
        try {
            return attempt.get(settings.timeoutMs() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException slowBody) {
            attempt.cancel(true);
            return AttemptResult.noAnswer("timeout");
        } catch (ExecutionException unexpected) {
            return AttemptResult.noAnswer("no answer: " + unexpected.getCause().getClass().getSimpleName());
        }
    }

    private void record(String deliveryId, AttemptResult result) {
        switch (result.kind()) {
            case DELIVERED -> {
                records.delivered(deliveryId, result.httpStatus());
                metrics.webhookDelivery("delivered");
            }
            case GONE -> {
                records.gone(deliveryId, result.httpStatus());
                metrics.webhookDelivery("gone");
            }
            case FAILED -> {
                boolean retried = records.failed(deliveryId, result.httpStatus(), result.error(),
                        attempts -> schedule.next(attempts, result.retryAfter(),
                                        ThreadLocalRandom.current().nextDouble())
                                .map(wait -> clock.instant().plus(wait)).orElse(null));
                metrics.webhookDelivery(retried ? "retrying" : "exhausted");
            }
        }
    }

    /** At most every 10 s: the age of the oldest event still waiting, from the database (all instances' work). */
    private void updateGauge() {
        if (lastGauge != 0 && System.nanoTime() - lastGauge < TimeUnit.SECONDS.toNanos(10)) {
            return;
        }
        lastGauge = System.nanoTime();
        metrics.oldestUndeliveredEvent(records.oldestUndelivered()
                .map(oldest -> Duration.between(oldest, clock.instant()).toSeconds()).orElse(0L));
    }
}

package com.assuregateway.dossiers.boundary;

import com.assuregateway.archive.control.EvidenceArchives;
import com.assuregateway.dossiers.control.FollowUp;
import com.assuregateway.dossiers.control.FollowUpRecords;
import com.assuregateway.persistence.control.LeaseHolder;
import com.assuregateway.persistence.control.Leases;
import com.assuregateway.shared.control.Correlation;
import com.assuregateway.shared.control.GatewayMetrics;
import com.assuregateway.shared.control.Shutdown;
import com.assuregateway.settings.control.FollowUpSettings;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Follows up unfinished processes in the background, so the record completes even when no portal asks
 * again: every {@code gateway.followup.interval-ms} it takes the due processes one by one under a lease
 * (so with several instances on one database each process is followed by one at a time, and the leases of
 * an instance that died run out and are taken over), and asks {@link FollowUp#followUp} to move them on; it
 * keeps the backlog and archive gauges. Archive retention and the idempotency purge are timers of their own
 * components ({@code ArchiveRetention}, {@code IdempotencyPurge}). On a graceful shutdown it takes no new
 * process once the instance drains, and hands back every lease it still holds before the exit.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FollowUpTimer {

    private static final Logger LOG = Logger.getLogger(FollowUpTimer.class.getName());

    @Resource
    TimerService timers;

    @Inject
    FollowUpRecords records;

    @Inject
    Leases leases;

    private LeaseHolder held;

    @Inject
    FollowUp engine;

    @Inject
    @ConfigProperties
    FollowUpSettings settings;

    @Inject
    EvidenceArchives archives;

    private volatile long lastGauges;

    @Inject
    GatewayMetrics metrics;


    private void followUp(String processId) {
        try {
            Correlation.background("followup", () -> {
                engine.followUp(processId);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Follow-up of process {0} failed: {1}; it is retried later",
                    new Object[]{processId, e.getClass().getName()});
            records.followUpFailed(processId);
        } finally {
            held.release(processId);
        }
    }

    /** At most every 10 s: the backlog and archive gauges, from the database (all instances' work). */
    private void updateGauges() {
        if (lastGauges != 0 && System.nanoTime() - lastGauges < java.util.concurrent.TimeUnit.SECONDS.toNanos(10)) {
            return;
        }
        lastGauges = System.nanoTime();
        metrics.backlog(records.followUpBacklog());
        long[] archive = archives.countAndBytes();
        metrics.archive(archive[0], archive[1]);
    }

    @PostConstruct
    void schedule() {
        held = new LeaseHolder(leases, FollowUpRecords.LEASED, "follow-up");
        timers.createIntervalTimer(settings.intervalMs(), settings.intervalMs(), new TimerConfig("process follow-up", false));
    }

    /** The instance drains: the round in progress ends after its current process, and no new one starts. */
    public void stopTaking(@Observes Shutdown.Draining draining) {
        held.stopTaking();
    }

    /**
     * The instance exits: the lease of a process still being followed up goes back now, so another instance
     * takes it at once rather than after {@code gateway.followup.lease-seconds}. Its Assure call is cut off by
     * the exit, as by a crash; the follow-up is built to be repeated.
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
            for (String processId : records.dueForFollowUp(settings.batchSize())) {
                if (held.stopping()) {
                    break;
                }
                if (held.take(processId, settings.leaseSeconds())) {
                    followUp(processId);
                }
            }
            updateGauges();
        } catch (RuntimeException e) {
            // the class only: messages of database or HTTP libraries may quote data
            LOG.log(Level.WARNING, "Follow-up round failed: {0}; the next round retries", e.getClass().getName());
        }
    }
}

package com.assuregateway.archive.boundary;

import com.assuregateway.archive.control.EvidenceArchives;
import com.assuregateway.archive.entity.ArchiveExpired;
import com.assuregateway.settings.control.ArchiveSettings;
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
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Retention of the evidence archive: shortly after start and then once an hour, archives older than
 * {@code gateway.archive.retention-days} are announced as {@link ArchiveExpired} (at most 1000 a round),
 * and the owner of their process record erases them (dossiers' {@code FollowUpRecords}).
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ArchiveRetention {

    private static final Logger LOG = Logger.getLogger(ArchiveRetention.class.getName());
    private static final long FIRST_ROUND_MS = TimeUnit.SECONDS.toMillis(5);
    private static final long EVERY_MS = TimeUnit.HOURS.toMillis(1);
    private static final int BATCH = 1000;

    private final AtomicBoolean running = new AtomicBoolean();

    @Resource
    TimerService timers;

    @Inject
    EvidenceArchives archives;

    @Inject
    Event<ArchiveExpired> expired;

    @Inject
    @ConfigProperties
    ArchiveSettings settings;

    @Inject
    Clock clock;

    @PostConstruct
    void schedule() {
        timers.createIntervalTimer(FIRST_ROUND_MS, EVERY_MS, new TimerConfig("archive retention", false));
    }

    @Timeout
    void round() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            Instant cutoff = clock.instant().minus(Duration.ofDays(settings.retentionDays()));
            archives.archivedBefore(cutoff, BATCH).forEach(processId -> expired.fire(new ArchiveExpired(processId)));
        } catch (RuntimeException e) {
            // the class only: messages of database libraries may quote data
            LOG.log(Level.WARNING, "Archive retention failed: {0}; the next round retries", e.getClass().getName());
        } finally {
            running.set(false);
        }
    }
}

package com.assuregateway.dossiers.control;

import com.assuregateway.dossiers.entity.ProcessStatus;
import com.assuregateway.dossiers.entity.VerificationProcess;
import com.assuregateway.settings.control.ArchiveSettings;
import com.assuregateway.settings.control.EventSettings;
import com.assuregateway.settings.control.FollowUpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * When the background follow-up looks at a process again. Unfinished processes are asked about with
 * exponential backoff and jitter (so many instances and processes do not call Assure in step) until their
 * deadline; final ones are archived, with the same backoff while Assure is still packing the full result.
 */
@ApplicationScoped
public class FollowUpPolicy {

    @Inject
    Clock clock;

    @Inject
    @ConfigProperties
    FollowUpSettings followUp;

    @Inject
    @ConfigProperties
    ArchiveSettings archive;

    @Inject
    @ConfigProperties
    EventSettings events;

    public Instant firstCheck() {
        return clock.instant().plusSeconds(followUp.initialDelaySeconds());
    }

    /** The next look after one that found nothing new (or failed): doubling, capped, with ±20% jitter. */
    public Instant nextCheck(VerificationProcess process) {
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return clock.instant().plusMillis((long) (backoffSeconds(process.checkAttempts()) * 1000 * jitter));
    }

    private long backoffSeconds(int attempts) {
        long base = followUp.initialDelaySeconds() * (1L << Math.min(attempts, 20));
        return Math.min(Math.max(base, 1), followUp.maxDelaySeconds());
    }

    /**
     * How long after one event-brought look the next event may bring another: the process's current backoff
     * step, at least {@code gateway.events.min-interval-seconds}.
     */
    public Duration eventStep(VerificationProcess process) {
        return Duration.ofSeconds(Math.max(events.minIntervalSeconds(), backoffSeconds(process.checkAttempts())));
    }

    /**
     * The flood rule: what an event from Assure does to a process's next look. An event is a hint that
     * something changed, so it may bring the look forward to now; but at most once per step after the last
     * look it brought, otherwise whoever can send events (or a retry storm at Signicat) would make the
     * follow-up ask Assure about one process on every round and defeat the backoff. Within the step the
     * event changes nothing: the look the backoff planned still comes, at most one step late.
     *
     * @return the new next look, or empty when the event is coalesced with the previous one
     */
    public static Optional<Instant> eventLook(Instant nextCheckAt, Instant lastEventLook, Duration step, Instant now) {
        if (lastEventLook != null && now.isBefore(lastEventLook.plus(step))) {
            return Optional.empty();
        }
        return Optional.of(nextCheckAt != null && nextCheckAt.isBefore(now) ? nextCheckAt : now);
    }

    /** A final process needs its archive, unless archiving is off or there is no full result to keep. */
    public Instant onceFinal(VerificationProcess process) {
        return archive.enabled() && process.status() != ProcessStatus.EXPIRED ? clock.instant() : null;
    }

    public boolean archiveEnabled() {
        return archive.enabled();
    }

    /**
     * When to look after an upstream write whose answer may never come (a crash, a lost answer): after the
     * grace, which is longer than any call may take, the request is over one way or the other.
     */
    public Instant afterIntentGrace() {
        return clock.instant().plusSeconds(followUp.intentGraceSeconds());
    }

    /** Whether a write requested at that time can no longer be in flight. */
    public boolean intentGraceOver(Instant requestedAt) {
        return requestedAt != null && clock.instant().isAfter(requestedAt.plusSeconds(followUp.intentGraceSeconds()));
    }

    public boolean deadlinePassed(VerificationProcess process) {
        Instant started = process.verificationStartedAt() != null ? process.verificationStartedAt() : process.createdAt();
        return clock.instant().isAfter(started.plus(Duration.ofSeconds(followUp.deadlineSeconds())));
    }

    public boolean archiveAbandoned(VerificationProcess process) {
        Instant since = process.finalizedAt() != null ? process.finalizedAt() : process.updatedAt();
        return clock.instant().isAfter(since.plus(Duration.ofHours(archive.giveUpAfterHours())));
    }
}

package com.assuregateway.dossiers.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.dossiers.entity.ProcessStatus;
import com.assuregateway.dossiers.entity.VerificationProcess;
import com.assuregateway.settings.control.ArchiveSettings;
import com.assuregateway.settings.control.EventSettings;
import com.assuregateway.settings.control.FollowUpSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When the follow-up looks again: backoff, its cap and jitter, the deadline, the grace, the archive. */
class FollowUpPolicyTest {

    private static final Instant T0 = Instant.parse("2026-07-01T10:00:00Z");

    private FollowUpPolicy policy;

    @BeforeEach
    void defaults() {
        policy = new FollowUpPolicy();
        policy.followUp = FollowUpSettings.of(2, 300, 3600, 60);
        policy.archive = ArchiveSettings.of(true, 24, 3650, false);
        policy.events = EventSettings.withMinIntervalSeconds(10);
        at(T0);
    }

    private void at(Instant now) {
        policy.clock = Clock.fixed(now, ZoneOffset.UTC);
    }

    private static VerificationProcess startedAt(Instant when) {
        VerificationProcess process = new VerificationProcess("p", "d", "t", "facetec", "a", ProcessStatus.PENDING,
                when.minusSeconds(30));
        process.verificationStarted("selfie", "sha", when);
        return process;
    }

    private static VerificationProcess afterLooks(int looks) {
        VerificationProcess process = startedAt(T0);
        for (int i = 0; i < looks; i++) {
            process.scheduleCheck(T0);
        }
        return process;
    }

    @Test
    void theFirstLookComesAfterTheInitialDelay() {
        assertThat(policy.firstCheck()).isEqualTo(T0.plusSeconds(2));
    }

    @ParameterizedTest(name = "after {0} looks the step is {1} s")
    @CsvSource({"0, 2", "1, 4", "2, 8", "3, 16", "6, 128", "7, 256", "8, 300", "20, 300", "63, 300", "1000, 300"})
    void theBackoffDoublesUpToItsCap(int looks, long seconds) {
        // the event step shows the backoff without jitter (the events' minimum is set below every step here)
        policy.events = EventSettings.withMinIntervalSeconds(0);
        assertThat(policy.eventStep(afterLooks(looks))).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void aZeroInitialDelayStillWaitsASecond() {
        policy.followUp = FollowUpSettings.of(0, 300, 3600, 60);
        policy.events = EventSettings.withMinIntervalSeconds(0);
        assertThat(policy.eventStep(afterLooks(5))).isEqualTo(Duration.ofSeconds(1));
    }

    @ParameterizedTest(name = "after {0} looks: {1} s ±20%")
    @CsvSource({"0, 2", "3, 16", "12, 300"})
    void theNextLookIsTheStepWithinTwentyPercentJitter(int looks, long seconds) {
        VerificationProcess process = afterLooks(looks);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < 2000; i++) {
            long ms = Duration.between(T0, policy.nextCheck(process)).toMillis();
            min = Math.min(min, ms);
            max = Math.max(max, ms);
        }
        assertThat(min).isGreaterThanOrEqualTo(seconds * 800);
        assertThat(max).isLessThanOrEqualTo(seconds * 1200);
        // spread both ways: not every process of a burst asks Assure at the same moment
        assertThat(min).isLessThan(seconds * 950);
        assertThat(max).isGreaterThan(seconds * 1050);
    }

    @Test
    void theDeadlineCountsFromTheStartOfVerification() {
        VerificationProcess process = startedAt(T0);
        at(T0.plusSeconds(3600));
        assertThat(policy.deadlinePassed(process)).isFalse();
        at(T0.plusSeconds(3601));
        assertThat(policy.deadlinePassed(process)).isTrue();
    }

    @Test
    void withoutAStartTheDeadlineCountsFromCreation() {
        VerificationProcess reserved = VerificationProcess.reserved("p", "d", "t", "facetec", T0);
        at(T0.plusSeconds(3600));
        assertThat(policy.deadlinePassed(reserved)).isFalse();
        at(T0.plusSeconds(3601));
        assertThat(policy.deadlinePassed(reserved)).isTrue();
    }

    @Test
    void theIntentGraceEndsStrictlyAfterItsLength() {
        assertThat(policy.afterIntentGrace()).isEqualTo(T0.plusSeconds(60));
        assertThat(policy.intentGraceOver(null)).isFalse();
        assertThat(policy.intentGraceOver(T0.minusSeconds(60))).isFalse();
        assertThat(policy.intentGraceOver(T0.minusSeconds(61))).isTrue();
    }

    @Test
    void aFinalProcessIsArchivedAtOnceUnlessArchivingIsOffOrItExpired() {
        VerificationProcess accepted = startedAt(T0);
        accepted.moveTo(ProcessStatus.ACCEPTED, "accepted", T0);
        assertThat(policy.onceFinal(accepted)).isEqualTo(T0);

        VerificationProcess expired = startedAt(T0);
        expired.expire(T0);
        assertThat(policy.onceFinal(expired)).isNull();

        policy.archive = ArchiveSettings.of(false, 24, 3650, false);
        assertThat(policy.onceFinal(accepted)).isNull();
        assertThat(policy.archiveEnabled()).isFalse();
    }

    @Test
    void theArchiveIsAbandonedAfterTheGiveUpHoursSinceTheProcessBecameFinal() {
        VerificationProcess accepted = startedAt(T0);
        accepted.moveTo(ProcessStatus.ACCEPTED, "accepted", T0.plusSeconds(100));
        at(T0.plusSeconds(100).plus(Duration.ofHours(24)));
        assertThat(policy.archiveAbandoned(accepted)).isFalse();
        at(T0.plusSeconds(101).plus(Duration.ofHours(24)));
        assertThat(policy.archiveAbandoned(accepted)).isTrue();
    }

    @Test
    void theEventStepIsAtLeastTheEventsMinimum() {
        assertThat(policy.eventStep(afterLooks(0))).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.eventStep(afterLooks(4))).isEqualTo(Duration.ofSeconds(32));
    }
}

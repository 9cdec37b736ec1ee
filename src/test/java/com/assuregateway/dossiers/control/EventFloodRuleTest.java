package com.assuregateway.dossiers.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.dossiers.entity.VerificationProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The flood rule: events for one process cannot make the follow-up ask Assure more than once per backoff step. */
class EventFloodRuleTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(30);

    @Test
    void theFirstEventBringsAPlannedLookForwardToNow() {
        assertThat(FollowUpPolicy.eventLook(NOW.plusSeconds(200), null, STEP, NOW)).contains(NOW);
    }

    @Test
    void aFloodWithinTheStepChangesNothingAfterTheFirstEvent() {
        Instant firstEvent = NOW;
        Instant plannedByBackoff = NOW.plusSeconds(120);
        for (int second = 0; second < 30; second++) {
            assertThat(FollowUpPolicy.eventLook(plannedByBackoff, firstEvent, STEP, NOW.plusSeconds(second)))
                    .as("event %d s after the one that brought a look", second).isEmpty();
        }
    }

    @Test
    void anEventOneStepLaterMayBringTheNextLook() {
        assertThat(FollowUpPolicy.eventLook(NOW.plusSeconds(200), NOW, STEP, NOW.plus(STEP))).contains(NOW.plus(STEP));
    }

    @Test
    void aLookAlreadyDueStaysAsEarlyAsItWas() {
        Instant due = NOW.minusSeconds(5);
        assertThat(FollowUpPolicy.eventLook(due, null, STEP, NOW)).contains(due);
    }

    @Test
    void aProcessWithoutAPlannedLookGetsOneNow() {
        assertThat(FollowUpPolicy.eventLook(null, NOW.minus(STEP), STEP, NOW)).contains(NOW);
    }

    @Test
    void anEventStampedInTheFutureByAnotherInstanceStillCoalesces() {
        // a clock ahead elsewhere must not open the gate: the hint waits, the planned look still comes
        assertThat(FollowUpPolicy.eventLook(NOW.plusSeconds(60), NOW.plusSeconds(10), STEP, NOW)).isEmpty();
    }

    @Test
    void theStepIsTheBackoffStepAndNeverBelowTheMinimumInterval() {
        FollowUpPolicy policy = new FollowUpPolicy();
        policy.followUp = com.assuregateway.settings.control.FollowUpSettings.of(2, 300, 3600, 60);
        policy.events = com.assuregateway.settings.control.EventSettings.withMinIntervalSeconds(10);
        assertThat(policy.eventStep(processAfter(0))).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.eventStep(processAfter(4))).isEqualTo(Duration.ofSeconds(32));
        assertThat(policy.eventStep(processAfter(40))).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void overAnHourAFloodCostsAtMostOneExtraLookPerStep() {
        Duration step = Duration.ofSeconds(10);
        Instant lastEventLook = null;
        int looksBroughtForward = 0;
        // an event every 100 ms for an hour: 36,000 events
        for (long ms = 0; ms < 3_600_000; ms += 100) {
            Instant at = NOW.plusMillis(ms);
            Optional<Instant> look = FollowUpPolicy.eventLook(at.plusSeconds(300), lastEventLook, step, at);
            if (look.isPresent()) {
                lastEventLook = at;
                looksBroughtForward++;
            }
        }
        assertThat(looksBroughtForward).isEqualTo(360);
    }

    private static VerificationProcess processAfter(int attempts) {
        VerificationProcess process = VerificationProcess.reserved("p", "d", "t", "facetec", NOW);
        for (int i = 0; i < attempts; i++) {
            process.scheduleCheck(NOW);
        }
        return process;
    }
}

package com.assuregateway.webhooks.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.settings.control.WebhookSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    @Test
    void parsesEveryUnitAndCountsOneAttemptMoreThanWaits() {
        RetrySchedule schedule = RetrySchedule.parse(" 500ms, 5s,5m , 2h,1d ", 0);
        assertThat(schedule.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(5),
                Duration.ofMinutes(5), Duration.ofHours(2), Duration.ofDays(1));
        assertThat(schedule.maxAttempts()).isEqualTo(6);
    }

    @Test
    void theDefaultScheduleSpansAboutThreeDaysAndGrowsExponentially() {
        RetrySchedule schedule = RetrySchedule.parse(WebhookSettings.DEFAULT_RETRY_SCHEDULE, 20);
        assertThat(schedule.span()).isBetween(Duration.ofHours(60), Duration.ofHours(84));
        List<Duration> waits = schedule.waits();
        for (int i = 1; i < waits.size(); i++) {
            assertThat(waits.get(i)).as("wait " + i).isGreaterThanOrEqualTo(waits.get(i - 1));
        }
    }

    @Test
    void refusesWhatIsNotADuration() {
        for (String bad : List.of("5", "5x", "-5s", "5 s", "s", "5s,,5m", "1.5h")) {
            assertThatThrownBy(() -> RetrySchedule.parse(bad, 0)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> RetrySchedule.parse("5s", 101)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmptyScheduleMeansOneAttempt() {
        RetrySchedule schedule = RetrySchedule.parse("", 0);
        assertThat(schedule.maxAttempts()).isEqualTo(1);
        assertThat(schedule.next(1, Optional.empty(), 0.5)).isEmpty();
    }

    @Test
    void theNthFailureWaitsTheNthStepPlusAtMostTheJitterThenNothingIsLeft() {
        RetrySchedule schedule = RetrySchedule.parse("10s,100s", 20);
        assertThat(schedule.next(1, Optional.empty(), 0.0)).contains(Duration.ofSeconds(10));
        assertThat(schedule.next(1, Optional.empty(), 0.999)).get()
                .matches(d -> d.compareTo(Duration.ofSeconds(12)) < 0 && d.compareTo(Duration.ofMillis(11_900)) > 0);
        assertThat(schedule.next(2, Optional.empty(), 0.5)).contains(Duration.ofSeconds(110));
        assertThat(schedule.next(3, Optional.empty(), 0.5)).as("exhausted").isEmpty();
        assertThat(schedule.next(0, Optional.empty(), 0.5)).isEmpty();
    }

    @Test
    void aLongerRetryAfterWinsUpToADayAShorterOneDoesNot() {
        RetrySchedule schedule = RetrySchedule.parse("10s,10s", 0);
        assertThat(schedule.next(1, Optional.of(Duration.ofSeconds(60)), 0)).contains(Duration.ofSeconds(60));
        assertThat(schedule.next(1, Optional.of(Duration.ofSeconds(2)), 0)).contains(Duration.ofSeconds(10));
        assertThat(schedule.next(1, Optional.of(Duration.ofDays(30)), 0)).contains(Duration.ofDays(1));
        assertThat(schedule.next(3, Optional.of(Duration.ofSeconds(60)), 0)).as("no attempt left").isEmpty();
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        assertThat(RetrySchedule.retryAfter("120", now)).contains(Duration.ofSeconds(120));
        assertThat(RetrySchedule.retryAfter("Tue, 01 Dec 2026 10:05:00 GMT", now)).contains(Duration.ofMinutes(5));
        assertThat(RetrySchedule.retryAfter("Tue, 01 Dec 2026 09:05:00 GMT", now)).as("past").isEmpty();
        assertThat(RetrySchedule.retryAfter("soon", now)).isEmpty();
        assertThat(RetrySchedule.retryAfter("0", now)).isEmpty();
        assertThat(RetrySchedule.retryAfter(null, now)).isEmpty();
    }
}

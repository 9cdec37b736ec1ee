package com.assuregateway.reporting.entity;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.reporting.entity.ServiceStatistics.ReviewTimes;
import com.assuregateway.reporting.entity.ServiceStatistics.UpstreamCalls;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Percentiles by nearest rank, and the error rate. */
class ServiceStatisticsTest {

    @Test
    void medianAndP90AreNearestRanksOfTheSortedWaits() {
        List<Duration> waits = IntStream.rangeClosed(1, 10).map(i -> 11 - i).mapToObj(Duration::ofMinutes).toList();
        ReviewTimes times = ReviewTimes.of(waits);
        assertThat(times.reviewed()).isEqualTo(10);
        assertThat(times.median()).isEqualTo(Duration.ofMinutes(5));
        assertThat(times.p90()).isEqualTo(Duration.ofMinutes(9));
        assertThat(ReviewTimes.of(List.of(Duration.ofHours(2)))).isEqualTo(
                new ReviewTimes(1, Duration.ofHours(2), Duration.ofHours(2)));
    }

    @Test
    void nothingReviewedAndNoCallsHaveNoFigures() {
        assertThat(ReviewTimes.of(List.of())).isEqualTo(new ReviewTimes(0, null, null));
        assertThat(new UpstreamCalls(0, 0).errorPercent()).isNull();
        assertThat(new UpstreamCalls(8, 2).errorPercent()).isEqualTo(25.0);
    }
}

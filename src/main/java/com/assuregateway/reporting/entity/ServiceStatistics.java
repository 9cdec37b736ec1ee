package com.assuregateway.reporting.entity;

import java.time.Duration;
import java.util.List;

/**
 * How the service around the processes of a filter went: how long reviews took, how Assure's calls went and
 * how the webhook deliveries stand.
 *
 * @param reviewTimes from the gateway's decision to the person's review, of the reviewed processes
 * @param upstream    the calls to Assure made for the processes, as the audit trail recorded each
 * @param deliveries  the webhook deliveries created in the same time range, by status
 */
public record ServiceStatistics(ReviewTimes reviewTimes, UpstreamCalls upstream, List<DeliveryCount> deliveries) {

    /** Median and 90th percentile (nearest rank); both null when nothing was reviewed. */
    public record ReviewTimes(long reviewed, Duration median, Duration p90) {

        public static ReviewTimes of(List<Duration> waits) {
            List<Duration> sorted = waits.stream().sorted().toList();
            return sorted.isEmpty() ? new ReviewTimes(0, null, null)
                    : new ReviewTimes(sorted.size(), rank(sorted, 50), rank(sorted, 90));
        }

        private static Duration rank(List<Duration> sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return sorted.get(Math.max(0, rank - 1));
        }
    }

    /**
     * Calls that failed are those Assure refused or did not answer (outcomes other than {@code ok} and
     * {@code not-found}, the latter a lookup answered as it may be).
     */
    public record UpstreamCalls(long calls, long failed) {

        /** Failed calls per hundred; null without calls. */
        public Double errorPercent() {
            return calls == 0 ? null : 100.0 * failed / calls;
        }
    }

    /** {@code status}: pending, delivered, exhausted or canceled. */
    public record DeliveryCount(String status, long deliveries) {
    }
}

package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signed events to portals and their background sender: {@code gateway.webhooks.*}. */
@Dependent
@ConfigProperties(prefix = "gateway.webhooks")
public class WebhookSettings {

    /** About three days: a receiver down over a weekend still gets every event. */
    public static final String DEFAULT_RETRY_SCHEDULE = "5s,1m,5m,30m,1h,2h,4h,8h,16h,24h,24h";

    @ConfigProperty(name = "retry-schedule", defaultValue = DEFAULT_RETRY_SCHEDULE)
    String retrySchedule;

    @ConfigProperty(name = "jitter-percent", defaultValue = "20")
    int jitterPercent;

    @ConfigProperty(name = "timeout-ms", defaultValue = "10000")
    long timeoutMs;

    @ConfigProperty(name = "interval-ms", defaultValue = "2000")
    long intervalMs;

    @ConfigProperty(name = "batch-size", defaultValue = "20")
    int batchSize;

    @ConfigProperty(name = "lease-seconds", defaultValue = "60")
    long leaseSeconds;

    @ConfigProperty(name = "allow-private-targets", defaultValue = "false")
    boolean allowPrivateTargets;

    @ConfigProperty(name = "rotation-overlap-seconds", defaultValue = "86400")
    long rotationOverlapSeconds;

    @ConfigProperty(name = "reviewer-identity", defaultValue = "false")
    boolean reviewerIdentity;

    @ConfigProperty(name = "max-endpoints-per-tenant", defaultValue = "10")
    int maxEndpointsPerTenant;

    /** The waits between attempts, e.g. {@code 5s,5m,30m,2h}: one attempt more than there are steps. */
    public String retrySchedule() {
        return retrySchedule;
    }

    /** Each wait is lengthened by up to this share, at random, so failed receivers are not hit in step. */
    public int jitterPercent() {
        return jitterPercent;
    }

    /** One attempt's limit: connecting and the whole answer. */
    public long timeoutMs() {
        return timeoutMs;
    }

    /** How often the sender looks for due deliveries. */
    public long intervalMs() {
        return intervalMs;
    }

    /** At most this many deliveries per round, sent side by side. */
    public int batchSize() {
        return batchSize;
    }

    /** How long one instance holds a delivery it is sending; longer than an attempt may take. */
    public long leaseSeconds() {
        return leaseSeconds;
    }

    /** Also {@code http} and loopback, private and link-local addresses: development and tests only. */
    public boolean allowPrivateTargets() {
        return allowPrivateTargets;
    }

    /** How long a rotated-out secret keeps signing beside the new one. */
    public long rotationOverlapSeconds() {
        return rotationOverlapSeconds;
    }

    /** Whether {@code process.reviewed} names the reviewer (the token's subject), not only the role. */
    public boolean reviewerIdentity() {
        return reviewerIdentity;
    }

    /** Endpoints one tenant may register. */
    public int maxEndpointsPerTenant() {
        return maxEndpointsPerTenant;
    }
}

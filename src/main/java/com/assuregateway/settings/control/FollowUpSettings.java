package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The background follow-up: {@code gateway.followup.*}. */
@Dependent
@ConfigProperties(prefix = "gateway.followup")
public class FollowUpSettings {

    @ConfigProperty(name = "interval-ms", defaultValue = "5000")
    long intervalMs;

    @ConfigProperty(name = "batch-size", defaultValue = "20")
    int batchSize;

    @ConfigProperty(name = "lease-seconds", defaultValue = "60")
    long leaseSeconds;

    @ConfigProperty(name = "initial-delay-seconds", defaultValue = "2")
    long initialDelaySeconds;

    @ConfigProperty(name = "max-delay-seconds", defaultValue = "300")
    long maxDelaySeconds;

    @ConfigProperty(name = "deadline-seconds", defaultValue = "3600")
    long deadlineSeconds;

    @ConfigProperty(name = "intent-grace-seconds", defaultValue = "60")
    long intentGraceSeconds;

    public FollowUpSettings() {
    }

    /** The backoff and deadline settings as given (unit tests); the timer's keep their defaults' values. */
    public static FollowUpSettings of(long initialDelaySeconds, long maxDelaySeconds, long deadlineSeconds,
                                      long intentGraceSeconds) {
        FollowUpSettings settings = new FollowUpSettings();
        settings.intervalMs = 5000;
        settings.batchSize = 20;
        settings.leaseSeconds = 60;
        settings.initialDelaySeconds = initialDelaySeconds;
        settings.maxDelaySeconds = maxDelaySeconds;
        settings.deadlineSeconds = deadlineSeconds;
        settings.intentGraceSeconds = intentGraceSeconds;
        return settings;
    }

    /** How often the timer looks for due processes. */
    public long intervalMs() {
        return intervalMs;
    }

    /** At most this many processes per round. */
    public int batchSize() {
        return batchSize;
    }

    /** How long one instance holds a process it follows up. */
    public long leaseSeconds() {
        return leaseSeconds;
    }

    /** The first look after verification started; the backoff doubles from here. */
    public long initialDelaySeconds() {
        return initialDelaySeconds;
    }

    /** The backoff's cap. */
    public long maxDelaySeconds() {
        return maxDelaySeconds;
    }

    /** A process with no final status this long after verification started expires. */
    public long deadlineSeconds() {
        return deadlineSeconds;
    }

    /** After this, an upstream write whose answer never came is over one way or the other. */
    public long intentGraceSeconds() {
        return intentGraceSeconds;
    }
}

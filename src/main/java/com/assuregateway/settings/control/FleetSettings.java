package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits toward Assure shared by every instance of a fleet, through the database: {@code gateway.assure.fleet-*}.
 * Both are off by default, so that a single instance touches no table for them.
 */
@Dependent
@ConfigProperties(prefix = "gateway.assure")
public class FleetSettings {

    @ConfigProperty(name = "fleet-max-concurrent-calls", defaultValue = "0")
    int maxConcurrentCalls;

    @ConfigProperty(name = "fleet-permit-wait-ms", defaultValue = "2000")
    long permitWaitMs;

    @ConfigProperty(name = "fleet-permit-lease-seconds", defaultValue = "120")
    long permitLeaseSeconds;

    @ConfigProperty(name = "fleet-shared-token", defaultValue = "false")
    boolean sharedToken;

    public FleetSettings() {
    }

    /** As given (unit tests). */
    public static FleetSettings of(int maxConcurrentCalls, long permitWaitMs, long permitLeaseSeconds,
                                   boolean sharedToken) {
        FleetSettings settings = new FleetSettings();
        settings.maxConcurrentCalls = maxConcurrentCalls;
        settings.permitWaitMs = permitWaitMs;
        settings.permitLeaseSeconds = permitLeaseSeconds;
        settings.sharedToken = sharedToken;
        return settings;
    }

    /** Calls to Assure in flight at once across all instances; 0 (or less): no fleet-wide cap. */
    public int maxConcurrentCalls() {
        return Math.max(0, maxConcurrentCalls);
    }

    public boolean capped() {
        return maxConcurrentCalls() > 0;
    }

    /** How long a call waits for a permit before it is answered 503. */
    public long permitWaitMs() {
        return Math.max(0, permitWaitMs);
    }

    /**
     * How long a permit stays taken if its instance dies holding it: longer than any call can last (Assure's
     * read timeout, 30 s by default, plus the token fetch).
     */
    public long permitLeaseSeconds() {
        return Math.max(1, permitLeaseSeconds);
    }

    public boolean sharedToken() {
        return sharedToken;
    }
}

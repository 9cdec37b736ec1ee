package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Idempotency keys: {@code gateway.idempotency.*}. */
@Dependent
@ConfigProperties(prefix = "gateway.idempotency")
public class IdempotencySettings {

    @ConfigProperty(name = "ttl-hours", defaultValue = "24")
    long ttlHours;

    @ConfigProperty(name = "in-flight-seconds", defaultValue = "120")
    long inFlightSeconds;

    public IdempotencySettings() {
    }

    /** As given (unit tests). */
    public static IdempotencySettings of(long ttlHours, long inFlightSeconds) {
        IdempotencySettings settings = new IdempotencySettings();
        settings.ttlHours = ttlHours;
        settings.inFlightSeconds = inFlightSeconds;
        return settings;
    }

    /** A key and its answer are kept this long. */
    public long ttlHours() {
        return ttlHours;
    }

    /** A request still unanswered after this is taken to have died: the key's next request starts over. */
    public long inFlightSeconds() {
        return inFlightSeconds;
    }
}

package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The graceful shutdown on SIGTERM: {@code gateway.shutdown.*}. */
@Dependent
@ConfigProperties(prefix = "gateway.shutdown")
public class ShutdownSettings {

    @ConfigProperty(name = "drain-seconds", defaultValue = "5")
    long drainSeconds;

    @ConfigProperty(name = "in-flight-seconds", defaultValue = "20")
    long inFlightSeconds;

    @ConfigProperty(name = "retry-after-seconds", defaultValue = "2")
    int retryAfterSeconds;

    /**
     * How long after SIGTERM new requests are still served while readiness says DOWN: at least the load
     * balancer's health-check interval times its fall count, so it has stopped sending before the gateway stops
     * taking requests.
     */
    public long drainSeconds() {
        return Math.max(0, drainSeconds);
    }

    /**
     * After the drain, how long requests in flight may still take; those still running then are answered 503
     * with Retry-After. Longer than Assure's read timeout lets every Assure call end by itself.
     */
    public long inFlightSeconds() {
        return Math.max(0, inFlightSeconds);
    }

    /** The Retry-After of the 503 answers given while the instance stops (another instance will take them). */
    public int retryAfterSeconds() {
        return Math.max(1, retryAfterSeconds);
    }
}

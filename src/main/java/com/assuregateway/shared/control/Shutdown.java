package com.assuregateway.shared.control;

import java.time.Instant;

/**
 * The CDI events of the graceful shutdown ({@code platform/boundary/GracefulShutdown}), for every background
 * worker that holds database leases (the follow-up, outbound deliveries): observe {@link Draining} to stop
 * taking new work, and {@link HandBack} to release the leases still held, so another instance takes that work at
 * once instead of after the leases run out. Both are fired synchronously, once each, in this order; HandBack
 * also when the application is undeployed without a SIGTERM.
 */
public final class Shutdown {

    private Shutdown() {
    }

    /** SIGTERM arrived: readiness is DOWN; requests are still served, but no new background work is to start. */
    public record Draining(Instant since) {
    }

    /** The instance is about to exit: release every lease held; what runs now is cut off by the exit. */
    public record HandBack(Instant at) {
    }
}

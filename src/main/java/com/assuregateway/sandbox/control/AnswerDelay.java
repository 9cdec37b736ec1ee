package com.assuregateway.sandbox.control;

import java.util.Optional;

/**
 * The fixed time the sandbox takes to answer every Assure call ({@code gateway.sandbox.answer-delay-ms},
 * default 0), standing in for Signicat's own latency in benchmarks and demos. It comes on top of any
 * planned fault's delay and of the {@code slow} outcome.
 */
public final class AnswerDelay {

    public static final String KEY = "gateway.sandbox.answer-delay-ms";

    /** Longest delay honoured (configured or planned): beyond this a setting is a mistake, not a latency. */
    public static final long MAX_MS = 60_000;

    private AnswerDelay() {
    }

    /** The delay in milliseconds for a configured value: none or negative is 0, capped at {@link #MAX_MS}. */
    public static long millis(Optional<Long> configured) {
        return Math.min(MAX_MS, Math.max(0L, configured.orElse(0L)));
    }

    /**
     * Holds the current request's answer for that long: the one way the sandbox delays an answer (this fixed
     * delay, the {@code slow} outcome, a planned fault's delay).
     */
    public static void hold(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // answer early rather than swallow the interrupt: the container is shutting down
            Thread.currentThread().interrupt();
        }
    }
}

package com.assuregateway.testsupport;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one way an in-container test waits: poll until something holds, bounded, and fail with the last
 * thing seen. Never a timing assertion; a fixed sleep stays only where "nothing happens during a while" is
 * the point, or where a scenario needs a moment inside another call (a crash mid-request).
 */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(250);

    private Eventually() {
    }

    /**
     * Polls the probe until the condition accepts its value, and answers that value.
     *
     * @param what what is awaited, for the failure message
     */
    public static <T> T eventually(Duration timeout, String what, Supplier<T> probe, Predicate<? super T> done) {
        return eventually(timeout, POLL, what, probe, done);
    }

    public static <T> T eventually(Duration timeout, Duration poll, String what, Supplier<T> probe,
                                   Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            T value = probe.get();
            if (done.test(value)) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Not within " + timeout.toSeconds() + " s: " + what + "; last: " + value);
            }
            pause(poll);
        }
    }

    /** Retries the assertions until they hold; after the timeout the last failure is thrown. */
    public static void eventually(Duration timeout, Runnable assertions) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertions.run();
                return;
            } catch (AssertionError notYet) {
                if (System.nanoTime() - deadline > 0) {
                    throw notYet;
                }
            }
            pause(POLL);
        }
    }

    private static void pause(Duration poll) {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }
}

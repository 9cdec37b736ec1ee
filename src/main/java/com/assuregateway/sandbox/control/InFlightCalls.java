package com.assuregateway.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Assure calls the sandbox is answering right now, and the most it answered at once since the last reset: what
 * Signicat would see of a fleet's concurrency, to check a cap against.
 */
@ApplicationScoped
public class InFlightCalls {

    private final AtomicInteger now = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    public void arrived() {
        int current = now.incrementAndGet();
        most.accumulateAndGet(current, Math::max);
    }

    public void answered() {
        now.decrementAndGet();
    }

    public int now() {
        return now.get();
    }

    public int most() {
        return most.get();
    }

    /** Starts counting the most again from the calls in flight now. */
    public void reset() {
        most.set(now.get());
    }
}

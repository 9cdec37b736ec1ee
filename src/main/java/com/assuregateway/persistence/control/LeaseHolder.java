package com.assuregateway.persistence.control;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's hold on one kind of leased work, for the timer that does it: the owner id its leases carry (one
 * per running server), its rounds (never two at once, none once the instance stops), and the hand-back of every
 * lease still held when the instance exits, so that another instance takes the work at once rather than after
 * the lease runs out.
 */
public final class LeaseHolder {

    private static final Logger LOG = Logger.getLogger(LeaseHolder.class.getName());

    private final Leases leases;
    private final Leases.Work work;
    private final String name;
    private final String owner;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean stopping;

    /** @param name what the work is called in the log, e.g. "follow-up" */
    public LeaseHolder(Leases leases, Leases.Work work, String name) {
        this.leases = leases;
        this.work = work;
        this.name = name;
        this.owner = name + "-" + UUID.randomUUID();
    }

    /** Runs one round of work, unless a round still runs (a slow one is not overlapped) or the instance stops. */
    public void round(Runnable round) {
        if (stopping || !running.compareAndSet(false, true)) {
            return;
        }
        try {
            round.run();
        } finally {
            running.set(false);
        }
    }

    /** Whether the instance stops: a round ends after the row in hand. */
    public boolean stopping() {
        return stopping;
    }

    public boolean take(String id, long leaseSeconds) {
        return leases.take(work, id, owner, leaseSeconds);
    }

    public void release(String id) {
        leases.release(work, id, owner);
    }

    /** The instance drains: no new round starts, and a running one takes no new row. */
    public void stopTaking() {
        stopping = true;
    }

    /** The instance exits: every lease still held goes back now. */
    public void handBack() {
        stopping = true;
        int released = leases.releaseAll(work, owner);
        if (released > 0) {
            LOG.log(Level.INFO, "Shutdown: handed back {0} {1} leases", new Object[]{released, name});
        }
    }
}

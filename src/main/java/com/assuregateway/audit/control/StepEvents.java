package com.assuregateway.audit.control;

import com.assuregateway.audit.entity.AuditEvent;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The events of the Assure calls one step of the flow makes, written in the transaction of the state change the
 * step records next rather than each in a transaction of its own: one commit less per relayed call. An event is
 * written after its answer either way; only the commit moves, from just after the answer to the step's next write,
 * so a crash in between loses the event together with the state it led to, and the intent recorded before the call
 * stays for the follow-up to repair from. Events still held when the step ends (it recorded nothing more, or that
 * write rolled back) are written then, each step's together. Outside a step, events are written at once.
 */
@ApplicationScoped
public class StepEvents {

    private static final Logger LOG = Logger.getLogger(StepEvents.class.getName());
    private static final ThreadLocal<List<Held>> HELD = new ThreadLocal<>();

    @Inject
    AuditWriter writer;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** An event waiting for a transaction; built afresh for each attempt to write it. */
    static final class Held {
        final Supplier<AuditEvent> event;
        /** Written in a transaction not yet ended, or in one that committed. */
        boolean taken;

        Held(Supplier<AuditEvent> event) {
            this.event = event;
        }
    }

    /** Runs one step of the flow with its calls' events held; a step within a step is part of it. */
    public <T> T during(Supplier<T> step) {
        if (HELD.get() != null) {
            return step.get();
        }
        List<Held> held = new ArrayList<>();
        HELD.set(held);
        T result;
        try {
            result = step.get();
        } catch (RuntimeException | Error failed) {
            HELD.remove();
            try {
                writeLeft(held);
            } catch (RuntimeException alsoFailed) {
                failed.addSuppressed(alsoFailed);
            }
            throw failed;
        }
        HELD.remove();
        writeLeft(held);
        return result;
    }

    public void during(Runnable step) {
        during(() -> {
            step.run();
            return null;
        });
    }

    /** Holds the event while a step runs; false when no step is running and the caller writes it itself. */
    boolean hold(Supplier<AuditEvent> event) {
        List<Held> held = HELD.get();
        if (held == null) {
            return false;
        }
        held.add(new Held(event));
        return true;
    }

    /**
     * Within the caller's transaction: the held events go with it. Should it roll back, they are held again, for
     * the step's next write or its end.
     */
    void writeHeld(EntityManager em) {
        List<Held> held = HELD.get();
        if (held == null) {
            return;
        }
        List<Held> pending = held.stream().filter(h -> !h.taken).toList();
        if (pending.isEmpty()) {
            return;
        }
        pending.forEach(h -> {
            em.persist(h.event.get());
            h.taken = true;
        });
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to add: the events are already part of the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    pending.forEach(h -> h.taken = false);
                }
            }
        });
    }

    private void writeLeft(List<Held> held) {
        List<Supplier<AuditEvent>> left = held.stream().filter(h -> !h.taken).map(h -> h.event).toList();
        if (!left.isEmpty()) {
            LOG.log(Level.FINE, "Writing {0} held upstream event(s) on their own", left.size());
            writer.append(left);
        }
    }
}

package com.assuregateway.audit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.audit.entity.AuditEvent;
import com.assuregateway.audit.entity.EventKind;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where an upstream call's event is written: with the step's next state change, or on its own, never twice, never lost. */
class StepEventsTest {

    final List<String> inStateTransaction = new ArrayList<>();
    final List<String> onTheirOwn = new ArrayList<>();
    final List<Synchronization> synchronizations = new ArrayList<>();
    StepEvents steps;
    EntityManager em;

    @BeforeEach
    void wire() {
        steps = new StepEvents();
        steps.writer = new AuditWriter() {
            @Override
            public void append(List<Supplier<AuditEvent>> events) {
                events.forEach(e -> onTheirOwn.add(e.get().action()));
            }
        };
        steps.transactions = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{TransactionSynchronizationRegistry.class}, (proxy, method, args) -> {
                    if (method.getName().equals("registerInterposedSynchronization")) {
                        synchronizations.add((Synchronization) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        em = (EntityManager) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{EntityManager.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("persist")) {
                        inStateTransaction.add(((AuditEvent) args[0]).action());
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void outsideAStepAnEventIsWrittenByTheCaller() {
        assertThat(steps.hold(event("assure.getProcess"))).isFalse();
    }

    @Test
    void anEventGoesWithTheStepsNextStateChangeOnce() {
        steps.during(() -> {
            steps.hold(event("assure.setImages"));
            steps.writeHeld(em);
            commit(Status.STATUS_COMMITTED);
            steps.writeHeld(em);
        });
        assertThat(inStateTransaction).containsExactly("assure.setImages");
        assertThat(onTheirOwn).isEmpty();
    }

    @Test
    void anEventWhoseStateChangeRolledBackIsWrittenOnItsOwnAtTheEnd() {
        steps.during(() -> {
            steps.hold(event("assure.startVerification"));
            steps.writeHeld(em);
            commit(Status.STATUS_ROLLEDBACK);
        });
        assertThat(onTheirOwn).containsExactly("assure.startVerification");
    }

    @Test
    void aStepThatFailsStillLeavesItsCallsEvents() {
        assertThatThrownBy(() -> steps.during(() -> {
            steps.hold(event("assure.createProcess"));
            throw new IllegalStateException("Assure refused");
        })).hasMessage("Assure refused");
        assertThat(onTheirOwn).containsExactly("assure.createProcess");
    }

    @Test
    void aStepWithinAStepIsPartOfIt() {
        steps.during(() -> {
            steps.during(() -> steps.hold(event("assure.getProcess")));
            assertThat(onTheirOwn).as("not yet: the outer step may still write it").isEmpty();
        });
        assertThat(onTheirOwn).containsExactly("assure.getProcess");
    }

    private void commit(int status) {
        synchronizations.forEach(s -> s.afterCompletion(status));
        synchronizations.clear();
    }

    private static Supplier<AuditEvent> event(String action) {
        return () -> new AuditEvent("d", "p", EventKind.UPSTREAM, action, "ok", 200, 1L, null, null, null, Instant.EPOCH);
    }
}

package com.assuregateway.audit.control;

import com.assuregateway.audit.entity.AuditEvent;
import com.assuregateway.audit.entity.EventKind;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.shared.control.Correlation;
import com.assuregateway.shared.control.GatewayMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Appends audit events. An upstream call's event is written with the next state change of the step that made it
 * ({@link StepEvents}), and in a transaction of its own when there is none, so a call that failed, and made the
 * step fail and roll back, still leaves its trace.
 */
@ApplicationScoped
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    GatewayMetrics metrics;

    @Inject
    Clock clock;

    @Inject
    StepEvents steps;

    @Inject
    AuditWriter writer;

    /** Joins the caller's transaction: the event commits or rolls back with the change it describes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stateChanged(Subject subject, String action, String outcome, String detail) {
        steps.writeHeld(em);
        em.persist(new AuditEvent(subject.dossierId(), subject.processId(), EventKind.STATE, action, outcome,
                null, null, null, detail, Correlation.current(), clock.instant()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void evidence(Subject subject, String action, String detail) {
        steps.writeHeld(em);
        em.persist(new AuditEvent(subject.dossierId(), subject.processId(), EventKind.EVIDENCE, action, "recorded",
                null, null, null, detail, Correlation.current(), clock.instant()));
    }

    /** Recorded with what the step does next, or at once outside a step; never in the caller's transaction. */
    public void upstreamCall(Subject subject, String action, String outcome, Integer httpStatus, long durationMs,
                             String upstreamTraceId, String detail) {
        metrics.upstreamCall(action, outcome, durationMs);
        String correlation = Correlation.current();
        Instant at = clock.instant();
        Supplier<AuditEvent> event = () -> new AuditEvent(subject.dossierId(), subject.processId(),
                EventKind.UPSTREAM, action, outcome, httpStatus, durationMs, upstreamTraceId, detail, correlation, at);
        if (!steps.hold(event)) {
            writer.append(List.of(event));
        }
    }

    /**
     * The one exception to append-only, for an erasure (within its transaction): what could identify the person
     * goes from the dossier's events. Texts a person wrote about the case (a reviewer's reason) go whole; any
     * other detail or correlation id quoting the externalReference goes too. Ids, times, outcomes stay.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int redactForErasure(String dossierId, String externalReference, List<String> freeTextActionPrefixes) {
        int redacted = 0;
        for (String prefix : freeTextActionPrefixes) {
            redacted += em.createNativeQuery("UPDATE audit_event SET detail = ? WHERE dossier_id = ? "
                            + "AND detail IS NOT NULL AND SUBSTRING(action, 1, ?) = ?")
                    .setParameter(1, ERASED).setParameter(2, dossierId).setParameter(3, prefix.length())
                    .setParameter(4, prefix).executeUpdate();
        }
        if (externalReference != null && !externalReference.isEmpty()) {
            redacted += em.createNativeQuery("UPDATE audit_event SET detail = ? WHERE dossier_id = ? "
                            + "AND POSITION(? IN detail) > 0")
                    .setParameter(1, ERASED).setParameter(2, dossierId).setParameter(3, externalReference)
                    .executeUpdate();
            redacted += em.createNativeQuery("UPDATE audit_event SET correlation_id = NULL WHERE dossier_id = ? "
                            + "AND POSITION(? IN correlation_id) > 0")
                    .setParameter(1, dossierId).setParameter(2, externalReference).executeUpdate();
        }
        return redacted;
    }

    /** What stands where an erased text was. */
    public static final String ERASED = "[erased with the dossier]";

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEvent> ofProcess(String processId) {
        return em.createNamedQuery(AuditEvent.OF_PROCESS, AuditEvent.class)
                .setParameter("processId", processId)
                .getResultList();
    }
}

package com.assuregateway.dossiers.control;

import com.assuregateway.archive.control.EvidenceArchives;
import com.assuregateway.archive.entity.ArchiveExpired;
import com.assuregateway.archive.entity.ArchiveSummary;
import com.assuregateway.audit.control.AuditLog;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.dossiers.entity.Dossier;
import com.assuregateway.dossiers.entity.ProcessStatus;
import com.assuregateway.dossiers.entity.VerificationProcess;
import com.assuregateway.persistence.control.Leases;
import com.assuregateway.webhooks.control.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The follow-up's database steps ({@link FollowUp}): the queue of processes due for a look and their leases,
 * the schedule after each look, events from Assure, expiry, and the bookkeeping of the evidence archive
 * (stored, not ready, unreadable, gone, erased by retention). Like {@link FlowRecords}, each step is its own
 * short transaction and writes the audit event that describes it; plain reads run without one (SUPPORTS).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class FollowUpRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    FollowUpPolicy policy;

    @Inject
    EvidenceArchives archives;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Assure answered the full-result download with something that is not a zip: ask again later. */
    public void fullResultUnreadable(String processId, int bytes) {
        VerificationProcess process = locked(processId);
        if (stoppedByErasure(em, process)) {
            return;
        }
        process.scheduleCheck(policy.nextCheck(process));
        audit.stateChanged(Subject.process(process.dossierId(), processId), "archive.unreadable", "retrying",
                "Assure's full result (" + bytes + " bytes) is not a zip; not archived");
    }

    /** The process for a background follow-up, without a tenant scope: the gateway looks after its own record. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public VerificationProcess processForFollowUp(String processId) {
        return em.find(VerificationProcess.class, processId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Dossier dossierOf(VerificationProcess process) {
        return em.find(Dossier.class, process.dossierId());
    }

    /** Ids of processes whose next look is due and whose lease is free, oldest due first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> dueForFollowUp(int limit) {
        return em.createNamedQuery(VerificationProcess.DUE_FOR_FOLLOW_UP, String.class)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultList();
    }

    /** The processes the follow-up leases ({@link Leases}): those with a check due. */
    public static final Leases.Work LEASED = new Leases.Work("VerificationProcess", "w.nextCheckAt IS NOT NULL");

    /** How many processes wait for a follow-up. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long followUpBacklog() {
        return em.createQuery("SELECT COUNT(p) FROM VerificationProcess p WHERE p.nextCheckAt IS NOT NULL", Long.class)
                .getSingleResult();
    }

    /** A follow-up that learnt nothing (Assure unreachable, say): look again later. */
    public void followUpFailed(String processId) {
        VerificationProcess process = locked(processId);
        if (process != null && !stoppedByErasure(em, process)) {
            process.scheduleCheck(policy.nextCheck(process));
        }
    }

    /** The follow-up found the dossier erased: it stops here, without another call to Assure. */
    public void stopFollowUp(String processId) {
        VerificationProcess process = locked(processId);
        if (process != null) {
            stoppedByErasure(em, process);
        }
    }

    /**
     * An event from Assure about this process: the next look comes now, unless an event already brought one
     * within the current backoff step (the flood rule, {@link FollowUpPolicy#eventLook}). The row lock makes
     * the rule hold across instances. Nothing is scheduled for a process with nothing left to follow up, or
     * of an erased dossier.
     *
     * @return whether a look was brought forward (false: coalesced or nothing to do)
     */
    public boolean eventArrived(String processId, String why) {
        VerificationProcess process = locked(processId);
        if (process == null || stoppedByErasure(em, process)
                || process.nextCheckAt() == null && process.status().isFinal()) {
            return false;
        }
        Instant now = clock.instant();
        Optional<Instant> next = FollowUpPolicy.eventLook(process.nextCheckAt(), process.eventCheckAt(),
                policy.eventStep(process), now);
        if (next.isEmpty()) {
            return false;
        }
        process.lookAfterEvent(next.get(), now);
        audit.stateChanged(Subject.process(process.dossierId(), processId), "followup.requested", "scheduled", why);
        return true;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<VerificationProcess> processByAssureId(String assureProcessId) {
        return em.createNamedQuery(VerificationProcess.BY_ASSURE_ID, VerificationProcess.class)
                .setParameter("assureProcessId", assureProcessId)
                .getResultStream().findFirst();
    }

    /**
     * Retention has passed ({@code archive/boundary/ArchiveRetention}): the archive goes, the record of the
     * decision and of the archive's fingerprint stays.
     */
    public void eraseArchiveByRetention(@Observes ArchiveExpired expired) {
        String processId = expired.processId();
        VerificationProcess process = em.find(VerificationProcess.class, processId);
        if (archives.erase(List.of(processId)) > 0) {
            audit.stateChanged(Subject.process(process.dossierId(), processId), "archive.erased", "retention",
                    "the retention period of the evidence archive has passed");
        }
    }

    public void expire(String processId) {
        VerificationProcess process = locked(processId);
        if (!process.status().isFinal()) {
            ProcessStatus before = process.status();
            process.expire(clock.instant());
            audit.stateChanged(Subject.process(process.dossierId(), processId), "status.expired", "expired",
                    "no final status at Assure before the follow-up deadline (was " + before.wire() + ")");
            outbox.publish(process.tenant(), ProcessEvents.finalized(process));
        }
    }

    public void archived(String processId, ArchiveSummary archive) {
        VerificationProcess process = locked(processId);
        process.scheduleCheck(null);
        audit.evidence(Subject.process(process.dossierId(), processId), "archive.stored",
                "full result sha256=" + archive.sha256() + " bytes=" + archive.sizeBytes() + " key=" + archive.keyId());
    }

    /**
     * Seals and stores the full result, unless the dossier was erased meanwhile: decided under the dossier
     * row's lock, the one the erasure holds while it deletes the archives. Were the erasure first, this sees
     * it; were this first, the erasure, waiting for the lock, then deletes what was stored. A download still
     * running when the dossier was erased is never kept.
     */
    public Optional<ArchiveSummary> archive(String processId, byte[] zip) {
        VerificationProcess snapshot = em.find(VerificationProcess.class, processId);
        Dossier dossier = em.find(Dossier.class, snapshot.dossierId(), LockModeType.PESSIMISTIC_WRITE);
        VerificationProcess process = locked(processId);
        if (dossier.isErased()) {
            process.scheduleCheck(null);
            audit.stateChanged(Subject.process(process.dossierId(), processId), "archive.discarded", "erased",
                    "the dossier was erased while its full result was downloaded; not stored");
            return Optional.empty();
        }
        ArchiveSummary stored = archives.store(processId, zip);
        archived(processId, stored);
        return Optional.of(stored);
    }

    /** Assure no longer has the full result (404, 410): asking again will not bring it back. */
    public void archiveGone(String processId, int httpStatus) {
        VerificationProcess process = locked(processId);
        process.scheduleCheck(null);
        audit.stateChanged(Subject.process(process.dossierId(), processId), "archive.gone", "gave-up",
                "Assure answered HTTP " + httpStatus + " for the full result: it no longer has it; not archived");
    }

    /** Assure is still packing the full result (204): try again later, and give up after a while. */
    public void archiveNotReady(String processId) {
        VerificationProcess process = locked(processId);
        if (stoppedByErasure(em, process)) {
            return;
        }
        if (policy.archiveAbandoned(process)) {
            process.scheduleCheck(null);
            audit.stateChanged(Subject.process(process.dossierId(), processId), "archive.abandoned", "gave-up",
                    "Assure never delivered the full result");
        } else {
            process.scheduleCheck(policy.nextCheck(process));
        }
    }

    /**
     * Whether the process's dossier is erased, which ends its follow-up. Read with the process row locked:
     * the erasure takes that lock too (after the dossier's), so either it committed before this read, and it
     * is seen, or it clears the schedule after this transaction.
     */
    static boolean stoppedByErasure(EntityManager em, VerificationProcess process) {
        Dossier dossier = em.find(Dossier.class, process.dossierId());
        if (dossier == null || !dossier.isErased()) {
            return false;
        }
        process.scheduleCheck(null);
        return true;
    }

    private VerificationProcess locked(String processId) {
        return em.find(VerificationProcess.class, processId, LockModeType.PESSIMISTIC_WRITE);
    }
}

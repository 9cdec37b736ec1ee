package com.assuregateway.dossiers.control;

import com.assuregateway.assure.entity.AssureResult;
import com.assuregateway.assure.entity.CreatedProcess;
import com.assuregateway.audit.control.AuditLog;
import com.assuregateway.idempotency.control.IdempotencyStore;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.archive.control.EvidenceArchives;
import com.assuregateway.archive.entity.ArchiveSummary;
import com.assuregateway.dossiers.entity.Decision;
import com.assuregateway.shared.control.GatewayMetrics;
import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.Dossier;
import com.assuregateway.dossiers.entity.ProcessInDossier;
import com.assuregateway.dossiers.entity.ProcessStatus;
import com.assuregateway.dossiers.entity.VerificationProcess;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.entity.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every database step of the flow, each its own short transaction: the orchestrator never holds a
 * transaction open while it waits for Assure. Each change is written together with the audit event that
 * describes it. Entities returned are detached snapshots. Plain reads join a transaction when there is one
 * and otherwise run without (SUPPORTS): a transaction of their own only cost a begin and a commit per read.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class FlowRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    FollowUpPolicy policy;

    @Inject
    MinimumMatchLevel minimumMatchLevel;

    @Inject
    EvidenceArchives archives;

    @Inject
    GatewayMetrics metrics;

    @Inject
    IdempotencyStore idempotency;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Dossier> dossierByReference(String tenant, String externalReference) {
        return em.createNamedQuery(Dossier.BY_REFERENCE, Dossier.class)
                .setParameter("tenant", tenant)
                .setParameter("reference", externalReference)
                .getResultStream().findFirst();
    }

    /** Inserts the dossier row; the unique (tenant, reference) constraint refuses a concurrent twin. */
    public Dossier reserveDossier(String tenant, String externalReference) {
        Dossier dossier = new Dossier(tenant, externalReference);
        em.persist(dossier);
        em.flush();
        audit.stateChanged(Subject.dossier(dossier.id()), "dossier.reserved", "ok", null);
        return dossier;
    }

    public Dossier linkDossier(String dossierId, String assureDossierId) {
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        if (!dossier.isLinkedUpstream()) {
            dossier.linkUpstream(assureDossierId);
            audit.stateChanged(Subject.dossier(dossierId), "dossier.created", "ok",
                    "assureDossierId=" + assureDossierId);
        }
        return dossier;
    }

    /** A live dossier within the scope; an erased one is gone (410). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Dossier dossier(TenantScope scope, String dossierId) {
        return live(dossierOrTombstone(scope, dossierId));
    }

    private static Dossier live(Dossier dossier) {
        if (dossier.isErased()) {
            throw new GatewayProblem(ProblemType.ERASED, "Dossier " + dossier.id() + " was erased at " + dossier.erasedAt());
        }
        return dossier;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Dossier dossierOrTombstone(TenantScope scope, String dossierId) {
        return withinScope(scope, dossierId, em.find(Dossier.class, dossierId));
    }

    private static Dossier withinScope(TenantScope scope, String dossierId, Dossier dossier) {
        // another tenant's dossier is answered exactly like one that does not exist
        if (dossier == null || !scope.permits(dossier.tenant())) {
            throw GatewayProblem.notFound("Dossier", dossierId);
        }
        return dossier;
    }

    /**
     * Erases the dossier here, in one transaction under the dossier row's lock: the reference, the archives,
     * the idempotency records of its requests (first answers, request fingerprints), reviewers' free text
     * and any audit text quoting the reference; the follow-up of its processes stops. Writers that could
     * bring data back afterwards (an archive, an idempotency answer) check the same lock and find it erased.
     */
    public void eraseDossier(String dossierId) {
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        if (!dossier.isErased()) {
            String externalReference = dossier.externalReference();
            dossier.erase();
            List<VerificationProcess> processes = processes(dossierId);
            // the background follow-up may be working on them: take their rows, as they are now
            processes.forEach(p -> {
                em.refresh(p, LockModeType.PESSIMISTIC_WRITE);
                p.scheduleCheck(null);
                p.eraseReviewReason(AuditLog.ERASED);
            });
            int erasedArchives = archives.erase(processes.stream().map(VerificationProcess::id).toList());
            int forgottenRequests = idempotency.forgetDossier(dossierId);
            audit.redactForErasure(dossierId, externalReference, List.of("review."));
            audit.stateChanged(Subject.dossier(dossierId), "dossier.erased", "ok",
                    "externalReference removed; archives erased: " + erasedArchives + "; idempotency records: "
                            + forgottenRequests + "; at Assure: "
                            + (dossier.isLinkedUpstream() ? "deleted" : "never created"));
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VerificationProcess> processes(String dossierId) {
        return em.createNamedQuery(VerificationProcess.OF_DOSSIER, VerificationProcess.class)
                .setParameter("dossierId", dossierId)
                .getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public VerificationProcess process(TenantScope scope, String dossierId, String processId) {
        return processInDossier(scope, dossierId, processId).process();
    }

    /**
     * The process and its live dossier within the scope, in one query: outside a transaction each read takes
     * a persistence context and a pooled connection of its own, and most steps need both. When the pair is
     * not there, the dossier alone says which problem it is (not found, erased) before the process does.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ProcessInDossier processInDossier(TenantScope scope, String dossierId, String processId) {
        List<Object[]> rows = em.createNamedQuery(VerificationProcess.WITH_DOSSIER, Object[].class)
                .setParameter("processId", processId)
                .setParameter("dossierId", dossierId)
                .getResultList();
        if (rows.isEmpty()) {
            dossier(scope, dossierId);
            throw GatewayProblem.notFound("Process", processId);
        }
        Dossier dossier = live(withinScope(scope, dossierId, (Dossier) rows.get(0)[1]));
        return new ProcessInDossier((VerificationProcess) rows.get(0)[0], dossier);
    }

    /**
     * Claims the creation of the dossier at Assure under the row's lock, recording the intent before the call.
     * A request finding a live intent of another waits; one finding an intent older than the grace (its owner
     * died or lost the answer) takes it over and must look for what the earlier attempt made.
     */
    public CreationClaim claimDossierCreation(String dossierId) {
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        Instant earlier = dossier.upstreamRequestedAt();
        CreationClaim.Kind kind = CreationClaim.decide(dossier.isLinkedUpstream(), earlier,
                policy.intentGraceOver(earlier));
        return switch (kind) {
            case LINKED -> new CreationClaim.Linked(dossier);
            case IN_FLIGHT -> new CreationClaim.InFlight();
            case CREATE -> {
                dossier.upstreamRequested();
                yield new CreationClaim.Create(dossier);
            }
            case RECOVER -> {
                dossier.upstreamRequested();
                yield new CreationClaim.Recover(dossier, earlier);
            }
        };
    }

    /**
     * The look for an earlier attempt failed: the earlier attempt's time comes back, so the next request
     * looks again over the right window, at once.
     */
    public void dossierLookupFailed(String dossierId, Instant earlierRequestAt) {
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        if (!dossier.isLinkedUpstream()) {
            dossier.upstreamRequestedAgainAt(earlierRequestAt);
        }
    }

    /** The dossier as committed now, read without a lock: a waiter's look at another request's creation. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Dossier dossierNow(String dossierId) {
        return em.find(Dossier.class, dossierId);
    }

    /** Assure said it did not create the dossier: no intent stays, the next request creates at once. */
    public void dossierNotCreatedUpstream(String dossierId) {
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        if (!dossier.isLinkedUpstream()) {
            dossier.upstreamRefused();
        }
    }

    /**
     * Assure's list cannot tell whether the earlier attempt made a dossier: a new one is made. A twin, should
     * there be one, holds no process and only the gateway's opaque id, and Assure deletes it in time.
     */
    public void dossierLookupInconclusive(String dossierId, int listed) {
        audit.stateChanged(Subject.dossier(dossierId), "dossier.lookup-inconclusive", "creating",
                "an earlier creation's answer was lost and Assure's list of its last " + listed
                        + " dossiers does not reach back to it; a twin at Assure may remain");
    }


    /**
     * Reserves the process before Assure is asked to create it. Should the answer never arrive, the
     * follow-up finds the reservation after the grace and repairs it from what Assure has.
     */
    public VerificationProcess reserveProcess(String processId, Dossier dossier, String provider) {
        String dossierId = dossier.id();
        VerificationProcess process = VerificationProcess.reserved(processId, dossierId, dossier.tenant(), provider);
        process.scheduleCheck(policy.afterIntentGrace());
        em.persist(process);
        audit.stateChanged(Subject.process(dossierId, processId), "process.reserved", "pending",
                "before asking Assure to create it");
        return process;
    }

    public VerificationProcess linkProcess(String processId, CreatedProcess created) {
        VerificationProcess process = locked(processId);
        process.linkUpstream(created.processId());
        process.scheduleCheck(null);
        ProcessStatus status = ProcessStatus.fromAssure(created.status());
        if (status != null) {
            process.moveTo(status, created.status());
        }
        audit.stateChanged(Subject.process(process.dossierId(), processId), "process.created",
                process.status().wire(), "assureProcessId=" + created.processId());
        return process;
    }

    /** Assure did not create the process (it said so, or the repair found nothing): the reservation goes. */
    public void dropReservedProcess(String processId, String why) {
        VerificationProcess process = locked(processId);
        if (process != null && !process.isLinkedUpstream()) {
            em.remove(process);
            audit.stateChanged(Subject.process(process.dossierId(), processId), "process.not-created", "dropped", why);
        }
    }

    /** Whether a process of this dossier is being created at Assure right now (reserved, within its grace). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean creationInFlight(String dossierId) {
        return processes(dossierId).stream()
                .anyMatch(p -> !p.isLinkedUpstream() && !policy.intentGraceOver(p.upstreamRequestedAt()));
    }

    /** Assure answered the full-result download with something that is not a zip: ask again later. */
    public void fullResultUnreadable(String processId, int bytes) {
        VerificationProcess process = locked(processId);
        if (stoppedByErasure(process)) {
            return;
        }
        process.scheduleCheck(policy.nextCheck(process));
        audit.stateChanged(Subject.process(process.dossierId(), processId), "archive.unreadable", "retrying",
                "Assure's full result (" + bytes + " bytes) is not a zip; not archived");
    }

    /** Assure process ids this gateway already knows in one dossier. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> linkedAssureProcessIds(String dossierId) {
        return processes(dossierId).stream().map(VerificationProcess::assureProcessId)
                .filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Starting verification may have reached Assure although its answer did not reach us: the intent stays,
     * the portal is told to wait, and the follow-up learns from Assure what happened.
     */
    public void verificationOutcomeUnknown(String processId) {
        VerificationProcess process = locked(processId);
        process.scheduleCheck(Instant.now());
        audit.stateChanged(Subject.process(process.dossierId(), processId), "verification.outcome-unknown",
                "following-up", "Assure's answer did not arrive; its state decides");
    }

    /** Refuses a photo once verification has been requested: Assure would compare against the old one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void ensurePhotoAccepted(VerificationProcess process) {
        if (process.verificationHasStarted() || process.status() != ProcessStatus.PENDING) {
            throw GatewayProblem.wrongState("Process " + process.id() + " is " + process.status().wire()
                    + " and verification was already requested; its photo can no longer change");
        }
    }

    public void photoSet(String processId, String depiction, String mediaType, String sha256, String sourceProcessId) {
        VerificationProcess process = locked(processId);
        ensurePhotoAccepted(process);
        process.photoSet(depiction, mediaType, sha256, sourceProcessId);
        audit.evidence(Subject.process(process.dossierId(), processId), "photo.set",
                depiction + " " + mediaType + " sha256=" + sha256
                        + (sourceProcessId == null ? "" : " copiedFrom=" + sourceProcessId));
    }

    /**
     * Marks the verification as requested before Assure is called. The row lock makes a concurrent second
     * request wait, then find it requested and be refused.
     */
    public VerificationProcess beginVerification(String processId, String imageDepiction, String faceScanSha256) {
        VerificationProcess process = locked(processId);
        if (process.verificationHasStarted() || process.status() != ProcessStatus.PENDING) {
            throw GatewayProblem.wrongState("Verification of process " + processId
                    + " was already requested (status " + process.status().wire() + ")");
        }
        if (!process.hasPhotoFor(imageDepiction)) {
            throw new GatewayProblem(ProblemType.PHOTO_MISSING, "Process " + processId + " has no " + imageDepiction
                    + " photo to compare with; PUT one to .../processes/" + processId + "/selfie first");
        }
        if (faceScanUsed(process.tenant(), faceScanSha256)) {
            throw replayed();
        }
        process.verificationStarted(imageDepiction, faceScanSha256);
        // the intent: should this server die before Assure answers, the follow-up finds out what happened
        process.scheduleCheck(policy.afterIntentGrace());
        try {
            em.flush();
        } catch (PersistenceException concurrentTwin) {
            // the unique index caught the same faceScan submitted at the same moment elsewhere
            throw replayed();
        }
        audit.evidence(Subject.process(process.dossierId(), processId), "verification.requested",
                "imageDepiction=" + imageDepiction + " faceScan sha256=" + faceScanSha256);
        return process;
    }

    /** Assure took the verification: from now on the background follow-up looks after the process too. */
    public VerificationProcess verificationConfirmed(String processId, String assureStatus) {
        VerificationProcess process = locked(processId);
        moveTo(process, assureStatus, "verification.started");
        process.scheduleCheck(policy.firstCheck());
        return process;
    }

    public void verificationAborted(String processId, ProblemType cause) {
        VerificationProcess process = locked(processId);
        process.verificationAborted();
        process.scheduleCheck(null);
        audit.stateChanged(Subject.process(process.dossierId(), processId), "verification.aborted",
                cause.name().toLowerCase(), "Assure did not start the verification; it may be requested again");
    }

    /**
     * Records what Assure reported. A final status brings the result and the gateway's own decision, and
     * is kept from then on: a late or repeated answer changes nothing.
     */
    public VerificationProcess recordResult(String processId, AssureResult result) {
        VerificationProcess process = locked(processId);
        if (process.status().isFinal() || stoppedByErasure(process)) {
            return process;
        }
        ProcessStatus reported = ProcessStatus.fromAssure(result.status());
        if (reported == ProcessStatus.PENDING && process.status() == ProcessStatus.PENDING
                && process.verificationHasStarted() && policy.intentGraceOver(process.verificationStartedAt())) {
            // the start never reached Assure: the portal may request it again
            process.verificationAborted();
            process.scheduleCheck(null);
            audit.stateChanged(Subject.process(process.dossierId(), processId), "verification.lost", "pending",
                    "Assure never started the requested verification; it may be requested again");
            return process;
        }
        if (reported == null || !reported.isFinal()) {
            moveTo(process, result.status(), "status.changed");
            process.scheduleCheck(policy.nextCheck(process));
            return process;
        }
        process.recordResult(result);
        moveTo(process, result.status(), "status.changed");
        decide(process, result, reported);
        process.scheduleCheck(policy.onceFinal(process));
        return process;
    }

    private void decide(VerificationProcess process, AssureResult result, ProcessStatus reported) {
        Subject subject = Subject.process(process.dossierId(), process.id());
        String tenant = em.find(Dossier.class, process.dossierId()).tenant();
        Decision decision = DecisionRules.decide(result, reported, minimumMatchLevel.forTenant(tenant));
        boolean agrees = process.decide(decision);
        metrics.decided(decision.outcome().wire(), tenant);
        audit.stateChanged(subject, "decision.made", decision.outcome().wire(),
                "reason=" + decision.reason() + " minimumMatchLevel=" + decision.minimumMatchLevel());
        if (!agrees) {
            audit.stateChanged(subject, "decision.disagrees", "assure-" + reported.wire(),
                    "the gateway decided " + decision.outcome().wire() + " (" + decision.reason()
                            + "), Assure reported " + reported.wire());
        }
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
                .setParameter("now", Instant.now())
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Takes the lease of one process for this instance, if no other instance holds a live one. A lease of
     * an instance that died runs out, and another instance takes the process over.
     */
    public boolean claim(String processId, String owner, long leaseSeconds) {
        Instant now = Instant.now();
        return em.createNamedQuery(VerificationProcess.CLAIM)
                .setParameter("owner", owner)
                .setParameter("until", now.plusSeconds(leaseSeconds))
                .setParameter("id", processId)
                .setParameter("now", now)
                .executeUpdate() == 1;
    }

    public void release(String processId, String owner) {
        em.createNamedQuery(VerificationProcess.RELEASE)
                .setParameter("id", processId)
                .setParameter("owner", owner)
                .executeUpdate();
    }

    /** How many processes wait for a follow-up. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long followUpBacklog() {
        return em.createQuery("SELECT COUNT(p) FROM VerificationProcess p WHERE p.nextCheckAt IS NOT NULL", Long.class)
                .getSingleResult();
    }

    /** A follow-up that learnt nothing (Assure unreachable, say): look again later. */
    public void followUpFailed(String processId) {
        VerificationProcess process = locked(processId);
        if (process != null && !stoppedByErasure(process)) {
            process.scheduleCheck(policy.nextCheck(process));
        }
    }

    /** The follow-up found the dossier erased: it stops here, without another call to Assure. */
    public void stopFollowUp(String processId) {
        VerificationProcess process = locked(processId);
        if (process != null) {
            stoppedByErasure(process);
        }
    }

    /**
     * Whether the process's dossier is erased, which ends its follow-up. Read with the process row locked:
     * the erasure takes that lock too (after the dossier's), so either it committed before this read, and it
     * is seen, or it clears the schedule after this transaction.
     */
    private boolean stoppedByErasure(VerificationProcess process) {
        Dossier dossier = em.find(Dossier.class, process.dossierId());
        if (dossier == null || !dossier.isErased()) {
            return false;
        }
        process.scheduleCheck(null);
        return true;
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
        if (process == null || stoppedByErasure(process)
                || process.nextCheckAt() == null && process.status().isFinal()) {
            return false;
        }
        Instant now = Instant.now();
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

    /** Retention has passed: the archive goes, the record of the decision and of the archive's fingerprint stays. */
    public void eraseArchiveByRetention(String processId) {
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
            process.expire();
            audit.stateChanged(Subject.process(process.dossierId(), processId), "status.expired", "expired",
                    "no final status at Assure before the follow-up deadline (was " + before.wire() + ")");
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
        if (stoppedByErasure(process)) {
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

    public VerificationProcess review(TenantScope scope, String dossierId, String processId, String outcome,
                                      String reason, String reviewer) {
        process(scope, dossierId, processId);
        VerificationProcess process = locked(processId);
        if (!process.awaitsReview()) {
            throw GatewayProblem.wrongState("Process " + processId + " does not await review (decision "
                    + (process.decision() == null ? "none yet" : process.decision().wire())
                    + (process.reviewedAt() == null ? "" : ", reviewed at " + process.reviewedAt()) + ")");
        }
        process.review(outcome, reason, reviewer);
        audit.stateChanged(Subject.process(dossierId, processId), "review." + outcome, outcome,
                "by " + reviewer + ": " + reason);
        return process;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<VerificationProcess> awaitingReview(TenantScope scope, int limit) {
        // the tenant and the limit in the query: the queue can be long, and a page needs no dossier lookups
        boolean oneTenant = scope.tenant() != null;
        TypedQuery<VerificationProcess> query = em.createNamedQuery(oneTenant
                        ? VerificationProcess.AWAITING_REVIEW_OF_TENANT : VerificationProcess.AWAITING_REVIEW,
                        VerificationProcess.class)
                .setParameter("outcomes", List.of(DecisionOutcome.INCONCLUSIVE, DecisionOutcome.UNKNOWN))
                .setMaxResults(limit);
        if (oneTenant) {
            query.setParameter("tenant", scope.tenant());
        }
        return query.getResultList();
    }

    private void moveTo(VerificationProcess process, String assureStatus, String action) {
        Subject subject = Subject.process(process.dossierId(), process.id());
        ProcessStatus reported = ProcessStatus.fromAssure(assureStatus);
        if (reported == null) {
            audit.stateChanged(subject, "status.unknown", "ignored", "Assure reported status '" + assureStatus + "'");
            return;
        }
        ProcessStatus before = process.status();
        if (process.moveTo(reported, assureStatus)) {
            audit.stateChanged(subject, action, reported.wire(), "from " + before.wire());
        }
    }

    /** Within the tenant only: the fingerprints are keyed by it, and another tenant's captures are not ours to see. */
    private boolean faceScanUsed(String tenant, String faceScanSha256) {
        return !em.createNamedQuery(VerificationProcess.BY_FACE_SCAN, String.class)
                .setParameter("tenant", tenant)
                .setParameter("sha256", faceScanSha256)
                .setMaxResults(1)
                .getResultList().isEmpty();
    }

    private static GatewayProblem replayed() {
        return new GatewayProblem(ProblemType.REPLAYED_FACE_SCAN,
                "This faceScan was already submitted for a verification; a new capture is needed");
    }

    private VerificationProcess locked(String processId) {
        return em.find(VerificationProcess.class, processId, LockModeType.PESSIMISTIC_WRITE);
    }
}

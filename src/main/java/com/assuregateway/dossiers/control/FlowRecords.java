package com.assuregateway.dossiers.control;

import com.assuregateway.archive.control.EvidenceArchives;
import com.assuregateway.assure.entity.AssureResult;
import com.assuregateway.assure.entity.CreatedProcess;
import com.assuregateway.audit.control.AuditLog;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.dossiers.entity.Decision;
import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.Dossier;
import com.assuregateway.dossiers.entity.ProcessInDossier;
import com.assuregateway.dossiers.entity.ProcessStatus;
import com.assuregateway.dossiers.entity.VerificationProcess;
import com.assuregateway.idempotency.control.IdempotencyStore;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.entity.TenantScope;
import com.assuregateway.shared.control.GatewayMetrics;
import com.assuregateway.webhooks.control.Outbox;
import com.assuregateway.webhooks.entity.EventPayload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every database step of the portal's flow (the follow-up's are {@link FollowUpRecords}), each its own short
 * transaction: the orchestrator never holds a transaction open while it waits for Assure. Each change is
 * written together with the audit event that describes it. Entities returned are detached snapshots. Plain
 * reads join a transaction when there is one and otherwise run without (SUPPORTS): a transaction of their
 * own only cost a begin and a commit per read.
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

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Dossier> dossierByReference(String tenant, String externalReference) {
        return em.createNamedQuery(Dossier.BY_REFERENCE, Dossier.class)
                .setParameter("tenant", tenant)
                .setParameter("reference", externalReference)
                .getResultStream().findFirst();
    }

    /** Inserts the dossier row; the unique (tenant, reference) constraint refuses a concurrent twin. */
    public Dossier reserveDossier(String tenant, String externalReference) {
        Dossier dossier = new Dossier(tenant, externalReference, clock.instant());
        em.persist(dossier);
        em.flush();
        audit.stateChanged(Subject.dossier(dossier.id()), "dossier.reserved", "ok", null);
        return dossier;
    }

    public Dossier linkDossier(String dossierId, String assureDossierId) {
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        if (!dossier.isLinkedUpstream()) {
            dossier.linkUpstream(assureDossierId, clock.instant());
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
     * and any audit text quoting the reference, and events to portals that quote a reviewer's text; the
     * follow-up of its processes stops; {@code dossier.erased} goes to the portal's endpoints. Writers that could
     * bring data back afterwards (an archive, an idempotency answer) check the same lock and find it erased.
     */
    public void eraseDossier(String dossierId) {
        Dossier dossier = em.find(Dossier.class, dossierId, LockModeType.PESSIMISTIC_WRITE);
        if (!dossier.isErased()) {
            String externalReference = dossier.externalReference();
            dossier.erase(clock.instant());
            List<VerificationProcess> processes = processes(dossierId);
            // the background follow-up may be working on them: take their rows, as they are now
            processes.forEach(p -> {
                em.refresh(p, LockModeType.PESSIMISTIC_WRITE);
                p.scheduleCheck(null);
                p.eraseReviewReason(AuditLog.ERASED, clock.instant());
            });
            int erasedArchives = archives.erase(processes.stream().map(VerificationProcess::id).toList());
            int forgottenRequests = idempotency.forgetDossier(dossierId);
            audit.redactForErasure(dossierId, externalReference, List.of("review."));
            outbox.forgetReviews(dossierId);
            outbox.publish(dossier.tenant(), new EventPayload.DossierErased(dossierId, dossier.erasedAt()));
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
                dossier.upstreamRequested(clock.instant());
                yield new CreationClaim.Create(dossier);
            }
            case RECOVER -> {
                dossier.upstreamRequested(clock.instant());
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
        VerificationProcess process = VerificationProcess.reserved(processId, dossierId, dossier.tenant(), provider,
                clock.instant());
        process.scheduleCheck(policy.afterIntentGrace());
        em.persist(process);
        audit.stateChanged(Subject.process(dossierId, processId), "process.reserved", "pending",
                "before asking Assure to create it");
        return process;
    }

    public VerificationProcess linkProcess(String processId, CreatedProcess created) {
        VerificationProcess process = locked(processId);
        process.linkUpstream(created.processId(), clock.instant());
        process.scheduleCheck(null);
        ProcessStatus status = ProcessStatus.fromAssure(created.status());
        if (status != null) {
            process.moveTo(status, created.status(), clock.instant());
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
        process.scheduleCheck(clock.instant());
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
        process.photoSet(depiction, mediaType, sha256, sourceProcessId, clock.instant());
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
        process.verificationStarted(imageDepiction, faceScanSha256, clock.instant());
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
        process.verificationAborted(clock.instant());
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
        if (process.status().isFinal() || FollowUpRecords.stoppedByErasure(em, process)) {
            return process;
        }
        ProcessStatus reported = ProcessStatus.fromAssure(result.status());
        ResultStep step = ResultStep.of(process.status(), process.verificationHasStarted(),
                policy.intentGraceOver(process.verificationStartedAt()), reported);
        if (step == ResultStep.LOST_VERIFICATION) {
            // the start never reached Assure: the portal may request it again
            process.verificationAborted(clock.instant());
            process.scheduleCheck(null);
            audit.stateChanged(Subject.process(process.dossierId(), processId), "verification.lost", "pending",
                    "Assure never started the requested verification; it may be requested again");
            return process;
        }
        if (step == ResultStep.NOT_FINAL) {
            moveTo(process, result.status(), "status.changed");
            process.scheduleCheck(policy.nextCheck(process));
            return process;
        }
        process.recordResult(result, clock.instant());
        moveTo(process, result.status(), "status.changed");
        decide(process, result, reported);
        process.scheduleCheck(policy.onceFinal(process));
        // in this transaction: no decision without its event, no event without its decision
        outbox.publish(process.tenant(), ProcessEvents.finalized(process));
        return process;
    }

    private void decide(VerificationProcess process, AssureResult result, ProcessStatus reported) {
        Subject subject = Subject.process(process.dossierId(), process.id());
        String tenant = em.find(Dossier.class, process.dossierId()).tenant();
        Decision decision = DecisionRules.decide(result, reported, minimumMatchLevel.forTenant(tenant));
        boolean agrees = process.decide(decision, clock.instant());
        metrics.decided(decision.outcome().wire(), tenant);
        audit.stateChanged(subject, "decision.made", decision.outcome().wire(),
                "reason=" + decision.reason() + " minimumMatchLevel=" + decision.minimumMatchLevel());
        if (!agrees) {
            audit.stateChanged(subject, "decision.disagrees", "assure-" + reported.wire(),
                    "the gateway decided " + decision.outcome().wire() + " (" + decision.reason()
                            + "), Assure reported " + reported.wire());
        }
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
        if (process.moveTo(reported, assureStatus, clock.instant())) {
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

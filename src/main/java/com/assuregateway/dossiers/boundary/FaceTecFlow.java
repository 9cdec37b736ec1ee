package com.assuregateway.dossiers.boundary;

import com.assuregateway.archive.control.EvidenceArchives;
import com.assuregateway.archive.entity.ArchiveSummary;
import com.assuregateway.assure.control.AssureApi;
import com.assuregateway.assure.control.AssureBodies;
import com.assuregateway.assure.control.TransientUpstreamFailure;
import com.assuregateway.assure.entity.CreatedProcess;
import com.assuregateway.assure.entity.DossierLookup;
import com.assuregateway.assure.entity.Download;
import com.assuregateway.audit.control.StepEvents;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.dossiers.boundary.ProcessCreatedView.FaceTecSession;
import com.assuregateway.dossiers.control.CreationClaim;
import com.assuregateway.dossiers.control.FaceScanFingerprint;
import com.assuregateway.dossiers.control.FlowRecords;
import com.assuregateway.dossiers.control.FollowUp;
import com.assuregateway.dossiers.control.FollowUpPolicy;
import com.assuregateway.dossiers.control.ImageFormat;
import com.assuregateway.dossiers.control.ReviewProposals;
import com.assuregateway.dossiers.control.Reviews;
import com.assuregateway.dossiers.entity.Dossier;
import com.assuregateway.dossiers.entity.ProcessInDossier;
import com.assuregateway.dossiers.entity.ReviewProposal;
import com.assuregateway.dossiers.entity.VerificationProcess;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.entity.TenantScope;
import com.assuregateway.shared.control.Fingerprint;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Orchestrates each step of the FaceTec flow: the local record first, then Assure, then the record of what
 * Assure answered. It runs without a transaction of its own on purpose: every database step commits on its
 * own ({@link FlowRecords}), so no transaction stays open while Assure is slow, and a failed upstream call
 * leaves the record consistent and the step repeatable. These are the portal's use cases; the background
 * follow-up of a process (and what an event from Assure does) is {@link FollowUp}'s.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FaceTecFlow {

    static final String PROVIDER = "facetec";
    private static final int FULL_RESULT_RETRY_SECONDS = 2;
    private static final long CREATION_POLL_MS = 100;

    @Inject
    FlowRecords records;

    @Inject
    AssureApi assure;

    @Inject
    EvidenceArchives archives;

    @Inject
    FollowUpPolicy policy;

    @Inject
    FollowUp followUp;

    @Inject
    Reviews reviews;

    @Inject
    ReviewProposals proposals;

    /** Each step's Assure calls are recorded with the state change they lead to: one commit less per call. */
    @Inject
    StepEvents steps;

    /** How long a request for a new end-user waits for a concurrent request's creation of the dossier at Assure. */
    @Inject
    @ConfigProperty(name = "gateway.dossiers.creation-wait-ms", defaultValue = "10000")
    long creationWaitMs;

    /** The one dossier of this end-user: found, or created locally and at Assure. */
    public OpenedDossier openDossier(String tenant, String externalReference) {
        return steps.during(() -> {
            Optional<Dossier> existing = records.dossierByReference(tenant, externalReference);
            Optional<Dossier> reserved = existing.isPresent() ? Optional.empty() : reserve(tenant, externalReference);
            // created: this request inserted the row; one that lost the insert to a concurrent twin found it
            boolean created = reserved.isPresent();
            Dossier dossier = linkedUpstream(reserved.or(() -> existing).orElseGet(() ->
                    records.dossierByReference(tenant, externalReference).orElseThrow()));
            // a dossier created just now has no process yet: its processes are not read back
            return new OpenedDossier(DossierView.of(dossier, created ? List.of() : records.processes(dossier.id())), created);
        });
    }

    public record OpenedDossier(DossierView view, boolean created) {
    }

    public DossierView dossier(TenantScope scope, String dossierId) {
        Dossier dossier = records.dossier(scope, dossierId);
        return DossierView.of(dossier, records.processes(dossierId));
    }

    public ProcessCreatedView createProcess(TenantScope scope, String dossierId) {
        return steps.during(() -> {
            Dossier dossier = linkedUpstream(records.dossier(scope, dossierId));
            String processId = UUID.randomUUID().toString();
            records.reserveProcess(processId, dossier, PROVIDER);
            CreatedProcess created;
            try {
                created = assure.createProcess(Subject.process(dossierId, processId), dossier.assureDossierId(), PROVIDER);
            } catch (GatewayProblem failed) {
                if (!outcomeUnknown(failed)) {
                    records.dropReservedProcess(processId, "Assure did not create it: " + failed.type().name());
                }
                throw failed;
            }
            VerificationProcess process = records.linkProcess(processId, created);
            return new ProcessCreatedView(process.id(), dossierId, PROVIDER, process.status().wire(),
                    process.createdAt(), new FaceTecSession(created.authorization(), created.deviceKeyIdentifier(),
                    created.encryptionPublicKey(), created.productionKeyText()));
        });
    }

    /** The reference photo as uploaded by the portal: checked by its bytes, sent to Assure, fingerprinted. */
    public void setPhoto(TenantScope scope, String dossierId, String processId, byte[] image) {
        steps.during(() -> {
            ImageFormat format = ImageFormat.of(image).orElseThrow(() -> new GatewayProblem(
                    ProblemType.UNSUPPORTED_IMAGE, "The photo's bytes are neither a JPEG nor a PNG image"));
            ProcessInDossier target = records.processInDossier(scope, dossierId, processId);
            VerificationProcess process = target.process();
            records.ensurePhotoAccepted(process);
            assure.setImage(subject(process), target.dossier().assureDossierId(), process.assureProcessId(), "selfie",
                    format.mediaType(), image);
            records.photoSet(processId, "selfie", format.mediaType(), Fingerprint.sha256(image), null);
        });
    }

    /** Get Image from another process of the dossier, then Set Images on this one as its selfie. */
    public void copyPhoto(TenantScope scope, String dossierId, String processId, PhotoCopyRequest request) {
        steps.during(() -> {
            ProcessInDossier target = records.processInDossier(scope, dossierId, processId);
            VerificationProcess process = target.process();
            VerificationProcess source = records.process(scope, dossierId, request.fromProcessId());
            records.ensurePhotoAccepted(process);
            Dossier dossier = target.dossier();
            byte[] image = assure.getImage(subject(process), dossier.assureDossierId(), source.assureProcessId(),
                    request.depiction()).orElseThrow(() -> new GatewayProblem(ProblemType.PHOTO_MISSING,
                    "Process " + source.id() + " has no " + request.depiction() + " image at Assure"));
            ImageFormat format = ImageFormat.of(image).orElseThrow(() -> new GatewayProblem(
                    ProblemType.UNSUPPORTED_IMAGE, "The " + request.depiction() + " image of process " + source.id()
                    + " is neither a JPEG nor a PNG image"));
            assure.setImage(subject(process), dossier.assureDossierId(), process.assureProcessId(), "selfie",
                    format.mediaType(), image);
            records.photoSet(processId, "selfie", format.mediaType(), Fingerprint.sha256(image), source.id());
        });
    }

    public VerificationAccepted startVerification(TenantScope scope, String dossierId, String processId,
                                                  VerificationRequest request) {
        return steps.during(() -> {
            FaceTecEnrollment enrollment = request.facetecEnrollment();
            // a faceScan that is not strict base64 is refused before any record is read or written
            byte[] faceScan = FaceScanFingerprint.decodeStrict(enrollment.faceScan());
            ProcessInDossier target = records.processInDossier(scope, dossierId, processId);
            VerificationProcess process = target.process();
            Dossier dossier = target.dossier();
            String depiction = request.depictionOrDefault();
            records.beginVerification(processId, depiction, FaceScanFingerprint.of(dossier.tenant(), faceScan));
            AssureBodies.Body verifyRequest = AssureBodies.verifyRequest(enrollment.faceScan(), enrollment.auditTrailImage(),
                    enrollment.lowQualityAuditTrailImage(), enrollment.userAgent(), depiction);
            String status;
            try {
                status = assure.startVerification(subject(process), dossier.assureDossierId(), process.assureProcessId(),
                        verifyRequest);
            } catch (GatewayProblem upstreamFailed) {
                if (outcomeUnknown(upstreamFailed)) {
                    records.verificationOutcomeUnknown(processId);
                } else {
                    records.verificationAborted(processId, upstreamFailed.type());
                }
                throw upstreamFailed;
            }
            VerificationProcess started = records.verificationConfirmed(processId, status);
            return new VerificationAccepted(processId, started.status().wire());
        });
    }

    /** The process as recorded; while a started verification is not final, Assure is asked first. */
    public ProcessView process(TenantScope scope, String dossierId, String processId) {
        return steps.during(() -> {
            ProcessInDossier found = records.processInDossier(scope, dossierId, processId);
            VerificationProcess process = found.process();
            if (!process.status().isFinal() && process.verificationHasStarted()) {
                process = followUp.refresh(found.dossier(), process);
            }
            return view(process);
        });
    }

    /**
     * A reviewer's verdict ({@link Reviews}): the process reviewed, or under four eyes, after a first verdict, still
     * awaiting review with its {@code reviewProposal}.
     */
    public ProcessView review(TenantScope scope, String dossierId, String processId, ReviewRequest request,
                              String reviewer) {
        return view(reviews.review(scope, dossierId, processId, request.outcome(), request.reason(), reviewer));
    }

    /** Under four eyes, confirms the proposed review as it stands (the console's button), with no note. */
    public ProcessView confirmReview(TenantScope scope, String dossierId, String processId, String reviewer) {
        return view(reviews.review(scope, dossierId, processId, null, null, reviewer));
    }

    public List<ProcessView> awaitingReview(TenantScope scope, int limit) {
        return reviewQueue(scope, limit).stream().map(QueuedProcess::process).toList();
    }

    /** The same queue with each process's tenant, for the console. */
    public List<QueuedProcess> reviewQueue(TenantScope scope, int limit) {
        List<VerificationProcess> queue = records.awaitingReview(scope, limit);
        Map<String, ReviewProposal> proposed = proposals.among(queue.stream().map(VerificationProcess::id).toList());
        return queue.stream().map(process -> new QueuedProcess(
                ProcessView.of(process, archiveOf(process), proposed.get(process.id())), process.tenant())).toList();
    }

    private ProcessView view(VerificationProcess process) {
        // only a process awaiting review can have a proposal: the portal's polling meanwhile reads no such table
        return ProcessView.of(process, archiveOf(process),
                process.awaitsReview() ? proposals.of(process.id()).orElse(null) : null);
    }

    private ArchiveSummary archiveOf(VerificationProcess process) {
        // only a final process is ever archived: the portal's polling meanwhile reads no archive row
        return process.status().isFinal() ? archives.summary(process.id()).orElse(null) : null;
    }

    /**
     * The full result of a final process, with one read of the record: from the archive once it is there,
     * otherwise Assure's zip streamed through (the caller closes it).
     */
    public FullResult fullResult(TenantScope scope, String dossierId, String processId) {
        return steps.during(() -> {
            ProcessInDossier found = records.processInDossier(scope, dossierId, processId);
            VerificationProcess process = found.process();
            if (process.status().isFinal()) {
                Optional<byte[]> archived = archives.open(processId);
                if (archived.isPresent()) {
                    return new FullResult.Archived(archived.get());
                }
            }
            if (!process.status().isFinal() || process.status() == com.assuregateway.dossiers.entity.ProcessStatus.EXPIRED) {
                throw GatewayProblem.wrongState("The full result exists once the process is final; process "
                        + processId + " is " + process.status().wire());
            }
            Dossier dossier = found.dossier();
            return new FullResult.FromAssure(assure.download(subject(process), dossier.assureDossierId(),
                    process.assureProcessId()).orElseThrow(() -> new GatewayProblem(ProblemType.FULL_RESULT_NOT_READY,
                    "Assure is still packaging the full result of process " + processId + "; retry shortly",
                    null, FULL_RESULT_RETRY_SECONDS, List.of())));
        });
    }

    /** Where a full result is served from: the gateway's archive, or Assure. */
    public sealed interface FullResult {

        record Archived(byte[] zip) implements FullResult {
        }

        record FromAssure(Download download) implements FullResult {
        }
    }

    /**
     * Erases the dossier at Assure and locally: what stays is a tombstone without personal data. Erasing
     * an erased dossier again changes nothing.
     */
    public void eraseDossier(TenantScope scope, String dossierId) {
        steps.during(() -> {
            Dossier dossier = records.dossierOrTombstone(scope, dossierId);
            if (dossier.isErased()) {
                return;
            }
            if (dossier.isLinkedUpstream()) {
                assure.deleteDossier(Subject.dossier(dossierId), dossier.assureDossierId());
            }
            records.eraseDossier(dossierId);
        });
    }

    /** The row this request inserted, or empty when a concurrent request for the same end-user inserted first. */
    private Optional<Dossier> reserve(String tenant, String externalReference) {
        try {
            return Optional.of(records.reserveDossier(tenant, externalReference));
        } catch (RuntimeException concurrentTwin) {
            if (records.dossierByReference(tenant, externalReference).isEmpty()) {
                throw concurrentTwin;
            }
            return Optional.empty();
        }
    }

    /**
     * The dossier linked to its Assure dossier, created there if need be. The creation is claimed under the
     * row's lock first (the intent), so of concurrent requests for one end-user only one calls Assure; the
     * others wait for its link, up to {@code gateway.dossiers.creation-wait-ms}, then get a retryable 409.
     * An attempt whose answer was lost is looked for by its exact reference before anything is created again.
     */
    private Dossier linkedUpstream(Dossier dossier) {
        if (dossier.isLinkedUpstream()) {
            return dossier;
        }
        long waitUntil = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(creationWaitMs);
        while (true) {
            CreationClaim claim = records.claimDossierCreation(dossier.id());
            if (claim instanceof CreationClaim.Linked linked) {
                return linked.dossier();
            }
            if (claim instanceof CreationClaim.Create create) {
                return createUpstream(create.dossier());
            }
            if (claim instanceof CreationClaim.Recover recover) {
                return recoverUpstream(recover);
            }
            Optional<Dossier> linked = awaitLinkUnlocked(dossier.id(), waitUntil);
            if (linked.isPresent()) {
                return linked.get();
            }
        }
    }

    /**
     * Waits for the owner of the creation to link the dossier, reading without a lock (the owner needs the
     * row's lock to link it). Empty when the creation may be claimed again: the owner gave up or died.
     */
    private Optional<Dossier> awaitLinkUnlocked(String dossierId, long waitUntil) {
        while (true) {
            if (System.nanoTime() - waitUntil >= 0) {
                throw new GatewayProblem(ProblemType.DOSSIER_CREATION_IN_PROGRESS, "Dossier " + dossierId
                        + " is being created at Assure by another request; retry shortly", null, 1, List.of());
            }
            pause(CREATION_POLL_MS);
            Dossier now = records.dossierNow(dossierId);
            if (now.isLinkedUpstream()) {
                return Optional.of(now);
            }
            if (!now.wasRequestedUpstream() || policy.intentGraceOver(now.upstreamRequestedAt())) {
                return Optional.empty();
            }
        }
    }

    private Dossier recoverUpstream(CreationClaim.Recover recover) {
        Dossier dossier = recover.dossier();
        Subject subject = Subject.dossier(dossier.id());
        DossierLookup lookup;
        try {
            lookup = assure.findDossier(subject, recover.earlierRequestAt());
        } catch (RuntimeException lookupFailed) {
            records.dossierLookupFailed(dossier.id(), recover.earlierRequestAt());
            throw lookupFailed;
        }
        if (lookup instanceof DossierLookup.Found found) {
            return records.linkDossier(dossier.id(), found.assureDossierId());
        }
        if (lookup instanceof DossierLookup.Inconclusive inconclusive) {
            records.dossierLookupInconclusive(dossier.id(), inconclusive.listed());
        }
        return createUpstream(dossier);
    }

    private Dossier createUpstream(Dossier dossier) {
        String assureDossierId;
        try {
            assureDossierId = assure.createDossier(Subject.dossier(dossier.id()));
        } catch (GatewayProblem failed) {
            if (!outcomeUnknown(failed)) {
                records.dossierNotCreatedUpstream(dossier.id());
            }
            throw failed;
        }
        return records.linkDossier(dossier.id(), assureDossierId);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GatewayProblem(ProblemType.DOSSIER_CREATION_IN_PROGRESS, "Interrupted while the dossier is "
                    + "being created at Assure; retry shortly", null, 1, List.of());
        }
    }

    /** Whether Assure may have done what it was asked although the answer never came. */
    private static boolean outcomeUnknown(GatewayProblem failure) {
        return failure instanceof TransientUpstreamFailure transientFailure && transientFailure.outcomeUnknown();
    }

    private static Subject subject(VerificationProcess process) {
        return Subject.process(process.dossierId(), process.id());
    }
}

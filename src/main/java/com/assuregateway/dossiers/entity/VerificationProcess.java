package com.assuregateway.dossiers.entity;

import com.assuregateway.assure.entity.AssureResult;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A FaceTec verification of one dossier: its Assure counterpart, the fingerprints of the evidence that
 * passed through (never the evidence), and the result as Assure reported it.
 */
@Entity
@Table(name = "verification_process")
@NamedQuery(name = VerificationProcess.OF_DOSSIER,
        query = "SELECT p FROM VerificationProcess p WHERE p.dossierId = :dossierId ORDER BY p.createdAt, p.id")
@NamedQuery(name = VerificationProcess.BY_FACE_SCAN,
        query = "SELECT p.id FROM VerificationProcess p WHERE p.tenant = :tenant AND p.faceScanSha256 = :sha256")
@NamedQuery(name = VerificationProcess.DUE_FOR_FOLLOW_UP,
        query = "SELECT p.id FROM VerificationProcess p WHERE p.nextCheckAt <= :now"
                + " AND (p.leaseUntil IS NULL OR p.leaseUntil < :now) ORDER BY p.nextCheckAt")
@NamedQuery(name = VerificationProcess.AWAITING_REVIEW,
        query = "SELECT p FROM VerificationProcess p WHERE p.decision IN :outcomes AND p.reviewedAt IS NULL"
                + " ORDER BY p.decidedAt, p.id")
@NamedQuery(name = VerificationProcess.AWAITING_REVIEW_OF_TENANT,
        query = "SELECT p FROM VerificationProcess p WHERE p.decision IN :outcomes AND p.reviewedAt IS NULL"
                + " AND p.tenant = :tenant ORDER BY p.decidedAt, p.id")
@NamedQuery(name = VerificationProcess.WITH_DOSSIER,
        query = "SELECT p, d FROM VerificationProcess p, Dossier d"
                + " WHERE p.id = :processId AND p.dossierId = :dossierId AND d.id = :dossierId")
@NamedQuery(name = VerificationProcess.BY_ASSURE_ID,
        query = "SELECT p FROM VerificationProcess p WHERE p.assureProcessId = :assureProcessId")
public class VerificationProcess {

    public static final String BY_ASSURE_ID = "VerificationProcess.byAssureId";
    public static final String WITH_DOSSIER = "VerificationProcess.withDossier";
    public static final String DUE_FOR_FOLLOW_UP = "VerificationProcess.dueForFollowUp";
    public static final String AWAITING_REVIEW = "VerificationProcess.awaitingReview";
    public static final String AWAITING_REVIEW_OF_TENANT = "VerificationProcess.awaitingReviewOfTenant";
    public static final String OF_DOSSIER = "VerificationProcess.ofDossier";
    public static final String BY_FACE_SCAN = "VerificationProcess.byFaceScan";

    @Id
    private String id;

    @Column(name = "dossier_id", nullable = false, updatable = false)
    private String dossierId;

    /** The dossier's tenant, kept here too so audit queries scoped to a tenant need no join (V7). */
    @Column(nullable = false, updatable = false)
    private String tenant;

    @Column(name = "assure_process_id")
    private String assureProcessId;

    @Column(name = "upstream_requested_at")
    private Instant upstreamRequestedAt;

    @Column(nullable = false, updatable = false)
    private String provider;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProcessStatus status;

    @Column(name = "assure_status")
    private String assureStatus;

    @Column(name = "photo_depiction")
    private String photoDepiction;

    @Column(name = "photo_media_type")
    private String photoMediaType;

    @Column(name = "photo_sha256")
    private String photoSha256;

    @Column(name = "photo_source_process_id")
    private String photoSourceProcessId;

    @Column(name = "image_depiction")
    private String imageDepiction;

    @Column(name = "face_scan_sha256")
    private String faceScanSha256;

    @Column(name = "verification_started_at")
    private Instant verificationStartedAt;

    @Column(name = "liveness_success")
    private Boolean livenessSuccess;

    @Column(name = "liveness_error")
    private Boolean livenessError;

    @Column(name = "check_audit_trail")
    private Boolean checkAuditTrail;

    @Column(name = "check_replay")
    private Boolean checkReplay;

    @Column(name = "check_face_scan_liveness")
    private Boolean checkFaceScanLiveness;

    @Column(name = "check_session_token")
    private Boolean checkSessionToken;

    @Column(name = "match_level")
    private Integer matchLevel;

    @Column(name = "match_algorithm")
    private String matchAlgorithm;

    @Column(name = "match_image_processing")
    private String matchImageProcessing;

    @Column(name = "match_success")
    private Boolean matchSuccess;

    @Column(name = "match_error")
    private Boolean matchError;

    @Column(name = "liveness_detected")
    private Boolean livenessDetected;

    @Column(name = "similarity_score")
    private String similarityScore;

    @Column(name = "fail_reason")
    private String failReason;

    @Column(name = "result_received_at")
    private Instant resultReceivedAt;

    @Column(name = "finalized_at")
    private Instant finalizedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Enumerated(EnumType.STRING)
    private DecisionOutcome decision;

    @Column(name = "decision_reason")
    private String decisionReason;

    @Column(name = "decision_minimum_match_level")
    private Integer decisionMinimumMatchLevel;

    @Column(name = "decision_agrees_with_assure")
    private Boolean decisionAgreesWithAssure;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "next_check_at")
    private Instant nextCheckAt;

    @Column(name = "check_attempts", nullable = false)
    private int checkAttempts;

    /** When an Assure event last brought the next look forward (the flood rule, FollowUpPolicy#eventLook). */
    @Column(name = "event_check_at")
    private Instant eventCheckAt;

    @Column(name = "lease_owner", insertable = false, updatable = false)
    private String leaseOwner;

    @Column(name = "lease_until", insertable = false, updatable = false)
    private Instant leaseUntil;

    @Column(name = "review_outcome")
    private String reviewOutcome;

    @Column(name = "review_reason")
    private String reviewReason;

    @Column(name = "reviewed_by")
    private String reviewedBy;

    @Column(name = "reviewed_at")
    private Instant reviewedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "match_attempt", joinColumns = @JoinColumn(name = "process_id"))
    @OrderColumn(name = "attempt_order")
    private List<MatchAttempt> attempts = new ArrayList<>();

    protected VerificationProcess() {
    }

    public VerificationProcess(String id, String dossierId, String tenant, String provider, String assureProcessId,
                               ProcessStatus status, Instant now) {
        this.id = id;
        this.dossierId = dossierId;
        this.tenant = tenant;
        this.provider = provider;
        this.assureProcessId = assureProcessId;
        this.status = status;
        this.assureStatus = status.wire();
        this.createdAt = now;
        this.updatedAt = createdAt;
    }

    /** A process reserved here before Assure is asked to create it: the intent of the upstream write. */
    public static VerificationProcess reserved(String id, String dossierId, String tenant, String provider,
                                               Instant now) {
        VerificationProcess process = new VerificationProcess(id, dossierId, tenant, provider, null, ProcessStatus.PENDING, now);
        process.upstreamRequestedAt = process.createdAt;
        return process;
    }

    /** Assure's process, once it is known (from its answer, or found again by the repair). */
    public void linkUpstream(String assureProcessId, Instant now) {
        this.assureProcessId = assureProcessId;
        touch(now);
    }

    public boolean isLinkedUpstream() {
        return assureProcessId != null;
    }

    public Instant upstreamRequestedAt() {
        return upstreamRequestedAt;
    }

    public void photoSet(String depiction, String mediaType, String sha256, String sourceProcessId,
                         Instant now) {
        this.photoDepiction = depiction;
        this.photoMediaType = mediaType;
        this.photoSha256 = sha256;
        this.photoSourceProcessId = sourceProcessId;
        touch(now);
    }

    public void verificationStarted(String imageDepiction, String faceScanSha256, Instant now) {
        this.imageDepiction = imageDepiction;
        this.faceScanSha256 = faceScanSha256;
        this.verificationStartedAt = now;
        touch(now);
    }

    /** A start that Assure refused or never answered: the portal may try again. */
    public void verificationAborted(Instant now) {
        this.imageDepiction = null;
        this.faceScanSha256 = null;
        this.verificationStartedAt = null;
        touch(now);
    }

    /**
     * Moves to the status Assure reports. A final status never changes again: a late or repeated answer
     * cannot turn a decision back into processing.
     *
     * @return whether the status changed
     */
    public boolean moveTo(ProcessStatus next, String reportedByAssure, Instant now) {
        this.assureStatus = reportedByAssure;
        if (next == null || next == status || status.isFinal()) {
            return false;
        }
        this.status = next;
        if (next.isFinal()) {
            this.finalizedAt = now;
        }
        touch(now);
        return true;
    }

    public void recordResult(AssureResult result, Instant now) {
        var liveness = result.liveness();
        this.livenessSuccess = liveness.success();
        this.livenessError = liveness.error();
        this.checkAuditTrail = liveness.auditTrailVerificationCheckSucceeded();
        this.checkReplay = liveness.replayCheckSucceeded();
        this.checkFaceScanLiveness = liveness.faceScanLivenessCheckSucceeded();
        this.checkSessionToken = liveness.sessionTokenCheckSucceeded();
        var matching = result.matching();
        this.matchLevel = matching.matchLevel();
        this.matchAlgorithm = matching.algorithm();
        this.matchImageProcessing = matching.imageProcessing();
        this.matchSuccess = matching.success();
        this.matchError = matching.error();
        this.attempts.clear();
        matching.attempts().forEach(a -> attempts.add(
                new MatchAttempt(a.algorithm(), a.matchLevel(), a.imageProcessing(), a.success(), a.error())));
        this.livenessDetected = result.finalResult().livenessDetected();
        this.similarityScore = result.finalResult().similarityScore();
        this.failReason = result.failReason() == null || result.failReason().length() <= 1000
                ? result.failReason() : result.failReason().substring(0, 1000);
        this.resultReceivedAt = now;
        touch(now);
    }

    /**
     * Records the gateway's decision next to Assure's status.
     *
     * @return whether the two agree
     */
    public boolean decide(Decision made, Instant now) {
        this.decision = made.outcome();
        this.decisionReason = made.reason();
        this.decisionMinimumMatchLevel = made.minimumMatchLevel();
        this.decisionAgreesWithAssure = made.outcome().agreesWith(ProcessStatus.fromAssure(assureStatus));
        this.decidedAt = now;
        touch(now);
        return decisionAgreesWithAssure;
    }

    /** No answer in time: final for the gateway, whatever Assure may still do. */
    public void expire(Instant now) {
        this.status = ProcessStatus.EXPIRED;
        this.finalizedAt = now;
        this.decision = DecisionOutcome.EXPIRED;
        this.decisionReason = "no-final-status-before-deadline";
        this.decisionAgreesWithAssure = null;
        this.decidedAt = finalizedAt;
        this.nextCheckAt = null;
        touch(now);
    }

    /** When the background follow-up looks at this process next; null when there is nothing left to do. */
    public void scheduleCheck(Instant when) {
        this.nextCheckAt = when;
        this.checkAttempts = when == null ? 0 : checkAttempts + 1;
    }

    /** An event's look: not a look that found nothing, so the backoff's count stays where it is. */
    public void lookAfterEvent(Instant when, Instant eventAt) {
        this.nextCheckAt = when;
        this.eventCheckAt = eventAt;
    }

    public void review(String outcome, String reason, String reviewer, Instant now) {
        this.reviewOutcome = outcome;
        this.reviewReason = reason;
        this.reviewedBy = reviewer;
        this.reviewedAt = now;
        touch(now);
    }

    /** The reviewer's verdict and who gave it stay; the free text, which may describe the person, goes. */
    public void eraseReviewReason(String replacement, Instant now) {
        if (reviewReason != null) {
            this.reviewReason = replacement;
            touch(now);
        }
    }

    public boolean awaitsReview() {
        return decision != null && decision.needsReview() && reviewedAt == null;
    }

    private void touch(Instant now) {
        this.updatedAt = now;
    }

    public boolean hasPhotoFor(String depiction) {
        return photoSha256 != null && depiction.equals(photoDepiction);
    }

    public boolean verificationHasStarted() {
        return verificationStartedAt != null;
    }

    public String id() { return id; }
    public String dossierId() { return dossierId; }
    public String tenant() { return tenant; }
    public String assureProcessId() { return assureProcessId; }
    public String provider() { return provider; }
    public ProcessStatus status() { return status; }
    public String assureStatus() { return assureStatus; }
    public String photoDepiction() { return photoDepiction; }
    public String photoMediaType() { return photoMediaType; }
    public String photoSha256() { return photoSha256; }
    public String photoSourceProcessId() { return photoSourceProcessId; }
    public String imageDepiction() { return imageDepiction; }
    public String faceScanSha256() { return faceScanSha256; }
    public Instant verificationStartedAt() { return verificationStartedAt; }
    public Boolean livenessSuccess() { return livenessSuccess; }
    public Boolean livenessError() { return livenessError; }
    public Boolean checkAuditTrail() { return checkAuditTrail; }
    public Boolean checkReplay() { return checkReplay; }
    public Boolean checkFaceScanLiveness() { return checkFaceScanLiveness; }
    public Boolean checkSessionToken() { return checkSessionToken; }
    public Integer matchLevel() { return matchLevel; }
    public String matchAlgorithm() { return matchAlgorithm; }
    public String matchImageProcessing() { return matchImageProcessing; }
    public Boolean matchSuccess() { return matchSuccess; }
    public Boolean matchError() { return matchError; }
    public Boolean livenessDetected() { return livenessDetected; }
    public String similarityScore() { return similarityScore; }
    public String failReason() { return failReason; }
    public Instant resultReceivedAt() { return resultReceivedAt; }
    public Instant finalizedAt() { return finalizedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public List<MatchAttempt> attempts() { return List.copyOf(attempts); }
    public DecisionOutcome decision() { return decision; }
    public String decisionReason() { return decisionReason; }
    public Integer decisionMinimumMatchLevel() { return decisionMinimumMatchLevel; }
    public Boolean decisionAgreesWithAssure() { return decisionAgreesWithAssure; }
    public Instant decidedAt() { return decidedAt; }
    public Instant nextCheckAt() { return nextCheckAt; }
    public int checkAttempts() { return checkAttempts; }
    public Instant eventCheckAt() { return eventCheckAt; }
    public String reviewOutcome() { return reviewOutcome; }
    public String reviewReason() { return reviewReason; }
    public String reviewedBy() { return reviewedBy; }
    public Instant reviewedAt() { return reviewedAt; }
}

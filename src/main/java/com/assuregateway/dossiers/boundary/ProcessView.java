package com.assuregateway.dossiers.boundary;

import com.assuregateway.archive.entity.ArchiveSummary;
import com.assuregateway.dossiers.entity.MatchAttempt;
import com.assuregateway.dossiers.entity.VerificationProcess;
import java.time.Instant;
import java.util.List;

/**
 * A process with what the gateway recorded of it: status, Assure's own status, the fingerprint of the
 * reference photo, and once Assure has decided, the liveness checks, the deciding match and every attempt.
 * A null field is one Assure did not report.
 */
public record ProcessView(String processId, String dossierId, String provider, String status, String assureStatus,
                          Instant createdAt, Instant updatedAt, Instant verificationStartedAt, Instant finalizedAt,
                          Photo photo, Result result, DecisionView decision, Review review,
                          ReviewProposal reviewProposal, Archive archive) {

    /**
     * The gateway's own decision beside Assure's status; {@code agreesWithAssure} false means the two
     * differ (also an audit event).
     */
    public record DecisionView(String outcome, String reason, Integer minimumMatchLevel, Boolean agreesWithAssure,
                               Instant decidedAt) {
    }

    /** A reviewer's verdict; the decision above stays as it was. */
    public record Review(String outcome, String reason, String reviewedBy, Instant reviewedAt) {
    }

    /**
     * Under four eyes, the first reviewer's verdict, waiting for a second reviewer to give the same outcome: not a
     * review yet, and the process still awaits one.
     */
    public record ReviewProposal(String outcome, String reason, String proposedBy, Instant proposedAt) {
    }

    /** The encrypted copy of the full result the gateway keeps. */
    public record Archive(String sha256, long sizeBytes, Instant archivedAt) {
    }

    public record Photo(String depiction, String mediaType, String sha256, String copiedFromProcessId) {
    }

    public record Result(Liveness liveness, Matching matching, FinalResult finalResult, String failReason,
                         Instant receivedAt) {
    }

    public record Liveness(Boolean success, Boolean error, Boolean auditTrailVerificationCheckSucceeded,
                           Boolean replayCheckSucceeded, Boolean faceScanLivenessCheckSucceeded,
                           Boolean sessionTokenCheckSucceeded) {
    }

    public record Matching(Integer matchLevel, String falseAcceptanceRate, String algorithm, String imageProcessing,
                           Boolean success, Boolean error, List<Attempt> attempts) {
    }

    public record Attempt(String algorithm, Integer matchLevel, String imageProcessing, Boolean success,
                          Boolean error) {
    }

    public record FinalResult(Boolean livenessDetected, String similarityScore) {
    }

    /** FaceTec's scale, from Signicat's documentation: what a match level means as a false acceptance rate. */
    private static final String[] FAR = {"non-match", "1/100", "1/250", "1/500", "1/1,000", "1/10,000",
            "1/100,000", "1/500,000", "1/1,000,000"};

    static ProcessView of(VerificationProcess p, ArchiveSummary archive,
                          com.assuregateway.dossiers.entity.ReviewProposal proposal) {
        Photo photo = p.photoSha256() == null ? null
                : new Photo(p.photoDepiction(), p.photoMediaType(), p.photoSha256(), p.photoSourceProcessId());
        Result result = p.resultReceivedAt() == null ? null : new Result(
                new Liveness(p.livenessSuccess(), p.livenessError(), p.checkAuditTrail(), p.checkReplay(),
                        p.checkFaceScanLiveness(), p.checkSessionToken()),
                new Matching(p.matchLevel(), falseAcceptanceRate(p.matchLevel()), p.matchAlgorithm(),
                        p.matchImageProcessing(), p.matchSuccess(), p.matchError(),
                        p.attempts().stream().map(ProcessView::attempt).toList()),
                new FinalResult(p.livenessDetected(), p.similarityScore()),
                p.failReason(), p.resultReceivedAt());
        DecisionView decision = p.decision() == null ? null : new DecisionView(p.decision().wire(),
                p.decisionReason(), p.decisionMinimumMatchLevel(), p.decisionAgreesWithAssure(), p.decidedAt());
        Review review = p.reviewedAt() == null ? null
                : new Review(p.reviewOutcome(), p.reviewReason(), p.reviewedBy(), p.reviewedAt());
        return new ProcessView(p.id(), p.dossierId(), p.provider(), p.status().wire(), p.assureStatus(),
                p.createdAt(), p.updatedAt(), p.verificationStartedAt(), p.finalizedAt(), photo, result, decision,
                review, proposal == null ? null : new ReviewProposal(proposal.outcome(), proposal.reason(),
                        proposal.proposedBy(), proposal.proposedAt()),
                archive == null ? null : new Archive(archive.sha256(), archive.sizeBytes(), archive.archivedAt()));
    }

    private static Attempt attempt(MatchAttempt a) {
        return new Attempt(a.algorithm(), a.matchLevel(), a.imageProcessing(), a.success(), a.error());
    }

    static String falseAcceptanceRate(Integer matchLevel) {
        return matchLevel == null || matchLevel < 0 || matchLevel >= FAR.length ? null : FAR[matchLevel];
    }
}

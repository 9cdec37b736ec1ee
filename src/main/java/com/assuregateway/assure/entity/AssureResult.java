package com.assuregateway.assure.entity;

import java.util.List;

/**
 * A FaceTec process as Assure reported it, read from whichever shape the answer came in. A null field means
 * Assure did not say: it is kept as unknown, never guessed.
 */
public record AssureResult(String status, Liveness liveness, Matching matching, FinalResult finalResult,
                           String failReason) {

    /** FaceTec's liveness outcome and its four security checks. */
    public record Liveness(Boolean success, Boolean error, Boolean auditTrailVerificationCheckSucceeded,
                           Boolean replayCheckSucceeded, Boolean faceScanLivenessCheckSucceeded,
                           Boolean sessionTokenCheckSucceeded) {

        public static final Liveness UNKNOWN = new Liveness(null, null, null, null, null, null);
    }

    /** The deciding match attempt, and every attempt in the order FaceTec tried them. */
    public record Matching(Integer matchLevel, String algorithm, String imageProcessing, Boolean success,
                           Boolean error, List<MatchAttempt> attempts) {

        public static final Matching UNKNOWN = new Matching(null, null, null, null, null, List.of());
    }

    public record MatchAttempt(String algorithm, Integer matchLevel, String imageProcessing, Boolean success,
                               Boolean error) {
    }

    /** Present only on accepted processes. */
    public record FinalResult(Boolean livenessDetected, String similarityScore) {

        public static final FinalResult UNKNOWN = new FinalResult(null, null);
    }
}

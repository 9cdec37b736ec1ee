package com.assuregateway.dossiers.control;

import com.assuregateway.assure.entity.AssureResult;
import com.assuregateway.assure.entity.AssureResult.Liveness;
import com.assuregateway.dossiers.entity.Decision;
import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.ProcessStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The gateway's own decision over Assure's evidence, made beside Assure's status and independent of it.
 * Evidence of failure decides first (any failed check, failed liveness, match level 0: rejected); then what
 * is missing (unknown, never a silent pass); then the match level against the configured minimum
 * (accepted at or above it, inconclusive from 1 to minimum-1).
 */
public final class DecisionRules {

    private DecisionRules() {
    }

    public static Decision decide(AssureResult result, ProcessStatus assureStatus, int minimumMatchLevel) {
        if (assureStatus == ProcessStatus.FAILED) {
            return new Decision(DecisionOutcome.FAILED, "assure-failed", minimumMatchLevel);
        }
        if (assureStatus == ProcessStatus.CANCELED) {
            return new Decision(DecisionOutcome.CANCELED, "assure-canceled", minimumMatchLevel);
        }
        Liveness liveness = result.liveness();
        Map<String, Boolean> checks = new LinkedHashMap<>();
        checks.put("auditTrailVerificationCheckSucceeded", liveness.auditTrailVerificationCheckSucceeded());
        checks.put("replayCheckSucceeded", liveness.replayCheckSucceeded());
        checks.put("faceScanLivenessCheckSucceeded", liveness.faceScanLivenessCheckSucceeded());
        checks.put("sessionTokenCheckSucceeded", liveness.sessionTokenCheckSucceeded());
        for (Map.Entry<String, Boolean> check : checks.entrySet()) {
            if (Boolean.FALSE.equals(check.getValue())) {
                return rejected("security-check-failed:" + check.getKey(), minimumMatchLevel);
            }
        }
        if (Boolean.FALSE.equals(liveness.success())) {
            return rejected("liveness-failed", minimumMatchLevel);
        }
        Integer level = result.matching().matchLevel();
        if (level != null && level == 0) {
            return rejected("no-match", minimumMatchLevel);
        }
        if (checks.containsValue(null) || liveness.success() == null) {
            return unknown("liveness-unknown", minimumMatchLevel);
        }
        if (Boolean.TRUE.equals(liveness.error())) {
            return unknown("liveness-error", minimumMatchLevel);
        }
        if (level == null || level < 0 || level > 8) {
            return unknown("match-level-unknown", minimumMatchLevel);
        }
        if (Boolean.TRUE.equals(result.matching().error())) {
            return unknown("matching-error", minimumMatchLevel);
        }
        return level >= minimumMatchLevel
                ? new Decision(DecisionOutcome.ACCEPTED, "match-level-at-or-above-minimum", minimumMatchLevel)
                : new Decision(DecisionOutcome.INCONCLUSIVE, "match-level-below-minimum", minimumMatchLevel);
    }

    private static Decision rejected(String reason, int minimum) {
        return new Decision(DecisionOutcome.REJECTED, reason, minimum);
    }

    private static Decision unknown(String reason, int minimum) {
        return new Decision(DecisionOutcome.UNKNOWN, reason, minimum);
    }

    /** A decision's reason code in words, for people (the console's process page); an unknown code as it is. */
    public static String inWords(String reason) {
        if (reason == null) {
            return "";
        }
        if (reason.startsWith("security-check-failed:")) {
            return "a liveness security check failed (" + reason.substring("security-check-failed:".length()) + ")";
        }
        return switch (reason) {
            case "assure-failed" -> "Assure reports the process as failed";
            case "assure-canceled" -> "the process was canceled at Assure";
            case "liveness-failed" -> "no live person was detected";
            case "no-match" -> "the face does not match the reference photo";
            case "liveness-unknown" -> "Assure did not report every liveness check";
            case "liveness-error" -> "Assure reports an error in the liveness check";
            case "match-level-unknown" -> "Assure reported no usable match level";
            case "matching-error" -> "Assure reports an error in the face match";
            case "match-level-at-or-above-minimum" -> "the face matches at or above the minimum match level";
            case "match-level-below-minimum" -> "the face matches, but below the minimum match level";
            default -> reason;
        };
    }
}

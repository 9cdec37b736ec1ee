package com.assuregateway.dossiers.control;

import com.assuregateway.dossiers.entity.VerificationProcess;
import com.assuregateway.webhooks.entity.EventPayload;

/**
 * The events portals receive about a process, from its record: ids, statuses and reasons, never what the
 * record keeps of the evidence (fingerprints, match levels, liveness checks).
 */
final class ProcessEvents {

    private ProcessEvents() {
    }

    static EventPayload.ProcessFinalized finalized(VerificationProcess process) {
        return new EventPayload.ProcessFinalized(process.dossierId(), process.id(), process.status().wire(),
                process.decision() == null ? null : process.decision().wire(), process.decisionReason(),
                process.assureStatus(), process.finalizedAt());
    }

    /** @param showReviewer whether the reviewer's identity goes out ({@code gateway.webhooks.reviewer-identity}) */
    static EventPayload.ProcessReviewed reviewed(VerificationProcess process, boolean showReviewer) {
        return new EventPayload.ProcessReviewed(process.dossierId(), process.id(), process.reviewOutcome(),
                process.reviewReason(), "reviewer", showReviewer ? process.reviewedBy() : null, process.reviewedAt());
    }
}

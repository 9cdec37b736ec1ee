package com.assuregateway.reporting.entity;

import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.ProcessStatus;
import java.time.Instant;

/**
 * One process as the audit queries read it: a row of {@code verification_process} with its dossier's
 * reference, read over JDBC (no entity is loaded, nothing is cached). Fingerprints only, never evidence.
 */
public record ProcessSummary(String processId, String dossierId, String tenant, String externalReference,
                             String provider, ProcessStatus status, String assureStatus, DecisionOutcome decision,
                             String decisionReason, Integer matchLevel, Integer minimumMatchLevel,
                             Boolean agreesWithAssure, Boolean livenessSuccess, String reviewOutcome,
                             String reviewedBy, Instant reviewedAt, Instant createdAt, Instant updatedAt,
                             Instant verificationStartedAt, Instant finalizedAt, Instant decidedAt,
                             String photoSha256, String faceScanSha256) {
}

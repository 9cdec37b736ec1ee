package com.assuregateway.reporting.boundary;

import com.assuregateway.reporting.entity.ProcessSummary;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One process in an audit listing or export: flat, so that a CSV row and a JSON object carry the same
 * fields under the same names. Statuses and decisions are written as on the rest of the API (lowercase);
 * a null is something not recorded (yet).
 */
public record AuditProcessView(String processId, String dossierId, String tenant, String externalReference,
                               String provider, String status, String assureStatus, String decision,
                               String decisionReason, Integer matchLevel, Integer minimumMatchLevel,
                               Boolean agreesWithAssure, Boolean livenessSuccess, String reviewOutcome,
                               String reviewedBy, Instant reviewedAt, Instant createdAt, Instant updatedAt,
                               Instant verificationStartedAt, Instant finalizedAt, Instant decidedAt,
                               String photoSha256, String faceScanSha256) {

    /** The field names in order: the CSV header. */
    static final List<String> FIELDS = Arrays.stream(AuditProcessView.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).toList();

    static AuditProcessView of(ProcessSummary p) {
        return new AuditProcessView(p.processId(), p.dossierId(), p.tenant(), p.externalReference(), p.provider(),
                p.status().wire(), p.assureStatus(), p.decision() == null ? null : p.decision().wire(),
                p.decisionReason(), p.matchLevel(), p.minimumMatchLevel(), p.agreesWithAssure(), p.livenessSuccess(),
                p.reviewOutcome(), p.reviewedBy(), p.reviewedAt(), p.createdAt(), p.updatedAt(),
                p.verificationStartedAt(), p.finalizedAt(), p.decidedAt(), p.photoSha256(), p.faceScanSha256());
    }

    /** The values in the order of {@link #FIELDS}. */
    List<Object> values() {
        return Arrays.asList(processId, dossierId, tenant, externalReference, provider, status, assureStatus, decision,
                decisionReason, matchLevel, minimumMatchLevel, agreesWithAssure, livenessSuccess, reviewOutcome,
                reviewedBy, reviewedAt, createdAt, updatedAt, verificationStartedAt, finalizedAt, decidedAt,
                photoSha256, faceScanSha256);
    }
}

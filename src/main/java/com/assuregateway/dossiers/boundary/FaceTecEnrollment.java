package com.assuregateway.dossiers.boundary;

import com.assuregateway.problems.entity.FieldError;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.shared.control.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * What the FaceTec SDK captured, relayed to Assure as is. Biometric data: {@link #toString()} says how big
 * the parts are, never what they hold, so no log line or message can carry them.
 */
public record FaceTecEnrollment(
        @NotBlank String faceScan,
        @NotBlank String auditTrailImage,
        @NotBlank String lowQualityAuditTrailImage,
        @NotBlank @Size(max = 1000) @PlainText String userAgent) {

    /** Each part is capped while the request is still cheap to refuse: 413 naming every oversized field. */
    void refuseFieldsOver(int limit) {
        List<FieldError> oversized = new ArrayList<>();
        Map.of("faceScan", faceScan, "auditTrailImage", auditTrailImage,
                "lowQualityAuditTrailImage", lowQualityAuditTrailImage).forEach((name, value) -> {
            if (value.length() > limit) {
                oversized.add(new FieldError("facetecEnrollment." + name, "larger than " + limit + " bytes"));
            }
        });
        if (!oversized.isEmpty()) {
            oversized.sort(Comparator.comparing(FieldError::field));
            throw new GatewayProblem(ProblemType.PAYLOAD_TOO_LARGE, "Enrollment fields over " + limit + " bytes: "
                    + oversized.stream().map(FieldError::field).toList(), null, null, oversized);
        }
    }

    @Override
    public String toString() {
        return "FaceTecEnrollment[faceScan=" + length(faceScan) + " chars, auditTrailImage="
                + length(auditTrailImage) + " chars, lowQualityAuditTrailImage=" + length(lowQualityAuditTrailImage)
                + " chars]";
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }
}

package com.assuregateway.dossiers.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the FaceTec SDK captured, relayed to Assure as is. Biometric data: {@link #toString()} says how big
 * the parts are, never what they hold, so no log line or message can carry them.
 */
public record FaceTecEnrollment(
        @NotBlank String faceScan,
        @NotBlank String auditTrailImage,
        @NotBlank String lowQualityAuditTrailImage,
        @NotBlank @Size(max = 1000) String userAgent) {

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

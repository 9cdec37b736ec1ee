package com.assuregateway.sandbox.control;

import com.assuregateway.sandbox.entity.Depiction;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A checked start-verification request (the spec's VerifyRequest for FaceTec). Only the depiction
 * and the outcome marker are kept: the biometric fields are checked for presence and then dropped.
 */
public record VerifyCommand(Depiction imageDepiction, Outcome outcome) {

    static final List<String> ENROLLMENT_FIELDS =
            List.of("faceScan", "auditTrailImage", "lowQualityAuditTrailImage", "userAgent");

    /** @throws IllegalArgumentException naming the first missing or invalid field, or an unknown outcome marker */
    public static VerifyCommand parse(JsonObject body) {
        if (body == null || !(body.get("facetecEnrollment") instanceof JsonObject enrollment)) {
            throw new IllegalArgumentException("facetecEnrollment is required");
        }
        for (String field : ENROLLMENT_FIELDS) {
            if (text(enrollment, field).isBlank()) {
                throw new IllegalArgumentException("facetecEnrollment." + field + " is required");
            }
        }
        String depictionName = text(body, "imageDepiction");
        Depiction depiction = Depiction.fromWireName(depictionName)
                .filter(d -> d == Depiction.SELFIE || d == Depiction.FRONT)
                .orElseThrow(() -> new IllegalArgumentException(
                        depictionName.isEmpty() ? "imageDepiction is required"
                                : "imageDepiction must be selfie or front"));
        return new VerifyCommand(depiction, Outcome.fromUserAgent(text(enrollment, "userAgent")));
    }

    private static String text(JsonObject object, String field) {
        JsonValue value = object.get(field);
        return value instanceof JsonString string ? string.getString() : "";
    }
}

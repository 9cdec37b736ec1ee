package com.assuregateway.sandbox.control;

import com.assuregateway.shared.control.Jsonp;
import com.assuregateway.sandbox.entity.ProcessStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * Builds the result part of a FaceTec Process for each {@link Outcome}, shaped like the examples in
 * the Assure spec and integration guide: {@code status}, {@code providerSpecific.liveness},
 * {@code providerSpecific.matching}, {@code finalResult} (accepted only) and {@code failReason} (failed only).
 */
@ApplicationScoped
public class ResultFactory {

    static final String FACE_PORTRAIT = "facePortrait";
    static final String ID_PHOTO = "idPhoto";
    static final String ID_PHOTO_LOW_QUALITY = "idPhotoLowQuality";

    /** @throws IllegalArgumentException for {@link Outcome#ERROR_5XX}, which has no result */
    public JsonObject resultFor(Outcome outcome) {
        return switch (outcome) {
            case ACCEPTED, SLOW -> facetec(ProcessStatus.ACCEPTED, liveness(true),
                    matching(attempt(FACE_PORTRAIT, 8)), true);
            case ACCEPTED_FLAT -> acceptedFlat();
            case INCONCLUSIVE -> facetec(ProcessStatus.INCONCLUSIVE, liveness(true),
                    matching(attempt(FACE_PORTRAIT, 4), attempt(ID_PHOTO, 5), attempt(ID_PHOTO_LOW_QUALITY, 5)), false);
            case REJECTED_MATCH -> facetec(ProcessStatus.REJECTED, liveness(true),
                    matching(attempt(FACE_PORTRAIT, 0), attempt(ID_PHOTO, 0), attempt(ID_PHOTO_LOW_QUALITY, 0)), false);
            case REJECTED_LIVENESS -> facetec(ProcessStatus.REJECTED, liveness(false),
                    matching(attempt(FACE_PORTRAIT, 8)), false);
            case FAILED -> Jsonp.PROVIDER.createObjectBuilder()
                    .add("status", ProcessStatus.FAILED.wireName())
                    .add("failReason", Jsonp.PROVIDER.createObjectBuilder()
                            // type+message is the shape of the spec's failed examples; code is kept for older readers
                            .add("type", "provider_error")
                            .add("code", "sandbox")
                            .add("message", "Simulated provider failure"))
                    .build();
            case ERROR_5XX -> throw new IllegalArgumentException("Outcome error-5xx has no process result");
        };
    }

    /** The result of a process failed through {@code POST .../fail}, as in the spec's ProcessStatusResponse example. */
    public JsonObject failedByRequest() {
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("status", ProcessStatus.FAILED.wireName())
                .add("failReason", failedByRequestReason())
                .build();
    }

    public JsonObject failedByRequestReason() {
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("category", "User.Request")
                .add("reason", "Process.Failed")
                .add("message", "Failed by request.")
                .build();
    }

    private static JsonObject facetec(ProcessStatus status, JsonObject liveness, JsonObject matching,
                                      boolean withFinalResult) {
        JsonObjectBuilder result = Jsonp.PROVIDER.createObjectBuilder()
                .add("status", status.wireName())
                .add("providerSpecific", Jsonp.PROVIDER.createObjectBuilder()
                        .add("liveness", liveness)
                        .add("matching", matching));
        if (withFinalResult) {
            result.add("finalResult", Jsonp.PROVIDER.createObjectBuilder()
                    .add("livenessDetected", true)
                    .add("similarityScore", "high"));
        }
        return result.build();
    }

    private static JsonObject liveness(boolean live) {
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("faceScanSecurityChecks", Jsonp.PROVIDER.createObjectBuilder()
                        .add("auditTrailVerificationCheckSucceeded", true)
                        .add("replayCheckSucceeded", true)
                        .add("faceScanLivenessCheckSucceeded", live)
                        .add("sessionTokenCheckSucceeded", true))
                .add("error", false)
                .add("success", live)
                .build();
    }

    /** Attempts run in order; the top level repeats the last (deciding) one, as Assure does. */
    private static JsonObject matching(JsonObject... attempts) {
        JsonArrayBuilder list = Jsonp.PROVIDER.createArrayBuilder();
        for (JsonObject attempt : attempts) {
            list.add(attempt);
        }
        JsonObjectBuilder matching = Jsonp.PROVIDER.createObjectBuilder().add("attempts", list);
        attempts[attempts.length - 1].forEach(matching::add);
        return matching.build();
    }

    private static JsonObject attempt(String algorithm, int matchLevel) {
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("algorithm", algorithm)
                .add("matchLevel", matchLevel)
                .add("imageProcessing", "faceFound")
                .add("success", matchLevel > 0)
                .add("error", false)
                .build();
    }

    /** The integration guide's accepted example, verbatim in shape: dotted keys and string values. */
    private static JsonObject acceptedFlat() {
        String checks = "facescanSecurityChecks.";
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("status", ProcessStatus.ACCEPTED.wireName())
                .add("providerSpecific", Jsonp.PROVIDER.createObjectBuilder()
                        .add("liveness", Jsonp.PROVIDER.createObjectBuilder()
                                .add(checks + "auditTrailVerificationCheckSucceeded", "true")
                                .add(checks + "replayCheckSucceeded", "true")
                                .add(checks + "faceScanLivenessCheckSucceeded", "true")
                                .add("success", "true")
                                .add("error", "false")
                                .add(checks + "sessionTokenCheckSucceeded", "true"))
                        .add("matching", Jsonp.PROVIDER.createObjectBuilder()
                                .add("matchLevel", "8")
                                .add("success", "true")
                                .add("error", "false")))
                .add("finalResult", Jsonp.PROVIDER.createObjectBuilder()
                        .add("livenessDetected", "true")
                        .add("similarityScore", "high"))
                .build();
    }
}

package com.assuregateway.assure.control;

import com.assuregateway.assure.entity.AssureResult;
import com.assuregateway.assure.entity.AssureResult.FinalResult;
import com.assuregateway.assure.entity.AssureResult.Liveness;
import com.assuregateway.assure.entity.AssureResult.MatchAttempt;
import com.assuregateway.assure.entity.AssureResult.Matching;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a FaceTec process from Assure, whatever shape it came in: nested objects or keys flattened with
 * dots ({@code "facescanSecurityChecks.replayCheckSucceeded": "true"}), the checks object spelled
 * {@code faceScanSecurityChecks} or {@code facescanSecurityChecks}, booleans and numbers as JSON values or
 * as strings. Unknown fields are ignored; what is missing or unreadable stays null (unknown).
 */
public final class ProcessResultReader {

    private static final String LIVENESS = "providerspecific.liveness.";
    private static final String CHECKS = LIVENESS + "facescansecuritychecks.";
    private static final String MATCHING = "providerspecific.matching.";

    private ProcessResultReader() {
    }

    public static AssureResult read(JsonObject process) {
        Map<String, JsonValue> fields = flatten(process);
        return new AssureResult(
                text(fields.get("status")),
                liveness(fields),
                matching(fields, process),
                new FinalResult(bool(fields.get("finalresult.livenessdetected")),
                        text(fields.get("finalresult.similarityscore"))),
                failReason(process));
    }

    private static Liveness liveness(Map<String, JsonValue> f) {
        return new Liveness(
                bool(f.get(LIVENESS + "success")),
                bool(f.get(LIVENESS + "error")),
                bool(f.get(CHECKS + "audittrailverificationchecksucceeded")),
                bool(f.get(CHECKS + "replaychecksucceeded")),
                bool(f.get(CHECKS + "facescanlivenesschecksucceeded")),
                bool(f.get(CHECKS + "sessiontokenchecksucceeded")));
    }

    private static Matching matching(Map<String, JsonValue> f, JsonObject process) {
        List<MatchAttempt> attempts = new ArrayList<>();
        JsonValue rawAttempts = nested(process, "providerSpecific", "matching", "attempts");
        if (rawAttempts instanceof JsonArray array) {
            for (JsonValue item : array) {
                if (item instanceof JsonObject attempt) {
                    Map<String, JsonValue> a = flatten(attempt);
                    attempts.add(new MatchAttempt(text(a.get("algorithm")), integer(a.get("matchlevel")),
                            text(a.get("imageprocessing")), bool(a.get("success")), bool(a.get("error"))));
                }
            }
        }
        return new Matching(
                integer(f.get(MATCHING + "matchlevel")),
                text(f.get(MATCHING + "algorithm")),
                text(f.get(MATCHING + "imageprocessing")),
                bool(f.get(MATCHING + "success")),
                bool(f.get(MATCHING + "error")),
                List.copyOf(attempts));
    }

    /** failReason is a beta field of free shape: kept as its JSON text, for the auditor to read. */
    private static String failReason(JsonObject process) {
        JsonValue reason = process.get("failReason");
        if (reason == null || reason.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return reason instanceof JsonString s ? s.getString() : reason.toString();
    }

    /** Every scalar under its dotted path, lower-cased, so nested and pre-flattened keys land on one name. */
    static Map<String, JsonValue> flatten(JsonObject object) {
        Map<String, JsonValue> out = new HashMap<>();
        flatten("", object, out);
        return out;
    }

    private static void flatten(String prefix, JsonObject object, Map<String, JsonValue> out) {
        for (Map.Entry<String, JsonValue> entry : object.entrySet()) {
            String key = prefix + entry.getKey().toLowerCase(Locale.ROOT);
            if (entry.getValue() instanceof JsonObject child) {
                flatten(key + ".", child, out);
            } else if (!(entry.getValue() instanceof JsonArray)) {
                out.putIfAbsent(key, entry.getValue());
            }
        }
    }

    private static JsonValue nested(JsonObject root, String... path) {
        JsonValue current = root;
        for (String name : path) {
            if (!(current instanceof JsonObject object)) {
                return null;
            }
            current = object.get(name);
        }
        return current;
    }

    static Boolean bool(JsonValue value) {
        if (value == null) {
            return null;
        }
        return switch (value.getValueType()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case STRING -> switch (((JsonString) value).getString().trim().toLowerCase(Locale.ROOT)) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> null;
            };
            default -> null;
        };
    }

    static Integer integer(JsonValue value) {
        if (value instanceof JsonNumber number) {
            return number.isIntegral() ? number.intValue() : null;
        }
        if (value instanceof JsonString string) {
            try {
                return Integer.valueOf(string.getString().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String text(JsonValue value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return value == null || value.getValueType() == JsonValue.ValueType.NULL ? null : value.toString();
    }
}

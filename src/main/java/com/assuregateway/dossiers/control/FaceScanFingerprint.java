package com.assuregateway.dossiers.control;

import com.assuregateway.shared.control.Fingerprint;
import com.assuregateway.problems.entity.FieldError;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The replay check's fingerprint of a faceScan: SHA-256 over {@code "faceScan\0" + tenant + "\0"} and the
 * decoded bytes. Of the bytes, because base64 has more than one spelling of the same capture (the unused
 * low bits of the last character are ignored by decoders); keyed by the tenant, because the replay rule
 * holds within a tenant and the stored fingerprints must not let anyone link one person's capture across
 * tenants. Only strict base64 is accepted (RFC 4648 alphabet, padded, no whitespace): the SDK sends it so,
 * and what a lenient decoder would read differently from Assure is better refused than guessed.
 */
public final class FaceScanFingerprint {

    private static final String FIELD = "facetecEnrollment.faceScan";

    private FaceScanFingerprint() {
    }

    public static String of(String tenant, String faceScanBase64) {
        return of(tenant, decodeStrict(faceScanBase64));
    }

    public static String of(String tenant, byte[] faceScan) {
        return Fingerprint.sha256(("faceScan\0" + tenant + "\0").getBytes(StandardCharsets.UTF_8), faceScan);
    }

    /** The bytes of a strictly encoded faceScan; anything else is a 400 naming the field. */
    public static byte[] decodeStrict(String base64) {
        if (base64 == null || base64.isEmpty() || base64.length() % 4 != 0) {
            throw invalid();
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            // the message may quote the offending character: the biometric text is never echoed
            throw invalid();
        }
        if (bytes.length == 0) {
            throw invalid();
        }
        return bytes;
    }

    private static GatewayProblem invalid() {
        return new GatewayProblem(ProblemType.VALIDATION, "faceScan must be standard base64 (RFC 4648, padded,"
                + " without line breaks or spaces)", null, null, List.of(new FieldError(FIELD, "not strict base64")));
    }
}

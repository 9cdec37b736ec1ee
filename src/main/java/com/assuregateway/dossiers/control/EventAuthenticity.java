package com.assuregateway.dossiers.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Whether an Assure event comes from Signicat, by the secret generated in Signicat's dashboard. Signicat's
 * public material does not say how the secret travels, so both ways are supported (gateway.events.auth):
 * <ul>
 *   <li>{@code header}: the secret itself in the configured header;</li>
 *   <li>{@code hmac}: HMAC-SHA256 with the secret's UTF-8 bytes as key over the raw body bytes, in the
 *       configured signature header as 64 hex digits or base64 (standard or URL-safe, padding optional),
 *       optionally prefixed {@code sha256=}; several values separated by commas or spaces (a secret rotation
 *       at the sender) pass when one of them matches.</li>
 * </ul>
 * Every comparison takes the same time whatever the given value shares with the expected one.
 */
public final class EventAuthenticity {

    private static final int SHA256_BYTES = 32;

    private EventAuthenticity() {
    }

    /** The plain secret; compared as SHA-256 digests, so neither content nor length leaks through timing. */
    public static boolean secretMatches(String given, String secret) {
        return given != null && MessageDigest.isEqual(sha256(given), sha256(secret));
    }

    public static boolean signatureMatches(String headerValue, String secret, byte[] body) {
        if (headerValue == null || headerValue.isBlank()) {
            return false;
        }
        byte[] expected = hmacSha256(secret, body);
        boolean matched = false;
        for (String candidate : headerValue.trim().split("[,\\s]+")) {
            byte[] given = decode(candidate);
            // no early exit: each candidate is compared, so the position of a match does not show either
            matched |= given != null && MessageDigest.isEqual(given, expected);
        }
        return matched;
    }

    public static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
        }
    }

    /** The 32 bytes a signature value stands for, or null when it is none of the accepted spellings. */
    static byte[] decode(String value) {
        String signature = value.toLowerCase(Locale.ROOT).startsWith("sha256=") ? value.substring(7) : value;
        if (signature.length() == 2 * SHA256_BYTES && signature.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return HexFormat.of().parseHex(signature.toLowerCase(Locale.ROOT));
        }
        try {
            byte[] decoded = signature.indexOf('-') >= 0 || signature.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(signature) : Base64.getDecoder().decode(signature);
            return decoded.length == SHA256_BYTES ? decoded : null;
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

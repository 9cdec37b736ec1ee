package com.assuregateway.sandbox.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may use the sandbox's control hooks, and how much they may send. The hooks revoke tokens, plan outages
 * and rewrite results: anyone who reaches a sandboxed staging gateway could otherwise disturb every flow on it,
 * so they need a secret of their own ({@code gateway.sandbox.control-secret}) and there is no default.
 */
public final class ControlAccess {

    public static final String SECRET_KEY = "gateway.sandbox.control-secret";
    public static final String HEADER = "X-Sandbox-Control-Secret";
    /** A planned fault or a replaced result is a few hundred bytes; this leaves room and nothing more. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    private ControlAccess() {
    }

    /**
     * Refuses the call unless a secret is configured and the header carries it. The comparison takes the same
     * time whatever the header holds: both sides are hashed first, so not even the length leaks.
     */
    public static void check(Optional<String> configured, String given) {
        String secret = configured.filter(s -> !s.isBlank()).orElseThrow(() -> new GatewayProblem(
                ProblemType.CONFIGURATION, "The sandbox's control endpoints are closed: " + SECRET_KEY + " is not set"));
        if (given == null || !MessageDigest.isEqual(sha256(given), sha256(secret))) {
            throw new GatewayProblem(ProblemType.FORBIDDEN,
                    "The " + HEADER + " header does not carry " + SECRET_KEY);
        }
    }

    /** Refuses a declared body over the limit before any of it is read; -1 is an undeclared length. */
    public static void checkDeclaredLength(long contentLength) {
        if (contentLength > MAX_BODY_BYTES) {
            throw tooLarge();
        }
    }

    /** The body, read up to the limit: one byte more and it is refused, whatever the headers said. */
    public static String read(InputStream body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BODY_BYTES + 1);
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static GatewayProblem tooLarge() {
        return new GatewayProblem(ProblemType.PAYLOAD_TOO_LARGE,
                "A sandbox control body is at most " + MAX_BODY_BYTES + " bytes");
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}

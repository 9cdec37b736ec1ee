package com.assuregateway.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * The FaceTec values a new process hands to the device SDK. None of them works against a real
 * FaceTec server; they only have the right shape, so the gateway's pass-through is exercised
 * (notably the PEM, whose newlines must survive).
 */
@ApplicationScoped
public class SandboxFacetecKeys {

    public static final String DEVICE_KEY_IDENTIFIER = "dSandboxAssureGatewayDeviceKey0";

    public static final String MOBILE_SDK_PRODUCTION_KEY = """
            # FaceTec sandbox production key (not valid for production)
            appId      = com.assuregateway.sandbox
            expiryDate = 2099-12-31
            key        = 003046022100sandbox0000000000000000000000000000000000000000000000""";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random = new SecureRandom();
    private volatile String publicKeyPem;

    /** A real RSA public key in PEM, made once per run: parsers that load it as a key must succeed. */
    public String encryptionPublicKeyPem() {
        String pem = publicKeyPem;
        if (pem == null) {
            synchronized (this) {
                if (publicKeyPem == null) {
                    publicKeyPem = toPem(generatePublicKey());
                }
                pem = publicKeyPem;
            }
        }
        return pem;
    }

    public String deviceKeyIdentifier() {
        return DEVICE_KEY_IDENTIFIER;
    }

    public String mobileSdkProductionKey() {
        return MOBILE_SDK_PRODUCTION_KEY;
    }

    /** A JWT-looking process token; its signature is random bytes because nothing ever verifies it. */
    public String processAuthorization(String processId) {
        String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"assure-sandbox\",\"sub\":\"" + processId + "\",\"iat\":"
                + Instant.now().getEpochSecond() + "}";
        byte[] signature = new byte[32];
        random.nextBytes(signature);
        return URL.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(signature);
    }

    static String toPem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----";
    }

    private static PublicKey generatePublicKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPublic();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }
}

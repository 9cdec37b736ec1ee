package com.assuregateway.webhooks.control;

import com.assuregateway.archive.control.SealedValues;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Endpoint secrets: made here ({@code whsec_} and 32 random bytes, as Standard Webhooks has them), shown to
 * the portal once, and kept sealed with the archive key (AES-256-GCM, {@code keyId:iv:ciphertext}) with the
 * endpoint's id as associated data, so a sealed secret copied onto another endpoint does not open. Signing is
 * the official library's.
 */
@ApplicationScoped
public class WebhookSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    SealedValues values;

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    public String seal(String endpointId, String secret) {
        return values.seal(context(endpointId), secret.getBytes(StandardCharsets.UTF_8));
    }

    public String open(String endpointId, String sealedSecret) throws GeneralSecurityException {
        return new String(values.open(context(endpointId), sealedSecret), StandardCharsets.UTF_8);
    }

    /**
     * The {@code webhook-signature} header: {@code v1,<base64>} per secret, space-separated (two while a
     * rotated-out secret still signs).
     */
    public static String signatures(String messageId, long timestampSeconds, String body, List<String> secrets) {
        return secrets.stream().map(secret -> {
            try {
                return new Webhook(secret).sign(messageId, timestampSeconds, body);
            } catch (WebhookSigningException e) {
                throw new IllegalStateException("Standard Webhooks signing failed", e);
            }
        }).collect(Collectors.joining(" "));
    }

    private static String context(String endpointId) {
        return "webhook-endpoint\0" + endpointId;
    }
}

package com.assuregateway.webhooks.control;

import com.assuregateway.archive.control.ArchiveCipher;
import com.assuregateway.archive.control.ArchiveKeys;
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
    ArchiveKeys keys;

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    public String seal(String endpointId, String secret) {
        String keyId = keys.activeKeyId();
        try {
            ArchiveCipher.Sealed sealed = ArchiveCipher.seal(keys.key(keyId), context(endpointId),
                    secret.getBytes(StandardCharsets.UTF_8));
            Base64.Encoder b64 = Base64.getEncoder();
            return keyId + ":" + b64.encodeToString(sealed.iv()) + ":" + b64.encodeToString(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    public String open(String endpointId, String sealedSecret) throws GeneralSecurityException {
        String[] parts = sealedSecret.split(":", 3);
        if (parts.length != 3) {
            throw new GeneralSecurityException("Not a sealed secret");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return new String(ArchiveCipher.open(keys.key(parts[0]), context(endpointId), b64.decode(parts[1]),
                b64.decode(parts[2])), StandardCharsets.UTF_8);
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

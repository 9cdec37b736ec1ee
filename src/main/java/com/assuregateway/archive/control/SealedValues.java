package com.assuregateway.archive.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * Small secrets kept in a text column, sealed with the active archive key ({@link ArchiveCipher}, AES-256-GCM)
 * as {@code keyId:iv:ciphertext} (base64), so they open again after the key rotates. The context is bound in
 * as associated data: a sealed value copied onto another record does not open there.
 */
@ApplicationScoped
public class SealedValues {

    @Inject
    ArchiveKeys keys;

    public String seal(String context, byte[] plaintext) {
        String keyId = keys.activeKeyId();
        try {
            ArchiveCipher.Sealed sealed = ArchiveCipher.seal(keys.key(keyId), context, plaintext);
            Base64.Encoder b64 = Base64.getEncoder();
            return keyId + ":" + b64.encodeToString(sealed.iv()) + ":" + b64.encodeToString(sealed.ciphertext());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM sealing failed", e);
        }
    }

    public byte[] open(String context, String sealed) throws GeneralSecurityException {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3) {
            throw new GeneralSecurityException("Not a sealed value");
        }
        Base64.Decoder b64 = Base64.getDecoder();
        return ArchiveCipher.open(keys.key(parts[0]), context, b64.decode(parts[1]), b64.decode(parts[2]));
    }
}

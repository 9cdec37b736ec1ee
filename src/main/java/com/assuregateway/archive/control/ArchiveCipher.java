package com.assuregateway.archive.control;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with a fresh 96-bit IV per archive. The process id is bound in as associated data, so an
 * archive copied onto another process's row fails to decrypt instead of passing as that process's evidence.
 */
public final class ArchiveCipher {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ArchiveCipher() {
    }

    public record Sealed(byte[] iv, byte[] ciphertext) {
    }

    public static Sealed seal(SecretKey key, String processId, byte[] plaintext) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(processId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return new Sealed(iv, cipher.doFinal(plaintext));
    }

    public static byte[] open(SecretKey key, String processId, byte[] iv, byte[] ciphertext)
            throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(processId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return cipher.doFinal(ciphertext);
    }
}

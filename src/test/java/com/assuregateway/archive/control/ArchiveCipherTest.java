package com.assuregateway.archive.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** AES-256-GCM sealing of archives: round trip, and refusal of anything tampered or misplaced. */
class ArchiveCipherTest {

    private final SecretKey key = key();
    private final byte[] zip = "PK\u0003\u0004 a full result".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void opensWhatItSealed() throws GeneralSecurityException {
        ArchiveCipher.Sealed sealed = ArchiveCipher.seal(key, "process-1", zip);
        assertThat(sealed.iv()).hasSize(12);
        assertThat(sealed.ciphertext()).isNotEqualTo(zip);
        assertThat(ArchiveCipher.open(key, "process-1", sealed.iv(), sealed.ciphertext())).isEqualTo(zip);
    }

    @Test
    void everyArchiveGetsItsOwnIv() throws GeneralSecurityException {
        assertThat(ArchiveCipher.seal(key, "p", zip).iv()).isNotEqualTo(ArchiveCipher.seal(key, "p", zip).iv());
    }

    @Test
    void refusesATamperedCiphertextAnotherProcessOrAnotherKey() throws GeneralSecurityException {
        ArchiveCipher.Sealed sealed = ArchiveCipher.seal(key, "process-1", zip);
        byte[] tampered = sealed.ciphertext().clone();
        tampered[0] ^= 1;
        assertThatThrownBy(() -> ArchiveCipher.open(key, "process-1", sealed.iv(), tampered))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> ArchiveCipher.open(key, "process-2", sealed.iv(), sealed.ciphertext()))
                .isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> ArchiveCipher.open(key(), "process-1", sealed.iv(), sealed.ciphertext()))
                .isInstanceOf(GeneralSecurityException.class);
    }

    private static SecretKey key() {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

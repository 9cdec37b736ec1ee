package com.assuregateway.dossiers.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The replay check's fingerprint: of the decoded bytes, per tenant, from strict base64 only. */
class FaceScanFingerprintTest {

    @Test
    void twoSpellingsOfTheSameBytesAreOneFaceScan() {
        // "QQ==" and "QR==" both decode to the one byte 'A': the unused low bits of the last character differ
        assertThat(FaceScanFingerprint.of("t", "QR==")).isEqualTo(FaceScanFingerprint.of("t", "QQ=="));
        assertThat(FaceScanFingerprint.of("t", "QQ==")).isEqualTo(FaceScanFingerprint.of("t", new byte[]{'A'}));
    }

    @Test
    void theSameBytesInTwoTenantsHaveUnrelatedFingerprints() {
        String scan = Base64.getEncoder().encodeToString(new byte[]{1, 2, 3, 4, 5});
        assertThat(FaceScanFingerprint.of("tenant-a", scan)).isNotEqualTo(FaceScanFingerprint.of("tenant-b", scan))
                .hasSize(64);
    }

    @ParameterizedTest
    @ValueSource(strings = {"QQ", "QQ=", "QU\nJD", "QUJD ", "QU JD", "QUJ-", "QUJ_", "Q===", "====", "not base64!"})
    void anythingButStrictBase64IsAValidationProblem(String spelling) {
        assertThatThrownBy(() -> FaceScanFingerprint.of("t", spelling))
                .isInstanceOfSatisfying(GatewayProblem.class, p -> {
                    assertThat(p.type()).isEqualTo(ProblemType.VALIDATION);
                    assertThat(p.fieldErrors()).singleElement()
                            .satisfies(e -> assertThat(e.field()).isEqualTo("facetecEnrollment.faceScan"));
                    assertThat(p.getMessage()).doesNotContain(spelling.trim());
                });
    }
}

package com.assuregateway.dossiers.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** HMAC-SHA256 of the raw body with the webhook's secret, in each accepted spelling; forgeries fail. */
class EventAuthenticityTest {

    private static final String SECRET = "whsec-test-secret";
    private static final byte[] BODY = "{\"eventName\":\"process.complete\",\"eventData\":{\"processId\":\"p-1\"}}"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void theKnownVectorOfRfc4231Case2Matches() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        byte[] mac = EventAuthenticity.hmacSha256("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void hexBase64UrlSafeAndPrefixedSignaturesOfTheBodyPass() {
        byte[] mac = EventAuthenticity.hmacSha256(SECRET, BODY);
        assertThat(EventAuthenticity.signatureMatches(HexFormat.of().formatHex(mac), SECRET, BODY)).isTrue();
        assertThat(EventAuthenticity.signatureMatches(HexFormat.of().withUpperCase().formatHex(mac), SECRET, BODY)).isTrue();
        assertThat(EventAuthenticity.signatureMatches(Base64.getEncoder().encodeToString(mac), SECRET, BODY)).isTrue();
        assertThat(EventAuthenticity.signatureMatches(Base64.getUrlEncoder().withoutPadding().encodeToString(mac),
                SECRET, BODY)).isTrue();
        assertThat(EventAuthenticity.signatureMatches("sha256=" + HexFormat.of().formatHex(mac), SECRET, BODY)).isTrue();
    }

    @Test
    void oneMatchingValueAmongSeveralPassesDuringARotation() {
        String old = HexFormat.of().formatHex(EventAuthenticity.hmacSha256("previous-secret", BODY));
        String current = Base64.getEncoder().encodeToString(EventAuthenticity.hmacSha256(SECRET, BODY));
        assertThat(EventAuthenticity.signatureMatches(old + ", " + current, SECRET, BODY)).isTrue();
        assertThat(EventAuthenticity.signatureMatches(old, SECRET, BODY)).isFalse();
    }

    @Test
    void aSignatureOfAnotherBodyOrWithAnotherSecretFails() {
        byte[] tampered = "{\"eventName\":\"process.complete\",\"eventData\":{\"processId\":\"p-2\"}}"
                .getBytes(StandardCharsets.UTF_8);
        String signature = HexFormat.of().formatHex(EventAuthenticity.hmacSha256(SECRET, BODY));
        assertThat(EventAuthenticity.signatureMatches(signature, SECRET, tampered)).isFalse();
        assertThat(EventAuthenticity.signatureMatches(
                HexFormat.of().formatHex(EventAuthenticity.hmacSha256("guessed", BODY)), SECRET, BODY)).isFalse();
    }

    @Test
    void theSecretItselfOrGarbageIsNoSignature() {
        assertThat(EventAuthenticity.signatureMatches(SECRET, SECRET, BODY)).isFalse();
        assertThat(EventAuthenticity.signatureMatches(null, SECRET, BODY)).isFalse();
        assertThat(EventAuthenticity.signatureMatches("", SECRET, BODY)).isFalse();
        assertThat(EventAuthenticity.signatureMatches("sha256=zz", SECRET, BODY)).isFalse();
        String truncated = HexFormat.of().formatHex(EventAuthenticity.hmacSha256(SECRET, BODY)).substring(0, 32);
        assertThat(EventAuthenticity.signatureMatches(truncated, SECRET, BODY)).as("half a MAC").isFalse();
    }

    @Test
    void thePlainSecretMustMatchExactly() {
        assertThat(EventAuthenticity.secretMatches(SECRET, SECRET)).isTrue();
        assertThat(EventAuthenticity.secretMatches(SECRET + " ", SECRET)).isFalse();
        assertThat(EventAuthenticity.secretMatches(SECRET.substring(1), SECRET)).isFalse();
        assertThat(EventAuthenticity.secretMatches(null, SECRET)).isFalse();
        assertThat(EventAuthenticity.secretMatches("", SECRET)).isFalse();
    }
}

package com.assuregateway.assure.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssureBodiesTest {

    @Test
    void theVerifyRequestIsTheContractsJsonWithEveryFieldAsGiven() {
        String faceScan = base64(350_000, 1);
        String audit = "/9j/" + base64(75_000, 2);
        AssureBodies.Body written = AssureBodies.verifyRequest(faceScan, audit, "/9j/4AAQ",
                "facetec|sdk|web|sandbox:accepted", "selfie");
        byte[] bytes = written.toBytes();
        JsonObject body = parse(bytes);
        assertThat(written.length()).isEqualTo(bytes.length);

        JsonObject enrollment = body.getJsonObject("facetecEnrollment");
        assertThat(enrollment.getString("faceScan")).isEqualTo(faceScan);
        assertThat(enrollment.getString("auditTrailImage")).isEqualTo(audit);
        assertThat(enrollment.getString("lowQualityAuditTrailImage")).isEqualTo("/9j/4AAQ");
        assertThat(enrollment.getString("userAgent")).isEqualTo("facetec|sdk|web|sandbox:accepted");
        assertThat(enrollment).hasSize(4);
        assertThat(body.getString("imageDepiction")).isEqualTo("selfie");
        assertThat(body).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"quote \" inside", "back\\slash", "new\nline", "tab\tand\u0001control", "é ü ß 漢字 😀",
            "</script>", ""})
    void valuesJsonMustEscapeArriveUnchanged(String value) {
        AssureBodies.Body written = AssureBodies.verifyRequest(value, "b", "c", value, "front");
        JsonObject body = parse(written.toBytes());
        assertThat(written.length()).isEqualTo(written.toBytes().length);

        assertThat(body.getJsonObject("facetecEnrollment").getString("faceScan")).isEqualTo(value);
        assertThat(body.getJsonObject("facetecEnrollment").getString("userAgent")).isEqualTo(value);
        assertThat(body.getString("imageDepiction")).isEqualTo("front");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 204_800, 204_801, 204_802})
    void theImageUploadIsADataUrlOfExactlyTheImage(int size) {
        byte[] image = new byte[size];
        new Random(size).nextBytes(image);

        AssureBodies.Body written = AssureBodies.imageUpload("selfie", "image/jpeg", image);
        byte[] bytes = written.toBytes();
        assertThat(written.length()).isEqualTo(bytes.length);

        JsonObject body = parse(bytes);
        assertThat(body).containsOnlyKeys("selfie");
        String dataUrl = body.getString("selfie");
        assertThat(dataUrl).startsWith("data:image/jpeg;base64,");
        assertThat(Base64.getDecoder().decode(dataUrl.substring("data:image/jpeg;base64,".length()))).isEqualTo(image);
        assertThat(new String(bytes, StandardCharsets.US_ASCII))
                .isEqualTo("{\"selfie\":\"data:image/jpeg;base64," + Base64.getEncoder().encodeToString(image) + "\"}");
    }

    @Test
    void aBodyWritesTheSameBytesEveryTimeItIsSent() {
        AssureBodies.Body written = AssureBodies.imageUpload("selfie", "image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G'});

        assertThat(written.toBytes()).isEqualTo(written.toBytes());
    }

    @Test
    void onlyPrintableAsciiWithoutQuotesOrBackslashesIsPlain() {
        assertThat(AssureBodies.plain("ABCxyz019+/=-_ |:;")).isTrue();
        assertThat(AssureBodies.plain("a\"b")).isFalse();
        assertThat(AssureBodies.plain("a\\b")).isFalse();
        assertThat(AssureBodies.plain("a\u001fb")).isFalse();
        assertThat(AssureBodies.plain("a\u007fb")).isFalse();
        assertThat(AssureBodies.plain("é")).isFalse();
    }

    private static JsonObject parse(byte[] body) {
        try (var reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readObject();
        }
    }

    private static String base64(int bytes, long seed) {
        byte[] raw = new byte[bytes];
        new Random(seed).nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }
}

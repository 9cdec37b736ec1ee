package com.assuregateway.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.dossiers.control.FaceScanFingerprint;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.ServerLog;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Biometric data passes through and lands nowhere: after the whole flow (and its error paths) the database
 * dump and the server log hold no faceScan, audit-trail or selfie bytes, raw or base64, only fingerprints.
 */
class BiometricLeakIT extends GatewayTest {

    @Test
    void noBiometricByteLandsInTheDatabaseOrTheLog() throws Exception {
        Api api = new Api(base).as(Tokens.portal("leak-tenant"));
        Portal portal = new Portal(api);
        byte[] faceScan = random(6000);
        byte[] auditTrail = pngWithNoise();
        byte[] lowQualityAuditTrail = pngWithNoise();
        byte[] selfie = pngWithNoise();
        String faceScan64 = Base64.getEncoder().encodeToString(faceScan);
        String audit64 = Base64.getEncoder().encodeToString(auditTrail);
        String lowQuality64 = Base64.getEncoder().encodeToString(lowQualityAuditTrail);

        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, selfie);
        String path = Portal.process(dossierId, processId) + "/verification";
        // the error paths first: broken JSON and an invalid body that both carry the evidence
        assertThat(api.post(path, "{\"facetecEnrollment\":{\"faceScan\":\"" + faceScan64 + "\",").status()).isEqualTo(400);
        assertThat(api.post(path, enrollment(faceScan64, audit64, lowQuality64, "").replace("\"selfie\"", "\"back\""))
                .status()).isEqualTo(400);
        Answer started = api.post(path, enrollment(faceScan64, audit64, lowQuality64, "it|sandbox:accepted"));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(portal.awaitFinal(dossierId, processId).getString("status")).isEqualTo("accepted");
        assertThat(api.get(Portal.process(dossierId, processId) + "/full-result").status()).isEqualTo(200);
        // a replay is refused: the evidence arrives once more, and still lands nowhere
        assertThat(api.post(path, enrollment(faceScan64, audit64, lowQuality64, "it")).status()).isEqualTo(409);

        Map<String, byte[]> evidence = new LinkedHashMap<>();
        evidence.put("faceScan", faceScan);
        evidence.put("auditTrailImage", auditTrail);
        evidence.put("lowQualityAuditTrailImage", lowQualityAuditTrail);
        evidence.put("selfie", selfie);

        String dump = TestDatabase.dump();
        // the dump is of the right database: it holds the fingerprints the gateway keeps instead
        assertThat(dump).contains(FaceScanFingerprint.of("leak-tenant", faceScan), sha256(selfie));
        String log = ServerLog.text();
        assertThat(log).contains("Database schema at version");

        for (Map.Entry<String, byte[]> item : evidence.entrySet()) {
            for (String needle : needles(item.getValue())) {
                assertThat(dump).as(item.getKey() + " in the database dump").doesNotContain(needle);
                assertThat(log).as(item.getKey() + " in the server log").doesNotContain(needle);
            }
        }
    }

    /** Base64 (whole and a stretch from the middle) and the raw bytes, as text in ISO-8859-1. */
    private static List<String> needles(byte[] data) {
        String base64 = Base64.getEncoder().encodeToString(data);
        List<String> needles = new ArrayList<>();
        needles.add(base64);
        needles.add(base64.substring(base64.length() / 2 - 32, base64.length() / 2 + 32));
        needles.add(Base64.getUrlEncoder().encodeToString(data).substring(0, 64));
        needles.add(new String(data, data.length / 2 - 24, 48, StandardCharsets.ISO_8859_1));
        return needles;
    }

    private static String enrollment(String faceScan, String audit, String lowQuality, String userAgent) {
        return Json.createObjectBuilder()
                .add("facetecEnrollment", Json.createObjectBuilder().add("faceScan", faceScan)
                        .add("auditTrailImage", audit).add("lowQualityAuditTrailImage", lowQuality)
                        .add("userAgent", userAgent))
                .add("imageDepiction", "selfie").build().toString();
    }

    /** A valid PNG whose bytes no other test produces: a random text chunk. */
    private static byte[] pngWithNoise() {
        byte[] png = Portal.png(0x55);
        byte[] noise = HexFormat.of().formatHex(random(1500)).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, png.length - 12);
        byte[] type = "tEXt".getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt(noise.length).array());
        out.writeBytes(type);
        out.writeBytes(noise);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type);
        crc.update(noise);
        out.writeBytes(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
        out.write(png, png.length - 12, 12);
        return out.toByteArray();
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}

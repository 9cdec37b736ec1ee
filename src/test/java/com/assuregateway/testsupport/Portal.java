package com.assuregateway.testsupport;

import static com.assuregateway.testsupport.Eventually.eventually;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** The steps of the FaceTec flow as a portal performs them, with realistic sample evidence. */
public final class Portal {

    private final Api api;

    public Portal(Api api) {
        this.api = api;
    }

    public String newDossier() {
        Answer answer = api.post("api/v1/dossiers", "{\"externalReference\":\"customer-" + UUID.randomUUID() + "\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().getString("dossierId");
    }

    public String newProcess(String dossierId) {
        Answer answer = api.post("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json().getString("processId");
    }

    public void uploadSelfie(String dossierId, String processId, byte[] png) {
        Answer answer = api.put(process(dossierId, processId) + "/selfie", "image/png", png);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(204);
    }

    public Answer verify(String dossierId, String processId, String sandboxOutcome) {
        return api.post(process(dossierId, processId) + "/verification", enrollment(sandboxOutcome));
    }

    /** Polls the process the way a portal would, until it is final; bounded, never a timing assertion. */
    public JsonObject awaitFinal(String dossierId, String processId) {
        return eventually(Duration.ofSeconds(10), Duration.ofMillis(200), "process " + processId + " becomes final",
                () -> {
                    Answer answer = api.get(process(dossierId, processId));
                    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
                    return answer.json();
                }, process -> !process.getString("status").equals("pending")
                        && !process.getString("status").equals("processing"));
    }

    public static String process(String dossierId, String processId) {
        return "api/v1/dossiers/" + dossierId + "/processes/" + processId;
    }

    /** A FaceTec enrollment; the faceScan is random so that every one has its own fingerprint. */
    public static String enrollment(String sandboxOutcome) {
        return enrollment(sandboxOutcome, faceScan());
    }

    /** A FaceTec enrollment with this faceScan text, as the portal's app would send it. */
    public static String enrollment(String sandboxOutcome, String faceScan) {
        return Json.createObjectBuilder()
                .add("facetecEnrollment", Json.createObjectBuilder()
                        .add("faceScan", faceScan)
                        .add("auditTrailImage", Base64.getEncoder().encodeToString(png(0x20)))
                        .add("lowQualityAuditTrailImage", Base64.getEncoder().encodeToString(png(0x10)))
                        .add("userAgent", "facetec|sdk|web|com.example.portal|it|sandbox:" + sandboxOutcome))
                .add("imageDepiction", "selfie")
                .build().toString();
    }

    public static String faceScan() {
        byte[] scan = new byte[2048];
        new java.security.SecureRandom().nextBytes(scan);
        return Base64.getEncoder().encodeToString(scan);
    }

    /** A small but valid PNG; the shade makes distinct images with distinct fingerprints. */
    public static byte[] png(int shade) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(2).putInt(2).put((byte) 8).put((byte) 0)
                    .put((byte) 0).put((byte) 0).put((byte) 0).array());
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(raw, new Deflater())) {
                z.write(new byte[]{0, (byte) shade, (byte) shade, 0, (byte) shade, (byte) shade});
            }
            chunk(png, "IDAT", raw.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}

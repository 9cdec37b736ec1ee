package com.assuregateway.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.sandbox.entity.Depiction;
import com.assuregateway.sandbox.entity.ProcessSnapshot;
import com.assuregateway.sandbox.entity.ProcessStatus;
import com.assuregateway.sandbox.entity.StoredImage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

class ResultZipTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private static final StoredImage JPEG = new StoredImage(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1}, StoredImage.JPEG);
    private static final StoredImage PNG = new StoredImage(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, StoredImage.PNG);

    @Test
    void holdsTheResultSectionsAndTheSelfieAndFrontImages() throws IOException {
        JsonObject result = new ResultFactory().resultFor(Outcome.INCONCLUSIVE);
        ProcessSnapshot process = new ProcessSnapshot("p", "d", "facetec", null, 1, ProcessStatus.INCONCLUSIVE, NOW, NOW,
                Map.of(Depiction.SELFIE, JPEG, Depiction.FRONT, PNG, Depiction.BACK, JPEG), result);

        Map<String, byte[]> entries = unzip(ResultZip.of(process));

        assertThat(entries).containsOnlyKeys("liveness.json", "matching_facePortrait.json", "selfie.jpeg", "front.png");
        assertThat(json(entries.get("liveness.json")))
                .isEqualTo(result.getJsonObject("providerSpecific").getJsonObject("liveness"));
        assertThat(json(entries.get("matching_facePortrait.json")).getInt("matchLevel")).isEqualTo(5);
        assertThat(entries.get("selfie.jpeg")).isEqualTo(JPEG.bytes());
    }

    @Test
    void aFailedProcessZipsOnlyItsImages() throws IOException {
        ProcessSnapshot process = new ProcessSnapshot("p", "d", "facetec", null, 1, ProcessStatus.FAILED, NOW, NOW,
                Map.of(Depiction.SELFIE, PNG), new ResultFactory().resultFor(Outcome.FAILED));

        assertThat(unzip(ResultZip.of(process))).containsOnlyKeys("selfie.png");
    }

    @Test
    void refusesWhileNotFinal() {
        ProcessSnapshot process = new ProcessSnapshot("p", "d", "facetec", null, 1, ProcessStatus.PROCESSING, NOW, NOW,
                Map.of(), null);

        assertThatThrownBy(() -> ResultZip.of(process)).isInstanceOf(IllegalStateException.class);
    }

    private static JsonObject json(byte[] bytes) {
        return Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8))).readObject();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}

package com.assuregateway.sandbox.control;

import com.assuregateway.sandbox.entity.Depiction;
import com.assuregateway.sandbox.entity.ProcessSnapshot;
import com.assuregateway.sandbox.entity.StoredImage;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The "download full result" zip of a final FaceTec process, laid out as the integration guide
 * describes: {@code liveness.json}, {@code matching_facePortrait.json} and the selfie/front images.
 */
public final class ResultZip {

    public static final String LIVENESS = "liveness.json";
    public static final String MATCHING = "matching_facePortrait.json";

    // FaceTec does not use back or portrait images, so Assure leaves them out of the zip
    private static final List<Depiction> ZIPPED_IMAGES = List.of(Depiction.SELFIE, Depiction.FRONT);

    private ResultZip() {
    }

    /** @throws IllegalStateException when the process is not final yet */
    public static byte[] of(ProcessSnapshot process) {
        if (!process.status().isFinal()) {
            throw new IllegalStateException("The result is not ready while the process is " + process.status().wireName());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            JsonObject providerSpecific = providerSpecific(process);
            if (providerSpecific.get("liveness") instanceof JsonObject liveness) {
                put(zip, LIVENESS, liveness.toString().getBytes(StandardCharsets.UTF_8));
            }
            if (providerSpecific.get("matching") instanceof JsonObject matching) {
                put(zip, MATCHING, matching.toString().getBytes(StandardCharsets.UTF_8));
            }
            for (Depiction depiction : ZIPPED_IMAGES) {
                StoredImage image = process.images().get(depiction);
                if (image != null) {
                    put(zip, depiction.wireName() + "." + image.extension(), image.bytes());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    private static JsonObject providerSpecific(ProcessSnapshot process) {
        JsonObject result = process.result();
        return result != null && result.get("providerSpecific") instanceof JsonObject ps ? ps : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}

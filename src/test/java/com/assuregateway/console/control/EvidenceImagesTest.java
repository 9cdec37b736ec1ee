package com.assuregateway.console.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class EvidenceImagesTest {

    @Test
    void onlyTheImagesOfTheZipAreEvidenceToShow() throws IOException {
        byte[] zip = zip("liveness.json", "selfie.png", "front.jpg");
        assertThat(EvidenceImages.names(zip)).containsExactly("selfie.png", "front.jpg");
        assertThat(EvidenceImages.image(zip, "selfie.png")).hasValueSatisfying(image -> {
            assertThat(image.mediaType()).isEqualTo("image/png");
            assertThat(new String(image.bytes())).isEqualTo("selfie.png");
        });
        assertThat(EvidenceImages.image(zip, "front.jpg").orElseThrow().mediaType()).isEqualTo("image/jpeg");
        assertThat(EvidenceImages.image(zip, "liveness.json")).isEmpty();
        assertThat(EvidenceImages.image(zip, "back.png")).isEmpty();
        assertThat(EvidenceImages.image(zip, "../selfie.png")).isEmpty();
    }

    private static byte[] zip(String... names) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : names) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(name.getBytes());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}

package com.assuregateway.dossiers.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Only a readable zip is evidence: the soak found broken answers being archived. */
class FullResultsTest {

    @Test
    void aZipWithEntriesIsAFullResult() throws IOException {
        assertThat(FullResults.isZip(zip())).isTrue();
    }

    @Test
    void aBrokenOrEmptyAnswerIsNot() throws IOException {
        byte[] zip = zip();
        assertThat(FullResults.isZip(Arrays.copyOf(zip, zip.length / 2))).isFalse();
        assertThat(FullResults.isZip("{\"processId\": [unterminated".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(FullResults.isZip(new byte[0])).isFalse();
        assertThat(FullResults.isZip(null)).isFalse();
    }

    private static byte[] zip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("liveness.json"));
            zip.write("{\"success\":true}".repeat(50).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}

package com.assuregateway.dossiers.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.zip.ZipInputStream;

/** What a full result must be before it is kept as evidence: a zip that can be read to its end. */
public final class FullResults {

    private FullResults() {
    }

    public static boolean isZip(byte[] data) {
        if (data == null || data.length < 4 || data[0] != 'P' || data[1] != 'K') {
            return false;
        }
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
            while (zip.getNextEntry() != null) {
                zip.readAllBytes();
                entries++;
            }
        } catch (IOException broken) {
            return false;
        }
        return entries > 0;
    }
}

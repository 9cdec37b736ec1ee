package com.assuregateway.console.control;

import com.assuregateway.audit.control.AuditLog;
import com.assuregateway.audit.entity.Subject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The images inside a process's full result (the reference photo, the audit-trail images), read from the
 * decrypted zip in memory, and the audit event that each look at one leaves: who, which process, which image.
 */
@ApplicationScoped
public class EvidenceImages {

    public static final String VIEWED = "console.evidence-viewed";
    public static final String DOWNLOADED = "console.evidence-downloaded";

    @Inject
    AuditLog audit;

    /** One image: its name in the zip, its media type, its bytes. */
    public record Image(String name, String mediaType, byte[] bytes) {
    }

    /** The names of the images the zip holds, in its order. */
    public static List<String> names(byte[] zip) {
        List<String> names = new ArrayList<>();
        read(zip, (entry, in) -> {
            if (mediaType(entry.getName()).isPresent()) {
                names.add(entry.getName());
            }
            return false;
        });
        return names;
    }

    /** The image of that name, when the zip holds one (only images: the JSON parts are not evidence to show). */
    public static Optional<Image> image(byte[] zip, String name) {
        Optional<String> type = mediaType(name);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Image[] found = new Image[1];
        read(zip, (entry, in) -> {
            if (entry.getName().equals(name)) {
                found[0] = new Image(name, type.get(), in.readAllBytes());
                return true;
            }
            return false;
        });
        return Optional.ofNullable(found[0]);
    }

    /** Written, and committed, before the image is sent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(Subject subject, String who, String name, boolean download) {
        audit.evidence(subject, download ? DOWNLOADED : VIEWED, "by " + who + ": " + name);
    }

    static Optional<String> mediaType(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("/") || lower.contains("..")) {
            return Optional.empty();
        }
        if (lower.endsWith(".png")) {
            return Optional.of("image/png");
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return Optional.of("image/jpeg");
        }
        return Optional.empty();
    }

    private interface EntryReader {
        /** @return true to stop reading */
        boolean read(ZipEntry entry, ZipInputStream in) throws IOException;
    }

    private static void read(byte[] zip, EntryReader reader) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory() && reader.read(entry, in)) {
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The archived full result is not a readable zip", e);
        }
    }
}

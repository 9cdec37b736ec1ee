package com.assuregateway.assure.control;

import com.assuregateway.shared.control.Jsonp;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The two large request bodies the gateway relays to Assure: the verification request (faceScan and two
 * audit-trail images, hundreds of KB of base64) and the image upload (a photo as a base64 dataURL). Each is a
 * {@link Body} of known length that writes itself straight to the connection when sent, from the strings and
 * bytes the portal's request already holds: no JSON tree, no serialized copy, no buffer of the whole body.
 * Through JSON-P every field was escaped character by character into a buffer, and buffered again by the HTTP
 * client. A value with anything JSON must escape (quotes, backslashes, control or non-ASCII characters) is
 * escaped by JSON-P as before; base64 never needs it.
 */
public final class AssureBodies {

    private AssureBodies() {
    }

    /** The contract's VerifyRequest for FaceTec. */
    public static Body verifyRequest(String faceScan, String auditTrailImage, String lowQualityAuditTrailImage,
                                     String userAgent, String imageDepiction) {
        return new Body()
                .raw("{\"facetecEnrollment\":{\"faceScan\":").string(faceScan)
                .raw(",\"auditTrailImage\":").string(auditTrailImage)
                .raw(",\"lowQualityAuditTrailImage\":").string(lowQualityAuditTrailImage)
                .raw(",\"userAgent\":").string(userAgent)
                .raw("},\"imageDepiction\":").string(imageDepiction)
                .raw("}");
    }

    /** The contract's UploadImageRequest with one image, as {@code {"<depiction>":"data:<type>;base64,..."}}. */
    public static Body imageUpload(String depiction, String mediaType, byte[] image) {
        String head = quoted("data:" + mediaType + ";base64,");
        // the closing quote of the dataURL's head is dropped: the base64 text continues the string
        return new Body()
                .raw("{").string(depiction).raw(":")
                .escaped(head.substring(0, head.length() - 1).getBytes(StandardCharsets.UTF_8))
                .base64(image)
                .raw("\"}");
    }

    /** Whether the text can stand between JSON quotes as it is: printable ASCII without quote or backslash. */
    static boolean plain(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static String quoted(String text) {
        return Jsonp.PROVIDER.createValue(text).toString();
    }

    /**
     * A JSON body as pieces (ASCII text, bytes, or bytes to send as base64) with its exact length, written to the
     * connection piece by piece through a small buffer; it can be written again (a retried call).
     */
    public static final class Body implements StreamingOutput {
        private static final int CHUNK = 16 * 1024;
        private final List<Object> pieces = new ArrayList<>();
        private long length;

        Body raw(String ascii) {
            pieces.add(ascii);
            length += ascii.length();
            return this;
        }

        Body string(String value) {
            if (plain(value)) {
                return raw("\"").raw(value).raw("\"");
            }
            return escaped(quoted(value).getBytes(StandardCharsets.UTF_8));
        }

        Body escaped(byte[] bytes) {
            pieces.add(bytes);
            length += bytes.length;
            return this;
        }

        Body base64(byte[] bytes) {
            pieces.add(new Base64Of(bytes));
            length += 4L * ((bytes.length + 2) / 3);
            return this;
        }

        /** The exact number of bytes {@link #write} writes. */
        public long length() {
            return length;
        }

        @Override
        @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a plain copy, right for ASCII
        public void write(OutputStream out) throws IOException {
            byte[] chunk = new byte[CHUNK];
            for (Object piece : pieces) {
                if (piece instanceof String ascii) {
                    for (int from = 0, n = ascii.length(); from < n; from += CHUNK) {
                        int to = Math.min(n, from + CHUNK);
                        ascii.getBytes(from, to, chunk, 0);
                        out.write(chunk, 0, to - from);
                    }
                } else if (piece instanceof Base64Of image) {
                    OutputStream encoder = Base64.getEncoder().wrap(new NotClosing(out));
                    encoder.write(image.bytes());
                    encoder.close(); // writes the padding; the connection stays open
                } else {
                    out.write((byte[]) piece);
                }
            }
        }

        /** The whole body in one array (tests). */
        public byte[] toBytes() {
            java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream((int) length);
            try {
                write(all);
            } catch (IOException impossible) {
                throw new IllegalStateException(impossible);
            }
            return all.toByteArray();
        }
    }

    private record Base64Of(byte[] bytes) {
    }

    /** Lets the base64 encoder finish without closing the connection's stream. */
    private static final class NotClosing extends FilterOutputStream {
        NotClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}

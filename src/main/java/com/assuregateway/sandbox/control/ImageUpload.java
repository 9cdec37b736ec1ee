package com.assuregateway.sandbox.control;

import com.assuregateway.sandbox.entity.Depiction;
import com.assuregateway.sandbox.entity.StoredImage;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the spec's UploadImageRequest: {@code front}, {@code back} and/or {@code selfie}, each a
 * {@code data:image/jpeg|png;base64,...} URL. All entries are checked before any is stored, so a bad
 * request changes nothing. Error messages never quote the image data.
 */
public final class ImageUpload {

    private static final Set<Depiction> UPLOADABLE = Set.of(Depiction.FRONT, Depiction.BACK, Depiction.SELFIE);
    private static final String BASE64_MARK = ";base64,";
    private static final byte[] JPEG_SIGNATURE = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private ImageUpload() {
    }

    /** @throws IllegalArgumentException when the body is not a valid UploadImageRequest */
    public static Map<Depiction, StoredImage> parse(JsonObject body) {
        if (body == null || body.isEmpty()) {
            throw new IllegalArgumentException("At least one of front, back or selfie is required");
        }
        Map<Depiction, StoredImage> images = new EnumMap<>(Depiction.class);
        for (Map.Entry<String, JsonValue> entry : body.entrySet()) {
            Depiction depiction = Depiction.fromWireName(entry.getKey())
                    .filter(UPLOADABLE::contains)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "Unsupported image field '" + entry.getKey() + "'; use front, back or selfie"));
            if (!(entry.getValue() instanceof JsonString value)) {
                throw new IllegalArgumentException(depiction.wireName() + " must be a dataURL string");
            }
            images.put(depiction, decodeDataUrl(depiction.wireName(), value.getString()));
        }
        return images;
    }

    /** @throws IllegalArgumentException when not a base64 jpeg/png dataURL holding a jpeg/png */
    public static StoredImage decodeDataUrl(String field, String dataUrl) {
        int mark = dataUrl.indexOf(BASE64_MARK);
        if (!dataUrl.startsWith("data:") || mark < 0) {
            throw new IllegalArgumentException(field + " must be a dataURL of the form data:image/jpeg;base64,...");
        }
        String declared = dataUrl.substring("data:".length(), mark);
        if (!declared.equals(StoredImage.JPEG) && !declared.equals(StoredImage.PNG)) {
            throw new IllegalArgumentException(field + " must be image/jpeg or image/png, not " + abbreviate(declared));
        }
        byte[] bytes;
        try {
            // as decode(String) does (ISO-8859-1 bytes), without first copying the data out as a substring
            byte[] text = dataUrl.getBytes(StandardCharsets.ISO_8859_1);
            int start = mark + BASE64_MARK.length();
            ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(text, start, text.length - start));
            bytes = decoded.remaining() == decoded.array().length
                    ? decoded.array()
                    : Arrays.copyOfRange(decoded.array(), decoded.position(), decoded.limit());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " does not hold valid base64");
        }
        String sniffed = sniff(bytes).orElseThrow(() -> new IllegalArgumentException(
                field + " is neither a JPEG nor a PNG image"));
        // the bytes, not the label, decide the type: the result zip names files after the real format
        return new StoredImage(bytes, sniffed);
    }

    /** The media type from the file signature, if it is a JPEG or PNG. */
    public static Optional<String> sniff(byte[] bytes) {
        if (startsWith(bytes, JPEG_SIGNATURE)) {
            return Optional.of(StoredImage.JPEG);
        }
        if (startsWith(bytes, PNG_SIGNATURE)) {
            return Optional.of(StoredImage.PNG);
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}

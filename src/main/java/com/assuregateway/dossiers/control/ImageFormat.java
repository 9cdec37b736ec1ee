package com.assuregateway.dossiers.control;

import java.util.Optional;

/** Recognises the two image formats Assure accepts by their leading bytes, never by a declared type. */
public enum ImageFormat {
    JPEG("image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});

    private final String mediaType;
    private final byte[] signature;

    ImageFormat(String mediaType, byte[] signature) {
        this.mediaType = mediaType;
        this.signature = signature;
    }

    public String mediaType() {
        return mediaType;
    }

    public static Optional<ImageFormat> of(byte[] image) {
        for (ImageFormat format : values()) {
            if (format.matches(image)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private boolean matches(byte[] image) {
        if (image == null || image.length <= signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (image[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}

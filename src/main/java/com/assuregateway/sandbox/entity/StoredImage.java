package com.assuregateway.sandbox.entity;

import java.util.Objects;

/** One uploaded image: raw bytes and the media type sniffed from them. */
public record StoredImage(byte[] bytes, String mediaType) {

    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    public StoredImage {
        Objects.requireNonNull(bytes, "bytes");
        Objects.requireNonNull(mediaType, "mediaType");
        // copied so that a caller can never change what another request reads
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** File extension used by Assure's result zip: {@code jpeg} or {@code png}. */
    public String extension() {
        return PNG.equals(mediaType) ? "png" : "jpeg";
    }

    /** Never prints the bytes: they are biometric data. */
    @Override
    public String toString() {
        return "StoredImage[" + mediaType + ", " + bytes.length + " bytes]";
    }
}

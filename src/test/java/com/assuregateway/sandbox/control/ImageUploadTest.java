package com.assuregateway.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.sandbox.entity.Depiction;
import com.assuregateway.sandbox.entity.StoredImage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImageUploadTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D};

    static String dataUrl(String mediaType, byte[] bytes) {
        return "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    @Test
    void acceptsJpegAndPngDataUrls() {
        JsonObject body = Json.createObjectBuilder()
                .add("selfie", dataUrl("image/jpeg", JPEG))
                .add("front", dataUrl("image/png", PNG))
                .build();

        Map<Depiction, StoredImage> images = ImageUpload.parse(body);

        assertThat(images).containsOnlyKeys(Depiction.SELFIE, Depiction.FRONT);
        assertThat(images.get(Depiction.SELFIE).bytes()).isEqualTo(JPEG);
        assertThat(images.get(Depiction.SELFIE).extension()).isEqualTo("jpeg");
        assertThat(images.get(Depiction.FRONT).mediaType()).isEqualTo("image/png");
        assertThat(images.get(Depiction.FRONT).extension()).isEqualTo("png");
    }

    @Test
    void theStoredTypeFollowsTheBytesNotTheLabel() {
        StoredImage image = ImageUpload.decodeDataUrl("selfie", dataUrl("image/jpeg", PNG));

        assertThat(image.mediaType()).isEqualTo("image/png");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not a data url",
            "data:image/jpeg,notbase64flagged",
            "data:image/gif;base64,R0lGODlh",
            "data:image/jpeg;base64,@@@",
            "data:image/jpeg;base64,",
            "data:image/jpeg;base64,aGVsbG8gd29ybGQ="
    })
    void rejectsAnythingButABase64JpegOrPng(String value) {
        JsonObject body = Json.createObjectBuilder().add("selfie", value).build();

        assertThatThrownBy(() -> ImageUpload.parse(body))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("selfie ");
    }

    @Test
    void rejectsUnknownFieldsEmptyBodiesAndNonStrings() {
        assertThatThrownBy(() -> ImageUpload.parse(Json.createObjectBuilder().add("portrait", dataUrl("image/png", PNG)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("portrait");
        assertThatThrownBy(() -> ImageUpload.parse(Json.createObjectBuilder().build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImageUpload.parse(Json.createObjectBuilder().add("front", 3).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("front");
    }

    @Test
    void errorMessagesNeverQuoteTheImageData() {
        String secret = Base64.getEncoder().encodeToString("biometric-data-that-must-not-leak".getBytes());

        assertThatThrownBy(() -> ImageUpload.decodeDataUrl("selfie", "data:image/jpeg;base64," + secret))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(secret));
    }
}

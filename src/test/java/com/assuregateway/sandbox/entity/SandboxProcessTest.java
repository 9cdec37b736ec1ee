package com.assuregateway.sandbox.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxProcessTest {

    private static final StoredImage JPEG = new StoredImage(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, StoredImage.JPEG);
    private static final JsonObject RESULT = Json.createObjectBuilder().add("status", "accepted").build();

    private final SandboxProcess process = new SandboxProcess("p", "d", "facetec", null, 1,
            Clock.fixed(Instant.parse("2024-03-21T11:42:52.123Z"), ZoneOffset.UTC));

    @Test
    void startsPendingWithWholeSecondTimestamps() {
        ProcessSnapshot snapshot = process.poll();

        assertThat(snapshot.status()).isEqualTo(ProcessStatus.PENDING);
        assertThat(snapshot.createdAt()).isEqualTo(Instant.parse("2024-03-21T11:42:52Z"));
        assertThat(snapshot.result()).isNull();
    }

    @Test
    void staysProcessingForTheConfiguredPollsThenRevealsTheResult() {
        process.putImages(Map.of(Depiction.SELFIE, JPEG));
        process.startVerification(Depiction.SELFIE, ProcessStatus.ACCEPTED, RESULT, 2);

        assertThat(process.poll().status()).isEqualTo(ProcessStatus.PROCESSING);
        assertThat(process.poll().status()).isEqualTo(ProcessStatus.PROCESSING);
        ProcessSnapshot done = process.poll();
        assertThat(done.status()).isEqualTo(ProcessStatus.ACCEPTED);
        assertThat(done.result()).isEqualTo(RESULT);
        assertThat(process.poll().status()).isEqualTo(ProcessStatus.ACCEPTED);
    }

    @Test
    void snapshotsDoNotUseUpPolls() {
        process.putImages(Map.of(Depiction.SELFIE, JPEG));
        process.startVerification(Depiction.SELFIE, ProcessStatus.REJECTED, RESULT, 1);

        for (int i = 0; i < 5; i++) {
            assertThat(process.snapshot().status()).isEqualTo(ProcessStatus.PROCESSING);
            assertThat(process.snapshot().result()).isNull();
        }
        assertThat(process.poll().status()).isEqualTo(ProcessStatus.PROCESSING);
        assertThat(process.poll().status()).isEqualTo(ProcessStatus.REJECTED);
    }

    @Test
    void zeroPollsRevealsOnTheFirstPoll() {
        process.putImages(Map.of(Depiction.FRONT, JPEG));
        process.startVerification(Depiction.FRONT, ProcessStatus.INCONCLUSIVE, RESULT, 0);

        assertThat(process.poll().status()).isEqualTo(ProcessStatus.INCONCLUSIVE);
    }

    @Test
    void needsTheReferenceImageAndAPendingProcess() {
        assertThatThrownBy(() -> process.startVerification(Depiction.SELFIE, ProcessStatus.ACCEPTED, RESULT, 1))
                .isInstanceOf(IllegalArgumentException.class);
        process.putImages(Map.of(Depiction.SELFIE, JPEG));
        process.startVerification(Depiction.SELFIE, ProcessStatus.ACCEPTED, RESULT, 1);

        assertThatThrownBy(() -> process.startVerification(Depiction.SELFIE, ProcessStatus.ACCEPTED, RESULT, 1))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> process.putImages(Map.of(Depiction.SELFIE, JPEG)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> process.fail(RESULT)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void imagesAreReplacedWhileThePendingProcessIsOpen() {
        StoredImage png = new StoredImage(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, StoredImage.PNG);
        process.putImages(Map.of(Depiction.SELFIE, JPEG));
        process.putImages(Map.of(Depiction.SELFIE, png, Depiction.FRONT, JPEG));

        assertThat(process.image(Depiction.SELFIE)).contains(png);
        assertThat(process.snapshot().depictions()).containsExactly(Depiction.FRONT, Depiction.SELFIE);
    }

    @Test
    void failingAPendingProcessIsFinalAtOnce() {
        ProcessSnapshot failed = process.fail(RESULT);

        assertThat(failed.status()).isEqualTo(ProcessStatus.FAILED);
        assertThat(failed.result()).isEqualTo(RESULT);
    }
}

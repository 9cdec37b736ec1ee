package com.assuregateway.assure.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.assure.entity.AssureResult;
import com.assuregateway.assure.entity.AssureResult.Liveness;
import com.assuregateway.assure.entity.AssureResult.MatchAttempt;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** Every result shape seen in real Assure answers, from the integration guide and the contract. */
class ProcessResultReaderTest {

    private static final Liveness ALL_PASSED = new Liveness(true, false, true, true, true, true);

    @Test
    void readsTheGuidesFlattenedShapeWithStringValues() {
        AssureResult result = read("guide-accepted-flattened");
        assertThat(result.status()).isEqualTo("accepted");
        assertThat(result.liveness()).isEqualTo(ALL_PASSED);
        assertThat(result.matching().matchLevel()).isEqualTo(8);
        assertThat(result.matching().success()).isTrue();
        assertThat(result.matching().attempts()).isEmpty();
        assertThat(result.finalResult().livenessDetected()).isTrue();
        assertThat(result.finalResult().similarityScore()).isEqualTo("high");
    }

    @Test
    void readsTheNestedShapeWithJsonBooleansAndNumbers() {
        AssureResult result = read("guide-accepted");
        assertThat(result.liveness()).isEqualTo(ALL_PASSED);
        assertThat(result.matching().matchLevel()).isEqualTo(8);
        assertThat(result.matching().algorithm()).isEqualTo("facePortrait");
        assertThat(result.matching().attempts())
                .containsExactly(new MatchAttempt("facePortrait", 8, "faceFound", true, false));
    }

    @Test
    void keepsEveryAttemptInOrderAndTheDecidingOne() {
        AssureResult result = read("guide-inconclusive");
        assertThat(result.status()).isEqualTo("inconclusive");
        assertThat(result.matching().attempts()).extracting(MatchAttempt::algorithm, MatchAttempt::matchLevel)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("facePortrait", 4),
                        org.assertj.core.groups.Tuple.tuple("idPhoto", 5),
                        org.assertj.core.groups.Tuple.tuple("idPhotoLowQuality", 5));
        assertThat(result.matching().algorithm()).isEqualTo("idPhotoLowQuality");
        assertThat(result.matching().matchLevel()).isEqualTo(5);
        assertThat(result.finalResult().livenessDetected()).isNull();
    }

    @Test
    void readsANonMatch() {
        AssureResult result = read("guide-rejected");
        assertThat(result.matching().matchLevel()).isZero();
        assertThat(result.matching().success()).isFalse();
        assertThat(result.matching().attempts()).hasSize(3).allMatch(a -> a.matchLevel() == 0);
    }

    @Test
    void acceptsTheLowerCaseChecksSpellingStringNumbersAndUpperCaseBooleans() {
        AssureResult result = read("mixed-spellings");
        assertThat(result.liveness()).isEqualTo(new Liveness(false, false, true, false, true, true));
        assertThat(result.matching().matchLevel()).isEqualTo(3);
        assertThat(result.matching().attempts())
                .containsExactly(new MatchAttempt("facePortrait", 3, "lowQuality", false, false));
    }

    @Test
    void aMissingSectionIsUnknownNotAPass() {
        AssureResult result = read("missing-sections");
        assertThat(result.status()).isEqualTo("failed");
        assertThat(result.liveness()).isEqualTo(Liveness.UNKNOWN);
        assertThat(result.matching()).isEqualTo(AssureResult.Matching.UNKNOWN);
        assertThat(result.finalResult()).isEqualTo(AssureResult.FinalResult.UNKNOWN);
        assertThat(result.failReason()).contains("provider_error").contains("timeout");
    }

    @Test
    void unreadableValuesAreUnknownNotACrash() {
        AssureResult result = read("unreadable-values");
        assertThat(result.liveness().success()).isNull();
        assertThat(result.liveness().replayCheckSucceeded()).isNull();
        assertThat(result.matching().matchLevel()).isNull();
        assertThat(result.matching().attempts()).isEmpty();
    }

    @Test
    void anEmptyAnswerIsAllUnknown() {
        AssureResult result = ProcessResultReader.read(Json.createObjectBuilder().build());
        assertThat(result.status()).isNull();
        assertThat(result.liveness()).isEqualTo(Liveness.UNKNOWN);
    }

    private static AssureResult read(String name) {
        try (InputStream in = ProcessResultReaderTest.class.getResourceAsStream("/assure-results/" + name + ".json")) {
            JsonObject process = Json.createReader(in).readObject();
            return ProcessResultReader.read(process);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

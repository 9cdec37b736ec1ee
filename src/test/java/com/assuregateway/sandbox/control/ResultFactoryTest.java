package com.assuregateway.sandbox.control;

import com.assuregateway.testsupport.OpenApiSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ResultFactoryTest {

    private static final List<String> CHECKS = List.of("auditTrailVerificationCheckSucceeded",
            "replayCheckSucceeded", "faceScanLivenessCheckSucceeded", "sessionTokenCheckSucceeded");

    private final ResultFactory factory = new ResultFactory();

    static Stream<Outcome> outcomesWithResult() {
        return Arrays.stream(Outcome.values()).filter(o -> o != Outcome.ERROR_5XX);
    }

    static Stream<Outcome> nestedFacetecOutcomes() {
        return Stream.of(Outcome.ACCEPTED, Outcome.SLOW, Outcome.INCONCLUSIVE, Outcome.REJECTED_MATCH,
                Outcome.REJECTED_LIVENESS);
    }

    @Test
    void acceptedPassesEveryCheckWithOneFacePortraitAttemptAtLevelEight() {
        JsonObject result = factory.resultFor(Outcome.ACCEPTED);

        assertThat(result.getString("status")).isEqualTo("accepted");
        JsonObject liveness = liveness(result);
        CHECKS.forEach(check -> assertThat(liveness.getJsonObject("faceScanSecurityChecks").getBoolean(check))
                .as(check).isTrue());
        assertThat(liveness.getBoolean("success")).isTrue();
        assertThat(liveness.getBoolean("error")).isFalse();
        JsonObject matching = matching(result);
        assertThat(attemptSummary(matching)).containsExactly("facePortrait:8");
        assertThat(matching.getString("algorithm")).isEqualTo("facePortrait");
        assertThat(matching.getInt("matchLevel")).isEqualTo(8);
        assertThat(matching.getBoolean("success")).isTrue();
        JsonObject finalResult = result.getJsonObject("finalResult");
        assertThat(finalResult.get("livenessDetected")).isEqualTo(JsonValue.TRUE);
        assertThat(finalResult.getString("similarityScore")).isEqualTo("high");
    }

    @Test
    void slowEndsExactlyLikeAccepted() {
        assertThat(factory.resultFor(Outcome.SLOW)).isEqualTo(factory.resultFor(Outcome.ACCEPTED));
    }

    @Test
    void inconclusiveDecidesOnTheLowQualityAttemptAtLevelFive() {
        JsonObject result = factory.resultFor(Outcome.INCONCLUSIVE);

        assertThat(result.getString("status")).isEqualTo("inconclusive");
        assertThat(liveness(result).getBoolean("success")).isTrue();
        JsonObject matching = matching(result);
        assertThat(attemptSummary(matching)).containsExactly("facePortrait:4", "idPhoto:5", "idPhotoLowQuality:5");
        assertThat(matching.getString("algorithm")).isEqualTo("idPhotoLowQuality");
        assertThat(matching.getInt("matchLevel")).isEqualTo(5);
        assertThat(result.containsKey("finalResult")).isFalse();
    }

    @Test
    void rejectedMatchHasThreeFailedAttemptsAtLevelZero() {
        JsonObject result = factory.resultFor(Outcome.REJECTED_MATCH);

        assertThat(result.getString("status")).isEqualTo("rejected");
        assertThat(liveness(result).getBoolean("success")).isTrue();
        JsonObject matching = matching(result);
        assertThat(attemptSummary(matching)).containsExactly("facePortrait:0", "idPhoto:0", "idPhotoLowQuality:0");
        assertThat(matching.getJsonArray("attempts").getValuesAs(JsonObject.class))
                .allSatisfy(attempt -> assertThat(attempt.getBoolean("success")).isFalse());
        assertThat(matching.getInt("matchLevel")).isZero();
        assertThat(result.containsKey("finalResult")).isFalse();
    }

    @Test
    void rejectedLivenessFailsTheLivenessCheckDespiteAGoodMatch() {
        JsonObject result = factory.resultFor(Outcome.REJECTED_LIVENESS);

        assertThat(result.getString("status")).isEqualTo("rejected");
        JsonObject liveness = liveness(result);
        JsonObject checks = liveness.getJsonObject("faceScanSecurityChecks");
        assertThat(checks.getBoolean("faceScanLivenessCheckSucceeded")).isFalse();
        assertThat(checks.getBoolean("replayCheckSucceeded")).isTrue();
        assertThat(liveness.getBoolean("success")).isFalse();
        assertThat(matching(result).getInt("matchLevel")).isEqualTo(8);
        assertThat(result.containsKey("finalResult")).isFalse();
    }

    @Test
    void failedHasAFailReasonAndNoMatching() {
        JsonObject result = factory.resultFor(Outcome.FAILED);

        assertThat(result.getString("status")).isEqualTo("failed");
        assertThat(result.getJsonObject("failReason").getString("code")).isEqualTo("sandbox");
        assertThat(result.getJsonObject("failReason").getString("message")).isEqualTo("Simulated provider failure");
        assertThat(result.containsKey("providerSpecific")).isFalse();
        assertThat(result.containsKey("finalResult")).isFalse();
    }

    @Test
    void acceptedFlatUsesTheGuidesDottedStringForm() {
        JsonObject result = factory.resultFor(Outcome.ACCEPTED_FLAT);

        assertThat(result.getString("status")).isEqualTo("accepted");
        JsonObject liveness = liveness(result);
        CHECKS.forEach(check -> assertThat(liveness.getString("facescanSecurityChecks." + check)).isEqualTo("true"));
        assertThat(liveness.getString("success")).isEqualTo("true");
        assertThat(liveness.getString("error")).isEqualTo("false");
        assertThat(matching(result).getString("matchLevel")).isEqualTo("8");
        assertThat(result.getJsonObject("finalResult").getString("livenessDetected")).isEqualTo("true");
        assertThat(result.getJsonObject("finalResult").getString("similarityScore")).isEqualTo("high");
    }

    @Test
    void error5xxHasNoResult() {
        assertThatThrownBy(() -> factory.resultFor(Outcome.ERROR_5XX)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("outcomesWithResult")
    void statusIsTheOutcomesFinalStatus(Outcome outcome) {
        assertThat(factory.resultFor(outcome).getString("status"))
                .isEqualTo(outcome.finalStatus().orElseThrow().wireName());
    }

    /** The rule Assure documents: accepted needs every check and level >= 6; level 1..5 is inconclusive. */
    @ParameterizedTest
    @MethodSource("nestedFacetecOutcomes")
    void statusFollowsAssuresDocumentedRule(Outcome outcome) {
        JsonObject result = factory.resultFor(outcome);
        JsonObject checks = liveness(result).getJsonObject("faceScanSecurityChecks");
        boolean live = CHECKS.stream().allMatch(checks::getBoolean) && liveness(result).getBoolean("success");
        int level = matching(result).getInt("matchLevel");
        String expected = !live || level == 0 ? "rejected" : level >= 6 ? "accepted" : "inconclusive";

        assertThat(result.getString("status")).isEqualTo(expected);
        assertThat(result.containsKey("finalResult")).isEqualTo("accepted".equals(expected));
    }

    @ParameterizedTest
    @MethodSource("outcomesWithResult")
    void everyEmittedKeyIsInTheSpec(Outcome outcome) {
        JsonObject result = factory.resultFor(outcome);

        assertThat(result.keySet()).isSubsetOf(OpenApiSpec.properties("Process"));
        JsonObject providerSpecific = result.getJsonObject("providerSpecific");
        if (providerSpecific != null) {
            assertThat(providerSpecific.keySet()).isSubsetOf(OpenApiSpec.properties("ProviderDetails"));
            assertLivenessKeys(providerSpecific.getJsonObject("liveness"));
            assertMatchingKeys(providerSpecific.getJsonObject("matching"));
        }
        if (result.containsKey("finalResult")) {
            assertThat(result.getJsonObject("finalResult").keySet())
                    .isSubsetOf(OpenApiSpec.properties("FinalResultDetails"));
        }
    }

    @Test
    void failedByRequestCarriesTheSpecsReason() {
        JsonObject reason = factory.failedByRequest().getJsonObject("failReason");

        assertThat(reason.getString("category")).isEqualTo("User.Request");
        assertThat(reason.getString("reason")).isEqualTo("Process.Failed");
        assertThat(reason.getString("message")).isEqualTo("Failed by request.");
    }

    private static void assertLivenessKeys(JsonObject liveness) {
        Set<String> livenessProperties = OpenApiSpec.properties("FacetecLivenessResult");
        Set<String> checkProperties = OpenApiSpec.properties("FaceScanSecurityChecks");
        for (String key : liveness.keySet()) {
            int dot = key.indexOf('.');
            if (dot < 0) {
                assertThat(livenessProperties).as("liveness key").contains(key);
            } else {
                // flattened form: "<checks object>.<check>", the object spelled either way Assure spells it
                assertThat(key.substring(0, dot)).isEqualToIgnoringCase("faceScanSecurityChecks");
                assertThat(checkProperties).as("flattened check").contains(key.substring(dot + 1));
            }
        }
        if (liveness.get("faceScanSecurityChecks") instanceof JsonObject checks) {
            assertThat(checks.keySet()).isSubsetOf(checkProperties);
        }
    }

    private static void assertMatchingKeys(JsonObject matching) {
        Set<String> matchingProperties = withAlgorithm(OpenApiSpec.properties("FacetecMatchingResult"));
        Set<String> attemptProperties = withAlgorithm(OpenApiSpec.properties("FacetecMatchingAttempt"));
        assertThat(matching.keySet()).isSubsetOf(matchingProperties);
        if (matching.containsKey("attempts")) {
            assertThat(matching.getJsonArray("attempts").getValuesAs(JsonObject.class))
                    .isNotEmpty()
                    .hasSizeLessThanOrEqualTo(3)
                    .allSatisfy(attempt -> assertThat(attempt.keySet()).isSubsetOf(attemptProperties));
        }
    }

    /** {@code algorithm} is in the spec's examples though not in its schemas. */
    private static Set<String> withAlgorithm(Set<String> properties) {
        Set<String> allowed = new HashSet<>(properties);
        allowed.add("algorithm");
        return allowed;
    }

    private static JsonObject liveness(JsonObject result) {
        return result.getJsonObject("providerSpecific").getJsonObject("liveness");
    }

    private static JsonObject matching(JsonObject result) {
        return result.getJsonObject("providerSpecific").getJsonObject("matching");
    }

    private static List<String> attemptSummary(JsonObject matching) {
        return matching.getJsonArray("attempts").getValuesAs(JsonObject.class).stream()
                .map(a -> a.getString("algorithm") + ":" + a.getInt("matchLevel"))
                .toList();
    }
}

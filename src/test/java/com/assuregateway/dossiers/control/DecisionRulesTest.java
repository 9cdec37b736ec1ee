package com.assuregateway.dossiers.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.assure.control.ProcessResultReader;
import com.assuregateway.assure.entity.AssureResult;
import com.assuregateway.dossiers.entity.Decision;
import com.assuregateway.dossiers.entity.DecisionOutcome;
import com.assuregateway.dossiers.entity.ProcessStatus;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The gateway's decision for every result shape, read by the same parser the client path uses. */
class DecisionRulesTest {

    @Test
    void everyReasonReadsInWords() {
        assertThat(DecisionRules.inWords("match-level-below-minimum")).isEqualTo("the face matches, but below the minimum match level");
        assertThat(DecisionRules.inWords("security-check-failed:replayCheckSucceeded"))
                .isEqualTo("a liveness security check failed (replayCheckSucceeded)");
        assertThat(DecisionRules.inWords("something-new")).isEqualTo("something-new");
        assertThat(DecisionRules.inWords(null)).isEmpty();
    }

    @ParameterizedTest(name = "{0} at minimum {1} -> {2} ({3})")
    @CsvSource({
            "guide-accepted-flattened, 6, ACCEPTED, match-level-at-or-above-minimum",
            "guide-accepted,           6, ACCEPTED, match-level-at-or-above-minimum",
            "guide-accepted,           8, ACCEPTED, match-level-at-or-above-minimum",
            "guide-inconclusive,       6, INCONCLUSIVE, match-level-below-minimum",
            "guide-inconclusive,       5, ACCEPTED, match-level-at-or-above-minimum",
            "guide-rejected,           6, REJECTED, no-match",
            "mixed-spellings,          6, REJECTED, security-check-failed:replayCheckSucceeded",
            "missing-sections,         6, FAILED, assure-failed",
    })
    void decidesEachShape(String shape, int minimum, DecisionOutcome outcome, String reason) {
        JsonObject process = load(shape);
        Decision decision = DecisionRules.decide(ProcessResultReader.read(process),
                ProcessStatus.fromAssure(process.getString("status")), minimum);
        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.reason()).isEqualTo(reason);
        assertThat(decision.minimumMatchLevel()).isEqualTo(minimum);
    }

    @Test
    void anAcceptedStatusWithoutEvidenceIsUnknownNotAPass() {
        AssureResult result = ProcessResultReader.read(Json.createObjectBuilder().add("status", "accepted").build());
        Decision decision = DecisionRules.decide(result, ProcessStatus.ACCEPTED, 6);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.UNKNOWN);
        assertThat(decision.reason()).isEqualTo("liveness-unknown");
        assertThat(decision.outcome().agreesWith(ProcessStatus.ACCEPTED)).isFalse();
    }

    @Test
    void unreadableValuesAreUnknown() {
        JsonObject process = Json.createObjectBuilder(load("unreadable-values")).add("status", "accepted").build();
        Decision decision = DecisionRules.decide(ProcessResultReader.read(process), ProcessStatus.ACCEPTED, 6);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.UNKNOWN);
    }

    @Test
    void aMissingMatchLevelIsUnknownEvenWhenLivenessPassed() {
        JsonObject process = Json.createObjectBuilder(load("guide-accepted")).build();
        JsonObject withoutMatching = Json.createObjectBuilder(process)
                .add("providerSpecific", Json.createObjectBuilder()
                        .add("liveness", process.getJsonObject("providerSpecific").getJsonObject("liveness")))
                .build();
        Decision decision = DecisionRules.decide(ProcessResultReader.read(withoutMatching), ProcessStatus.ACCEPTED, 6);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.UNKNOWN);
        assertThat(decision.reason()).isEqualTo("match-level-unknown");
    }

    @Test
    void aFailedLivenessRejectsWhateverTheMatch() {
        JsonObject process = load("guide-accepted");
        JsonObject liveness = Json.createObjectBuilder(process.getJsonObject("providerSpecific").getJsonObject("liveness"))
                .add("success", false).build();
        JsonObject failed = Json.createObjectBuilder(process).add("providerSpecific", Json.createObjectBuilder(
                process.getJsonObject("providerSpecific")).add("liveness", liveness)).build();
        Decision decision = DecisionRules.decide(ProcessResultReader.read(failed), ProcessStatus.REJECTED, 6);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.REJECTED);
        assertThat(decision.reason()).isEqualTo("liveness-failed");
    }

    @Test
    void canceledByAssureIsCanceled() {
        Decision decision = DecisionRules.decide(ProcessResultReader.read(load("guide-accepted")), ProcessStatus.CANCELED, 6);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.CANCELED);
    }

    // --- the rules one by one, over results built here (no parser in between) ---

    private static final AssureResult.Liveness LIVE = new AssureResult.Liveness(true, false, true, true, true, true);

    private static AssureResult result(AssureResult.Liveness liveness, Integer level, Boolean matchingError) {
        return new AssureResult("accepted", liveness,
                new AssureResult.Matching(level, "a", "p", level != null && level > 0, matchingError, java.util.List.of()),
                AssureResult.FinalResult.UNKNOWN, null);
    }

    @ParameterizedTest(name = "the failed check {0} rejects")
    @CsvSource({
            "0, security-check-failed:auditTrailVerificationCheckSucceeded",
            "1, security-check-failed:replayCheckSucceeded",
            "2, security-check-failed:faceScanLivenessCheckSucceeded",
            "3, security-check-failed:sessionTokenCheckSucceeded",
    })
    void eachFailedSecurityCheckRejectsEvenAPerfectMatch(int failed, String reason) {
        Boolean[] checks = {true, true, true, true};
        checks[failed] = false;
        var liveness = new AssureResult.Liveness(true, false, checks[0], checks[1], checks[2], checks[3]);
        Decision decision = DecisionRules.decide(result(liveness, 8, false), ProcessStatus.ACCEPTED, 6);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.REJECTED);
        assertThat(decision.reason()).isEqualTo(reason);
    }

    @Test
    void theFirstFailedCheckIsTheOneNamed() {
        var liveness = new AssureResult.Liveness(false, true, true, false, false, true);
        assertThat(DecisionRules.decide(result(liveness, 0, true), ProcessStatus.ACCEPTED, 6).reason())
                .isEqualTo("security-check-failed:replayCheckSucceeded");
    }

    @Test
    void evidenceOfFailureComesBeforeWhatIsMissing() {
        var unknownChecks = new AssureResult.Liveness(true, false, null, null, null, null);
        Decision noMatch = DecisionRules.decide(result(unknownChecks, 0, null), ProcessStatus.ACCEPTED, 6);
        assertThat(noMatch.outcome()).isEqualTo(DecisionOutcome.REJECTED);
        assertThat(noMatch.reason()).isEqualTo("no-match");
        var failedUnknownChecks = new AssureResult.Liveness(false, null, null, null, null, null);
        assertThat(DecisionRules.decide(result(failedUnknownChecks, 8, false), ProcessStatus.ACCEPTED, 6).reason())
                .isEqualTo("liveness-failed");
    }

    @Test
    void assuresFailureOrCancellationDecidesWhateverTheEvidence() {
        assertThat(DecisionRules.decide(result(LIVE, 8, false), ProcessStatus.FAILED, 6))
                .isEqualTo(new Decision(DecisionOutcome.FAILED, "assure-failed", 6));
        assertThat(DecisionRules.decide(result(LIVE, 8, false), ProcessStatus.CANCELED, 6))
                .isEqualTo(new Decision(DecisionOutcome.CANCELED, "assure-canceled", 6));
    }

    @Test
    void anUnknownCheckOrLivenessIsUnknown() {
        var oneUnknown = new AssureResult.Liveness(true, false, true, true, null, true);
        assertThat(DecisionRules.decide(result(oneUnknown, 8, false), ProcessStatus.ACCEPTED, 6).reason())
                .isEqualTo("liveness-unknown");
        var livenessUnknown = new AssureResult.Liveness(null, false, true, true, true, true);
        assertThat(DecisionRules.decide(result(livenessUnknown, 8, false), ProcessStatus.ACCEPTED, 6).reason())
                .isEqualTo("liveness-unknown");
    }

    @Test
    void errorsReportedByFaceTecAreUnknownNotAPass() {
        var livenessError = new AssureResult.Liveness(true, true, true, true, true, true);
        assertThat(DecisionRules.decide(result(livenessError, 8, false), ProcessStatus.ACCEPTED, 6))
                .isEqualTo(new Decision(DecisionOutcome.UNKNOWN, "liveness-error", 6));
        assertThat(DecisionRules.decide(result(LIVE, 8, true), ProcessStatus.ACCEPTED, 6))
                .isEqualTo(new Decision(DecisionOutcome.UNKNOWN, "matching-error", 6));
    }

    @ParameterizedTest(name = "match level {0} is not a level")
    @CsvSource({"-1", "9", "100"})
    void aMatchLevelOutsideZeroToEightIsUnknown(int level) {
        assertThat(DecisionRules.decide(result(LIVE, level, false), ProcessStatus.ACCEPTED, 6).reason())
                .isEqualTo("match-level-unknown");
    }

    @ParameterizedTest(name = "level {0} at minimum {1} -> {2}")
    @CsvSource({
            "1, 6, INCONCLUSIVE",
            "5, 6, INCONCLUSIVE",
            "6, 6, ACCEPTED",
            "8, 6, ACCEPTED",
            "1, 1, ACCEPTED",
            "7, 8, INCONCLUSIVE",
            "8, 8, ACCEPTED",
    })
    void theMinimumIsInclusive(int level, int minimum, DecisionOutcome outcome) {
        Decision decision = DecisionRules.decide(result(LIVE, level, false), ProcessStatus.ACCEPTED, minimum);
        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.minimumMatchLevel()).isEqualTo(minimum);
    }

    @Test
    void theGatewaysDecisionDoesNotFollowAssuresStatus() {
        // Assure said rejected, the evidence passes: the gateway accepts, and the record shows the disagreement
        Decision decision = DecisionRules.decide(result(LIVE, 7, false), ProcessStatus.REJECTED, 6);
        assertThat(decision.outcome()).isEqualTo(DecisionOutcome.ACCEPTED);
        assertThat(decision.outcome().agreesWith(ProcessStatus.REJECTED)).isFalse();
    }

    static JsonObject load(String shape) {
        try (InputStream in = DecisionRulesTest.class.getResourceAsStream("/assure-results/" + shape + ".json")) {
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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

    static JsonObject load(String shape) {
        try (InputStream in = DecisionRulesTest.class.getResourceAsStream("/assure-results/" + shape + ".json")) {
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.assuregateway.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.sandbox.entity.ProcessStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OutcomeTest {

    private static final String FACETEC_UA =
            "facetec|sdk|android|com.signicat.assure|dvFMSBMcyjjUB7dvR0lFWsOHoNiBsLDh|C71F69E46DF67349|SM-G970F|9.4.1|pt_PT|pt";

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {FACETEC_UA, "Mozilla/5.0 (X11; Linux x86_64)", "sandbox without colon"})
    void noMarkerMeansAccepted(String userAgent) {
        assertThat(Outcome.fromUserAgent(userAgent)).isEqualTo(Outcome.ACCEPTED);
    }

    @ParameterizedTest
    @CsvSource({
            "sandbox:accepted, ACCEPTED",
            "sandbox:accepted-flat, ACCEPTED_FLAT",
            "sandbox:inconclusive, INCONCLUSIVE",
            "sandbox:rejected-match, REJECTED_MATCH",
            "sandbox:rejected-liveness, REJECTED_LIVENESS",
            "sandbox:failed, FAILED",
            "sandbox:error-5xx, ERROR_5XX",
            "sandbox:slow, SLOW"
    })
    void readsEachMarker(String userAgent, Outcome expected) {
        assertThat(Outcome.fromUserAgent(userAgent)).isEqualTo(expected);
    }

    @Test
    void findsTheMarkerAnywhereInAPipedUserAgent() {
        assertThat(Outcome.fromUserAgent(FACETEC_UA + "|sandbox:rejected-match|621c18e4"))
                .isEqualTo(Outcome.REJECTED_MATCH);
        assertThat(Outcome.fromUserAgent("sandbox:accepted-flat " + FACETEC_UA)).isEqualTo(Outcome.ACCEPTED_FLAT);
    }

    @Test
    void theFirstMarkerWins() {
        assertThat(Outcome.fromUserAgent("x sandbox:inconclusive y sandbox:failed")).isEqualTo(Outcome.INCONCLUSIVE);
    }

    @Test
    void markersAreCaseInsensitive() {
        assertThat(Outcome.fromUserAgent("SandBox:Rejected-Liveness")).isEqualTo(Outcome.REJECTED_LIVENESS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"sandbox:nope", "ua|sandbox:accept|x", "sandbox:", "sandbox:|x"})
    void unknownOrEmptyMarkerIsAnIllegalArgumentNamingTheKnownOnes(String userAgent) {
        assertThatThrownBy(() -> Outcome.fromUserAgent(userAgent))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Unknown sandbox outcome marker 'sandbox:")
                .hasMessageContaining("facetecEnrollment.userAgent")
                .hasMessageContaining("sandbox:accepted-flat")
                .hasMessageContaining("sandbox:error-5xx");
    }

    @Test
    void aLongUnknownMarkerIsNotEchoedInFull() {
        String marker = "x".repeat(500);

        assertThatThrownBy(() -> Outcome.fromUserAgent("sandbox:" + marker))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(marker));
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void everyOutcomeRoundTripsThroughItsMarker(Outcome outcome) {
        assertThat(Outcome.fromMarker(outcome.marker())).isEqualTo(outcome);
    }

    @Test
    void onlyError5xxHasNoFinalStatus() {
        assertThat(Outcome.ERROR_5XX.finalStatus()).isEmpty();
        assertThat(Outcome.SLOW.finalStatus()).contains(ProcessStatus.ACCEPTED);
        assertThat(Outcome.FAILED.finalStatus()).contains(ProcessStatus.FAILED);
        assertThat(Outcome.REJECTED_LIVENESS.finalStatus()).contains(ProcessStatus.REJECTED);
    }
}

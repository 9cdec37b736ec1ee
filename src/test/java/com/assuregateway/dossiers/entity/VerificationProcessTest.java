package com.assuregateway.dossiers.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A final status never regresses. */
class VerificationProcessTest {

    private static final java.time.Instant NOW = java.time.Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aLateOrRepeatedAnswerCannotUndoAFinalStatus() {
        VerificationProcess process = new VerificationProcess("p", "d", "t", "facetec", "a", ProcessStatus.PENDING, NOW);
        assertThat(process.moveTo(ProcessStatus.PROCESSING, "processing", NOW)).isTrue();
        assertThat(process.moveTo(ProcessStatus.ACCEPTED, "accepted", NOW)).isTrue();
        assertThat(process.finalizedAt()).isNotNull();

        assertThat(process.moveTo(ProcessStatus.PROCESSING, "processing", NOW)).isFalse();
        assertThat(process.moveTo(ProcessStatus.REJECTED, "rejected", NOW)).isFalse();
        assertThat(process.status()).isEqualTo(ProcessStatus.ACCEPTED);
    }

    @Test
    void anExpiredProcessIsFinalAndNeedsNoMoreLooks() {
        VerificationProcess process = new VerificationProcess("p", "d", "t", "facetec", "a", ProcessStatus.PROCESSING, NOW);
        process.scheduleCheck(NOW);
        process.expire(NOW);
        assertThat(process.status().isFinal()).isTrue();
        assertThat(process.decision()).isEqualTo(DecisionOutcome.EXPIRED);
        assertThat(process.nextCheckAt()).isNull();
        assertThat(process.moveTo(ProcessStatus.ACCEPTED, "accepted", NOW)).isFalse();
    }
}

package com.assuregateway.dossiers.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A final status never regresses. */
class VerificationProcessTest {

    @Test
    void aLateOrRepeatedAnswerCannotUndoAFinalStatus() {
        VerificationProcess process = new VerificationProcess("p", "d", "t", "facetec", "a", ProcessStatus.PENDING);
        assertThat(process.moveTo(ProcessStatus.PROCESSING, "processing")).isTrue();
        assertThat(process.moveTo(ProcessStatus.ACCEPTED, "accepted")).isTrue();
        assertThat(process.finalizedAt()).isNotNull();

        assertThat(process.moveTo(ProcessStatus.PROCESSING, "processing")).isFalse();
        assertThat(process.moveTo(ProcessStatus.REJECTED, "rejected")).isFalse();
        assertThat(process.status()).isEqualTo(ProcessStatus.ACCEPTED);
    }

    @Test
    void anExpiredProcessIsFinalAndNeedsNoMoreLooks() {
        VerificationProcess process = new VerificationProcess("p", "d", "t", "facetec", "a", ProcessStatus.PROCESSING);
        process.scheduleCheck(java.time.Instant.now());
        process.expire();
        assertThat(process.status().isFinal()).isTrue();
        assertThat(process.decision()).isEqualTo(DecisionOutcome.EXPIRED);
        assertThat(process.nextCheckAt()).isNull();
        assertThat(process.moveTo(ProcessStatus.ACCEPTED, "accepted")).isFalse();
    }
}

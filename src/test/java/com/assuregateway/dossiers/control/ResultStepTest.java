package com.assuregateway.dossiers.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.dossiers.entity.ProcessStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The branches of recordResult: a lost verification, an answer that is not final, a final one. */
class ResultStepTest {

    @ParameterizedTest(name = "here {0}, started {1}, grace over {2}, Assure {3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            // requested here, Assure never heard of it after the grace: the start was lost
            "PENDING,    true,  true,  PENDING,    LOST_VERIFICATION",
            // within the grace it may still be on its way
            "PENDING,    true,  false, PENDING,    NOT_FINAL",
            // never requested here: Assure's pending is plain pending
            "PENDING,    false, true,  PENDING,    NOT_FINAL",
            "PENDING,    false, false, PENDING,    NOT_FINAL",
            // Assure moved on: not lost
            "PENDING,    true,  true,  PROCESSING, NOT_FINAL",
            "PROCESSING, true,  true,  PENDING,    NOT_FINAL",
            "PROCESSING, true,  true,  PROCESSING, NOT_FINAL",
            // a status the gateway does not know is noted, never taken for final
            "PROCESSING, true,  true,  null,       NOT_FINAL",
            "PENDING,    true,  true,  null,       NOT_FINAL",
            // final answers bring the result and the decision
            "PROCESSING, true,  false, ACCEPTED,   FINAL",
            "PROCESSING, true,  true,  REJECTED,   FINAL",
            "PENDING,    true,  true,  INCONCLUSIVE, FINAL",
            "PENDING,    false, false, CANCELED,   FINAL",
            "PROCESSING, true,  true,  FAILED,     FINAL",
    })
    void eachAnswerTakesOneBranch(ProcessStatus current, boolean started, boolean graceOver, ProcessStatus reported,
                                  ResultStep step) {
        assertThat(ResultStep.of(current, started, graceOver, reported)).isEqualTo(step);
    }
}

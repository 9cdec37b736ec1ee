package com.assuregateway.sandbox.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnswerDelayTest {

    @Test
    void noSettingMeansNoDelay() {
        assertThat(AnswerDelay.millis(Optional.empty())).isEqualTo(0);
    }

    @Test
    void theSettingIsTheDelay() {
        assertThat(AnswerDelay.millis(Optional.of(50L))).isEqualTo(50);
    }

    @Test
    void aNegativeSettingIsNoDelay() {
        assertThat(AnswerDelay.millis(Optional.of(-5L))).isEqualTo(0);
    }

    @Test
    void aSettingBeyondAMinuteIsCapped() {
        assertThat(AnswerDelay.millis(Optional.of(3_600_000L))).isEqualTo(60_000);
    }
}

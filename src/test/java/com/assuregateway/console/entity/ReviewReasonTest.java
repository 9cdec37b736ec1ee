package com.assuregateway.console.entity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewReasonTest {

    @Test
    void anEntryIsCodeEqualsWords() {
        assertThat(ReviewReason.parse(" face-matches = The face matches ")).contains(
                new ReviewReason("face-matches", "The face matches"));
        assertThat(ReviewReason.parse("poor-quality")).contains(new ReviewReason("poor-quality", "poor-quality"));
        assertThat(ReviewReason.parse(" ")).isEmpty();
        assertThat(ReviewReason.parse("=words only")).isEmpty();
    }

    @Test
    void theRecordedReasonStartsWithTheCode() {
        ReviewReason reason = new ReviewReason("face-differs", "The face does not match");
        assertThat(reason.recorded(null)).isEqualTo("face-differs: The face does not match");
        assertThat(reason.recorded("  twin?  ")).isEqualTo("face-differs: The face does not match\ntwin?");
    }
}

package com.assuregateway.shared.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a person types passes; what PostgreSQL refuses or a log would break at does not. */
class PlainTextTest {

    @Test
    void nulAndEveryOtherControlCharacterAreRefused() {
        for (String value : new String[]{"a\u0000b", "a\nb", "a\rb", "a\tb", "a\u001bb", "a\u007fb", "a\u0085b",
                "a\u2028b", "a\u2029b"}) {
            assertThat(PlainText.Validator.isPlain(value, false)).as(LogSafe.of(value)).isFalse();
        }
    }

    @Test
    void aMultiLineFieldKeepsTabAndLineBreaksButNotNul() {
        assertThat(PlainText.Validator.isPlain("Photo blurred.\r\nAsked for\ta new one.", true)).isTrue();
        assertThat(PlainText.Validator.isPlain("a\u0000b", true)).isFalse();
        assertThat(PlainText.Validator.isPlain("a\u001bb", true)).isFalse();
    }

    @Test
    void unpairedSurrogatesAreRefusedAndPairsPass() {
        assertThat(PlainText.Validator.isPlain("a\ud83d", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("\ude00a", false)).isFalse();
        assertThat(PlainText.Validator.isPlain("\ud83d\ude00 customer-42", false)).isTrue();
    }

    @Test
    void ordinaryTextPasses() {
        assertThat(PlainText.Validator.isPlain("customer-42 Zoë Müller 東京 #7/8", false)).isTrue();
        assertThat(PlainText.Validator.isPlain(null, false)).isTrue();
        assertThat(PlainText.Validator.isPlain("", false)).isTrue();
    }
}

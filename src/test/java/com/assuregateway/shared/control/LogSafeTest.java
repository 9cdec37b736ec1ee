package com.assuregateway.shared.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A value a client chose cannot start a new log line, hide one, or flood the log. */
class LogSafeTest {

    @Test
    void lineBreaksCannotForgeASecondLine() {
        String forged = LogSafe.of("/api/v1/dossiers/x\r\n[2026-12-06T20:00:00.000+0000] [] [INFO] admin logged in");
        assertThat(forged).doesNotContain("\r", "\n").startsWith("/api/v1/dossiers/x\\u000d\\u000a[2026");
    }

    @Test
    void everyControlCharacterAndUnicodeSeparatorIsEscaped() {
        assertThat(LogSafe.of("a\u0000b\tc\u001b[31md\u007fe\u0085f\u2028g\u2029h"))
                .isEqualTo("a\\u0000b\\u0009c\\u001b[31md\\u007fe\\u0085f\\u2028g\\u2029h");
    }

    @Test
    void aBackslashIsEscapedSoAnEscapeCannotBeFaked() {
        assertThat(LogSafe.of("a\\u000ab")).isEqualTo("a\\u005cu000ab");
    }

    @Test
    void plainTextAndNullPassUnchanged() {
        assertThat(LogSafe.of("GET /api/v1/dossiers/6d125bc7 200 12ms requestId=abc-1.2:3"))
                .isEqualTo("GET /api/v1/dossiers/6d125bc7 200 12ms requestId=abc-1.2:3");
        assertThat(LogSafe.of("Zoë 東京")).isEqualTo("Zoë 東京");
        assertThat(LogSafe.of(null)).isEqualTo("null");
    }

    @Test
    void aLongValueIsCutAndSaysHowLongItWas() {
        String cut = LogSafe.of("x".repeat(70_000));
        assertThat(cut).hasSizeLessThan(LogSafe.MAX_LENGTH + 30).endsWith("...(70000 chars)");
    }
}

package com.assuregateway.reporting.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.assuregateway.problems.entity.GatewayProblem;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** A cursor survives the round trip to the exact microsecond and refuses a filter it was not made for. */
class CursorTest {

    private static final ProcessFilter NEWEST_FIRST = ProcessFilter.everything();

    @Test
    void roundTripKeepsThePositionExactly() {
        Cursor cursor = new Cursor(Instant.parse("2026-07-01T10:15:30.123456Z"), "5f000000-0000-0000-0000-000000000000",
                NEWEST_FIRST.fingerprint());
        assertThat(Cursor.parse(cursor.encode())).isEqualTo(cursor);
        assertThat(Cursor.parse(cursor.encode()).requireFilter(NEWEST_FIRST)).isEqualTo(cursor);
        assertThat(cursor.encode()).doesNotContain("5f000000").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void aCursorOfAnotherFilterOrOrderIsRefused() {
        String token = new Cursor(Instant.now(), "id", NEWEST_FIRST.fingerprint()).encode();
        ProcessFilter oldestFirst = new ProcessFilter(null, null, null, false, null, null, null, null, null, null,
                null, null, null, null, false);
        assertThatThrownBy(() -> Cursor.parse(token).requireFilter(oldestFirst))
                .isInstanceOf(GatewayProblem.class)
                .satisfies(e -> assertThat(((GatewayProblem) e).fieldErrors()).extracting("field").containsExactly("cursor"));
        assertThatThrownBy(() -> Cursor.parse(token).requireFilter(NEWEST_FIRST.withTenant("acme")))
                .isInstanceOf(GatewayProblem.class);
    }

    @Test
    void anythingElseIsNotACursor() {
        for (String token : new String[]{"", "%%", "bm90LWEtY3Vyc29y", encode("v1|abc|id|f"), encode("v1|1.2|id"),
                encode("v2|1.2|id|f"), encode("v1|1.2||f"), encode("v1|1|id|f"),
                encode("v1|1.2|" + "x".repeat(37) + "|f")}) {
            assertThat(Cursor.parse(token)).as(token).isNull();
        }
    }

    private static String encode(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes());
    }

    @Test
    void aForgedCursorBeyondTheDatabasesYearsOrWithControlCharactersIsNotACursor() {
        String fingerprint = NEWEST_FIRST.fingerprint();
        Instant year300000 = Instant.parse("+300000-01-01T00:00:00Z");
        Instant year5000BC = Instant.parse("-5000-01-01T00:00:00Z");
        assertThat(Cursor.parse(new Cursor(year300000, "id", fingerprint).encode())).isNull();
        assertThat(Cursor.parse(new Cursor(year5000BC, "id", fingerprint).encode())).isNull();
        assertThat(Cursor.parse(new Cursor(Instant.parse("2026-07-01T00:00:00Z"), "a\u0000b", fingerprint).encode()))
                .isNull();
        assertThat(Cursor.parse(new Cursor(Instant.parse("9999-12-31T23:59:59Z"), "id", fingerprint).encode()))
                .isNotNull();
    }
}

package com.assuregateway.reporting.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The export's instants read exactly as the listing's (Instant.toString, which JSON-B also writes). */
class IsoInstantTest {

    @Test
    void writesWhatInstantToStringWrites() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            long second = random.nextLong(-62_000_000_000L, 253_402_300_799L);
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            assertWritten(Instant.ofEpochSecond(second, nano));
        }
        assertWritten(Instant.parse("2001-02-04T00:00:00Z"));
        assertWritten(Instant.parse("0000-01-01T00:00:00.000000001Z"));
        assertWritten(Instant.parse("9999-12-31T23:59:59.999999999Z"));
        assertWritten(Instant.parse("+10000-01-01T00:00:00Z"));
        assertWritten(Instant.parse("-0001-01-01T00:00:00Z"));
    }

    private static void assertWritten(Instant instant) {
        StringBuilder out = new StringBuilder();
        IsoInstant.append(out, instant);
        assertThat(out.toString()).isEqualTo(instant.toString());
    }
}

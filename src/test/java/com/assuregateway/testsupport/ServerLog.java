package com.assuregateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** The server log of this test run (arquillian.xml: every server of a run logs into test.server.log). */
public final class ServerLog {

    private ServerLog() {
    }

    /** Every file of this run's server log (Payara numbers them: payara-h2.log.0, ...), bytes as ISO-8859-1. */
    public static String text() {
        Path log = Path.of(System.getProperty("test.server.log"));
        StringBuilder text = new StringBuilder();
        try (var files = Files.list(log.getParent())) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(log.getFileName().toString()))
                    .sorted().toList()) {
                text.append(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The log once it holds the marker (the server writes its log a little after it answers). */
    public static String containing(String marker) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        String text = text();
        while (!text.contains(marker) && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            text = text();
        }
        if (!text.contains(marker)) {
            throw new AssertionError("The server log never showed " + marker);
        }
        return text;
    }
}

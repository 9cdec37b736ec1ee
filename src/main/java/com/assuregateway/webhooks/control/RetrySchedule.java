package com.assuregateway.webhooks.control;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a failed delivery is tried again ({@code gateway.webhooks.retry-schedule}): the n-th wait of the
 * schedule after the n-th failed attempt, lengthened by a random share of up to {@code jitterPercent} so that
 * receivers that failed together are not retried in step, or longer when the receiver asked for it with
 * {@code Retry-After} (capped at a day, so a receiver cannot park an event for ever). After the last wait's
 * attempt fails too, the delivery is exhausted.
 */
public record RetrySchedule(List<Duration> waits, int jitterPercent) {

    /** The longest {@code Retry-After} honoured. */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private static final Pattern STEP = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    public RetrySchedule {
        waits = List.copyOf(waits);
        if (jitterPercent < 0 || jitterPercent > 100) {
            throw new IllegalArgumentException("the jitter is a percentage from 0 to 100, not " + jitterPercent);
        }
    }

    /**
     * @param text comma-separated durations such as {@code 5s,5m,30m,2h} (units ms, s, m, h, d); empty for
     *             no retry at all
     */
    public static RetrySchedule parse(String text, int jitterPercent) {
        List<Duration> waits = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            for (String step : text.split(",")) {
                waits.add(duration(step.trim().toLowerCase(Locale.ROOT)));
            }
        }
        return new RetrySchedule(waits, jitterPercent);
    }

    private static Duration duration(String step) {
        Matcher m = STEP.matcher(step);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + step + "' is not a duration such as 500ms, 5s, 5m, 2h or 1d");
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    /** Every attempt there is: the first and one after each wait. */
    public int maxAttempts() {
        return waits.size() + 1;
    }

    /** The whole schedule without jitter: how long a delivery is tried at least. */
    public Duration span() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /**
     * @param attemptsMade the attempts so far, the one that just failed included
     * @param retryAfter   what the receiver asked for, if anything
     * @param random       a number in [0, 1) for the jitter
     * @return the wait before the next attempt; empty when none is left
     */
    public Optional<Duration> next(int attemptsMade, Optional<Duration> retryAfter, double random) {
        if (attemptsMade < 1 || attemptsMade > waits.size()) {
            return Optional.empty();
        }
        Duration base = waits.get(attemptsMade - 1);
        Duration wait = base.plusMillis((long) (base.toMillis() * jitterPercent / 100.0 * random));
        Duration asked = retryAfter.map(a -> a.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : a)
                .orElse(Duration.ZERO);
        return Optional.of(asked.compareTo(wait) > 0 ? asked : wait);
    }

    /** {@code Retry-After} as seconds or as an HTTP date; empty when absent, unreadable or in the past. */
    public static Optional<Duration> retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        try {
            long seconds = Long.parseLong(value);
            return seconds > 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(now,
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() || until.isZero() ? Optional.empty() : Optional.of(until);
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }
}

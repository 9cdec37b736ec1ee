package com.assuregateway.shared.control;

import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The correlation id of the work on this thread: a portal request's {@code X-Request-Id} (or one made for
 * it), or a background follow-up's own. It goes into the request log line, to Assure as
 * {@code X-Request-Id}, and into every audit event the work writes.
 */
public final class Correlation {

    public static final String HEADER = "X-Request-Id";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Correlation() {
    }

    /** The caller's id when it is a plain token of at most 64 characters, otherwise a new one. */
    public static String begin(String offered) {
        String id = offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
        CURRENT.set(id);
        return id;
    }

    public static String current() {
        return CURRENT.get();
    }

    public static void end() {
        CURRENT.remove();
    }

    /** Runs background work under an id of its own. */
    public static <T> T background(String prefix, Supplier<T> work) {
        CURRENT.set(prefix + "-" + UUID.randomUUID());
        try {
            return work.get();
        } finally {
            CURRENT.remove();
        }
    }
}

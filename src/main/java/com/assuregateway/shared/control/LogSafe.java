package com.assuregateway.shared.control;

/**
 * Request-derived text (a path, a header, an id a client chose) made fit for one log line: a client who can
 * put a line break into a logged value can forge whole log lines, and a terminal escape can hide them. Every
 * control character, and the Unicode line and paragraph separators, becomes a visible {@code \\uXXXX}; the
 * result is cut to a bound so that one request cannot flood the log.
 */
public final class LogSafe {

    static final int MAX_LENGTH = 300;

    private LogSafe() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH) + 16);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_LENGTH) {
                return out.append("...(").append(text.length()).append(" chars)").toString();
            }
            char c = text.charAt(i);
            if (breaksLines(c) || c == '\\') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** C0 and C1 controls (CR, LF, NEL, ESC...), DEL, and the separators some log viewers break lines at. */
    static boolean breaksLines(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}

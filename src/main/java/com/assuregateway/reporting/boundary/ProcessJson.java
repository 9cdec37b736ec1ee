package com.assuregateway.reporting.boundary;

import java.time.Instant;
import java.util.List;

/**
 * Writes an {@link AuditProcessView} as a JSON object, directly: JSON-B took a fifth of a page request's
 * time and most of an export's (reflection, and hashing every row for its recursion check). The same names
 * and value formats as JSON-B with the API's settings (nulls written, instants as {@link Instant#toString()}),
 * in the record's order.
 */
final class ProcessJson {

    private ProcessJson() {
    }

    static void object(StringBuilder out, AuditProcessView view) {
        List<Object> values = view.values();
        out.append('{');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append('"').append(AuditProcessView.FIELDS.get(i)).append("\":");
            value(out, values.get(i));
        }
        out.append('}');
    }

    static void value(StringBuilder out, Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Instant instant) {
            out.append('"');
            IsoInstant.append(out, instant);
            out.append('"');
        } else {
            string(out, value.toString());
        }
    }

    static void string(StringBuilder out, String text) {
        out.append('"');
        int plain = 0;
        while (plain < text.length() && needsNoEscape(text.charAt(plain))) {
            plain++;
        }
        if (plain == text.length()) {
            out.append(text).append('"');
            return;
        }
        out.append(text, 0, plain);
        for (int i = plain; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean needsNoEscape(char c) {
        return c >= 0x20 && c != '"' && c != '\\';
    }
}

package com.assuregateway.console.entity;

import java.util.Optional;

/** One entry of the configured list of review reasons: a stable code and the words shown to the reviewer. */
public record ReviewReason(String code, String label) {

    /** {@code code=label}; an entry without {@code =} uses its code as its label. */
    public static Optional<ReviewReason> parse(String entry) {
        if (entry == null || entry.isBlank()) {
            return Optional.empty();
        }
        int equals = entry.indexOf('=');
        String code = (equals < 0 ? entry : entry.substring(0, equals)).trim();
        String label = (equals < 0 ? code : entry.substring(equals + 1)).trim();
        return code.isEmpty() ? Optional.empty() : Optional.of(new ReviewReason(code, label.isEmpty() ? code : label));
    }

    /** As recorded with the review: the code first, so that the record can be grouped by it. */
    public String recorded(String note) {
        String words = code + ": " + label;
        return note == null || note.isBlank() ? words : words + "\n" + note.strip();
    }
}

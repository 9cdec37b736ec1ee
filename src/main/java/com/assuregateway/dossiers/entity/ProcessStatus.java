package com.assuregateway.dossiers.entity;

import java.util.Locale;

/**
 * The life of a verification process, with Assure's own status names, and one of the gateway's: expired,
 * for a process that had no final status at Assure before the follow-up deadline.
 */
public enum ProcessStatus {
    PENDING, PROCESSING, ACCEPTED, REJECTED, INCONCLUSIVE, CANCELED, FAILED, EXPIRED;

    public boolean isFinal() {
        return this != PENDING && this != PROCESSING;
    }

    /** The name on the wire, as Assure spells it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Assure's status, or null for a value this gateway does not know (kept as unknown, not guessed). */
    public static ProcessStatus fromAssure(String status) {
        if (status == null) {
            return null;
        }
        for (ProcessStatus candidate : values()) {
            if (candidate == EXPIRED) {
                continue; // never Assure's word
            }
            if (candidate.wire().equals(status.trim().toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        return null;
    }
}

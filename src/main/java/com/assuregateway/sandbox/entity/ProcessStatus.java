package com.assuregateway.sandbox.entity;

import java.util.Locale;

/** The process statuses of the Assure spec; only the last five are final. */
public enum ProcessStatus {
    PENDING(false),
    PROCESSING(false),
    ACCEPTED(true),
    REJECTED(true),
    INCONCLUSIVE(true),
    CANCELED(true),
    FAILED(true);

    private final boolean finalStatus;

    ProcessStatus(boolean finalStatus) {
        this.finalStatus = finalStatus;
    }

    public boolean isFinal() {
        return finalStatus;
    }

    /** The spelling used on the wire, e.g. {@code "pending"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

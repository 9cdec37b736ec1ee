package com.assuregateway.dossiers.entity;

import java.util.Locale;

/** What the gateway concluded from Assure's evidence, by its own rules. */
public enum DecisionOutcome {
    ACCEPTED, INCONCLUSIVE, REJECTED, FAILED, CANCELED, EXPIRED,
    /** Assure's answer lacked what a decision needs: a human has to look. */
    UNKNOWN;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether Assure's own final status says the same. */
    public boolean agreesWith(ProcessStatus assureStatus) {
        return assureStatus != null && assureStatus.name().equals(name());
    }

    /** Inconclusive and undecidable processes wait for a person. */
    public boolean needsReview() {
        return this == INCONCLUSIVE || this == UNKNOWN;
    }
}

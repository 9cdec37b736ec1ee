package com.assuregateway.webhooks.entity;

import java.util.Locale;

/** Where one delivery of one event to one endpoint stands. */
public enum DeliveryStatus {

    /** Not delivered yet; the sender tries at {@code nextAttemptAt}. */
    PENDING,
    /** The endpoint answered 2xx. */
    DELIVERED,
    /** Every attempt of the retry schedule failed; only a replay sends it again. */
    EXHAUSTED,
    /** The endpoint was disabled (it answered 410 Gone) before this was delivered. */
    CANCELED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}

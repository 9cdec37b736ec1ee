package com.assuregateway.webhooks.entity;

import java.util.Arrays;
import java.util.Optional;

/** The events a portal can subscribe to, by their wire names. */
public enum EventType {

    PROCESS_FINALIZED("process.finalized"),
    PROCESS_REVIEWED("process.reviewed"),
    DOSSIER_ERASED("dossier.erased"),
    WEBHOOK_TEST("webhook.test");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventType> fromWire(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(wire)).findFirst();
    }
}

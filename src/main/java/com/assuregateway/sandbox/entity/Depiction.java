package com.assuregateway.sandbox.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Image depictions of the Assure spec, in the order the spec lists them. */
public enum Depiction {
    FRONT,
    BACK,
    SELFIE,
    PORTRAIT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Exact, case-sensitive lookup: the spec's enums are lower case and Assure rejects other spellings. */
    public static Optional<Depiction> fromWireName(String value) {
        return Arrays.stream(values()).filter(d -> d.wireName().equals(value)).findFirst();
    }
}

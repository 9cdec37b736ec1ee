package com.assuregateway.security.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * What the operator said this deployment is. {@code development} trusts the public development keys of the
 * repository (JWT and archive) and is only honoured while nothing real is configured; {@code production}
 * trusts no development key. A code default of production means a forgotten setting is never the open one.
 */
public enum DeploymentMode {
    DEVELOPMENT, PRODUCTION;

    public static final String KEY = "gateway.mode";

    /** The mode a config value names; empty for anything else, so a typo is refused rather than guessed. */
    public static Optional<DeploymentMode> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "development" -> Optional.of(DEVELOPMENT);
            case "production" -> Optional.of(PRODUCTION);
            default -> Optional.empty();
        };
    }
}

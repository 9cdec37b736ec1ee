package com.assuregateway.shared.control;

import jakarta.json.spi.JsonProvider;

/**
 * The application's one JSON-P provider. Every static {@code Json.createXxx(...)} looks the provider up again
 * ({@code JsonProvider.provider()}: a ServiceLoader scan of the class path, jar by jar), which under load cost
 * more CPU than the JSON work itself (docs/performance/README.md); this one is looked up once. Parsson's
 * provider is thread-safe.
 */
public final class Jsonp {

    public static final JsonProvider PROVIDER = JsonProvider.provider();

    private Jsonp() {
    }
}

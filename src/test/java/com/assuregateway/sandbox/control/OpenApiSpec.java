package com.assuregateway.sandbox.control;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** The Assure OpenAPI contract from the test classpath, read once. */
final class OpenApiSpec {

    private static final JsonObject SCHEMAS = load();

    private OpenApiSpec() {
    }

    /** Property names of a component schema. */
    static Set<String> properties(String schema) {
        JsonObject definition = SCHEMAS.getJsonObject(schema);
        if (definition == null) {
            throw new IllegalArgumentException("No schema " + schema + " in assure-openapi.json");
        }
        return definition.getJsonObject("properties").keySet();
    }

    private static JsonObject load() {
        try (InputStream in = OpenApiSpec.class.getResourceAsStream("/assure-openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("assure-openapi.json is not on the test classpath");
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject().getJsonObject("components").getJsonObject("schemas");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.assuregateway.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** Signicat's Assure OpenAPI contract (a snapshot on the test classpath), read once. */
public final class OpenApiSpec {

    private static final JsonObject SPEC = load();
    private static final JsonObject SCHEMAS = SPEC.getJsonObject("components").getJsonObject("schemas");

    private OpenApiSpec() {
    }

    /** Property names of a component schema. */
    public static Set<String> properties(String schema) {
        JsonObject definition = SCHEMAS.getJsonObject(schema);
        if (definition == null) {
            throw new IllegalArgumentException("No schema " + schema + " in assure-openapi.json");
        }
        return definition.getJsonObject("properties").keySet();
    }

    /** Every operation of the contract as "METHOD /path", e.g. "POST /dossiers/{dossierId}/processes". */
    public static Set<String> operations() {
        Set<String> operations = new TreeSet<>();
        SPEC.getJsonObject("paths").forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(method -> Set.of("get", "post", "put", "delete", "patch").contains(method))
                .forEach(method -> operations.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        return operations;
    }

    /** The status codes the contract lists for one operation. */
    public static Set<String> statuses(String method, String path) {
        return SPEC.getJsonObject("paths").getJsonObject(path).getJsonObject(method.toLowerCase(Locale.ROOT))
                .getJsonObject("responses").keySet();
    }

    private static JsonObject load() {
        try (InputStream in = OpenApiSpec.class.getResourceAsStream("/assure-openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("assure-openapi.json is not on the test classpath");
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

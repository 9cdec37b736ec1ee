package com.assuregateway.sandbox.boundary;

import com.assuregateway.shared.control.Jsonp;
import com.assuregateway.sandbox.control.AssureJson;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** Problem bodies in the shape of the spec's StandardException* / ErrorResponse schemas. */
final class Problems {

    private static final String SANDBOX_PREFIX = "sandbox/";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Problems() {
    }

    /**
     * @param path   the request path relative to the application, e.g. {@code sandbox/assure/dossiers/x}
     * @param method the HTTP method
     */
    static Response response(int status, String title, String detail, String path, String method,
                             Map<String, String> headers) {
        String body = Jsonp.PROVIDER.createObjectBuilder()
                .add("instance", instance(path))
                .add("method", method)
                .add("status", status)
                .add("type", status >= 500 ? "base:server-problem" : "base:client-problem")
                .add("title", title)
                .add("detail", detail)
                .add("traceId", traceId())
                .add("timestamp", AssureJson.time(Instant.now()))
                .build()
                .toString();
        Response.ResponseBuilder response = Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE);
        headers.forEach(response::header);
        return response.build();
    }

    /** Assure reports its own path ({@code /assure/dossiers/...}), so the {@code sandbox/} prefix is dropped. */
    static String instance(String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return "/" + (relative.startsWith(SANDBOX_PREFIX) ? relative.substring(SANDBOX_PREFIX.length()) : relative);
    }

    /** 32 hex characters, like Assure's trace ids. */
    static String traceId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}

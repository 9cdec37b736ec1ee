package com.assuregateway.problems.boundary;

import com.assuregateway.shared.control.Jsonp;
import com.assuregateway.problems.entity.FieldError;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Builds the one problem+json shape every mapper answers with. */
public final class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";

    private ProblemResponses() {
    }

    /**
     * The answer for a bare HTTP status that JAX-RS or the servlet container raised (unknown path, wrong
     * method, no token...), with the detail a client needs to act on it.
     */
    public static Response forStatus(int status, String instance) {
        ProblemType type = switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 414 -> ProblemType.URI_TOO_LONG;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 431 -> ProblemType.HEADERS_TOO_LARGE;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status < 500 ? ProblemType.BAD_REQUEST : ProblemType.INTERNAL;
        };
        String detail = switch (type) {
            case UNAUTHORIZED -> "A valid bearer token (signature, issuer, audience, expiry) is required";
            case FORBIDDEN -> "The token's roles do not allow this";
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This path does not accept that method";
            case NOT_ACCEPTABLE -> "No representation matches the Accept header";
            case UNSUPPORTED_MEDIA_TYPE -> "This path does not accept that Content-Type";
            case PAYLOAD_TOO_LARGE -> "The request body is larger than this path accepts";
            case URI_TOO_LONG -> "The request's path or query is longer than any this API serves";
            case HEADERS_TOO_LARGE -> "The request's headers are larger than the server accepts";
            case UNAVAILABLE -> "The gateway cannot answer now; retry later";
            case BAD_REQUEST -> "The request cannot be read: check its path, query, headers and body";
            default -> "The request could not be completed";
        };
        return of(type, detail, instance);
    }

    /** A database restart or fail-over takes seconds; a sooner retry would find it still down. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /** The answer while the database is out of reach (restarting, failing over): 503 with Retry-After, not a 500. */
    public static Response databaseUnreachable(String instance) {
        return of(ProblemType.UNAVAILABLE, "The gateway's database cannot be reached; retry after the Retry-After "
                + "seconds", instance, List.of(), null, DATABASE_RETRY_AFTER_SECONDS);
    }

    public static Response of(GatewayProblem problem, String instance) {
        return of(problem.type(), problem.getMessage(), instance, problem.fieldErrors(),
                problem.upstreamTraceId(), problem.retryAfterSeconds());
    }

    public static Response of(ProblemType type, String detail, String instance) {
        return of(type, detail, instance, List.of(), null, null);
    }

    public static Response of(ProblemType type, String detail, String instance, List<FieldError> errors,
                              String upstreamTraceId, Integer retryAfterSeconds) {
        JsonObjectBuilder body = Jsonp.PROVIDER.createObjectBuilder()
                .add("type", type.uri())
                .add("title", type.title())
                .add("status", type.status());
        if (detail != null) {
            body.add("detail", detail);
        }
        if (instance != null) {
            body.add("instance", instance);
        }
        if (!errors.isEmpty()) {
            JsonArrayBuilder list = Jsonp.PROVIDER.createArrayBuilder();
            errors.forEach(e -> list.add(Jsonp.PROVIDER.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            body.add("errors", list);
        }
        if (upstreamTraceId != null) {
            body.add("upstreamTraceId", upstreamTraceId);
        }
        Response.ResponseBuilder response = Response.status(type.status())
                .type(PROBLEM_JSON)
                .entity(body.build().toString());
        if (retryAfterSeconds != null) {
            response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        }
        if (type == ProblemType.UNAUTHORIZED) {
            // RFC 6750: every 401 names the scheme the client should use, whoever raised it
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }
}

package com.assuregateway.problems.boundary;

import com.assuregateway.problems.entity.FieldError;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.json.Json;
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

    /** The gateway's own problem somewhere in a cause chain (a library may have wrapped it). */
    public static java.util.Optional<GatewayProblem> carried(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GatewayProblem problem) {
                return java.util.Optional.of(problem);
            }
        }
        return java.util.Optional.empty();
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
        JsonObjectBuilder body = Json.createObjectBuilder()
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
            JsonArrayBuilder list = Json.createArrayBuilder();
            errors.forEach(e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
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
        return response.build();
    }
}

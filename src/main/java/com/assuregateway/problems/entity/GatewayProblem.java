package com.assuregateway.problems.entity;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A failure the client is meant to see, with its problem type. An application exception, so it crosses
 * the EJB boundary unwrapped and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class GatewayProblem extends RuntimeException {

    private final ProblemType type;
    private final String upstreamTraceId;
    private final Integer retryAfterSeconds;
    private final List<FieldError> fieldErrors;

    public GatewayProblem(ProblemType type, String detail) {
        this(type, detail, null, null, List.of());
    }

    public GatewayProblem(ProblemType type, String detail, String upstreamTraceId, Integer retryAfterSeconds,
                          List<FieldError> fieldErrors) {
        super(detail, null, false, false);
        this.type = type;
        this.upstreamTraceId = upstreamTraceId;
        this.retryAfterSeconds = retryAfterSeconds;
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public static GatewayProblem notFound(String what, String id) {
        return new GatewayProblem(ProblemType.NOT_FOUND, what + " " + id + " does not exist");
    }

    public static GatewayProblem wrongState(String detail) {
        return new GatewayProblem(ProblemType.WRONG_STATE, detail);
    }

    public static GatewayProblem invalid(String field, String message) {
        return new GatewayProblem(ProblemType.VALIDATION, field + ": " + message, null, null,
                List.of(new FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public String upstreamTraceId() {
        return upstreamTraceId;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }
}

package com.assuregateway.sandbox.boundary;

import java.util.Map;

/**
 * Ends a sandbox request with a problem body; mapped by {@link SandboxProblemMapper}. Carries no
 * stack trace: it is control flow, not a fault.
 */
public class SandboxProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient Map<String, String> headers;

    SandboxProblem(int status, String title, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.headers = Map.copyOf(headers);
    }

    static SandboxProblem badRequest(String detail) {
        return new SandboxProblem(400, "Bad Request", detail, Map.of());
    }

    static SandboxProblem notFound(String detail) {
        return new SandboxProblem(404, "Not Found", detail, Map.of());
    }

    static SandboxProblem conflict(String detail) {
        return new SandboxProblem(409, "Conflict", detail, Map.of());
    }

    static SandboxProblem unavailable(String detail) {
        return new SandboxProblem(503, "Service Unavailable", detail, Map.of("Retry-After", "1"));
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, String> headers() {
        return headers;
    }
}

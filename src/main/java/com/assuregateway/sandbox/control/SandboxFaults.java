package com.assuregateway.sandbox.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Faults the sandbox injects on demand, to show what the gateway does when Assure misbehaves: each planned
 * fault hits the next {@code times} calls of one operation (or of any, with operation "any").
 */
@ApplicationScoped
public class SandboxFaults {

    /** What Assure does wrong. */
    public enum Kind {
        /** 503 with a problem body. */
        SERVER_ERROR,
        /** 429 with Retry-After. */
        TOO_MANY_REQUESTS,
        /** Answers correctly, after a delay. */
        SLOW,
        /** Waits past any reasonable read timeout, then carries the request out anyway. */
        TIMEOUT,
        /** Carries the request out and drops the connection in the middle of the answer. */
        CONNECTION_RESET,
        /** Carries the request out and answers 200 with a body that is not JSON. */
        MALFORMED_BODY,
        /** Carries the request out at once and holds its answer for the delay: the work is done, the answer late. */
        LATE,
        /** 404 with a problem body, as for something Assure does not (or no longer) have. */
        NOT_FOUND,
        /** 410 with a problem body, as for something Assure deleted. */
        GONE;

        public static Kind of(String name) {
            return switch (name.toLowerCase(Locale.ROOT)) {
                case "5xx", "server-error" -> SERVER_ERROR;
                case "429", "too-many-requests" -> TOO_MANY_REQUESTS;
                case "slow" -> SLOW;
                case "timeout" -> TIMEOUT;
                case "reset", "connection-reset" -> CONNECTION_RESET;
                case "malformed", "malformed-body" -> MALFORMED_BODY;
                case "late" -> LATE;
                case "404", "not-found" -> NOT_FOUND;
                case "410", "gone" -> GONE;
                default -> throw new IllegalArgumentException("Unknown fault " + name);
            };
        }
    }

    /** A planned fault; times counts down as it hits. */
    public static final class Plan {
        final Kind kind;
        final String operation;
        final long delayMs;
        /** Only calls about this Assure process, when set: other processes' calls pass untouched. */
        final String processId;
        int times;

        Plan(Kind kind, String operation, int times, long delayMs, String processId) {
            this.kind = kind;
            this.operation = operation;
            this.times = times;
            this.delayMs = delayMs;
            this.processId = processId;
        }

        boolean hits(String callOperation, String path) {
            return times > 0 && ("any".equals(operation) || operation.equals(callOperation))
                    && (processId == null || path.contains("/processes/" + processId));
        }

        public Kind kind() {
            return kind;
        }

        public long delayMs() {
            return delayMs;
        }
    }

    private static final Pattern PROCESS = Pattern.compile("/dossiers/[^/]+/processes/[^/]+");
    private final ConcurrentLinkedQueue<Plan> plans = new ConcurrentLinkedQueue<>();

    public void plan(Kind kind, String operation, int times, long delayMs) {
        plan(kind, operation, times, delayMs, null);
    }

    public void plan(Kind kind, String operation, int times, long delayMs, String processId) {
        plans.add(new Plan(kind, operation, Math.max(1, times), Math.min(AnswerDelay.MAX_MS, Math.max(0, delayMs)),
                processId));
    }

    /**
     * Plans the fault a control body describes: {@code {"fault", "operation", "times", "delayMs", "processId"}};
     * with an (Assure) {@code processId} only calls about that process are hit, so the follow-up of other
     * processes on the same server cannot use the fault up.
     *
     * @throws IllegalArgumentException saying what is wrong: an unknown fault, a field of the wrong type, a
     *                                  delay outside 0 to {@link AnswerDelay#MAX_MS} (a thread held that long
     *                                  is a thread the server does not have)
     */
    public void plan(JsonObject body) {
        Kind kind = Kind.of(field(body, "fault", () -> body.getString("fault")));
        String operation = field(body, "operation", () -> body.getString("operation", "any"));
        int times = field(body, "times", () -> body.getInt("times", 1));
        long delayMs = field(body, "delayMs", () -> body.containsKey("delayMs") && !body.isNull("delayMs")
                ? body.getJsonNumber("delayMs").longValueExact() : 0L);
        if (delayMs < 0 || delayMs > AnswerDelay.MAX_MS) {
            throw new IllegalArgumentException("delayMs must be between 0 and " + AnswerDelay.MAX_MS + ", not " + delayMs);
        }
        String processId = field(body, "processId", () -> body.containsKey("processId") && !body.isNull("processId")
                ? body.getString("processId") : null);
        plan(kind, operation, times, delayMs, processId);
    }

    private static <T> T field(JsonObject body, String name, Supplier<T> value) {
        try {
            return value.get();
        } catch (RuntimeException wrongTypeOrMissing) {
            throw new IllegalArgumentException("The fault plan's " + name + " is missing or of the wrong type");
        }
    }

    public void clear() {
        plans.clear();
    }

    /** The fault for this call, if one is planned; using it up. */
    public synchronized Optional<Plan> take(String method, String path) {
        String operation = operation(method, path);
        for (Plan plan : plans) {
            if (plan.hits(operation, path)) {
                plan.times--;
                if (plan.times == 0) {
                    plans.remove(plan);
                }
                return Optional.of(plan);
            }
        }
        return Optional.empty();
    }

    /** The spec's operation name of a sandbox call, by method and path below /sandbox/assure. */
    static String operation(String method, String path) {
        String p = path.replaceAll("/+$", "");
        boolean process = PROCESS.matcher(p).matches();
        if (p.equals("/dossiers")) {
            return method.equals("POST") ? "createDossier" : "getDossiers";
        }
        if (p.matches("/dossiers/[^/]+")) {
            return method.equals("DELETE") ? "deleteDossier" : "getDossier";
        }
        if (p.matches("/dossiers/[^/]+/processes")) {
            return "createProcess";
        }
        if (process) {
            return switch (method) {
                case "POST" -> "startVerification";
                case "DELETE" -> "deleteProcess";
                default -> "getProcess";
            };
        }
        if (p.endsWith("/images")) {
            return method.equals("POST") ? "setImages" : "getImages";
        }
        if (p.endsWith("/download")) {
            return "getZipFile";
        }
        return p.endsWith("/fail") ? "setFailedProcess" : "other";
    }
}

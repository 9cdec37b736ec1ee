package com.assuregateway.assure.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import java.util.List;

/**
 * A failure of Assure that may pass: 5xx, 429, a timeout, a dropped connection, an answer that cannot be
 * read. Only these are retried (where repeating is safe) and counted by the circuit breaker; a refusal
 * (4xx) is Assure's considered answer and is neither.
 * <p>
 * {@link #outcomeUnknown()} says whether Assure may have carried the request out anyway (it timed out or
 * the answer was lost), as opposed to a clear "not done" (an error status, a refused connection).
 */
public class TransientUpstreamFailure extends GatewayProblem {

    private final boolean outcomeUnknown;

    public TransientUpstreamFailure(ProblemType type, String detail, String upstreamTraceId, int retryAfterSeconds,
                                    boolean outcomeUnknown) {
        super(type, detail, upstreamTraceId, retryAfterSeconds, List.of());
        this.outcomeUnknown = outcomeUnknown;
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}

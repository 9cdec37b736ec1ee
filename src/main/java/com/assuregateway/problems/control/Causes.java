package com.assuregateway.problems.control;

import com.assuregateway.problems.entity.GatewayProblem;
import java.util.Optional;

/** Reading a failure's cause chain: what a library wrapped is still found, whoever needs to know. */
public final class Causes {

    private Causes() {
    }

    /** The gateway's own problem somewhere in a cause chain (a library may have wrapped it). */
    public static Optional<GatewayProblem> carried(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GatewayProblem problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /** Whether the failure, or anything that caused it, is of that type. */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}

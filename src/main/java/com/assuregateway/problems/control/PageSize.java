package com.assuregateway.problems.control;

import com.assuregateway.problems.entity.GatewayProblem;

/**
 * A list's {@code limit} query parameter, read by the resource rather than by JAX-RS: a parameter JAX-RS cannot
 * convert ({@code limit=abc}) is a 404 by the specification, which tells the client the list does not exist
 * instead of what it got wrong. Here it is a 400 problem naming the parameter and the range.
 */
public final class PageSize {

    private PageSize() {
    }

    /** The size asked for, the default when none is, or a 400 problem. */
    public static int of(String limit, int defaultSize, int maxSize) {
        if (limit == null) {
            return defaultSize;
        }
        try {
            int size = Integer.parseInt(limit.trim());
            if (size >= 1 && size <= maxSize) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a number out of range
        }
        throw GatewayProblem.invalid("limit", "must be a whole number between 1 and " + maxSize);
    }
}

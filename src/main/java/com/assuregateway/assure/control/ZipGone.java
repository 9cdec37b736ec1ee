package com.assuregateway.assure.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;

/**
 * Assure answered 404 or 410 for a full-result zip: it deleted the process or its data (it does so on its own
 * after a while). Not transient: the follow-up gives the archive up instead of asking forever. A portal asking
 * for the full result gets what it got before for a refusal (502).
 */
public class ZipGone extends GatewayProblem {

    private final int httpStatus;

    public ZipGone(int httpStatus) {
        super(ProblemType.UPSTREAM_REJECTED, "Assure no longer has the full result (HTTP " + httpStatus + ")");
        this.httpStatus = httpStatus;
    }

    public int httpStatus() {
        return httpStatus;
    }
}

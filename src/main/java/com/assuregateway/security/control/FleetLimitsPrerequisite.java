package com.assuregateway.security.control;

import com.assuregateway.security.entity.PostureViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet-wide limits toward Assure live in PostgreSQL (permit rows taken with {@code SKIP LOCKED}, one shared
 * token row). Asked for on another database they would fail at the first Assure call, one request at a time;
 * the gateway refuses to serve instead, naming the settings, as for any other configuration it cannot honour.
 */
public final class FleetLimitsPrerequisite {

    static final String CAP_KEY = "gateway.assure.fleet-max-concurrent-calls";
    static final String TOKEN_KEY = "gateway.assure.fleet-shared-token";

    private FleetLimitsPrerequisite() {
    }

    public static List<PostureViolation> check(String dbUrl, int fleetMaxConcurrentCalls, boolean fleetSharedToken) {
        List<PostureViolation> violations = new ArrayList<>();
        if (dbUrl != null && dbUrl.startsWith("jdbc:postgresql:")) {
            return violations;
        }
        String why = "needs PostgreSQL (db.url), where the instances of a fleet share it; leave it unset for "
                + "a single instance (docs/fleet.md)";
        if (fleetMaxConcurrentCalls > 0) {
            violations.add(new PostureViolation(CAP_KEY, why));
        }
        if (fleetSharedToken) {
            violations.add(new PostureViolation(TOKEN_KEY, why));
        }
        return violations;
    }
}

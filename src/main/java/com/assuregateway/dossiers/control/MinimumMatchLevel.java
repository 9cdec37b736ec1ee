package com.assuregateway.dossiers.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/**
 * The lowest match level the gateway accepts: {@code gateway.decision.minimum-match-level} (default 6,
 * a false acceptance rate of 1/100,000), overridden per tenant by
 * {@code gateway.tenants.<tenant>.minimum-match-level}. Read at each decision, so a change applies at once.
 */
@ApplicationScoped
public class MinimumMatchLevel {

    static final String DEFAULT_KEY = "gateway.decision.minimum-match-level";

    @Inject
    Config config;

    public int forTenant(String tenant) {
        String tenantKey = "gateway.tenants." + tenant + ".minimum-match-level";
        int level = config.getOptionalValue(tenantKey, Integer.class)
                .orElseGet(() -> config.getOptionalValue(DEFAULT_KEY, Integer.class).orElse(6));
        if (level < 1 || level > 8) {
            throw new GatewayProblem(ProblemType.CONFIGURATION,
                    "The minimum match level must be 1 to 8 (" + DEFAULT_KEY + ", " + tenantKey + "), not " + level);
        }
        return level;
    }
}

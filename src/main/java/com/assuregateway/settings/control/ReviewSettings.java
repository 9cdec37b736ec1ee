package com.assuregateway.settings.control;

import jakarta.enterprise.context.Dependent;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Manual reviews, wherever they are given (API or console): {@code gateway.reviews.*}. */
@Dependent
@ConfigProperties(prefix = "gateway.reviews")
public class ReviewSettings {

    @ConfigProperty(name = "claim-minutes", defaultValue = "15")
    int claimMinutes;

    @ConfigProperty(name = "four-eyes-tenants")
    Optional<String> fourEyesTenants;

    public ReviewSettings() {
    }

    /** Whether a review of this tenant's processes needs a second reviewer's confirmation. */
    public boolean fourEyes(String tenant) {
        return fourEyesTenants.map(list -> Arrays.stream(list.split(",")).map(String::trim).anyMatch(t -> t.equals(tenant)))
                .orElse(false);
    }

    /** Minutes a reviewer holds a claimed process before others may take it. */
    public int claimMinutes() {
        return claimMinutes;
    }
}

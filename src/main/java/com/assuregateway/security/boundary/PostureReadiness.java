package com.assuregateway.security.boundary;

import com.assuregateway.security.control.DeploymentPosture;
import com.assuregateway.security.entity.PostureViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN, naming each setting, while the deployment's posture keeps the API closed. */
@Readiness
@ApplicationScoped
public class PostureReadiness implements HealthCheck {

    @Inject
    DeploymentPosture posture;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("security-posture")
                .withData("mode", posture.mode().name().toLowerCase(Locale.ROOT));
        for (PostureViolation violation : posture.violations()) {
            response.withData(violation.key(), violation.reason());
        }
        return response.status(posture.violations().isEmpty()).build();
    }
}

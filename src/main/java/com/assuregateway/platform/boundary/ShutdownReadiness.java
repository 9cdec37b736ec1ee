package com.assuregateway.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN from the moment SIGTERM arrives, so the load balancer stops sending while requests are still served. */
@Readiness
@ApplicationScoped
public class ShutdownReadiness implements HealthCheck {

    @Inject
    RequestsInFlight requests;

    @Override
    public HealthCheckResponse call() {
        RequestsInFlight.Phase phase = requests.phase();
        return HealthCheckResponse.named("shutdown")
                .status(phase == RequestsInFlight.Phase.SERVING)
                .withData("phase", phase.name().toLowerCase(java.util.Locale.ROOT))
                .withData("inFlight", requests.count())
                .build();
    }
}

package com.assuregateway.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the application is deployed and no threads are deadlocked: the one state a restart cures. It
 * deliberately ignores the database and Assure, whose outages a restart would not fix (readiness covers them).
 */
@Liveness
@ApplicationScoped
public class DeadlockLiveness implements HealthCheck {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    @Override
    public HealthCheckResponse call() {
        long[] deadlocked = threads.findDeadlockedThreads();
        int count = deadlocked == null ? 0 : deadlocked.length;
        return HealthCheckResponse.named("deadlocks")
                .status(count == 0)
                .withData("deadlockedThreads", count)
                .build();
    }
}

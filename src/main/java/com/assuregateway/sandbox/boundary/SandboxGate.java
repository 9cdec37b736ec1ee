package com.assuregateway.sandbox.boundary;

import com.assuregateway.settings.control.SandboxSettings;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Hides every sandbox endpoint (404) when {@code gateway.sandbox.enabled} is false, so a production
 * deployment cannot be talked to as if it were Assure. The flag is read on every request, so a
 * changed config source takes effect without a restart.
 */
@Provider
@SandboxEndpoint
@Priority(Priorities.AUTHENTICATION - 100)
public class SandboxGate implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isEnabled()) {
            request.abortWith(Problems.response(404, "Not Found", "No such resource.",
                    request.getUriInfo().getPath(), request.getMethod(), Map.of()));
        }
    }

    static boolean isEnabled() {
        return SandboxSettings.enabledNow();
    }
}

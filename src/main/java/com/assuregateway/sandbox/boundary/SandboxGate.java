package com.assuregateway.sandbox.boundary;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Hides every sandbox endpoint (404) when {@code gateway.sandbox.enabled} is false, so a production
 * deployment cannot be talked to as if it were Assure. The flag is read on every request, so a
 * changed config source takes effect without a restart.
 */
@Provider
@SandboxEndpoint
@Priority(Priorities.AUTHENTICATION - 100)
public class SandboxGate implements ContainerRequestFilter {

    static final String ENABLED = "gateway.sandbox.enabled";

    @Override
    public void filter(ContainerRequestContext request) {
        if (!isEnabled()) {
            request.abortWith(Problems.response(404, "Not Found", "No such resource.",
                    request.getUriInfo().getPath(), request.getMethod(), Map.of()));
        }
    }

    static boolean isEnabled() {
        return ConfigProvider.getConfig().getOptionalValue(ENABLED, Boolean.class).orElse(false);
    }
}

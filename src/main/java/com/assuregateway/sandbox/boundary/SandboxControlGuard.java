package com.assuregateway.sandbox.boundary;

import com.assuregateway.sandbox.control.ControlAccess;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Demands {@code gateway.sandbox.control-secret} on every control hook, before the body is read: 503
 * {@code configuration} while none is set, 403 {@code forbidden} for a missing or wrong header, 413 for a
 * declared body over the limit. Runs after {@link SandboxGate}, so a switched-off sandbox stays a 404. The
 * secret is read on every request, like the gate's flag.
 */
@Provider
@SandboxControlEndpoint
@Priority(Priorities.AUTHENTICATION)
public class SandboxControlGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        ControlAccess.check(ConfigProvider.getConfig().getOptionalValue(ControlAccess.SECRET_KEY, String.class),
                request.getHeaderString(ControlAccess.HEADER));
        ControlAccess.checkDeclaredLength(declaredLength(request.getHeaderString(HttpHeaders.CONTENT_LENGTH)));
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            // the container refuses such a request itself; here it only must not pass as small
            return Long.MAX_VALUE;
        }
    }
}

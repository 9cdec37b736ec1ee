package com.assuregateway.sandbox.boundary;

import com.assuregateway.sandbox.control.AnswerDelay;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Holds every answer of the sandbox's Assure endpoints for {@code gateway.sandbox.answer-delay-ms}: after the
 * request has been read and carried out, before the answer is written, as a remote Assure would. The token
 * endpoint and the control endpoints answer at once. Read on every request, like {@link SandboxGate}.
 */
@Provider
@SandboxEndpoint
public class SandboxAnswerDelayFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getUriInfo().getPath().startsWith("sandbox/assure")) {
            return;
        }
        AnswerDelay.hold(AnswerDelay.millis(ConfigProvider.getConfig().getOptionalValue(AnswerDelay.KEY, Long.class)));
    }
}

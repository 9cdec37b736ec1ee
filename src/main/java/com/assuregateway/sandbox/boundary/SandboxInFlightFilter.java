package com.assuregateway.sandbox.boundary;

import com.assuregateway.sandbox.control.InFlightCalls;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Counts the sandbox's Assure calls in flight, from arrival to the end of the answer delay: response filters run
 * from the highest priority down, so this one (below {@link SandboxAnswerDelayFilter}'s default) runs after the
 * delay.
 */
@Provider
@SandboxEndpoint
@Priority(Priorities.USER - 100)
public class SandboxInFlightFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String COUNTED = SandboxInFlightFilter.class.getName();

    @Inject
    InFlightCalls calls;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("sandbox/assure")) {
            calls.arrived();
            request.setProperty(COUNTED, Boolean.TRUE);
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(COUNTED) != null) {
            calls.answered();
        }
    }
}

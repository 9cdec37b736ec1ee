package com.assuregateway.assure.boundary;

import com.assuregateway.assure.control.AssureEndpoints;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells {@link AssureEndpoints} the port this server listens on, which the built-in sandbox is reached by.
 * Jakarta EE has no portable way to ask for it; the first request carries it.
 */
@Provider
@PreMatching
public class LocalPortObserver implements ContainerRequestFilter {

    @Inject
    AssureEndpoints endpoints;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (endpoints.awaitsLocalPort()) {
            endpoints.observeLocalPort(request.getLocalPort());
        }
    }
}

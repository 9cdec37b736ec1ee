package com.assuregateway.sandbox.boundary;

import com.assuregateway.sandbox.control.SandboxStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Locale;
import java.util.Map;

/**
 * Demands a live sandbox token on the simulated Assure endpoints, before any (possibly 1 MB)
 * body is read. Answers 401 with the spec's StandardExceptionUnauthorized body.
 */
@Provider
@ApplicationScoped
@SandboxBearerRequired
@Priority(Priorities.AUTHENTICATION)
public class SandboxBearerFilter implements ContainerRequestFilter {

    private static final String BEARER = "bearer ";

    @Inject
    SandboxStore store;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)
                || header.substring(BEARER.length()).isBlank()) {
            reject(request, "Malformed Authorization header.", "Please provide a valid Bearer authentication.");
        } else if (!store.isTokenValid(header.substring(BEARER.length()).trim())) {
            reject(request, "Invalid access token.", "The access token is unknown, expired or revoked.");
        }
    }

    private static void reject(ContainerRequestContext request, String title, String detail) {
        request.abortWith(Problems.response(401, title, detail, request.getUriInfo().getPath(),
                request.getMethod(), Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")));
    }
}

package com.assuregateway.platform.boundary;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code OPTIONS} answers with its {@code Allow} header only (204): Jersey otherwise repeats the list as a
 * body, or, with WADL on, described every resource. The methods of a path are public anyway (the OpenAPI
 * document), so anonymous callers may ask; a 401 here would only break a browser's CORS preflight.
 */
@Provider
public class OptionsWithoutBody implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (HttpMethod.OPTIONS.equals(request.getMethod()) && response.getStatus() == 200) {
            response.setEntity(null);
            response.setStatus(Response.Status.NO_CONTENT.getStatusCode());
        }
    }
}

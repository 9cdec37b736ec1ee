package com.assuregateway.sandbox.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns a {@link SandboxProblem} into the spec's problem body; only sandbox code throws it. */
@Provider
public class SandboxProblemMapper implements ExceptionMapper<SandboxProblem> {

    @Context
    UriInfo uriInfo;

    @Context
    Request request;

    @Override
    public Response toResponse(SandboxProblem problem) {
        return Problems.response(problem.status(), problem.title(), problem.detail(),
                uriInfo.getPath(), request.getMethod(), problem.headers());
    }
}

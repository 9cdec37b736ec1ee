package com.assuregateway.problems.boundary;

import com.assuregateway.problems.entity.GatewayProblem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The failures the gateway itself raises: they already know their problem type. */
@Provider
public class GatewayProblemMapper implements ExceptionMapper<GatewayProblem> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(GatewayProblem problem) {
        return ProblemResponses.of(problem, "/" + uriInfo.getPath());
    }
}

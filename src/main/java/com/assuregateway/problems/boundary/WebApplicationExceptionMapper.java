package com.assuregateway.problems.boundary;

import com.assuregateway.problems.entity.ProblemType;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** What JAX-RS itself rejects (unknown path, wrong method, wrong media type, unreadable body). */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        ProblemType type = switch (status) {
            case 401 -> ProblemType.UNAUTHORIZED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status < 500 ? ProblemType.MALFORMED_BODY : ProblemType.INTERNAL;
        };
        Response problem = ProblemResponses.of(type, detail(type), "/" + uriInfo.getPath());
        return type == ProblemType.UNAUTHORIZED
                ? Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build()
                : problem;
    }

    private static String detail(ProblemType type) {
        return switch (type) {
            case UNAUTHORIZED -> "A valid bearer token (signature, issuer, audience, expiry) is required";
            case FORBIDDEN -> "The token's roles do not allow this";
            case NOT_FOUND -> "No resource at this path";
            case METHOD_NOT_ALLOWED -> "This path does not accept that method";
            case NOT_ACCEPTABLE -> "No representation matches the Accept header";
            case UNSUPPORTED_MEDIA_TYPE -> "This path does not accept that Content-Type";
            case MALFORMED_BODY -> "The request body or parameters cannot be read; send well-formed JSON of the documented shape";
            default -> "The request could not be completed";
        };
    }
}

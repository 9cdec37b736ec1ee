package com.assuregateway.problems.boundary;

import com.assuregateway.problems.control.Causes;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body JSON-B cannot bind (broken JSON, a string where an object belongs). The parser's own message may
 * quote the body, and bodies carry biometric data, so it never reaches the client or the log. A body cut
 * off by the size limit arrives here wrapped, and keeps its own answer.
 */
@Provider
public class MalformedBodyMapper implements ExceptionMapper<ProcessingException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ProcessingException exception) {
        String instance = "/" + uriInfo.getPath();
        return Causes.carried(exception).map(problem -> ProblemResponses.of(problem, instance))
                .orElseGet(() -> ProblemResponses.of(ProblemType.MALFORMED_BODY,
                        "The request body is not well-formed JSON of the documented shape", instance));
    }
}

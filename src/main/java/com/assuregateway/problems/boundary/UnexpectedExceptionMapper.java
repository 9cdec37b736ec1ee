package com.assuregateway.problems.boundary;

import com.assuregateway.problems.control.Causes;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;
import java.util.Optional;

/**
 * The last line: anything unforeseen becomes a 500 problem with an incident id that is also in the server
 * log, never a stack trace on the wire; a database out of reach is a 503 with Retry-After instead, since the same
 * request succeeds once it is back. Known failures that arrive wrapped (by the EJB container) are
 * unwrapped and handed to their own mapper.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Context
    UriInfo uriInfo;

    @Context
    Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable exception) {
        Optional<GatewayProblem> carried = Causes.carried(exception);
        if (carried.isPresent()) {
            return ProblemResponses.of(carried.get(), "/" + uriInfo.getPath());
        }
        if (Causes.causedBy(exception, jakarta.persistence.OptimisticLockException.class)) {
            return ProblemResponses.of(ProblemType.WRONG_STATE, "The record changed while this request was "
                    + "being answered; read it again and retry", "/" + uriInfo.getPath());
        }
        if (Causes.databaseUnreachable(exception)) {
            return ProblemResponses.databaseUnreachable("/" + uriInfo.getPath());
        }
        Throwable cause = unwrap(exception);
        if (cause != exception && cause instanceof ConstraintViolationException) {
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            return mapper.toResponse(cause);
        }
        String incident = Incidents.record(cause, "/" + uriInfo.getPath());
        return ProblemResponses.of(ProblemType.INTERNAL, Incidents.detail(incident), "/" + uriInfo.getPath());
    }

    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}

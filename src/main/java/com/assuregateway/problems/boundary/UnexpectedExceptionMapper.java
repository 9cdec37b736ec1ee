package com.assuregateway.problems.boundary;

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
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last line: anything unforeseen becomes a 500 problem with an incident id that is also in the server
 * log, never a stack trace on the wire. Known failures that arrive wrapped (by the EJB container) are
 * unwrapped and handed to their own mapper.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Context
    UriInfo uriInfo;

    @Context
    Providers providers;

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Response toResponse(Throwable exception) {
        Optional<GatewayProblem> carried = ProblemResponses.carried(exception);
        if (carried.isPresent()) {
            return ProblemResponses.of(carried.get(), "/" + uriInfo.getPath());
        }
        if (ProblemResponses.causedBy(exception, jakarta.persistence.OptimisticLockException.class)) {
            return ProblemResponses.of(ProblemType.WRONG_STATE, "The record changed while this request was "
                    + "being answered; read it again and retry", "/" + uriInfo.getPath());
        }
        Throwable cause = unwrap(exception);
        if (cause != exception && cause instanceof ConstraintViolationException) {
            ExceptionMapper mapper = providers.getExceptionMapper(cause.getClass());
            return mapper.toResponse(cause);
        }
        String incident = UUID.randomUUID().toString();
        // The exception's class and stack are logged, not its message chain: messages of libraries can quote
        // request data, and request data may be biometric.
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident + " at /" + uriInfo.getPath()
                + ": " + cause.getClass().getName(), withoutMessages(cause));
        return ProblemResponses.of(ProblemType.INTERNAL,
                "The gateway failed unexpectedly; quote incident " + incident + " to the operators",
                "/" + uriInfo.getPath());
    }


    private static Throwable unwrap(Throwable exception) {
        Throwable current = exception;
        while (current instanceof EJBException && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    private static Throwable withoutMessages(Throwable exception) {
        Throwable copy = new Throwable(exception.getClass().getName());
        copy.setStackTrace(exception.getStackTrace());
        if (exception.getCause() != null && exception.getCause() != exception) {
            copy.initCause(withoutMessages(exception.getCause()));
        }
        return copy;
    }
}

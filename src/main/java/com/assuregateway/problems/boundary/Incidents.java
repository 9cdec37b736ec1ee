package com.assuregateway.problems.boundary;

import com.assuregateway.shared.control.LogSafe;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An unforeseen failure becomes an incident: an id for the client, the class and stack for the operators.
 * Messages stay out: messages of libraries can quote request data, and request data may be biometric.
 */
final class Incidents {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    private Incidents() {
    }

    /** Logs the failure and answers the incident id to quote. */
    static String record(Throwable failure, String path) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident + " at " + LogSafe.of(path) + ": "
                + (failure == null ? "no exception" : failure.getClass().getName()),
                failure == null ? null : withoutMessages(failure));
        return incident;
    }

    static String detail(String incident) {
        return "The gateway failed unexpectedly; quote incident " + incident + " to the operators";
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

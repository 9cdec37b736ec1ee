package com.assuregateway.problems.control;

import com.assuregateway.problems.entity.GatewayProblem;
import java.util.Optional;

/** Reading a failure's cause chain: what a library wrapped is still found, whoever needs to know. */
public final class Causes {

    private Causes() {
    }

    /** The gateway's own problem somewhere in a cause chain (a library may have wrapped it). */
    public static Optional<GatewayProblem> carried(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof GatewayProblem problem) {
                return Optional.of(problem);
            }
        }
        return Optional.empty();
    }

    /** Whether the failure, or anything that caused it, is of that type. */
    public static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the failure is the database being out of reach rather than a fault of the request: a connection
     * refused or broken (SQLState class 08, JDBC's connection exceptions, a commit that failed in the transaction
     * manager's XA layer), or a server shutting down or restarting (57P01 to 57P03). Such a request is worth retrying once the database is back.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.sql.SQLTransientConnectionException
                    // a commit the database's connection did not survive (the database is the one transactional
                    // resource, so the transaction manager's XA failure is its failure)
                    || t instanceof javax.transaction.xa.XAException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P")
                    // H2: the connection is broken
                    || sql.getSQLState().equals("90067"))) {
                return true;
            }
        }
        return false;
    }
}

package com.assuregateway.dossiers.boundary;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.security.boundary.Caller;
import com.assuregateway.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The manual review queue: inconclusive and undecidable processes without a review yet, oldest first. */
@RequestScoped
@Path("api/v1/reviews")
@Produces(MediaType.APPLICATION_JSON)
public class ReviewsResource {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    @Inject
    FaceTecFlow flow;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Role.REVIEWER)
    public List<ProcessView> queue(@QueryParam("limit") String limit) {
        return flow.awaitingReview(caller.readScope(), pageSize(limit));
    }

    /**
     * Read here, not by JAX-RS: a query parameter JAX-RS cannot convert ({@code limit=abc}) is a 404 by the
     * specification, which tells the client the queue does not exist instead of what it got wrong.
     */
    static int pageSize(String limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int size = Integer.parseInt(limit.trim());
            if (size >= 1 && size <= MAX_LIMIT) {
                return size;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like a number out of range
        }
        throw GatewayProblem.invalid("limit", "must be a whole number between 1 and " + MAX_LIMIT);
    }
}

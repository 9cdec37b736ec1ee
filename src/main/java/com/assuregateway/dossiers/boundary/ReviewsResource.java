package com.assuregateway.dossiers.boundary;

import com.assuregateway.problems.control.PageSize;
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
        return flow.awaitingReview(caller.readScope(), PageSize.of(limit, DEFAULT_LIMIT, MAX_LIMIT));
    }
}

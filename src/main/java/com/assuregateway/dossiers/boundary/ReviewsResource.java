package com.assuregateway.dossiers.boundary;

import com.assuregateway.security.boundary.Caller;
import com.assuregateway.security.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
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

    @Inject
    FaceTecFlow flow;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Role.REVIEWER)
    public List<ProcessView> queue(@QueryParam("limit") @DefaultValue("100") @Min(1) @Max(500) int limit) {
        return flow.awaitingReview(caller.readScope(), limit);
    }
}

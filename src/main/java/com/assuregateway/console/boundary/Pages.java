package com.assuregateway.console.boundary;

import com.assuregateway.console.entity.ConsoleUser;
import com.assuregateway.problems.entity.GatewayProblem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Models;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/** What every console controller needs: the signed-in user with a role check, and the refusal pages. */
@RequestScoped
public class Pages {

    static final String REFUSED = "refused.jsp";

    @Inject
    Models models;

    @Inject
    SignedIn signedIn;

    /** The user, when they hold one of the roles; otherwise empty, and the refusal is in the models. */
    Optional<ConsoleUser> userWith(String... roles) {
        ConsoleUser user = signedIn.user();
        if (user == null || !user.hasAny(roles)) {
            models.put("message", "This page needs the role " + String.join(" or ", roles) + ".");
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /** 403 with the page that says which role was missing. */
    Response refused() {
        return Response.status(Response.Status.FORBIDDEN).entity(REFUSED).build();
    }

    /** A problem of the facade (not found, wrong state, invalid) as a page with its status and words. */
    Response problem(GatewayProblem problem) {
        models.put("message", problem.getMessage());
        models.put("title", problem.type().title());
        return Response.status(problem.type().status()).entity("problem.jsp").build();
    }
}

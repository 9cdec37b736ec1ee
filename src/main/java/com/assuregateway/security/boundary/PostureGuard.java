package com.assuregateway.security.boundary;

import com.assuregateway.problems.boundary.ProblemResponses;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.control.DeploymentPosture;
import com.assuregateway.security.entity.PostureViolation;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.stream.Collectors;

/**
 * While the deployment's posture has violations (development mode beside real data, a development key in
 * production, plain HTTP to Signicat...), every API call is refused with a configuration problem naming the
 * settings to change, before any token is looked at. Readiness is DOWN at the same time
 * ({@link PostureReadiness}), so a load balancer sends nothing here either.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class PostureGuard implements ContainerRequestFilter {

    @Inject
    DeploymentPosture posture;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("api/") && !posture.violations().isEmpty()) {
            request.abortWith(ProblemResponses.of(ProblemType.CONFIGURATION,
                    "The gateway refuses to serve until its configuration is fixed: " + posture.violations().stream()
                            .map(PostureViolation::toString).collect(Collectors.joining("; ")),
                    "/" + path));
        }
    }
}

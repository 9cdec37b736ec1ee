package com.assuregateway.security.boundary;

import com.assuregateway.problems.boundary.ProblemResponses;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.entity.DevelopmentKey;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The development key pair is in the repository, so anybody can mint a token for it. It is good only for
 * the sandbox: with the sandbox off, a gateway still configured with the development issuer or key answers
 * every portal call with a configuration problem instead of trusting such tokens.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class DevelopmentKeyGuard implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "gateway.sandbox.enabled", defaultValue = "true")
    boolean sandboxEnabled;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    Optional<String> issuer;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("api/") && refusesDevelopmentKey()) {
            request.abortWith(ProblemResponses.of(ProblemType.CONFIGURATION,
                    "The development token key is configured but the sandbox is off: set mp.jwt.verify.issuer "
                            + "and mp.jwt.verify.publickey.location to your identity provider's",
                    "/" + request.getUriInfo().getPath()));
        }
    }

    public boolean refusesDevelopmentKey() {
        return !sandboxEnabled && (issuer.map(DevelopmentKey.ISSUER::equals).orElse(false)
                || keyLocation.map(l -> l.endsWith(DevelopmentKey.PUBLIC_KEY_RESOURCE)).orElse(false));
    }
}

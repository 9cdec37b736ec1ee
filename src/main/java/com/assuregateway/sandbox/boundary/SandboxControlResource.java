package com.assuregateway.sandbox.boundary;

import com.assuregateway.sandbox.control.SandboxStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/** Test hooks that Assure itself does not have. */
@ApplicationScoped
@SandboxEndpoint
@Path("sandbox/control")
public class SandboxControlResource {

    @Inject
    SandboxStore store;

    /** Invalidates every issued token, so the gateway's next Assure call gets a 401 and must refresh. */
    @POST
    @Path("revoke-tokens")
    public Response revokeTokens() {
        store.revokeAllTokens();
        return Response.noContent().build();
    }
}

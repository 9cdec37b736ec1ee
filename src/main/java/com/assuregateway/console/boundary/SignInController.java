package com.assuregateway.console.boundary;

import com.assuregateway.console.entity.ConsoleUser;
import com.assuregateway.security.control.DeploymentPosture;
import com.assuregateway.security.entity.Role;
import com.assuregateway.settings.control.ConsoleSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.security.CsrfProtected;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Development sign-in (pick a role and a tenant) where the deployment trusts development keys, that is in
 * development mode with nothing real configured; anywhere else the page says so and signs nobody in. And the
 * sign-out, which ends the session.
 */
@Controller
@RequestScoped
@Path("console")
public class SignInController {

    static final List<String> ROLES = List.of(Role.REVIEWER, Role.AUDITOR, Role.PORTAL, Role.ADMIN);
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@ -]{1,100}");

    @Inject
    Models models;

    @jakarta.ws.rs.core.Context
    jakarta.servlet.http.HttpServletResponse response;

    @Inject
    SignedIn signedIn;

    @Inject
    DeploymentPosture posture;

    @Inject
    @ConfigProperties
    ConsoleSettings settings;

    @Inject
    com.assuregateway.console.control.OidcClient oidc;

    @jakarta.ws.rs.core.Context
    jakarta.ws.rs.core.UriInfo uriInfo;

    @GET
    @Path("login")
    public Response form(@QueryParam("signed-out") String signedOut) {
        if (OidcController.SIGNED_OUT_AT_PROVIDER.equals(signedOut)) {
            models.put("notice", "You are signed out, here and at the company's identity provider.");
        }
        models.put("roles", ROLES);
        models.put("development", posture.developmentTrusted());
        models.put("oidc", oidc.configured());
        return Response.status(posture.developmentTrusted() || oidc.configured() ? 200 : 404).entity("login.jsp").build();
    }

    @POST
    @Path("login")
    @CsrfProtected
    public Response signIn(@FormParam("name") String name, @FormParam("role") String role,
                           @FormParam("tenant") String tenant) {
        if (!posture.developmentTrusted()) {
            return form(null);
        }
        String error = !ROLES.contains(role) ? "Pick one of the roles."
                : tenant == null || !TENANT.matcher(tenant).matches() ? "A tenant is 1 to 64 letters, digits and . _ - : @."
                : name == null || !NAME.matcher(name).matches() ? "A name is 1 to 100 letters, digits, spaces and . _ - @."
                : null;
        if (error != null) {
            models.put("error", error);
            models.put("roles", ROLES);
            models.put("development", true);
            models.put("oidc", oidc.configured());
            return Response.status(400).entity("login.jsp").build();
        }
        signedIn.signIn(new ConsoleUser(name.strip(), Set.of(role), tenant, "development"), settings.sessionMinutes());
        ConsoleGate.sameSite(response);
        return Response.seeOther(java.net.URI.create("console/")).build();
    }

    @POST
    @Path("logout")
    @CsrfProtected
    public Response signOut() {
        ConsoleUser user = signedIn.user();
        signedIn.signOut();
        if (user != null && OidcController.VIA.equals(user.via())) {
            // the provider's session too, or the next "sign in" would be silent for whoever uses this browser
            Optional<java.net.URI> atProvider = oidc.logoutUri(
                    uriInfo.getBaseUriBuilder().path(OidcController.SIGNED_OUT).build());
            if (atProvider.isPresent()) {
                return Response.seeOther(atProvider.get()).build();
            }
        }
        return Response.seeOther(java.net.URI.create("console/login")).build();
    }
}

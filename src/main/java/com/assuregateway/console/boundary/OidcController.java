package com.assuregateway.console.boundary;

import com.assuregateway.console.control.OidcClient;
import com.assuregateway.console.control.OidcClient.Attempt;
import com.assuregateway.console.control.OidcClient.SignInFailed;
import com.assuregateway.console.entity.ConsoleUser;
import com.assuregateway.settings.control.ConsoleOidcSettings;
import com.assuregateway.settings.control.ConsoleSettings;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Sign-in through the company's OpenID Connect provider ({@link OidcClient}): roles and tenant come from the
 * configured claims of the verified ID token; only the resulting {@link ConsoleUser} is kept in the session,
 * never a token.
 */
@Controller
@RequestScoped
@Path("console/oidc")
public class OidcController {

    static final String ATTEMPT = "assuregateway.console.oidc-attempt";
    /** How a user signed in here is marked ({@code ConsoleUser.via}): their sign-out ends the provider's session too. */
    static final String VIA = "oidc";
    /** Where the provider sends the browser back after its logout: the post-logout redirect URI to register there. */
    static final String SIGNED_OUT = "console/oidc/signed-out";
    /** What the sign-in page is told when the browser comes back from the provider's logout. */
    static final String SIGNED_OUT_AT_PROVIDER = "identity-provider";
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9._:@-]{1,64}");

    @Inject
    OidcClient oidc;

    @Inject
    SignedIn signedIn;

    @Inject
    Models models;

    @Inject
    @ConfigProperties
    ConsoleOidcSettings claims;

    @Inject
    @ConfigProperties
    ConsoleSettings settings;

    @Context
    UriInfo uriInfo;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    @GET
    @Path("start")
    public Response start() {
        if (!oidc.configured()) {
            return failed("No identity provider is configured for the console.");
        }
        try {
            Attempt attempt = Attempt.start();
            URI target = oidc.authorizationUri(attempt, callback());
            request.getSession(true).setAttribute(ATTEMPT, attempt);
            return Response.seeOther(target).build();
        } catch (SignInFailed failure) {
            return failed(failure.getMessage());
        }
    }

    @GET
    @Path("callback")
    public Response callback(@QueryParam("code") String code, @QueryParam("state") String state,
                             @QueryParam("error") String error) {
        HttpSession session = request.getSession(false);
        Attempt attempt = session == null ? null : (Attempt) session.getAttribute(ATTEMPT);
        if (session != null) {
            session.removeAttribute(ATTEMPT);
        }
        if (attempt == null || state == null || !attempt.state().equals(state)) {
            return failed("This sign-in was not started here, or has already been used; sign in again.");
        }
        if (error != null || code == null) {
            return failed("The identity provider did not sign you in.");
        }
        try {
            JsonObject token = oidc.signIn(attempt, code, callback());
            Set<String> roles = roles(token.get(claims.rolesClaim()));
            roles.retainAll(SignInController.ROLES);
            if (roles.isEmpty()) {
                return failed("Your account has no console role (claim '" + claims.rolesClaim() + "').");
            }
            String tenant = token.getString(claims.tenantClaim(), null);
            if (tenant != null && !TENANT.matcher(tenant).matches()) {
                return failed("The '" + claims.tenantClaim() + "' claim is not a tenant id.");
            }
            if (tenant == null && roles.contains(com.assuregateway.security.entity.Role.PORTAL)) {
                return failed("A portal user needs a tenant (claim '" + claims.tenantClaim() + "').");
            }
            String name = token.getString(claims.nameClaim(), token.getString("sub", ""));
            if (name.isBlank() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
                return failed("The ID token names nobody the record can hold.");
            }
            signedIn.signIn(new ConsoleUser(name, roles, tenant, VIA), settings.sessionMinutes());
            ConsoleGate.sameSite(response);
            return Response.seeOther(URI.create("console/")).build();
        } catch (SignInFailed failure) {
            return failed(failure.getMessage());
        }
    }

    /** Back from the provider's logout (RP-Initiated Logout): the sign-in page, saying so. */
    @GET
    @Path("signed-out")
    public Response signedOut() {
        return Response.seeOther(URI.create("console/login?signed-out=" + SIGNED_OUT_AT_PROVIDER)).build();
    }

    private URI callback() {
        return uriInfo.getBaseUriBuilder().path("console/oidc/callback").build();
    }

    private Response failed(String message) {
        models.put("error", message);
        models.put("roles", SignInController.ROLES);
        models.put("development", false);
        models.put("oidc", oidc.configured());
        return Response.status(401).entity("login.jsp").build();
    }

    static Set<String> roles(JsonValue claim) {
        Set<String> roles = new HashSet<>();
        if (claim instanceof JsonString one) {
            roles.addAll(Arrays.asList(one.getString().split("[ ,]+")));
        } else if (claim instanceof JsonArray many) {
            many.getValuesAs(JsonValue.class).stream().filter(JsonString.class::isInstance)
                    .forEach(value -> roles.add(((JsonString) value).getString()));
        }
        return roles;
    }
}

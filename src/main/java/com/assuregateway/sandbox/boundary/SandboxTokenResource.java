package com.assuregateway.sandbox.boundary;

import com.assuregateway.shared.control.Jsonp;
import com.assuregateway.sandbox.control.SandboxStore;
import com.assuregateway.sandbox.entity.IssuedToken;
import com.assuregateway.settings.control.AssureSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * Simulates Signicat's OAuth2 token endpoint ({@code /auth/open/connect/token}) for the client
 * credentials grant with HTTP Basic client authentication, the only way the gateway authenticates.
 *
 * <ul>
 *   <li>200 {@code {access_token, token_type:"Bearer", expires_in, scope}}: {@code expires_in} is
 *       {@code gateway.sandbox.token-ttl-seconds} (default 600), {@code scope} echoes the request
 *       (default {@code signicat-api});</li>
 *   <li>401 {@code {"error":"invalid_client"}} unless Basic credentials equal
 *       {@code assure.auth.client-id} / {@code assure.auth.client-secret};</li>
 *   <li>400 {@code {"error":"invalid_request"}} without grant_type,
 *       {@code {"error":"unsupported_grant_type"}} for any grant but client_credentials.</li>
 * </ul>
 */
@ApplicationScoped
@SandboxEndpoint
@Path("sandbox/auth/open/connect/token")
public class SandboxTokenResource {

    static final String TOKEN_TTL = "gateway.sandbox.token-ttl-seconds";
    private static final String BASIC = "basic ";

    @Inject
    SandboxStore store;

    @Inject
    Config config;

    @Inject
    @ConfigProperties
    AssureSettings settings;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response token(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                          @FormParam("grant_type") String grantType,
                          @FormParam("scope") String scope) {
        if (!isKnownClient(authorization)) {
            return oauthError(Response.Status.UNAUTHORIZED, "invalid_client")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"assure-sandbox\"")
                    .build();
        }
        if (grantType == null || grantType.isBlank()) {
            return oauthError(Response.Status.BAD_REQUEST, "invalid_request").build();
        }
        if (!"client_credentials".equals(grantType)) {
            return oauthError(Response.Status.BAD_REQUEST, "unsupported_grant_type").build();
        }
        long ttlSeconds = Math.max(1, config.getOptionalValue(TOKEN_TTL, Long.class).orElse(600L));
        IssuedToken token = store.issueToken(Duration.ofSeconds(ttlSeconds));
        String body = Jsonp.PROVIDER.createObjectBuilder()
                .add("access_token", token.value())
                .add("token_type", "Bearer")
                .add("expires_in", ttlSeconds)
                .add("scope", scope == null || scope.isBlank() ? "signicat-api" : scope)
                .build()
                .toString();
        return noStore(Response.ok(body, MediaType.APPLICATION_JSON_TYPE)).build();
    }

    private boolean isKnownClient(String authorization) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BASIC)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(BASIC.length()).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String id = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        // RFC 6749 2.3.1 form-encodes both parts before Basic; many clients do not, so both spellings pass
        String clientId = settings.clientId().orElse(AssureSettings.SANDBOX_CLIENT_ID);
        String clientSecret = settings.clientSecret().orElse(AssureSettings.SANDBOX_CLIENT_SECRET);
        return (same(id, clientId) && same(secret, clientSecret))
                || (same(formDecode(id), clientId) && same(formDecode(secret), clientSecret));
    }

    private static String formDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static boolean same(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Response.ResponseBuilder oauthError(Response.Status status, String error) {
        String body = Jsonp.PROVIDER.createObjectBuilder().add("error", error).build().toString();
        return noStore(Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE));
    }

    private static Response.ResponseBuilder noStore(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store").header("Pragma", "no-cache");
    }
}

package com.assuregateway.console.control;

import com.assuregateway.settings.control.ConsoleOidcSettings;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.MalformedURLException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The authorization-code flow (with PKCE) against the company's OpenID Connect provider, for the console only,
 * with the Nimbus OAuth 2.0 / OpenID Connect SDK doing discovery, the requests and the ID token's validation
 * (signature against the provider's published keys, issuer, audience, expiry, nonce). Jakarta Security's OpenID
 * Connect mechanism cannot be used beside the API's MicroProfile JWT mechanism: Jakarta Security 3 gives an
 * application one HTTP authentication mechanism, and the API's bearer tokens must stay as they are.
 */
@ApplicationScoped
public class OidcClient {

    private static final int CONNECT_MILLIS = 10_000;
    private static final int READ_MILLIS = 20_000;
    private static final int CLOCK_SKEW_SECONDS = 60;

    @Inject
    @ConfigProperties
    ConsoleOidcSettings settings;

    /** What one sign-in keeps in the session between the redirect to the provider and the way back. */
    public record Attempt(String state, String nonce, String verifier) implements java.io.Serializable {

        public static Attempt start() {
            return new Attempt(new State().getValue(), new Nonce().getValue(), new CodeVerifier().getValue());
        }
    }

    /** A sign-in that did not work out; the message is shown to the user. */
    public static final class SignInFailed extends RuntimeException {
        public SignInFailed(String message) {
            super(message);
        }
    }

    public boolean configured() {
        return settings.configured();
    }

    /** Where to send the browser to sign in. */
    public URI authorizationUri(Attempt attempt, URI redirectUri) {
        return new AuthenticationRequest.Builder(ResponseType.CODE, Scope.parse(settings.scope()), clientId(), redirectUri)
                .endpointURI(discovery().getAuthorizationEndpointURI())
                .state(new State(attempt.state()))
                .nonce(new Nonce(attempt.nonce()))
                .codeChallenge(new CodeVerifier(attempt.verifier()), CodeChallengeMethod.S256)
                .build().toURI();
    }

    /**
     * Where to send the browser so that the provider ends its session too (OpenID Connect RP-Initiated Logout),
     * to come back to {@code afterwards}; empty when the provider publishes no {@code end_session_endpoint} or
     * cannot be reached: the gateway's own session is over either way.
     */
    public Optional<URI> logoutUri(URI afterwards) {
        try {
            URI endSession = discovery().getEndSessionEndpointURI();
            return endSession == null ? Optional.empty()
                    : Optional.of(new LogoutRequest(endSession, null, null, clientId(), afterwards, null, null).toURI());
        } catch (SignInFailed unavailable) {
            return Optional.empty();
        }
    }

    /** Exchanges the code for the ID token and returns its verified claims. */
    public JsonObject signIn(Attempt attempt, String code, URI redirectUri) {
        OIDCProviderMetadata provider = discovery();
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirectUri,
                new CodeVerifier(attempt.verifier()));
        TokenRequest tokenRequest = settings.clientSecret()
                .map(secret -> new TokenRequest(provider.getTokenEndpointURI(),
                        new ClientSecretBasic(clientId(), new Secret(secret)), grant))
                .orElseGet(() -> new TokenRequest(provider.getTokenEndpointURI(), clientId(), grant));
        JWT idToken = idToken(tokenRequest);
        try {
            // the provider stamps iat/exp with its own (real) time, so expiry is checked against the real time,
            // not the gateway's injectable clock
            IDTokenValidator validator = new IDTokenValidator(provider.getIssuer(), clientId(), JWSAlgorithm.RS256,
                    provider.getJWKSetURI().toURL());
            validator.setMaxClockSkew(CLOCK_SKEW_SECONDS);
            return json(validator.validate(idToken, new Nonce(attempt.nonce())).toJSONObject());
        } catch (BadJOSEException e) {
            throw new SignInFailed("The ID token does not hold: " + e.getMessage());
        } catch (JOSEException | MalformedURLException e) {
            throw new SignInFailed("The ID token cannot be checked against the identity provider's keys");
        }
    }

    private JWT idToken(TokenRequest tokenRequest) {
        HTTPRequest request = tokenRequest.toHTTPRequest();
        request.setConnectTimeout(CONNECT_MILLIS);
        request.setReadTimeout(READ_MILLIS);
        request.setFollowRedirects(false);
        try {
            TokenResponse response = OIDCTokenResponseParser.parse(request.send());
            if (!response.indicatesSuccess()) {
                throw new SignInFailed("The identity provider refused the code ("
                        + response.toErrorResponse().getErrorObject().getCode() + ")");
            }
            if (!(response.toSuccessResponse() instanceof OIDCTokenResponse tokens)
                    || tokens.getOIDCTokens().getIDToken() == null) {
                throw new SignInFailed("The identity provider answered without an ID token");
            }
            return tokens.getOIDCTokens().getIDToken();
        } catch (ParseException e) {
            throw new SignInFailed("The identity provider's token answer cannot be read");
        } catch (IOException e) {
            throw new SignInFailed("The identity provider cannot be reached");
        }
    }

    private OIDCProviderMetadata discovery() {
        String issuer = settings.issuer().orElseThrow(() -> new SignInFailed("No identity provider is configured"));
        URI uri = URI.create(issuer);
        if (!"https".equals(uri.getScheme()) && !Set.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost())) {
            throw new SignInFailed("The identity provider must be reached over HTTPS");
        }
        try {
            // resolve() also insists that the document names this very issuer
            return OIDCProviderMetadata.resolve(new Issuer(issuer), CONNECT_MILLIS, READ_MILLIS);
        } catch (GeneralException e) {
            throw new SignInFailed("The identity provider's discovery document does not hold: " + e.getMessage());
        } catch (IOException e) {
            throw new SignInFailed("The identity provider cannot be reached");
        }
    }

    private ClientID clientId() {
        return new ClientID(settings.clientId().orElseThrow(() -> new SignInFailed("No client id is configured")));
    }

    private static JsonObject json(Map<String, Object> claims) {
        // the claims leave as JSON-P, the gateway's JSON, so that the controller reads them like any other JSON
        try (JsonReader reader = Json.createReader(new StringReader(JSONObjectUtils.toJSONString(claims)))) {
            return reader.readObject();
        }
    }
}

package com.assuregateway.console.control;

import com.assuregateway.settings.control.ConsoleOidcSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The authorization-code flow (with PKCE) against the company's OpenID Connect provider, for the console only.
 * Jakarta Security's OpenID Connect mechanism cannot be used beside the API's MicroProfile JWT mechanism: an
 * application has one HTTP authentication mechanism, and the API's bearer tokens must stay as they are. The ID
 * token comes straight from the provider's token endpoint and is checked all the same: RS256 signature against
 * the provider's published keys, issuer, audience, expiry and the nonce of this sign-in.
 */
@ApplicationScoped
public class OidcClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    @Inject
    @ConfigProperties
    ConsoleOidcSettings settings;

    @Inject
    Clock clock;

    /** What one sign-in keeps in the session between the redirect to the provider and the way back. */
    public record Attempt(String state, String nonce, String verifier) implements java.io.Serializable {

        public static Attempt start() {
            return new Attempt(random(), random(), random());
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
        JsonObject discovery = discovery();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId().orElseThrow());
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", settings.scope());
        query.put("state", attempt.state());
        query.put("nonce", attempt.nonce());
        query.put("code_challenge", challenge(attempt.verifier()));
        query.put("code_challenge_method", "S256");
        return URI.create(discovery.getString("authorization_endpoint") + "?" + form(query));
    }

    /** Exchanges the code for the ID token and returns its verified claims. */
    public JsonObject signIn(Attempt attempt, String code, URI redirectUri) {
        JsonObject discovery = discovery();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("grant_type", "authorization_code");
        body.put("code", code);
        body.put("redirect_uri", redirectUri.toString());
        body.put("client_id", settings.clientId().orElseThrow());
        body.put("code_verifier", attempt.verifier());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(discovery.getString("token_endpoint")))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json");
        settings.clientSecret().ifPresent(secret -> request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((encode(settings.clientId().orElseThrow()) + ":" + encode(secret))
                        .getBytes(StandardCharsets.UTF_8))));
        JsonObject tokens = json(send(request.POST(HttpRequest.BodyPublishers.ofString(form(body))).build()));
        if (!(tokens.get("id_token") instanceof JsonString idToken)) {
            throw new SignInFailed("The identity provider answered without an ID token");
        }
        return verified(idToken.getString(), attempt.nonce(), discovery);
    }

    JsonObject verified(String idToken, String nonce, JsonObject discovery) {
        String[] parts = idToken.split("\\.");
        if (parts.length != 3) {
            throw new SignInFailed("The ID token is not a signed JWT");
        }
        JsonObject header = json(decode(parts[0]));
        if (!"RS256".equals(header.getString("alg", ""))) {
            throw new SignInFailed("The ID token is not signed with RS256");
        }
        PublicKey key = key(header.getString("kid", null), discovery.getString("jwks_uri"));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initVerify(key);
            signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!signature.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                throw new SignInFailed("The ID token's signature does not verify");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SignInFailed("The ID token's signature cannot be checked");
        }
        JsonObject claims = json(decode(parts[1]));
        String issuer = settings.issuer().orElseThrow();
        if (!issuer.equals(claims.getString("iss", ""))) {
            throw new SignInFailed("The ID token is from another issuer");
        }
        if (!audience(claims).contains(settings.clientId().orElseThrow())) {
            throw new SignInFailed("The ID token is for another client");
        }
        if (!claims.containsKey("exp") || clock.instant().minus(CLOCK_SKEW).getEpochSecond()
                > claims.getJsonNumber("exp").longValue()) {
            throw new SignInFailed("The ID token has expired");
        }
        if (!nonce.equals(claims.getString("nonce", ""))) {
            throw new SignInFailed("The ID token belongs to another sign-in");
        }
        return claims;
    }

    private PublicKey key(String kid, String jwksUri) {
        JsonObject jwks = json(send(HttpRequest.newBuilder(URI.create(jwksUri)).timeout(Duration.ofSeconds(20)).GET().build()));
        for (JsonValue value : jwks.getJsonArray("keys")) {
            JsonObject jwk = value.asJsonObject();
            if ("RSA".equals(jwk.getString("kty", "")) && (kid == null || kid.equals(jwk.getString("kid", null)))) {
                try {
                    return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                            new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("n"))),
                            new BigInteger(1, Base64.getUrlDecoder().decode(jwk.getString("e")))));
                } catch (GeneralSecurityException | IllegalArgumentException e) {
                    throw new SignInFailed("The identity provider publishes a key that cannot be read");
                }
            }
        }
        throw new SignInFailed("The identity provider publishes no key for this ID token");
    }

    private JsonObject discovery() {
        String issuer = settings.issuer().orElseThrow(() -> new SignInFailed("No identity provider is configured"));
        URI uri = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        if (!"https".equals(uri.getScheme()) && !Set.of("localhost", "127.0.0.1", "[::1]").contains(uri.getHost())) {
            throw new SignInFailed("The identity provider must be reached over HTTPS");
        }
        return json(send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build()));
    }

    private static Set<String> audience(JsonObject claims) {
        JsonValue aud = claims.get("aud");
        if (aud instanceof JsonString one) {
            return Set.of(one.getString());
        }
        return aud != null && aud.getValueType() == JsonValue.ValueType.ARRAY
                ? aud.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).collect(Collectors.toSet())
                : Set.of();
    }

    private static String send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new SignInFailed("The identity provider answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new SignInFailed("The identity provider cannot be reached");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SignInFailed("Interrupted while asking the identity provider");
        }
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new SignInFailed("The identity provider's answer is not a JSON object");
        }
    }

    private static String decode(String part) {
        try {
            return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SignInFailed("The ID token is not base64url");
        }
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

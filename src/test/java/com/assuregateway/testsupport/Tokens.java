package com.assuregateway.testsupport;

import com.assuregateway.security.control.DevTokens;
import com.assuregateway.security.control.DevTokens.Claims;
import com.assuregateway.security.entity.DevelopmentKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;

/**
 * Bearer tokens for the tests. The in-container servers run in production mode behind the tests' own identity
 * provider (arquillian.xml), so tokens are minted with its key and issuer; {@link #development} mints with the
 * public development key, which only a development-mode server trusts.
 */
public final class Tokens {

    /** The tests' identity provider: the issuer and key pair the servers are configured with. */
    public static final String IDP_ISSUER = "assure-gateway-it-idp";
    public static final String IDP_SIGNING_KEY_FILE = "src/test/resources/test-idp/signing-key.pem";

    private static final PrivateKey IDP_KEY = load(IDP_SIGNING_KEY_FILE);
    private static final PrivateKey DEV_KEY = load(DevelopmentKey.SIGNING_KEY_FILE);

    private Tokens() {
    }

    public static String portal(String tenant) {
        return of(List.of("portal"), tenant);
    }

    public static String of(List<String> roles, String tenant) {
        return mint(IDP_KEY, Claims.issuedBy(IDP_ISSUER, "it-" + String.join("-", roles), roles, tenant, 3600));
    }

    /** A token of the tests' identity provider with a subject of the test's choosing. */
    public static String withSubject(String subject, List<String> roles, String tenant) {
        return mint(IDP_KEY, Claims.issuedBy(IDP_ISSUER, subject, roles, tenant, 3600));
    }

    /** What anybody can mint from the repository: the development key and issuer. */
    public static String development(List<String> roles, String tenant) {
        return mint(DEV_KEY, Claims.development("it-dev-" + String.join("-", roles), roles, tenant, 3600));
    }

    /** Expired an hour ago, issued two hours ago: only its expiry is wrong. */
    public static String expired(String tenant) {
        long now = Instant.now().getEpochSecond();
        return mint(IDP_KEY, new Claims(IDP_ISSUER, DevelopmentKey.AUDIENCE, "it-expired",
                List.of("portal"), "tenant", tenant, now - 7200, now - 3600));
    }

    public static String forAudience(String audience, String tenant) {
        long now = Instant.now().getEpochSecond();
        return mint(IDP_KEY, new Claims(IDP_ISSUER, audience, "it-audience", List.of("portal"), "tenant",
                tenant, now, now + 3600));
    }

    public static String fromIssuer(String issuer, String tenant) {
        long now = Instant.now().getEpochSecond();
        return mint(IDP_KEY, new Claims(issuer, DevelopmentKey.AUDIENCE, "it-issuer", List.of("portal"), "tenant",
                tenant, now, now + 3600));
    }

    /** Well-formed and otherwise valid, but signed by a key the gateway has never seen. */
    public static String signedByAStranger(String tenant) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return mint(generator.generateKeyPair().getPrivate(),
                    Claims.issuedBy(IDP_ISSUER, "it-stranger", List.of("portal"), tenant, 3600));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mint(PrivateKey key, Claims claims) {
        try {
            return DevTokens.mint(key, claims);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey load(String file) {
        try {
            return DevTokens.privateKey(Files.readString(Path.of(file)));
        } catch (Exception e) {
            throw new IllegalStateException("The signing key " + file + " cannot be read", e);
        }
    }
}

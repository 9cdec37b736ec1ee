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

/** Bearer tokens for the tests, minted with the developers' tool and the development key. */
public final class Tokens {

    private static final PrivateKey DEV_KEY = load();

    private Tokens() {
    }

    public static String portal(String tenant) {
        return of(List.of("portal"), tenant);
    }

    public static String of(List<String> roles, String tenant) {
        return mint(DEV_KEY, Claims.development("it-" + String.join("-", roles), roles, tenant, 3600));
    }

    /** Expired an hour ago, issued two hours ago: only its expiry is wrong. */
    public static String expired(String tenant) {
        long now = Instant.now().getEpochSecond();
        return mint(DEV_KEY, new Claims(DevelopmentKey.ISSUER, DevelopmentKey.AUDIENCE, "it-expired",
                List.of("portal"), "tenant", tenant, now - 7200, now - 3600));
    }

    public static String forAudience(String audience, String tenant) {
        long now = Instant.now().getEpochSecond();
        return mint(DEV_KEY, new Claims(DevelopmentKey.ISSUER, audience, "it-audience", List.of("portal"), "tenant",
                tenant, now, now + 3600));
    }

    public static String fromIssuer(String issuer, String tenant) {
        long now = Instant.now().getEpochSecond();
        return mint(DEV_KEY, new Claims(issuer, DevelopmentKey.AUDIENCE, "it-issuer", List.of("portal"), "tenant",
                tenant, now, now + 3600));
    }

    /** Well-formed and otherwise valid, but signed by a key the gateway has never seen. */
    public static String signedByAStranger(String tenant) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return mint(generator.generateKeyPair().getPrivate(),
                    Claims.development("it-stranger", List.of("portal"), tenant, 3600));
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

    private static PrivateKey load() {
        try {
            return DevTokens.privateKey(Files.readString(Path.of(DevelopmentKey.SIGNING_KEY_FILE)));
        } catch (Exception e) {
            throw new IllegalStateException("The development key " + DevelopmentKey.SIGNING_KEY_FILE
                    + " cannot be read", e);
        }
    }
}

package com.assuregateway.sandbox.control;

import com.assuregateway.security.control.DevTokens;
import com.assuregateway.security.entity.DevelopmentKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.List;

/**
 * The sandbox's access tokens are JWTs signed with the development key. Signicat's are opaque to the gateway,
 * but this server's JWT layer inspects every bearer token it receives, the gateway's calls to its own sandbox
 * included, and lets only tokens it can verify pass. They carry no portal role and no tenant, so they open
 * nothing of the portal API.
 */
@ApplicationScoped
public class SandboxAccessTokens {

    static final String GROUP = "assure-sandbox-client";

    private volatile PrivateKey key;

    public String mint(String clientId, long lifetimeSeconds) {
        long now = Instant.now().getEpochSecond();
        try {
            return DevTokens.mint(key(), new DevTokens.Claims(DevelopmentKey.ISSUER, DevelopmentKey.AUDIENCE, clientId,
                    List.of(GROUP), "tenant", null, now, now + lifetimeSeconds));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The development signing key cannot sign", e);
        }
    }

    private PrivateKey key() throws GeneralSecurityException {
        if (key == null) {
            try (InputStream pem = SandboxAccessTokens.class.getResourceAsStream(DevelopmentKey.SIGNING_KEY_RESOURCE)) {
                if (pem == null) {
                    throw new IllegalStateException(DevelopmentKey.SIGNING_KEY_RESOURCE + " is not in the WAR");
                }
                key = DevTokens.privateKey(new String(pem.readAllBytes(), StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return key;
    }
}

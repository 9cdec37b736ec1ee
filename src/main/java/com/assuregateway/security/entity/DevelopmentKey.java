package com.assuregateway.security.entity;

/**
 * The development token key pair of {@code server-config/dev/}: public, so anybody can mint tokens with it,
 * and therefore trusted only while the built-in sandbox runs.
 */
public final class DevelopmentKey {

    public static final String ISSUER = "assure-gateway-dev";
    public static final String AUDIENCE = "assure-gateway";
    /** Where the WAR carries the public half (the default {@code mp.jwt.verify.publickey.location}). */
    public static final String PUBLIC_KEY_RESOURCE = "/dev-jwt/jwt-public-key.pem";
    /** Where the WAR carries the private half, for the sandbox's own access tokens. */
    public static final String SIGNING_KEY_RESOURCE = "/dev-jwt/jwt-signing-key.pem";
    /** The private half in the repository, for developers and tests. */
    public static final String SIGNING_KEY_FILE = "server-config/dev/jwt-signing-key.pem";

    private DevelopmentKey() {
    }
}

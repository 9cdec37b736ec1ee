package com.assuregateway.security.entity;

/**
 * The development token key pair of {@code server-config/dev/}: public, so anybody can mint tokens with it,
 * and therefore trusted only in the development mode (see {@link DeploymentMode}). The WAR carries the
 * public half only; the private half stays in the repository for developers and tests.
 */
public final class DevelopmentKey {

    public static final String ISSUER = "assure-gateway-dev";
    public static final String AUDIENCE = "assure-gateway";
    /** Where the WAR carries the public half (the default {@code mp.jwt.verify.publickey.location}). */
    public static final String PUBLIC_KEY_RESOURCE = "/dev-jwt/jwt-public-key.pem";
    /** The private half in the repository, for developers and tests. */
    public static final String SIGNING_KEY_FILE = "server-config/dev/jwt-signing-key.pem";
    /** The archive key id of the embedded default run, whose key is in the WAR's configuration. */
    public static final String ARCHIVE_KEY_ID = "dev";
    /**
     * SHA-256 of the development archive key's 32 bytes (its base64 is in the WAR's configuration): the key is
     * recognised under any id, and the code does not carry a second copy of it.
     */
    public static final String ARCHIVE_KEY_SHA256 = "20eae6918daeaf24dfed608f255128ee3b5dea231ac8ba71cd65288eb1ad78df";

    private DevelopmentKey() {
    }
}

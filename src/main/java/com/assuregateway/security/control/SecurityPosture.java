package com.assuregateway.security.control;

import com.assuregateway.security.entity.DeploymentMode;
import com.assuregateway.security.entity.DevelopmentKey;
import com.assuregateway.security.entity.PostureViolation;
import com.assuregateway.settings.control.AssureSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that decide whether this deployment may serve, and whether it may trust the development keys.
 * Development trust needs the operator to have asked for it by name ({@code gateway.mode=development}) and
 * nothing real to be configured: an embedded H2 database, the built-in sandbox, its own URLs and credentials.
 * Anything else (a server database, Signicat's URLs, real client credentials) means people's data may be
 * here, so a development mode beside it is refused instead of silently trusting keys anybody can mint with.
 */
public final class SecurityPosture {

    static final String SANDBOX_CLIENT_ID = AssureSettings.SANDBOX_CLIENT_ID;
    static final String SANDBOX_CLIENT_SECRET = AssureSettings.SANDBOX_CLIENT_SECRET;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    /** What the rules look at, read from MicroProfile Config by {@link DeploymentPosture}. */
    public record Settings(String mode, boolean sandboxEnabled, String dbUrl,
                           Optional<String> assureUrl, Optional<String> tokenUrl,
                           Optional<String> clientId, Optional<String> clientSecret,
                           Optional<String> jwtIssuer, boolean jwtKeyConfigured, boolean jwtKeyIsDevelopmentKey,
                           boolean archiveEnabled, String archiveKeyId, ArchiveKeyState archiveKey) {
    }

    /** What the configured key of {@code gateway.archive.key-id} is. */
    public enum ArchiveKeyState { VALID, DEVELOPMENT, MISSING, MALFORMED }

    private final DeploymentMode mode;
    private final List<PostureViolation> violations;

    private SecurityPosture(DeploymentMode mode, List<PostureViolation> violations) {
        this.mode = mode;
        this.violations = List.copyOf(violations);
    }

    public static SecurityPosture of(Settings settings) {
        List<PostureViolation> violations = new ArrayList<>();
        DeploymentMode mode = settings.mode() == null ? DeploymentMode.PRODUCTION
                : DeploymentMode.parse(settings.mode()).orElse(null);
        if (mode == null) {
            violations.add(new PostureViolation(DeploymentMode.KEY,
                    "must be 'production' or 'development' (was '" + settings.mode() + "')"));
            mode = DeploymentMode.PRODUCTION;
        }
        if (mode == DeploymentMode.DEVELOPMENT) {
            developmentOnlyWithNothingReal(settings, violations);
        } else {
            noDevelopmentKeys(settings, violations);
        }
        assureOverTls(settings, violations);
        return new SecurityPosture(mode, violations);
    }

    public DeploymentMode mode() {
        return mode;
    }

    /** Why the gateway refuses to serve; empty when it may. */
    public List<PostureViolation> violations() {
        return violations;
    }

    /** Whether the public development JWT and archive keys may be trusted: development mode, nothing real. */
    public boolean developmentTrusted() {
        return mode == DeploymentMode.DEVELOPMENT && violations.isEmpty();
    }

    private static void developmentOnlyWithNothingReal(Settings s, List<PostureViolation> violations) {
        String why = " while gateway.mode=development, which trusts public keys: set gateway.mode=production "
                + "and configure the identity provider and archive key (docs/security.md)";
        if (s.dbUrl() == null || !s.dbUrl().startsWith("jdbc:h2:")) {
            violations.add(new PostureViolation("db.url", "names a database server, not the embedded H2" + why));
        }
        if (!s.sandboxEnabled()) {
            violations.add(new PostureViolation("gateway.sandbox.enabled",
                    "is false, so Signicat would be called" + why));
        }
        s.assureUrl().filter(url -> !isLoopbackSandbox(url)).ifPresent(url -> violations.add(
                new PostureViolation("assure/mp-rest/url", "points at a real Assure, not a sandbox on loopback" + why)));
        s.tokenUrl().filter(url -> !isLoopbackSandbox(url)).ifPresent(url -> violations.add(
                new PostureViolation("assure.auth.token-url", "points at a real token endpoint" + why)));
        s.clientId().filter(id -> !SANDBOX_CLIENT_ID.equals(id)).ifPresent(id -> violations.add(
                new PostureViolation("assure.auth.client-id", "is a real client" + why)));
        s.clientSecret().filter(secret -> !SANDBOX_CLIENT_SECRET.equals(secret)).ifPresent(secret -> violations.add(
                new PostureViolation("assure.auth.client-secret", "is a real credential" + why)));
    }

    private static void noDevelopmentKeys(Settings s, List<PostureViolation> violations) {
        if (!s.jwtKeyConfigured()) {
            violations.add(new PostureViolation("mp.jwt.verify.publickey.location",
                    "is not set: name the identity provider's public key or JWKS URL"));
        } else if (s.jwtKeyIsDevelopmentKey()) {
            violations.add(new PostureViolation("mp.jwt.verify.publickey.location",
                    "is the development key, whose private half is public: name the identity provider's key"));
        }
        if (s.jwtIssuer().map(DevelopmentKey.ISSUER::equals).orElse(true)) {
            violations.add(new PostureViolation("mp.jwt.verify.issuer",
                    "is the development issuer or unset: name the identity provider's issuer"));
        }
        if (!s.archiveEnabled()) {
            return;
        }
        if (s.archiveKeyId() == null || s.archiveKeyId().isBlank()) {
            violations.add(new PostureViolation("gateway.archive.key-id", "is not set: evidence could not be sealed"));
            return;
        }
        String keyKey = "gateway.archive.key." + s.archiveKeyId();
        if (DevelopmentKey.ARCHIVE_KEY_ID.equals(s.archiveKeyId()) || s.archiveKey() == ArchiveKeyState.DEVELOPMENT) {
            violations.add(new PostureViolation("gateway.archive.key-id",
                    "names the development archive key, which is public: set a key of your own"));
        } else if (s.archiveKey() == ArchiveKeyState.MISSING) {
            violations.add(new PostureViolation(keyKey, "is not set: evidence could not be sealed"));
        } else if (s.archiveKey() == ArchiveKeyState.MALFORMED) {
            violations.add(new PostureViolation(keyKey, "is not the base64 of 32 bytes (AES-256)"));
        }
    }

    /** Tokens, client secrets and biometric data cross this link: plain HTTP only on the machine itself. */
    private static void assureOverTls(Settings s, List<PostureViolation> violations) {
        if (s.sandboxEnabled()) {
            return;
        }
        s.assureUrl().filter(url -> !isTlsOrLoopback(url)).ifPresent(url -> violations.add(new PostureViolation(
                "assure/mp-rest/url", "must be https (plain http only to a loopback host)")));
        s.tokenUrl().filter(url -> !isTlsOrLoopback(url)).ifPresent(url -> violations.add(new PostureViolation(
                "assure.auth.token-url", "must be https (plain http only to a loopback host)")));
    }

    static boolean isLoopbackSandbox(String url) {
        URI uri = parse(url);
        return uri != null && "http".equals(scheme(uri)) && isLoopback(uri) && uri.getPath() != null
                && uri.getPath().contains("/sandbox/");
    }

    static boolean isTlsOrLoopback(String url) {
        URI uri = parse(url);
        return uri != null && uri.getHost() != null
                && ("https".equals(scheme(uri)) || "http".equals(scheme(uri)) && isLoopback(uri));
    }

    private static boolean isLoopback(URI uri) {
        return uri.getHost() != null && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static URI parse(String url) {
        try {
            return URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

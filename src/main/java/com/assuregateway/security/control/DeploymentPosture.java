package com.assuregateway.security.control;

import com.assuregateway.security.control.SecurityPosture.ArchiveKeyState;
import com.assuregateway.security.entity.DeploymentMode;
import com.assuregateway.security.entity.DevelopmentKey;
import com.assuregateway.security.entity.PostureViolation;
import com.assuregateway.settings.control.ArchiveSettings;
import com.assuregateway.settings.control.SandboxSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This deployment's {@link SecurityPosture}, decided once at start-up from MicroProfile Config and logged, so
 * an operator reads in the first lines of the log which setting keeps the gateway from serving.
 */
@ApplicationScoped
public class DeploymentPosture {

    private static final Logger LOG = Logger.getLogger(DeploymentPosture.class.getName());

    private Config config;
    private SecurityPosture posture;
    private List<PostureViolation> violations;

    /**
     * The WAR's own configuration, named by its class loader: this bean may first be built on the server's
     * start-up thread (a bean of the WAR needing it at boot), whose context class loader is not the WAR's, and
     * an injected Config then lacked the WAR's microprofile-config.properties: the embedded default was read
     * as a production deployment with nothing configured.
     */
    @PostConstruct
    void decide() {
        config = ConfigProvider.getConfig(DeploymentPosture.class.getClassLoader());
        posture = SecurityPosture.of(settings());
        List<PostureViolation> all = new ArrayList<>(posture.violations());
        all.addAll(FleetLimitsPrerequisite.check(string("db.url").orElse(null),
                config.getOptionalValue(FleetLimitsPrerequisite.CAP_KEY, Integer.class).orElse(0),
                config.getOptionalValue(FleetLimitsPrerequisite.TOKEN_KEY, Boolean.class).orElse(false)));
        violations = List.copyOf(all);
    }

    void report(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (!violations.isEmpty()) {
            for (PostureViolation violation : violations) {
                LOG.severe(() -> "The gateway refuses to serve its API: " + violation);
            }
        } else if (posture.mode() == DeploymentMode.DEVELOPMENT) {
            LOG.warning("Development mode (gateway.mode=development): the public development token and archive "
                    + "keys are trusted. Embedded H2 and the built-in sandbox only; never for people's data.");
        } else {
            LOG.info("Production mode: no development key is trusted");
        }
    }

    public DeploymentMode mode() {
        return posture.mode();
    }

    public List<PostureViolation> violations() {
        return violations;
    }

    public boolean developmentTrusted() {
        return posture.developmentTrusted();
    }

    private SecurityPosture.Settings settings() {
        String archiveKeyId = string("gateway.archive.key-id").orElse(null);
        return new SecurityPosture.Settings(
                string(DeploymentMode.KEY).orElse(null),
                config.getOptionalValue(SandboxSettings.ENABLED, Boolean.class).orElse(SandboxSettings.enabledByDefault()),
                string("db.url").orElse(null),
                string("assure/mp-rest/url"), string("assure.auth.token-url"),
                string("assure.auth.client-id"), string("assure.auth.client-secret"),
                string("mp.jwt.verify.issuer"),
                string("mp.jwt.verify.publickey").isPresent() || string("mp.jwt.verify.publickey.location").isPresent(),
                jwtKeyIsDevelopmentKey(),
                config.getOptionalValue(ArchiveSettings.ENABLED, Boolean.class).orElse(ArchiveSettings.enabledByDefault()),
                archiveKeyId, archiveKey(archiveKeyId));
    }

    /** The development key under its own name, or its bytes under any other file or inline. */
    private boolean jwtKeyIsDevelopmentKey() {
        Optional<String> location = string("mp.jwt.verify.publickey.location");
        if (location.map(l -> l.endsWith(DevelopmentKey.PUBLIC_KEY_RESOURCE)).orElse(false)) {
            return true;
        }
        String developmentKey = readResource(DevelopmentKey.PUBLIC_KEY_RESOURCE).map(DeploymentPosture::pemBody)
                .orElse(null);
        if (developmentKey == null || developmentKey.isEmpty()) {
            return false;
        }
        Optional<String> material = string("mp.jwt.verify.publickey").or(() -> location.flatMap(this::readLocal));
        return material.map(m -> pemBody(m).contains(developmentKey)).orElse(false);
    }

    /** A key file or class path resource; remote locations (an IdP's JWKS URL) are not fetched here. */
    private Optional<String> readLocal(String location) {
        try {
            if (location.startsWith("file:")) {
                return Optional.of(Files.readString(Path.of(URI.create(location)), StandardCharsets.US_ASCII));
            }
            if (location.contains("://")) {
                return Optional.empty();
            }
            Path file = Path.of(location);
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.US_ASCII))
                    : readResource(location);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> readResource(String name) {
        String resource = name.startsWith("/") ? name.substring(1) : name;
        try (InputStream in = DeploymentPosture.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String pemBody(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    private ArchiveKeyState archiveKey(String id) {
        Optional<String> encoded = id == null ? Optional.empty() : string("gateway.archive.key." + id);
        if (encoded.isEmpty()) {
            return ArchiveKeyState.MISSING;
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(encoded.get().trim());
        } catch (IllegalArgumentException e) {
            return ArchiveKeyState.MALFORMED;
        }
        if (raw.length != 32) {
            return ArchiveKeyState.MALFORMED;
        }
        return DevelopmentKey.ARCHIVE_KEY_SHA256.equals(sha256(raw)) ? ArchiveKeyState.DEVELOPMENT
                : ArchiveKeyState.VALID;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<String> string(String key) {
        return config.getOptionalValue(key, String.class).map(String::trim).filter(v -> !v.isEmpty());
    }
}

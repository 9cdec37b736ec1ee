package com.assuregateway.security.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.security.control.SecurityPosture.ArchiveKeyState;
import com.assuregateway.security.control.SecurityPosture.Settings;
import com.assuregateway.security.entity.DeploymentMode;
import com.assuregateway.security.entity.DevelopmentKey;
import com.assuregateway.security.entity.PostureViolation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SecurityPostureTest {

    private static final String H2 = "jdbc:h2:./data/assure-gateway;AUTO_SERVER=TRUE";
    private static final String POSTGRES = "jdbc:postgresql://db.internal:5432/gateway";

    /** The README's first command: the WAR's own configuration, nothing set by the operator. */
    private static Settings embeddedDefault() {
        return new Settings("development", true, H2, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(DevelopmentKey.ISSUER), true, true, true, DevelopmentKey.ARCHIVE_KEY_ID,
                ArchiveKeyState.DEVELOPMENT);
    }

    /** What an operator who did everything right configures. */
    private static Settings production() {
        return new Settings("production", false, POSTGRES, Optional.empty(), Optional.empty(),
                Optional.of("client-1"), Optional.of("s3cret"), Optional.of("https://idp.example.com/realms/portals"),
                true, false, true, "2026-01", ArchiveKeyState.VALID);
    }

    @Test
    void theEmbeddedDefaultTrustsTheDevelopmentKeys() {
        SecurityPosture posture = SecurityPosture.of(embeddedDefault());
        assertThat(posture.violations()).isEmpty();
        assertThat(posture.developmentTrusted()).isTrue();
    }

    @Test
    void aForgottenModeIsProductionAndRefusesTheDevelopmentKeys() {
        Settings forgotten = new Settings(null, true, H2, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(DevelopmentKey.ISSUER), true, true, true, DevelopmentKey.ARCHIVE_KEY_ID,
                ArchiveKeyState.DEVELOPMENT);
        SecurityPosture posture = SecurityPosture.of(forgotten);
        assertThat(posture.mode()).isEqualTo(DeploymentMode.PRODUCTION);
        assertThat(posture.developmentTrusted()).isFalse();
        assertThat(keys(posture)).containsExactlyInAnyOrder("mp.jwt.verify.publickey.location",
                "mp.jwt.verify.issuer", "gateway.archive.key-id");
    }

    @Test
    void developmentModeBesideAPostgresDatabaseIsRefusedNamingDbUrl() {
        Settings s = embeddedDefault();
        SecurityPosture posture = SecurityPosture.of(new Settings(s.mode(), s.sandboxEnabled(), POSTGRES,
                s.assureUrl(), s.tokenUrl(), s.clientId(), s.clientSecret(), s.jwtIssuer(), true, true, true,
                s.archiveKeyId(), s.archiveKey()));
        assertThat(keys(posture)).containsExactly("db.url");
        assertThat(posture.developmentTrusted()).isFalse();
    }

    @Test
    void developmentModeBesideSignicatUrlsOrRealCredentialsIsRefused() {
        Settings s = embeddedDefault();
        SecurityPosture posture = SecurityPosture.of(new Settings(s.mode(), true, H2,
                Optional.of("https://api.signicat.com/assure"), Optional.of("https://api.signicat.com/auth/open/connect/token"),
                Optional.of("company-client"), Optional.of("company-secret"), s.jwtIssuer(), true, true, true,
                s.archiveKeyId(), s.archiveKey()));
        assertThat(keys(posture)).containsExactlyInAnyOrder("assure/mp-rest/url", "assure.auth.token-url",
                "assure.auth.client-id", "assure.auth.client-secret");
    }

    @Test
    void developmentModeWithTheSandboxOffIsRefused() {
        Settings s = embeddedDefault();
        SecurityPosture posture = SecurityPosture.of(new Settings(s.mode(), false, H2, s.assureUrl(), s.tokenUrl(),
                s.clientId(), s.clientSecret(), s.jwtIssuer(), true, true, true, s.archiveKeyId(), s.archiveKey()));
        assertThat(keys(posture)).containsExactly("gateway.sandbox.enabled");
    }

    @Test
    void aSandboxInItsOwnJvmOnLoopbackIsStillDevelopment() {
        Settings s = embeddedDefault();
        SecurityPosture posture = SecurityPosture.of(new Settings(s.mode(), true, H2,
                Optional.of("http://127.0.0.1:29190/sandbox/assure"),
                Optional.of("http://localhost:29190/sandbox/auth/open/connect/token"),
                Optional.of("sandbox-client"), Optional.of("sandbox-secret"), s.jwtIssuer(), true, true, true,
                s.archiveKeyId(), s.archiveKey()));
        assertThat(posture.violations()).isEmpty();
    }

    @Test
    void aTypoInTheModeIsRefusedNotGuessed() {
        Settings s = embeddedDefault();
        SecurityPosture posture = SecurityPosture.of(new Settings("dev", true, H2, s.assureUrl(), s.tokenUrl(),
                s.clientId(), s.clientSecret(), s.jwtIssuer(), true, true, true, s.archiveKeyId(), s.archiveKey()));
        assertThat(keys(posture)).contains(DeploymentMode.KEY);
        assertThat(posture.developmentTrusted()).isFalse();
    }

    @Test
    void aWellConfiguredProductionServes() {
        SecurityPosture posture = SecurityPosture.of(production());
        assertThat(posture.violations()).isEmpty();
        assertThat(posture.developmentTrusted()).isFalse();
    }

    @Test
    void productionRefusesTheDevelopmentJwtKeyUnderAnyName() {
        Settings p = production();
        SecurityPosture posture = SecurityPosture.of(new Settings(p.mode(), false, POSTGRES, p.assureUrl(),
                p.tokenUrl(), p.clientId(), p.clientSecret(), p.jwtIssuer(), true, true, true, p.archiveKeyId(),
                p.archiveKey()));
        assertThat(keys(posture)).containsExactly("mp.jwt.verify.publickey.location");
    }

    @Test
    void productionRefusesTheDevelopmentArchiveKeyUnderAnotherIdAndAMissingOne() {
        Settings p = production();
        assertThat(keys(SecurityPosture.of(new Settings(p.mode(), false, POSTGRES, p.assureUrl(), p.tokenUrl(),
                p.clientId(), p.clientSecret(), p.jwtIssuer(), true, false, true, "renamed", ArchiveKeyState.DEVELOPMENT))))
                .containsExactly("gateway.archive.key-id");
        assertThat(keys(SecurityPosture.of(new Settings(p.mode(), false, POSTGRES, p.assureUrl(), p.tokenUrl(),
                p.clientId(), p.clientSecret(), p.jwtIssuer(), true, false, true, "2026-01", ArchiveKeyState.MISSING))))
                .containsExactly("gateway.archive.key.2026-01");
        assertThat(keys(SecurityPosture.of(new Settings(p.mode(), false, POSTGRES, p.assureUrl(), p.tokenUrl(),
                p.clientId(), p.clientSecret(), p.jwtIssuer(), true, false, false, "dev", ArchiveKeyState.DEVELOPMENT))))
                .as("with the archive off no key is used").isEmpty();
    }

    @Test
    void plainHttpToAssureIsRefusedWithTheSandboxOffExceptOnLoopback() {
        Settings p = production();
        SecurityPosture remote = SecurityPosture.of(new Settings(p.mode(), false, POSTGRES,
                Optional.of("http://assure.example.com/assure"), Optional.of("http://auth.example.com/token"),
                p.clientId(), p.clientSecret(), p.jwtIssuer(), true, false, true, p.archiveKeyId(), p.archiveKey()));
        assertThat(keys(remote)).containsExactlyInAnyOrder("assure/mp-rest/url", "assure.auth.token-url");
        SecurityPosture loopback = SecurityPosture.of(new Settings(p.mode(), false, POSTGRES,
                Optional.of("http://127.0.0.1:8443/assure"), Optional.of("http://[::1]:8443/token"),
                p.clientId(), p.clientSecret(), p.jwtIssuer(), true, false, true, p.archiveKeyId(), p.archiveKey()));
        assertThat(loopback.violations()).isEmpty();
    }

    @Test
    void theFingerprintNamesTheDevelopmentArchiveKeyOfTheWar() throws Exception {
        Properties war = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/META-INF/microprofile-config.properties"))) {
            war.load(in);
        }
        byte[] key = Base64.getDecoder().decode(war.getProperty("gateway.archive.key." + DevelopmentKey.ARCHIVE_KEY_ID));
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key)))
                .isEqualTo(DevelopmentKey.ARCHIVE_KEY_SHA256);
        assertThat(war.getProperty(DeploymentMode.KEY)).isEqualTo("development");
    }

    private static java.util.List<String> keys(SecurityPosture posture) {
        return posture.violations().stream().map(PostureViolation::key).toList();
    }
}

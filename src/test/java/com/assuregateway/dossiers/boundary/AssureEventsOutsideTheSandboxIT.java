package com.assuregateway.dossiers.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.assuregateway.dossiers.control.EventAuthenticity;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayProcess;
import com.assuregateway.testsupport.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webhook as an operator deploys it, sandbox off: forgetting {@code gateway.events.secret} closes it
 * (503, never an unauthenticated 202), and with {@code gateway.events.auth=hmac} only a body signed with the
 * secret passes. Two microbundles of their own (the suite's servers run the sandbox); the database plays no
 * part in these checks, so they run in the H2 pass only.
 */
class AssureEventsOutsideTheSandboxIT {

    private static final String PATH = "api/v1/assure-events";
    private static final String SECRET = "hmac-event-secret-for-it";
    private static final String SIGNATURE = "X-Signicat-Signature";
    private static final String EVENT = "{\"id\":\"e-1\",\"eventName\":\"process.complete\","
            + "\"eventData\":{\"processId\":\"not-known-here\"}}";

    private static GatewayProcess withoutSecret;
    private static GatewayProcess withHmac;

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "no database in these checks: the H2 pass runs them");
        File logs = new File("target/it-logs");
        Map<String, String> production = production();
        withoutSecret = new GatewayProcess(GatewayProcess.freePort(), production,
                new File(logs, "events-without-secret.log")).start();

        Map<String, String> hmac = production();
        hmac.put("gateway.events.secret", SECRET);
        hmac.put("gateway.events.auth", "hmac");
        hmac.put("gateway.events.signature-header", SIGNATURE);
        hmac.put("gateway.events.max-body-bytes", "4096");
        withHmac = new GatewayProcess(GatewayProcess.freePort(), hmac, new File(logs, "events-hmac.log")).start();
    }

    /** Sandbox off, as in production; Assure and the identity provider are never reached by these requests. */
    private static Map<String, String> production() throws Exception {
        File key = new File("target/it-keys/events-idp-" + System.nanoTime() + ".pem");
        key.getParentFile().mkdirs();
        byte[] der = KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded();
        Files.writeString(key.toPath(), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("gateway.sandbox.enabled", "false");
        config.put("db.url", "jdbc:h2:" + new File("target/it-h2/events-" + System.nanoTime()).getAbsolutePath());
        config.put("mp.jwt.verify.issuer", "https://idp.example.test");
        config.put("mp.jwt.verify.publickey.location", key.toURI().toString());
        config.put("assure/mp-rest/url", "http://127.0.0.1:9/assure");
        config.put("assure.auth.token-url", "http://127.0.0.1:9/auth/open/connect/token");
        config.put("assure.auth.client-id", "it-client");
        config.put("assure.auth.client-secret", "it-client-secret");
        config.put("gateway.archive.key-id", "it");
        config.put("gateway.archive.key.it", Base64.getEncoder().encodeToString(new byte[32]));
        return config;
    }

    @AfterAll
    static void stop() throws Exception {
        if (withoutSecret != null) {
            withoutSecret.close();
        }
        if (withHmac != null) {
            withHmac.close();
        }
    }

    @Test
    void aForgottenSecretClosesTheWebhookInsteadOfOpeningIt() {
        Api api = new Api(withoutSecret.url());
        for (Answer answer : new Answer[]{api.post(PATH, EVENT),
                api.postWithHeader(PATH, EVENT, "X-Assure-Event-Secret", ""),
                api.postWithHeader(PATH, EVENT, "X-Assure-Event-Secret", "anything")}) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(503);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.json().getString("type")).isEqualTo("urn:assure-gateway:problem:configuration");
            assertThat(answer.json().getString("detail")).contains("gateway.events.secret");
        }
    }

    @Test
    void onlyABodySignedWithTheSecretPasses() {
        Api api = new Api(withHmac.url());
        String hex = HexFormat.of().formatHex(EventAuthenticity.hmacSha256(SECRET, EVENT.getBytes(StandardCharsets.UTF_8)));
        Answer signed = api.postWithHeader(PATH, EVENT, SIGNATURE, hex);
        assertThat(signed.status()).as(signed.toString()).isEqualTo(202);
        assertThat(signed.json().getInt("processIdsFound")).isEqualTo(1);
        Answer base64 = api.postWithHeader(PATH, EVENT, SIGNATURE, "sha256=" + Base64.getEncoder().encodeToString(
                EventAuthenticity.hmacSha256(SECRET, EVENT.getBytes(StandardCharsets.UTF_8))));
        assertThat(base64.status()).as(base64.toString()).isEqualTo(202);

        assertUnauthorized(api.post(PATH, EVENT));
        assertUnauthorized(api.postWithHeader(PATH, EVENT, "X-Assure-Event-Secret", SECRET));
        assertUnauthorized(api.postWithHeader(PATH, EVENT, SIGNATURE, SECRET));
        // the signature of this event on another body: one changed process id
        assertUnauthorized(api.postWithHeader(PATH, EVENT.replace("not-known-here", "another-process"), SIGNATURE, hex));
        assertUnauthorized(api.postWithHeader(PATH, EVENT, SIGNATURE, HexFormat.of().formatHex(
                EventAuthenticity.hmacSha256("a-guessed-secret", EVENT.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void aSignedBodyIsStillBoundedBeforeItIsVerified() {
        String big = "{\"padding\":\"" + "x".repeat(5000) + "\"}";
        String signature = HexFormat.of().formatHex(EventAuthenticity.hmacSha256(SECRET, big.getBytes(StandardCharsets.UTF_8)));
        Answer answer = new Api(withHmac.url()).postWithHeader(PATH, big, SIGNATURE, signature);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(413);
        assertThat(answer.json().getString("type")).isEqualTo("urn:assure-gateway:problem:payload-too-large");
    }

    private static void assertUnauthorized(Answer answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getString("type")).isEqualTo("urn:assure-gateway:problem:unauthorized");
    }
}

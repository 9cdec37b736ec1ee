package com.assuregateway.platform.boundary;

import static com.assuregateway.testsupport.Eventually.eventually;
import static com.assuregateway.testsupport.ProblemAssert.assertCleanProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayDeployment;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.SandboxControl;
import com.assuregateway.testsupport.TcpProxy;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.tools.Server;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Liveness and readiness as a probe sees them. This class's gateway reaches its database through a TCP proxy
 * the test controls (container payara-micro-db-proxy, on a port the build reserved), so "the database is gone"
 * is a real network failure: refused connections and broken sockets. On PostgreSQL the proxy forwards to the
 * server of this run; on H2 to an H2 TCP server this test starts, since the embedded file database of the
 * other tests cannot vanish under a running gateway.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {

    private static TcpProxy database;
    private static Server h2;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-db-proxy")
    static WebArchive deployment() throws SQLException {
        int port = Integer.parseInt(System.getProperty("test.db.proxy.port"));
        if (TestDatabase.isPostgres()) {
            Matcher server = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/").matcher(TestDatabase.url());
            if (!server.find()) {
                throw new IllegalStateException("No host:port in " + TestDatabase.url());
            }
            database = TcpProxy.on(port, server.group(1), Integer.parseInt(server.group(2)));
        } else {
            Path dir = Path.of("target", "it-h2-health").toAbsolutePath();
            h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
            database = TcpProxy.on(port, "127.0.0.1", h2.getPort());
        }
        return GatewayDeployment.war();
    }

    @AfterAll
    static void stopDatabase() {
        if (database != null) {
            database.close();
        }
        if (h2 != null) {
            h2.stop();
        }
    }

    @ArquillianResource
    URL base;

    @Test
    void livenessIsUp() {
        Answer live = new Api(base).get("health/live");
        assertThat(live.status()).as(live.toString()).isEqualTo(200);
        JsonObject deadlocks = check(live, "deadlocks");
        assertThat(deadlocks.getString("status")).isEqualTo("UP");
        assertThat(deadlocks.getJsonObject("data").get("deadlockedThreads").toString()).contains("0");
    }

    @Test
    void readinessShowsAssuresTokenEndpointAnswering() {
        Api api = new Api(base).as(Tokens.portal("health-it"));
        // the first API request tells the gateway the port its built-in sandbox listens on
        assertThat(api.get("api/v1/dossiers/" + UUID.randomUUID()).status()).isEqualTo(404);
        JsonObject assure = awaitCheck(api, "assure", c -> c.getJsonObject("data").containsKey("checkedAt"));
        assertThat(assure.getString("status")).isEqualTo("UP");
        JsonObject data = assure.getJsonObject("data");
        assertThat(data.get("answered").toString()).contains("true");
        assertThat(data.getString("tokenEndpoint")).endsWith("/sandbox/auth/open/connect/token");
    }

    /**
     * This class's server is the one whose sandbox issues 4-second Assure tokens (arquillian.xml). A flow's
     * calls must share them: a refresh margin longer than the token's life fetched a new one for every call.
     */
    @Test
    void shortLivedAssureTokensAreReusedAcrossAFlowsCalls() {
        Api api = new Api(base).as(Tokens.portal("health-it"));
        Portal portal = new Portal(api);
        String dossierId = portal.newDossier();
        long before = SandboxControl.issuedTokens(base);
        long started = System.nanoTime();
        int assureCalls = 0;
        for (int i = 0; i < 6; i++) {
            String processId = portal.newProcess(dossierId);
            portal.uploadSelfie(dossierId, processId, Portal.png(0x50 + i));
            assureCalls += 2;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long issued = SandboxControl.issuedTokens(base) - before;
        // a 4 s token is renewed 2 s before it expires, so at most one fetch per 2 s of calls, and one to start
        assertThat(issued).as("%d tokens for %d Assure calls in %.1f s", issued, assureCalls, seconds)
                .isLessThan(assureCalls)
                .isLessThanOrEqualTo((long) Math.ceil(seconds / 2) + 2);
    }

    @Test
    void readinessIsDownAndTheApiAnswers503WhileTheDatabaseIsGoneAndBothRecoverWhenItIsBack() {
        Api api = new Api(base).as(Tokens.portal("health-it"));
        awaitCheck(api, "database", c -> c.getString("status").equals("UP"));
        String dossierId = new Portal(api).newDossier();

        database.cut();
        try {
            Answer ready = api.get("health/ready");
            assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
            assertThat(ready.json().getString("status")).isEqualTo("DOWN");
            JsonObject check = check(ready, "database");
            assertThat(check.getString("status")).isEqualTo("DOWN");
            assertThat(check.getJsonObject("data").getString("reason")).startsWith("database unreachable");

            Answer live = api.get("health/live");
            assertThat(live.status()).as("a restart would not bring the database back: " + live).isEqualTo(200);

            // the API answers while the database is gone: 503 with Retry-After, never a 500
            Answer create = api.post("api/v1/dossiers", "{\"externalReference\":\"during-outage-" + UUID.randomUUID() + "\"}");
            assertCleanProblem(create, 503, "unavailable");
            assertThat(create.header("Retry-After")).as(create.toString()).isNotBlank();
            Answer read = api.get("api/v1/dossiers/" + dossierId);
            assertCleanProblem(read, 503, "unavailable");
            assertThat(read.header("Retry-After")).as(read.toString()).isNotBlank();
        } finally {
            database.restore();
        }

        awaitCheck(api, "database", c -> c.getString("status").equals("UP"));
        Answer created = api.post("api/v1/dossiers", "{\"externalReference\":\"after-outage-" + UUID.randomUUID() + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.get("api/v1/dossiers/" + dossierId).status()).as("recovered by itself").isEqualTo(200);
    }

    private static JsonObject check(Answer health, String name) {
        return health.json().getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("No check " + name + " in " + health));
    }

    /** Polls readiness until the named check satisfies the condition; bounded, never a timing assertion. */
    private static JsonObject awaitCheck(Api api, String name, Predicate<JsonObject> condition) {
        return eventually(Duration.ofSeconds(15), "check " + name + " gets there",
                () -> check(api.get("health/ready"), name), condition);
    }
}

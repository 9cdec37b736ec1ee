package com.assuregateway.assure.boundary;

import static com.assuregateway.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayProcess;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.SandboxControl;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import com.assuregateway.testsupport.WebhookReceiver;
import com.assuregateway.testsupport.WebhookReceiver.Received;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two gateways on one PostgreSQL schema, with the fleet-wide limits on, in front of one Assure (the sandbox of a
 * third process, which counts the tokens it issues and the calls it answers at once): together they fetch one
 * access token, not one each, drop it together when Assure refuses it, and never have more calls in flight than
 * the fleet's cap. Their webhook senders share the deliveries under leases: each attempt is made by one of them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetLimitsIT {

    private static final int CAP = 3;

    private static GatewayProcess assure;
    private static GatewayProcess first;
    private static GatewayProcess second;
    private static long tokensBefore;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the fleet's limits live in PostgreSQL");
        TestDatabase.prepare();
        // the sandbox's own readiness asks its token endpoint once, at start, and not again during the test
        assure = GatewayProcess.assureSandbox("fleet-assure", Map.of("gateway.sandbox.answer-delay-ms", "400",
                "gateway.health.assure-cache-seconds", "3600"));
        tokensBefore = SandboxControl.issuedTokens(assure.url());
        first = gateway("fleet-first");
        second = gateway("fleet-second");
    }

    private static GatewayProcess gateway(String name) throws Exception {
        Map<String, String> config = GatewayProcess.onTestDatabaseBehind(assure);
        config.put("gateway.assure.fleet-shared-token", "true");
        config.put("gateway.assure.fleet-max-concurrent-calls", String.valueOf(CAP));
        config.put("gateway.assure.fleet-permit-wait-ms", "15000");
        // both send events to a receiver in this JVM, each looking for due deliveries every 200 ms
        config.put("gateway.webhooks.allow-private-targets", "true");
        config.put("gateway.webhooks.interval-ms", "200");
        return new GatewayProcess(GatewayProcess.freePort(), config, new File("target/it-logs", name + ".log")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        GatewayProcess.closeAll(first, second, assure);
    }

    @Test
    @Order(1)
    void bothInstancesWorkWithTheOneTokenTheFleetFetched() {
        portal(first).newDossier();
        portal(second).newDossier();
        assertThat(SandboxControl.issuedTokens(assure.url()) - tokensBefore)
                .as("token requests of two ready instances that have both called Assure").isEqualTo(1);
        String kept = (String) TestDatabase.single("SELECT token FROM assure_fleet_token WHERE id = 1").get("token");
        assertThat(kept).as("sealed with the archive key 'it', never in the clear").matches("it:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+");
    }

    @Test
    @Order(2)
    void theFleetNeverHasMoreCallsInFlightThanItsCap() throws Exception {
        assertThat(SandboxControl.of(assure.url()).delete("sandbox/control/in-flight").status()).isEqualTo(204);
        ExecutorService portals = Executors.newFixedThreadPool(12);
        try {
            List<Future<String>> dossiers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Portal portal = portal(i % 2 == 0 ? first : second);
                dossiers.add(portals.submit(portal::newDossier));
            }
            for (Future<String> dossier : dossiers) {
                assertThat(dossier.get()).isNotBlank();
            }
        } finally {
            portals.shutdownNow();
        }
        assertThat(SandboxControl.mostInFlight(assure.url())).as("Assure calls answered at once by the sandbox")
                .isBetween(2, CAP);
        assertThat(TestDatabase.single("SELECT count(*) AS held FROM assure_call_permit WHERE holder IS NOT NULL")
                .get("held")).as("permits still held").isEqualTo(0L);
    }

    @Test
    @Order(3)
    void aTokenAssureRefusedIsReplacedOnceForTheFleet() {
        long before = SandboxControl.issuedTokens(assure.url());
        assertThat(SandboxControl.of(assure.url()).post("sandbox/control/revoke-tokens", "").status()).isEqualTo(204);

        portal(first).newDossier();
        portal(second).newDossier();
        assertThat(SandboxControl.issuedTokens(assure.url()) - before).as("token requests after the refusal")
                .isEqualTo(1);
    }

    @Test
    @Order(4)
    void eachWebhookAttemptIsMadeByOneInstanceOfTheFleet() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            // a slow receiver: while one instance sends, the other's rounds find the delivery due as well
            receiver.answer("fleet", WebhookReceiver.Reply.hang(600));
            Api viaFirst = new Api(first.url()).as(Tokens.portal("fleet-hooks"));
            Api viaSecond = new Api(second.url()).as(Tokens.portal("fleet-hooks"));
            Answer registered = viaFirst.post("api/v1/webhook-endpoints", "{\"url\":\"" + receiver.url("fleet") + "\"}");
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            String endpoint = registered.json().getJsonObject("endpoint").getString("endpointId");
            for (int i = 0; i < 8; i++) {
                Answer test = (i % 2 == 0 ? viaFirst : viaSecond).post("api/v1/webhook-endpoints/" + endpoint + "/test", "");
                assertThat(test.status()).as(test.toString()).isEqualTo(202);
            }

            List<Map<String, Object>> deliveries = eventually(Duration.ofSeconds(60), "the eight test events delivered",
                    () -> TestDatabase.query("SELECT status, attempts FROM webhook_delivery WHERE endpoint_id = ?", endpoint),
                    rows -> rows.size() == 8 && rows.stream().allMatch(row -> "DELIVERED".equals(row.get("status"))));
            assertThat(deliveries).allSatisfy(row -> assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1));
            List<Received> received = receiver.received("fleet");
            assertThat(received).as("one request per event, from whichever instance took it").hasSize(8);
            assertThat(received.stream().map(Received::id).distinct()).hasSize(8);
        }
    }

    private static Portal portal(GatewayProcess gateway) {
        return new Portal(new Api(gateway.url()).as(Tokens.portal("fleet-tenant")));
    }
}

package com.assuregateway.assure.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.GatewayProcess;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.SandboxControl;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import java.io.File;
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
 * the fleet's cap.
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

    private static Portal portal(GatewayProcess gateway) {
        return new Portal(new Api(gateway.url()).as(Tokens.portal("fleet-tenant")));
    }
}

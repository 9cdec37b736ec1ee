package com.assuregateway.platform.boundary;

import static com.assuregateway.testsupport.Eventually.eventually;
import static com.assuregateway.testsupport.ProblemAssert.assertCleanProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayProcess;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.SandboxAssure;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import java.io.File;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM with verifications in flight, as every rolling restart sends it: readiness DOWN at once, requests still
 * served during the drain and refused with a 503 problem after it, every verification in flight answered with its 202, those whose Assure call outlasts
 * the limit with a 503 problem and Retry-After, none with 500 or a reset connection; the follow-up's lease is
 * handed back, and the process exits by itself. "Assure" is another process (the sandbox of a second gateway),
 * so its answers can take longer than the gateway lives; the gateway runs on PostgreSQL, where the test reads
 * its leases.
 */
class GracefulShutdownIT {

    private static final int IN_TIME = 6;
    private static final String TENANT = "shutdown-tenant";
    private static final String LOG = "target/it-logs/shutdown-gateway.log";

    private static GatewayProcess assure;
    private static GatewayProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the shutdown test runs in the PostgreSQL run (it reads the leases)");
        TestDatabase.prepare();
        // a slow start takes 6 s at Assure
        assure = GatewayProcess.assureSandbox("shutdown-assure", Map.of("gateway.sandbox.slow-delay-ms", "6000",
                "gateway.sandbox.processing-polls", "1"));
        Map<String, String> config = GatewayProcess.onTestDatabaseBehind(assure);
        config.put("gateway.followup.interval-ms", "500");
        config.put("gateway.followup.initial-delay-seconds", "1");
        config.put("gateway.followup.lease-seconds", "300");
        config.put("assure/mp-rest/readTimeout", "60000");
        config.put("gateway.shutdown.drain-seconds", "4");
        config.put("gateway.shutdown.in-flight-seconds", "6");
        config.put("gateway.shutdown.retry-after-seconds", "3");
        new File(LOG).delete();
        gateway = new GatewayProcess(GatewayProcess.freePort(), config, new File(LOG)).start();
    }

    @AfterAll
    static void stop() throws Exception {
        GatewayProcess.closeAll(gateway, assure);
        if (TestDatabase.isPostgres()) {
            // this class's Assure (a sandbox process) is gone: the next servers of the pass, which share the
            // database, would otherwise follow these processes up for ever against a sandbox that never knew them,
            // and their 404s would dilute ResilienceIT's circuit-breaker window
            TestDatabase.update("UPDATE verification_process SET next_check_at = NULL WHERE tenant = ?", TENANT);
        }
    }

    @Test
    void sigtermDrainsCompletesTheRequestsInFlightAndHandsBackTheLeases() throws Exception {
        Api api = new Api(gateway.url()).as(Tokens.portal(TENANT));
        Portal portal = new Portal(api);
        SandboxAssure sandbox = new SandboxAssure(assure.url());

        // a process whose follow-up is at Assure when SIGTERM comes: its lease is held, Assure answers in 60 s
        String[] followed = readyForVerification(portal);
        sandbox.planFault("slow", "getProcess", 1, 60_000);
        assertThat(portal.verify(followed[0], followed[1], "accepted").status()).isEqualTo(202);
        eventually(Duration.ofSeconds(20), "the follow-up holds the lease", () -> TestDatabase.single(
                "SELECT lease_owner FROM verification_process WHERE id = ?", followed[1]).get("lease_owner"),
                owner -> owner != null);

        List<String[]> processes = new ArrayList<>();
        for (int i = 0; i < IN_TIME + 2; i++) {
            processes.add(readyForVerification(portal));
        }
        // two starts Assure answers only after the limit (the first two startVerification calls it sees)...
        sandbox.planFault("slow", "startVerification", 2, 50_000);
        List<CompletableFuture<Answer>> late = new ArrayList<>();
        for (String[] p : processes.subList(0, 2)) {
            late.add(CompletableFuture.supplyAsync(() -> portal.verify(p[0], p[1], "accepted")));
        }
        Thread.sleep(1500);
        // ...and six it answers in 6 s, so they are still in flight when the drain ends
        List<CompletableFuture<Answer>> inTime = new ArrayList<>();
        for (String[] p : processes.subList(2, 2 + IN_TIME)) {
            inTime.add(CompletableFuture.supplyAsync(() -> portal.verify(p[0], p[1], "slow")));
        }
        Thread.sleep(1500);

        gateway.terminate();
        long sigterm = System.nanoTime();
        Answer ready = eventually(Duration.ofSeconds(3), Duration.ofMillis(100), "readiness says DOWN",
                () -> api.get("health/ready"), answer -> answer.status() == 503);
        assertThat(ready.text()).contains("\"shutdown\"", "draining");
        Answer served = api.get("api/v1/dossiers/" + followed[0]);
        assertThat(served.status()).as("a new request during the drain is served: " + served).isEqualTo(200);
        assertThat(served.header("Connection")).isEqualTo("close");
        // once the drain is over (4 s), a new request is refused while those in flight still run
        Thread.sleep(Math.max(0, 4500 - (System.nanoTime() - sigterm) / 1_000_000));
        Answer afterDrain = api.get("api/v1/dossiers/" + followed[0]);
        assertCleanProblem(afterDrain, 503, "unavailable");
        assertThat(afterDrain.header("Retry-After")).isEqualTo("3");

        for (CompletableFuture<Answer> answer : inTime) {
            Answer verified = answer.join();
            assertThat(verified.status()).as(verified.toString()).isEqualTo(202);
        }
        for (CompletableFuture<Answer> answer : late) {
            Answer refused = answer.join();
            assertCleanProblem(refused, 503, "unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("3");
        }
        assertThat(gateway.awaitExit(Duration.ofSeconds(60))).as("exits by itself, with status 0").isZero();

        assertThat(TestDatabase.single("SELECT lease_owner FROM verification_process WHERE id = ?", followed[1])
                .get("lease_owner")).as("the lease is handed back, not left to run out").isNull();
        String log = Files.readString(new File(LOG).toPath());
        assertThat(log).contains("Shutdown: handed back 1 follow-up leases",
                "Shutdown: 2 requests still running after 6 s were answered 503");
        for (String[] p : processes.subList(2, 2 + IN_TIME)) {
            assertThat(TestDatabase.single("SELECT status FROM verification_process WHERE id = ?", p[1])
                    .get("status")).as("the 202 was recorded").isEqualTo("PROCESSING");
        }
    }

    private static String[] readyForVerification(Portal portal) {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x30));
        return new String[]{dossierId, processId};
    }
}

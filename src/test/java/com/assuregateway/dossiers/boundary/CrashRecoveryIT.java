package com.assuregateway.dossiers.boundary;

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
import jakarta.json.JsonObject;
import java.io.File;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the gateway in the middle of an upstream write, with PostgreSQL: after a restart every process
 * is completed or clearly resumable, no event is lost and nothing exists twice at Assure; and between a
 * decision and the delivery of its event to a portal: the event is delivered after the restart. "Assure" is a
 * second server (the built-in sandbox of another gateway process), so it outlives the crash.
 */
class CrashRecoveryIT {

    private static GatewayProcess assure;
    private static GatewayProcess gateway;
    private static Api assureApi;
    private static WebhookReceiver receiver;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(TestDatabase.isPostgres(), "the crash test runs in the PostgreSQL run");
        TestDatabase.prepare();
        Map<String, String> sandbox = new LinkedHashMap<>();
        sandbox.put("gateway.sandbox.slow-delay-ms", "6000");
        sandbox.put("gateway.sandbox.processing-polls", "1");
        assure = GatewayProcess.assureSandbox("crash-assure", sandbox);
        assureApi = SandboxControl.of(assure.url());

        Map<String, String> gatewayConfig = GatewayProcess.onTestDatabaseBehind(assure);
        gatewayConfig.put("gateway.followup.interval-ms", "500");
        gatewayConfig.put("gateway.followup.initial-delay-seconds", "1");
        gatewayConfig.put("gateway.followup.max-delay-seconds", "2");
        gatewayConfig.put("gateway.followup.intent-grace-seconds", "10");
        gatewayConfig.put("gateway.followup.lease-seconds", "15");
        gatewayConfig.put("assure/mp-rest/readTimeout", "8000");
        // events to a receiver in this JVM; an attempt may hang 10 s, and its lease outlives that by 2 s
        gatewayConfig.put("gateway.webhooks.allow-private-targets", "true");
        gatewayConfig.put("gateway.webhooks.interval-ms", "300");
        gatewayConfig.put("gateway.webhooks.timeout-ms", "10000");
        gatewayConfig.put("gateway.webhooks.lease-seconds", "12");
        receiver = new WebhookReceiver();
        gateway = new GatewayProcess(GatewayProcess.freePort(), gatewayConfig, new File("target/it-logs", "crash-gateway.log")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        GatewayProcess.closeAll(gateway, assure);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void aCrashWhileStartingVerificationIsFinishedAfterRestartWithoutASecondStart() throws Exception {
        Portal portal = new Portal(new Api(gateway.url()).as(Tokens.portal("crash-tenant")));
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0xA0));

        // Assure takes 6 s to answer this start; the gateway dies 2 s into it
        CompletableFuture<Void> inFlight = inBackground(() -> portal.verify(dossierId, processId, "slow"));
        Thread.sleep(2000);
        gateway.kill();
        inFlight.handle((ok, failure) -> null).join();
        gateway.start();

        assertThat(awaitStatus(processId)).isEqualTo("ACCEPTED");
        TestDatabase.awaitArchive(processId);
        List<String> events = TestDatabase.events(processId);
        assertThat(events).contains("EVIDENCE verification.requested recorded", "STATE decision.made accepted");
        assertThat(events.stream().filter(e -> e.contains("assure.startVerification")))
                .as("the start is never repeated; the killed request never recorded an answer").isEmpty();
        assertThat(assureProcessesOf(dossierId)).hasSize(1);
    }

    @Test
    void aCrashWhileCreatingAProcessLeavesNoOrphanAtAssure() throws Exception {
        Portal portal = new Portal(new Api(gateway.url()).as(Tokens.portal("crash-tenant")));
        String dossierId = portal.newDossier();
        Answer planned = assureApi.post("sandbox/control/faults",
                "{\"fault\":\"slow\",\"operation\":\"createProcess\",\"times\":1,\"delayMs\":6000}");
        assertThat(planned.status()).isEqualTo(204);

        CompletableFuture<Void> inFlight = inBackground(() -> portal.newProcess(dossierId));
        Thread.sleep(2000);
        gateway.kill();
        inFlight.handle((ok, failure) -> null).join();
        List<Map<String, Object>> reserved = TestDatabase.query(
                "SELECT id, assure_process_id FROM verification_process WHERE dossier_id = ?", dossierId);
        assertThat(reserved).as("the intent was recorded before the call").hasSize(1);
        assertThat(reserved.get(0).get("assure_process_id")).isNull();
        gateway.start();

        String processId = (String) reserved.get(0).get("id");
        eventually(Duration.ofSeconds(40), "the reservation is resolved once no creation can be in flight",
                () -> TestDatabase.query("SELECT id FROM verification_process WHERE id = ?", processId), List::isEmpty);
        assertThat(TestDatabase.events(processId)).contains("STATE process.not-created dropped");
        assertThat(TestDatabase.query("SELECT detail FROM audit_event WHERE process_id = ? AND action = "
                + "'process.not-created'", processId).get(0).get("detail").toString()).contains("orphan");
        assertThat(assureProcessesOf(dossierId)).as("the orphan Assure made is deleted there").isEmpty();
        // the portal's retry creates a process of its own, with its session parameters
        assertThat(portal.newProcess(dossierId)).isNotBlank();
        assertThat(assureProcessesOf(dossierId)).hasSize(1);
    }

    @Test
    void aGatewayKilledBetweenTheDecisionAndTheDeliveryDeliversAfterTheRestart() throws Exception {
        Api api = new Api(gateway.url()).as(Tokens.portal("crash-hooks"));
        Answer registered = api.post("api/v1/webhook-endpoints", "{\"url\":\"" + receiver.url("crash") + "\"}");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String secret = registered.json().getString("secret");
        // the first attempt reaches a receiver that does not answer: the gateway dies while it waits
        receiver.plan("crash", WebhookReceiver.Reply.hang(60_000));
        Portal portal = new Portal(api);
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0xA7));
        assertThat(portal.verify(dossierId, processId, "accepted").status()).isEqualTo(202);

        Received cutShort = eventually(Duration.ofSeconds(60), "the decision's event is being delivered",
                () -> receiver.received("crash"), r -> !r.isEmpty()).get(0);
        gateway.kill();
        assertThat(TestDatabase.events(processId)).contains("STATE decision.made accepted");
        assertThat(TestDatabase.single("SELECT d.status, d.attempts FROM webhook_delivery d JOIN webhook_event e"
                + " ON e.id = d.event_id WHERE e.id = ?", cutShort.id()))
                .as("committed with the decision, not delivered").containsEntry("status", "PENDING");
        gateway.start();

        Map<String, Object> delivered = eventually(Duration.ofSeconds(60), "delivered after the restart",
                () -> TestDatabase.single("SELECT status, attempts FROM webhook_delivery WHERE event_id = ?",
                        cutShort.id()), d -> "DELIVERED".equals(d.get("status")));
        assertThat(((Number) delivered.get("attempts")).intValue()).as("the killed attempt was never recorded")
                .isEqualTo(1);
        List<Received> got = receiver.received("crash");
        assertThat(got).hasSize(2).allMatch(r -> r.verifiesWith(secret));
        assertThat(got).extracting(Received::id).containsOnly(cutShort.id());
        assertThat(got.get(1).body()).isEqualTo(cutShort.body()).contains(processId, "\"decision\":\"accepted\"");
    }

    private static CompletableFuture<Void> inBackground(Supplier<Object> call) {
        return CompletableFuture.runAsync(() -> {
            try {
                call.get();
            } catch (RuntimeException | AssertionError dropped) {
                // the server died under it: that is the point
            }
        });
    }

    /** The process ids Assure (the other server) has in this dossier, asked with Assure's own token. */
    private static List<String> assureProcessesOf(String dossierId) throws Exception {
        String assureDossierId = (String) TestDatabase.single("SELECT assure_dossier_id FROM dossier WHERE id = ?",
                dossierId).get("assure_dossier_id");
        Answer token = new Api(assure.url()).postForm("sandbox/auth/open/connect/token",
                "grant_type=client_credentials&scope=signicat-api",
                "Basic " + Base64.getEncoder().encodeToString("sandbox-client:sandbox-secret".getBytes()));
        JsonObject dossier = new Api(assure.url()).as(token.json().getString("access_token"))
                .get("sandbox/assure/dossiers/" + assureDossierId).json();
        return dossier.getJsonArray("processes").stream().map(p -> p.asJsonObject().getString("processId")).toList();
    }

    private static String awaitStatus(String processId) {
        return eventually(Duration.ofSeconds(60), "process " + processId + " becomes final after the restart",
                () -> (String) TestDatabase.single("SELECT status FROM verification_process WHERE id = ?",
                        processId).get("status"), status -> !status.equals("PENDING") && !status.equals("PROCESSING"));
    }

}

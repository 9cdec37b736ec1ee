package com.assuregateway.dossiers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.SandboxControl;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole FaceTec flow through the running gateway and its built-in sandbox, for every sandbox outcome,
 * checking the HTTP answers and what the database recorded.
 */
class FaceTecFlowIT extends GatewayTest {

    private static final String TENANT = "flow-tenant";

    Api api;
    Portal portal;

    @BeforeEach
    void connect() {
        api = new Api(base).as(Tokens.portal(TENANT));
        portal = new Portal(api);
    }

    @Test
    void oneDossierPerEndUser() {
        String reference = "customer-" + java.util.UUID.randomUUID();
        Answer first = api.post("api/v1/dossiers", "{\"externalReference\":\"" + reference + "\"}");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String dossierId = first.json().getString("dossierId");
        assertThat(first.header("Location")).endsWith("/api/v1/dossiers/" + dossierId);

        Answer again = api.post("api/v1/dossiers", "{\"externalReference\":\"" + reference + "\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().getString("dossierId")).isEqualTo(dossierId);

        Map<String, Object> row = TestDatabase.single(
                "SELECT id, assure_dossier_id FROM dossier WHERE external_reference = ?", reference);
        assertThat(row.get("id")).isEqualTo(dossierId);
        assertThat(row.get("assure_dossier_id")).isNotNull();
        assertThat(TestDatabase.query("SELECT action, outcome FROM audit_event WHERE dossier_id = ? "
                + "AND action = 'assure.createDossier'", dossierId)).hasSize(1);
    }

    @Test
    void acceptedWalkthroughRecordsEveryStepAndServesTheFullResult() throws IOException {
        String dossierId = portal.newDossier();
        Answer created = api.post("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonObject process = created.json();
        String processId = process.getString("processId");
        assertThat(created.header("Location")).endsWith(Portal.process(dossierId, processId));
        assertThat(process.getString("status")).isEqualTo("pending");
        JsonObject session = process.getJsonObject("facetecSession");
        assertThat(session.getString("authorization")).isNotBlank();
        assertThat(session.getString("deviceKeyIdentifier")).isNotBlank();
        assertThat(session.getString("encryptionPublicKey")).startsWith("-----BEGIN PUBLIC KEY-----\n")
                .contains("\n-----END PUBLIC KEY-----");
        assertThat(session.getString("productionKeyText")).isNotBlank();

        byte[] selfie = Portal.png(0x80);
        portal.uploadSelfie(dossierId, processId, selfie);

        Answer started = portal.verify(dossierId, processId, "accepted");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.json().getString("status")).isEqualTo("processing");

        // the sandbox answers "processing" twice (gateway.sandbox.processing-polls=2) before it decides
        Answer firstPoll = api.get(Portal.process(dossierId, processId));
        assertThat(firstPoll.json().getString("status")).isEqualTo("processing");
        assertThat(firstPoll.json().isNull("result")).isTrue();

        JsonObject result = portal.awaitFinal(dossierId, processId);
        assertThat(result.getString("status")).isEqualTo("accepted");
        assertThat(result.getString("assureStatus")).isEqualTo("accepted");
        JsonObject liveness = result.getJsonObject("result").getJsonObject("liveness");
        assertThat(liveness.getBoolean("success")).isTrue();
        assertThat(liveness.getBoolean("auditTrailVerificationCheckSucceeded")).isTrue();
        assertThat(liveness.getBoolean("replayCheckSucceeded")).isTrue();
        assertThat(liveness.getBoolean("faceScanLivenessCheckSucceeded")).isTrue();
        assertThat(liveness.getBoolean("sessionTokenCheckSucceeded")).isTrue();
        JsonObject matching = result.getJsonObject("result").getJsonObject("matching");
        assertThat(matching.getInt("matchLevel")).isEqualTo(8);
        assertThat(matching.getString("algorithm")).isEqualTo("facePortrait");
        assertThat(matching.getString("falseAcceptanceRate")).isEqualTo("1/1,000,000");
        assertThat(matching.getJsonArray("attempts")).hasSize(1);
        assertThat(result.getJsonObject("result").getJsonObject("finalResult").getBoolean("livenessDetected")).isTrue();
        assertThat(result.getJsonObject("photo").getString("sha256")).isEqualTo(sha256(selfie));

        Answer zip = api.get(Portal.process(dossierId, processId) + "/full-result");
        assertThat(zip.status()).as(zip.toString()).isEqualTo(200);
        assertThat(zip.contentType()).isEqualTo("application/zip");
        assertThat(zipEntries(zip.body())).contains("liveness.json", "matching_facePortrait.json", "selfie.png");

        Answer dossier = api.get("api/v1/dossiers/" + dossierId);
        assertThat(dossier.json().getJsonArray("processes")).hasSize(1);
        assertThat(dossier.json().getJsonArray("processes").getJsonObject(0).getString("status")).isEqualTo("accepted");

        Map<String, Object> row = TestDatabase.single("SELECT * FROM verification_process WHERE id = ?", processId);
        assertThat(row.get("status")).isEqualTo("ACCEPTED");
        assertThat(row.get("assure_status")).isEqualTo("accepted");
        assertThat(((Number) row.get("match_level")).intValue()).isEqualTo(8);
        assertThat(row.get("match_algorithm")).isEqualTo("facePortrait");
        assertThat(row.get("check_replay")).isEqualTo(true);
        assertThat(row.get("photo_sha256")).isEqualTo(sha256(selfie));
        assertThat(row.get("face_scan_sha256")).asString().hasSize(64);
        assertThat(row.get("finalized_at")).isNotNull();
        assertThat(TestDatabase.query("SELECT * FROM match_attempt WHERE process_id = ?", processId)).hasSize(1);

        assertThat(TestDatabase.events(processId)).containsSubsequence(
                "STATE process.reserved pending",
                "UPSTREAM assure.createProcess ok 201",
                "STATE process.created pending",
                "UPSTREAM assure.setImages ok 201",
                "EVIDENCE photo.set recorded",
                "EVIDENCE verification.requested recorded",
                "UPSTREAM assure.startVerification ok 200",
                "STATE verification.started processing",
                "UPSTREAM assure.getProcess ok 200",
                "UPSTREAM assure.getProcess ok 200",
                "UPSTREAM assure.getProcess ok 200",
                "STATE status.changed accepted",
                "UPSTREAM assure.getZipFile ok 200");
    }

    @Test
    void metricsMoveWithTheFlow() {
        double before = metric("gateway_processes_decided_total", "decision=\"rejected\"", "tenant=\"" + TENANT + "\"");
        double callsBefore = metric("assure_call_duration_count", "operation=\"startVerification\"");
        assertThat(finalResultOf("rejected-match").getString("status")).isEqualTo("rejected");
        assertThat(metric("gateway_processes_decided_total", "decision=\"rejected\"", "tenant=\"" + TENANT + "\""))
                .isEqualTo(before + 1);
        assertThat(metric("assure_call_duration_count", "operation=\"startVerification\""))
                .isGreaterThanOrEqualTo(callsBefore + 1);
        assertThat(new Api(base).get("metrics").text()).contains("gateway_followup_backlog", "gateway_archive_size_bytes");
    }

    /** A value of the Prometheus text at /metrics: the line of that name with all the given labels, or 0. */
    private double metric(String name, String... labels) {
        return new Api(base).get("metrics").text().lines()
                .filter(line -> line.startsWith(name + "{") && java.util.Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void theCorrelationIdOfARequestReachesItsAuditEvents() {
        String dossierId = portal.newDossier();
        String requestId = "it-" + java.util.UUID.randomUUID();
        Answer created = api.postWithHeader("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}",
                "X-Request-Id", requestId);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("X-Request-Id")).isEqualTo(requestId);
        String processId = created.json().getString("processId");
        assertThat(TestDatabase.query("SELECT action FROM audit_event WHERE process_id = ? AND correlation_id = ?",
                processId, requestId)).extracting(r -> r.get("action"))
                .contains("process.reserved", "assure.createProcess", "process.created");

        Answer made = api.post("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}");
        assertThat(made.header("X-Request-Id")).isNotBlank().isNotEqualTo(requestId);
    }

    @Test
    void inconclusiveKeepsEveryAttemptAndTheDecidingOne() {
        JsonObject result = finalResultOf("inconclusive");
        assertThat(result.getString("status")).isEqualTo("inconclusive");
        JsonObject matching = result.getJsonObject("result").getJsonObject("matching");
        assertThat(matching.getInt("matchLevel")).isEqualTo(5);
        assertThat(matching.getString("algorithm")).isEqualTo("idPhotoLowQuality");
        List<String> attempts = new ArrayList<>();
        matching.getJsonArray("attempts").forEach(a -> attempts.add(
                a.asJsonObject().getString("algorithm") + ":" + a.asJsonObject().getInt("matchLevel")));
        assertThat(attempts).containsExactly("facePortrait:4", "idPhoto:5", "idPhotoLowQuality:5");
        assertThat(TestDatabase.query("SELECT algorithm, match_level FROM match_attempt WHERE process_id = ? "
                + "ORDER BY attempt_order", result.getString("processId")))
                .extracting(r -> r.get("algorithm") + ":" + r.get("match_level"))
                .containsExactly("facePortrait:4", "idPhoto:5", "idPhotoLowQuality:5");
    }

    @Test
    void rejectedByMatch() {
        JsonObject result = finalResultOf("rejected-match");
        assertThat(result.getString("status")).isEqualTo("rejected");
        assertThat(result.getJsonObject("result").getJsonObject("matching").getInt("matchLevel")).isZero();
        assertThat(result.getJsonObject("result").getJsonObject("liveness").getBoolean("success")).isTrue();
        assertStored(result.getString("processId"), "REJECTED", 0);
    }

    @Test
    void rejectedByAFailedLivenessCheck() {
        JsonObject result = finalResultOf("rejected-liveness");
        assertThat(result.getString("status")).isEqualTo("rejected");
        JsonObject liveness = result.getJsonObject("result").getJsonObject("liveness");
        assertThat(liveness.getBoolean("faceScanLivenessCheckSucceeded")).isFalse();
        assertThat(liveness.getBoolean("success")).isFalse();
        Map<String, Object> row = TestDatabase.single(
                "SELECT check_face_scan_liveness, liveness_success FROM verification_process WHERE id = ?",
                result.getString("processId"));
        assertThat(row.get("check_face_scan_liveness")).isEqualTo(false);
        assertThat(row.get("liveness_success")).isEqualTo(false);
    }

    @Test
    void failedKeepsAssuresReason() {
        JsonObject result = finalResultOf("failed");
        assertThat(result.getString("status")).isEqualTo("failed");
        assertThat(result.getJsonObject("result").getString("failReason")).contains("Simulated provider failure");
        JsonObject liveness = result.getJsonObject("result").getJsonObject("liveness");
        assertThat(liveness.isNull("success")).as("an absent section is unknown, not a pass").isTrue();
        assertStored(result.getString("processId"), "FAILED", null);
    }

    @Test
    void theFlattenedResultShapeIsReadLikeTheNestedOne() {
        JsonObject result = finalResultOf("accepted-flat");
        assertThat(result.getString("status")).isEqualTo("accepted");
        assertThat(result.getJsonObject("result").getJsonObject("matching").getInt("matchLevel")).isEqualTo(8);
        assertThat(result.getJsonObject("result").getJsonObject("liveness").getBoolean("replayCheckSucceeded")).isTrue();
        assertStored(result.getString("processId"), "ACCEPTED", 8);
    }

    @Test
    void aSlowAssureAnswerIsWaitedFor() {
        JsonObject result = finalResultOf("slow");
        assertThat(result.getString("status")).isEqualTo("accepted");
    }

    @Test
    void anUpstreamOutageIsA503WithTraceIdAndTheStepCanBeRepeated() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x40));

        Answer outage = portal.verify(dossierId, processId, "error-5xx");
        assertThat(outage.status()).as(outage.toString()).isEqualTo(503);
        assertThat(outage.contentType()).isEqualTo("application/problem+json");
        assertThat(outage.json().getString("type")).isEqualTo("urn:assure-gateway:problem:upstream-unavailable");
        assertThat(outage.header("Retry-After")).isNotBlank();
        String traceId = outage.json().getString("upstreamTraceId");
        assertThat(traceId).matches("[0-9a-f]{32}");

        Map<String, Object> row = TestDatabase.single(
                "SELECT status, verification_started_at FROM verification_process WHERE id = ?", processId);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("verification_started_at")).isNull();
        assertThat(TestDatabase.single("SELECT http_status, upstream_trace_id FROM audit_event WHERE process_id = ? "
                + "AND action = 'assure.startVerification'", processId))
                .containsEntry("upstream_trace_id", traceId);

        Answer retried = portal.verify(dossierId, processId, "accepted");
        assertThat(retried.status()).as(retried.toString()).isEqualTo(202);
        assertThat(portal.awaitFinal(dossierId, processId).getString("status")).isEqualTo("accepted");
    }

    @Test
    void thePhotoCanBeCopiedFromAnotherProcessOfTheDossier() {
        String dossierId = portal.newDossier();
        String source = portal.newProcess(dossierId);
        byte[] photo = Portal.png(0x33);
        portal.uploadSelfie(dossierId, source, photo);
        String target = portal.newProcess(dossierId);

        Answer copied = api.putJson(Portal.process(dossierId, target) + "/selfie",
                "{\"fromProcessId\":\"" + source + "\",\"depiction\":\"selfie\"}");
        assertThat(copied.status()).as(copied.toString()).isEqualTo(204);
        Map<String, Object> row = TestDatabase.single(
                "SELECT photo_sha256, photo_source_process_id FROM verification_process WHERE id = ?", target);
        assertThat(row.get("photo_sha256")).isEqualTo(sha256(photo));
        assertThat(row.get("photo_source_process_id")).isEqualTo(source);
        assertThat(TestDatabase.events(target)).contains("UPSTREAM assure.getImages ok 200");

        Answer noFront = api.putJson(Portal.process(dossierId, target) + "/selfie",
                "{\"fromProcessId\":\"" + source + "\",\"depiction\":\"front\"}");
        assertThat(noFront.status()).as(noFront.toString()).isEqualTo(409);
        assertThat(noFront.json().getString("type")).isEqualTo("urn:assure-gateway:problem:photo-missing");

        assertThat(portal.verify(dossierId, target, "accepted").status()).isEqualTo(202);
        assertThat(portal.awaitFinal(dossierId, target).getString("status")).isEqualTo("accepted");
    }

    @Test
    void aRevokedAccessTokenIsRefreshedOnceAndTheCallSucceeds() {
        String dossierId = portal.newDossier();
        java.time.Instant revokedAt = java.time.Instant.now().minusSeconds(1);
        Answer revoked = SandboxControl.of(base).post("sandbox/control/revoke-tokens", "");
        assertThat(revoked.status()).isEqualTo(204);

        // the portal never sees the refusal: the next call (this one, or the background follow-up's) refreshes
        assertThat(portal.newProcess(dossierId)).isNotBlank();
        List<Map<String, Object>> refused = TestDatabase.query("SELECT process_id, dossier_id, action, occurred_at "
                + "FROM audit_event WHERE outcome = 'token-refused' AND occurred_at >= ? ORDER BY occurred_at",
                java.time.OffsetDateTime.ofInstant(revokedAt, java.time.ZoneOffset.UTC));
        assertThat(refused).isNotEmpty();
        // each refusal is followed by one retry with a new token, which Assure no longer refuses
        for (Map<String, Object> refusal : refused) {
            List<Object> after = TestDatabase.query("SELECT outcome FROM audit_event WHERE dossier_id = ? AND action = ? "
                            + "AND occurred_at >= ? ORDER BY occurred_at, id", refusal.get("dossier_id"),
                    refusal.get("action"), refusal.get("occurred_at")).stream().map(r -> r.get("outcome")).toList();
            assertThat(after).startsWith("token-refused");
            assertThat(after).hasSizeGreaterThan(1);
            assertThat(after.get(1)).isNotEqualTo("token-refused");
        }
    }

    private JsonObject finalResultOf(String sandboxOutcome) {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x60));
        Answer started = portal.verify(dossierId, processId, sandboxOutcome);
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        return portal.awaitFinal(dossierId, processId);
    }

    private static void assertStored(String processId, String status, Integer matchLevel) {
        Map<String, Object> row = TestDatabase.single(
                "SELECT status, match_level, finalized_at FROM verification_process WHERE id = ?", processId);
        assertThat(row.get("status")).isEqualTo(status);
        assertThat(row.get("match_level") == null ? null : ((Number) row.get("match_level")).intValue())
                .isEqualTo(matchLevel);
        assertThat(row.get("finalized_at")).isNotNull();
    }

    static String sha256(byte[] data) {
        try {
            return String.format("%064x", new BigInteger(1, MessageDigest.getInstance("SHA-256").digest(data)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> zipEntries(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}

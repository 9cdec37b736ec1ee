package com.assuregateway.dossiers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.SandboxControl;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Results a compliance officer can trust: the gateway's decision for each result shape, read through the
 * real REST client from the sandbox; the background follow-up and archive; events; the review queue.
 */
class ResultsIT extends GatewayTest {

    private static final String TENANT = "results-tenant";

    Api api;
    Portal portal;

    @BeforeEach
    void connect() {
        api = new Api(base).as(Tokens.portal(TENANT));
        portal = new Portal(api);
    }

    @Test
    void eachResultShapeIsDecidedAndStoredWithItsReason() throws IOException {
        record Shape(String name, JsonObject body, String decision, String reason, boolean agrees) {
        }
        JsonObject accepted = shape("guide-accepted");
        List<Shape> shapes = List.of(
                new Shape("flattened", shape("guide-accepted-flattened"), "ACCEPTED", "match-level-at-or-above-minimum", true),
                new Shape("nested", accepted, "ACCEPTED", "match-level-at-or-above-minimum", true),
                new Shape("inconclusive", shape("guide-inconclusive"), "INCONCLUSIVE", "match-level-below-minimum", true),
                new Shape("rejected", shape("guide-rejected"), "REJECTED", "no-match", true),
                new Shape("mixed", shape("mixed-spellings"), "REJECTED", "security-check-failed:replayCheckSucceeded", true),
                new Shape("failed", shape("missing-sections"), "FAILED", "assure-failed", true),
                new Shape("accepted-without-evidence", Json.createObjectBuilder().add("status", "accepted").build(),
                        "UNKNOWN", "liveness-unknown", false),
                new Shape("accepted-unreadable", Json.createObjectBuilder(shape("unreadable-values"))
                        .add("status", "accepted").build(), "UNKNOWN", "liveness-unknown", false));
        for (Shape shape : shapes) {
            String[] ids = startedProcess();
            Answer injected = SandboxControl.of(base).put("sandbox/control/dossiers/" + ids[2] + "/processes/" + ids[3] + "/result",
                    "application/json", shape.body().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(injected.status()).as(shape.name()).isEqualTo(204);
            JsonObject result = portal.awaitFinal(ids[0], ids[1]);

            Map<String, Object> row = TestDatabase.single("SELECT decision, decision_reason, "
                    + "decision_agrees_with_assure FROM verification_process WHERE id = ?", ids[1]);
            assertThat(row.get("decision")).as(shape.name()).isEqualTo(shape.decision());
            assertThat(row.get("decision_reason")).as(shape.name()).isEqualTo(shape.reason());
            assertThat(row.get("decision_agrees_with_assure")).as(shape.name()).isEqualTo(shape.agrees());
            assertThat(result.getJsonObject("decision").getString("outcome")).isEqualTo(shape.decision().toLowerCase());
            assertThat(TestDatabase.events(ids[1])).as(shape.name())
                    .contains("STATE decision.made " + shape.decision().toLowerCase());
            if (!shape.agrees()) {
                assertThat(TestDatabase.events(ids[1])).anyMatch(e -> e.startsWith("STATE decision.disagrees"));
            }
        }
    }

    @Test
    void aTenantsOwnMinimumDecidesAndADisagreementIsVisible() {
        Api lenient = new Api(base).as(Tokens.portal("lenient-tenant"));
        Portal lenientPortal = new Portal(lenient);
        String dossierId = lenientPortal.newDossier();
        String processId = lenientPortal.newProcess(dossierId);
        lenientPortal.uploadSelfie(dossierId, processId, Portal.png(0x71));
        assertThat(lenientPortal.verify(dossierId, processId, "inconclusive").status()).isEqualTo(202);
        JsonObject result = lenientPortal.awaitFinal(dossierId, processId);

        assertThat(result.getString("assureStatus")).isEqualTo("inconclusive");
        JsonObject decision = result.getJsonObject("decision");
        assertThat(decision.getString("outcome")).isEqualTo("accepted");
        assertThat(decision.getInt("minimumMatchLevel")).isEqualTo(5);
        assertThat(decision.getBoolean("agreesWithAssure")).isFalse();
        assertThat(TestDatabase.events(processId)).contains("STATE decision.disagrees assure-inconclusive");
    }

    @Test
    void theBackgroundFollowUpCompletesTheRecordAndArchivesItWithoutAnyPortalCall() throws Exception {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x72));
        assertThat(portal.verify(dossierId, processId, "accepted").status()).isEqualTo(202);

        Map<String, Object> archive = TestDatabase.awaitArchive(processId);
        Map<String, Object> row = TestDatabase.single("SELECT status, decision, next_check_at FROM verification_process "
                + "WHERE id = ?", processId);
        assertThat(row.get("status")).isEqualTo("ACCEPTED");
        assertThat(row.get("decision")).isEqualTo("ACCEPTED");
        assertThat(row.get("next_check_at")).isNull();
        List<String> events = TestDatabase.events(processId);
        assertThat(events.stream().filter(e -> e.equals("UPSTREAM assure.getProcess ok 200")))
                .as("processing twice, then final: three looks, all by the follow-up").hasSize(3);
        assertThat(events).containsSubsequence("STATE status.changed accepted", "UPSTREAM assure.getZipFile ok 200",
                "EVIDENCE archive.stored recorded");
        assertThat(archive.get("key_id")).as("sealed with the key the servers are configured with").isEqualTo("it");
        assertThat((byte[]) archive.get("ciphertext")).isNotEmpty();

        Answer zip = api.get(Portal.process(dossierId, processId) + "/full-result");
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.header("X-Full-Result-Source")).isEqualTo("archive");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip.body())))
                .isEqualTo(archive.get("sha256"));
        JsonObject view = api.get(Portal.process(dossierId, processId)).json();
        assertThat(view.getJsonObject("archive").getString("sha256")).isEqualTo(archive.get("sha256"));
        assertThat(view.getJsonObject("archive").getJsonNumber("sizeBytes").longValue())
                .isEqualTo(((Number) archive.get("size_bytes")).longValue());
        assertThat(view.getJsonObject("archive").getString("archivedAt")).isNotBlank();

        // served from the archive even when Assure no longer has the dossier
        String assureDossierId = (String) TestDatabase.single("SELECT assure_dossier_id FROM dossier WHERE id = ?",
                dossierId).get("assure_dossier_id");
        assertThat(TestDatabase.events(processId).stream().filter(e -> e.contains("getZipFile"))).hasSize(1);
        assertThat(assureDossierId).isNotBlank();
    }

    @Test
    void anEventFromAssureOnlyTriggersARefetch() {
        String[] ids = startedProcess();
        String event = Json.createObjectBuilder().add("type", "process.complete")
                .add("data", Json.createObjectBuilder().add("processId", ids[3]).add("status", "rejected")).build().toString();

        Answer unsigned = api.post("api/v1/assure-events", event);
        assertThat(unsigned.status()).isEqualTo(401);
        Answer signed = new Api(base).postWithHeader("api/v1/assure-events", event, "X-Assure-Event-Secret", "it-event-secret");
        assertThat(signed.status()).as(signed.toString()).isEqualTo(202);
        assertThat(signed.json().getInt("followUpsScheduled")).isEqualTo(1);

        JsonObject result = portal.awaitFinal(ids[0], ids[1]);
        assertThat(result.getString("status")).as("the event's own status is never trusted").isEqualTo("accepted");
        assertThat(TestDatabase.events(ids[1])).contains("STATE followup.requested scheduled");
    }

    @Test
    void inconclusiveProcessesWaitForAReviewerAndKeepTheirDecision() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x73));
        assertThat(portal.verify(dossierId, processId, "inconclusive").status()).isEqualTo(202);
        portal.awaitFinal(dossierId, processId);

        Api reviewer = new Api(base).as(Tokens.of(List.of("reviewer"), null));
        assertThat(queue(reviewer, "")).contains(processId);
        assertThat(queue(reviewer, "?limit=1")).hasSize(1);
        assertThat(reviewer.get("api/v1/reviews?limit=0").status()).isEqualTo(400);
        assertThat(api.get("api/v1/reviews").status()).as("portals do not review").isEqualTo(403);

        String path = Portal.process(dossierId, processId) + "/review";
        assertThat(reviewer.post(path, "{\"outcome\":\"maybe\",\"reason\":\"\"}").status()).isEqualTo(400);
        Answer reviewed = reviewer.post(path, "{\"outcome\":\"approve\",\"reason\":\"ID photo is old; same person\"}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().getJsonObject("review").getString("outcome")).isEqualTo("approve");
        assertThat(reviewed.json().getJsonObject("review").getString("reviewedBy")).isEqualTo("it-reviewer");
        assertThat(reviewed.json().getJsonObject("decision").getString("outcome")).isEqualTo("inconclusive");

        assertThat(queue(reviewer, "")).doesNotContain(processId);
        assertThat(reviewer.post(path, "{\"outcome\":\"reject\",\"reason\":\"second thoughts\"}").status()).isEqualTo(409);
        assertThat(TestDatabase.events(processId)).contains("STATE review.approve approve");
        assertThat(TestDatabase.single("SELECT reviewed_by, review_reason FROM verification_process WHERE id = ?",
                processId)).containsEntry("reviewed_by", "it-reviewer");
    }

    @Test
    void underFourEyesTheApiTakesTwoReviewersAndAClaimHoldsOthersOff() {
        Api portalApi = new Api(base).as(Tokens.portal("four-eyes-tenant"));
        Portal fourEyes = new Portal(portalApi);
        String dossierId = fourEyes.newDossier();
        String processId = fourEyes.newProcess(dossierId);
        fourEyes.uploadSelfie(dossierId, processId, Portal.png(0x74));
        assertThat(fourEyes.verify(dossierId, processId, "inconclusive").status()).isEqualTo(202);
        fourEyes.awaitFinal(dossierId, processId);
        String path = Portal.process(dossierId, processId) + "/review";
        Api first = new Api(base).as(Tokens.withSubject("it-first-reviewer", List.of("reviewer"), null));
        Api second = new Api(base).as(Tokens.withSubject("it-second-reviewer", List.of("reviewer"), null));
        String approve = "{\"outcome\":\"approve\",\"reason\":\"Same person, older photo\"}";

        // a claim taken in the console holds every other reviewer off, the API's too
        TestDatabase.update("INSERT INTO review_claim (process_id, reviewer, expires_at) VALUES (?, ?, ?)", processId,
                "it-claimant", java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(600)));
        Answer held = first.post(path, approve);
        assertThat(held.status()).as(held.toString()).isEqualTo(409);
        assertThat(held.json().getString("detail")).startsWith("it-claimant holds this process");
        TestDatabase.update("DELETE FROM review_claim WHERE process_id = ?", processId);

        Answer proposed = first.post(path, approve);
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(202);
        assertThat(proposed.json().isNull("review")).as("a proposal is not a review").isTrue();
        assertThat(proposed.json().getJsonObject("reviewProposal").getString("proposedBy")).isEqualTo("it-first-reviewer");
        assertThat(queue(second, "")).as("still awaiting review").contains(processId);
        assertThat(portalApi.get(Portal.process(dossierId, processId)).json().isNull("review")).isTrue();
        assertThat(first.post(path, approve).status()).as("the proposer does not confirm").isEqualTo(409);
        assertThat(second.post(path, "{\"outcome\":\"reject\",\"reason\":\"Not the same\"}").status())
                .as("only the same outcome confirms").isEqualTo(409);

        Answer confirmed = second.post(path, "{\"outcome\":\"approve\",\"reason\":\"Agreed\"}");
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        JsonObject review = confirmed.json().getJsonObject("review");
        assertThat(review.getString("outcome")).isEqualTo("approve");
        assertThat(review.getString("reviewedBy")).isEqualTo("it-first-reviewer");
        assertThat(review.getString("reason")).isEqualTo("Same person, older photo\nConfirmed by it-second-reviewer: Agreed");
        assertThat(confirmed.json().isNull("reviewProposal")).isTrue();
        assertThat(queue(second, "")).doesNotContain(processId);
        assertThat(TestDatabase.events(processId)).containsSubsequence("STATE review.proposed approve",
                "STATE review.approve approve");
        assertThat(TestDatabase.query("SELECT process_id FROM review_proposal WHERE process_id = ?", processId)).isEmpty();
    }

    private static List<String> queue(Api reviewer, String query) {
        Answer queue = reviewer.get("api/v1/reviews" + query);
        assertThat(queue.status()).as(queue.toString()).isEqualTo(200);
        return Json.createReader(new java.io.StringReader(queue.text())).readArray().stream()
                .map(p -> p.asJsonObject().getString("processId")).toList();
    }

    /** dossierId, processId, and Assure's ids of both, of a process whose verification has started. */
    private String[] startedProcess() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x70));
        assertThat(portal.verify(dossierId, processId, "accepted").status()).isEqualTo(202);
        Map<String, Object> ids = TestDatabase.single("SELECT d.assure_dossier_id, p.assure_process_id FROM dossier d "
                + "JOIN verification_process p ON p.dossier_id = d.id WHERE p.id = ?", processId);
        return new String[]{dossierId, processId, (String) ids.get("assure_dossier_id"),
                (String) ids.get("assure_process_id")};
    }


    private static JsonObject shape(String name) {
        try (InputStream in = ResultsIT.class.getResourceAsStream("/assure-results/" + name + ".json")) {
            return Json.createReader(in).readObject();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

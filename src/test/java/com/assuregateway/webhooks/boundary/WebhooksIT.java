package com.assuregateway.webhooks.boundary;

import static com.assuregateway.testsupport.Eventually.eventually;
import static com.assuregateway.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import com.assuregateway.testsupport.WebhookReceiver;
import com.assuregateway.testsupport.WebhookReceiver.Received;
import com.assuregateway.testsupport.WebhookReceiver.Reply;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Signed events to portals, end to end: a real receiver in the test JVM ({@link WebhookReceiver}) that checks
 * every signature with the official Standard Webhooks verifier, endpoints managed through the API, events
 * caused by the real flow (decision, review, erasure), retries, 410, exhaustion, replay and secret rotation.
 * The server retries on a schedule of seconds (arquillian.xml: {@code 1s,1s,1s}, so four attempts, and a
 * 1.5 s limit per attempt).
 */
class WebhooksIT extends GatewayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static WebhookReceiver receiver;

    @BeforeAll
    static void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterAll
    static void stopReceiver() {
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void everyEventOfTheFlowArrivesSignedWithIdsAndStatusesOnly() {
        String tenant = "hooks-" + UUID.randomUUID();
        Api api = new Api(base).as(Tokens.portal(tenant));
        Registered all = register(api, "all-" + tenant, null);
        Registered erasures = register(api, "erasures-" + tenant, List.of("dossier.erased"));
        assertThat(all.secret()).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(all.secret().substring("whsec_".length()))).hasSize(32);

        Answer shown = api.get("api/v1/webhook-endpoints/" + all.id());
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.text()).doesNotContain(all.secret()).doesNotContain("secret\"");
        assertThat(shown.json().getString("url")).isEqualTo(receiver.url("all-" + tenant));
        assertThat(ids(api.get("api/v1/webhook-endpoints"))).containsExactlyInAnyOrder(all.id(), erasures.id());
        String sealed = (String) TestDatabase.single("SELECT secret_sealed FROM webhook_endpoint WHERE id = ?",
                all.id()).get("secret_sealed");
        assertThat(sealed).as("the secret is sealed at rest")
                .doesNotContain(all.secret()).doesNotContain(all.secret().substring("whsec_".length()));

        assertThat(api.post("api/v1/webhook-endpoints/" + all.id() + "/test", "").status()).isEqualTo(202);

        // the flow: a decision that needs a review, the review, the erasure
        Portal portal = new Portal(api);
        String dossierId = portal.newDossier();
        Answer created = api.post("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}");
        assertThat(created.status()).isEqualTo(201);
        String processId = created.json().getString("processId");
        JsonObject session = created.json().getJsonObject("facetecSession");
        byte[] photo = Portal.png(0x5A);
        portal.uploadSelfie(dossierId, processId, photo);
        String faceScan = Portal.faceScan();
        assertThat(api.post(Portal.process(dossierId, processId) + "/verification",
                Portal.enrollment("inconclusive", faceScan)).status()).isEqualTo(202);
        portal.awaitFinal(dossierId, processId);
        Api reviewer = new Api(base).as(Tokens.of(List.of("reviewer"), null));
        assertThat(reviewer.post(Portal.process(dossierId, processId) + "/review",
                "{\"outcome\":\"approve\",\"reason\":\"same person, older photo\"}").status()).isEqualTo(200);
        // the erasure deletes the review's event (it quotes the reviewer's text): it is awaited first
        eventually(WAIT, "the review's event delivered", () -> receiver.received("all-" + tenant),
                r -> r.stream().anyMatch(request -> request.body().contains("process.reviewed")));
        assertThat(api.delete("api/v1/dossiers/" + dossierId).status()).isEqualTo(204);

        List<Received> got = eventually(WAIT, "the four events at the endpoint for all types",
                () -> receiver.received("all-" + tenant), r -> r.size() >= 4);
        assertThat(got).hasSize(4).allMatch(r -> r.verifiesWith(all.secret()), "verifies with the endpoint's secret")
                .noneMatch(r -> r.verifiesWith(erasures.secret()));
        assertThat(got).extracting(Received::id).doesNotHaveDuplicates().allMatch(id -> id.startsWith("msg_"));
        Map<String, JsonObject> byType = new java.util.HashMap<>();
        got.forEach(r -> byType.put(json(r).getString("type"), json(r)));
        assertThat(byType).containsOnlyKeys("webhook.test", "process.finalized", "process.reviewed", "dossier.erased");
        byType.values().forEach(body -> assertThat(body.keySet()).containsExactly("type", "timestamp", "data"));

        JsonObject finalized = byType.get("process.finalized").getJsonObject("data");
        assertThat(finalized.getString("processId")).isEqualTo(processId);
        assertThat(finalized.getString("dossierId")).isEqualTo(dossierId);
        assertThat(finalized.getString("status")).isEqualTo("inconclusive");
        assertThat(finalized.getString("decision")).isEqualTo("inconclusive");
        assertThat(finalized.getString("decisionReason")).isNotBlank();
        assertThat(finalized.getString("assureStatus")).isEqualTo("inconclusive");
        JsonObject reviewed = byType.get("process.reviewed").getJsonObject("data");
        assertThat(reviewed.getString("outcome")).isEqualTo("approve");
        assertThat(reviewed.getString("reviewerRole")).isEqualTo("reviewer");
        assertThat(reviewed.isNull("reviewer")).as("the reviewer's identity only when configured").isTrue();
        assertThat(byType.get("dossier.erased").getJsonObject("data").getString("dossierId")).isEqualTo(dossierId);
        assertThat(byType.get("webhook.test").getJsonObject("data").getString("endpointId")).isEqualTo(all.id());

        List<Received> erased = eventually(WAIT, "dossier.erased at the endpoint for erasures only",
                () -> receiver.received("erasures-" + tenant), r -> !r.isEmpty());
        assertThat(erased).hasSize(1).allMatch(r -> r.verifiesWith(erasures.secret()));
        assertThat(json(erased.get(0)).getString("type")).isEqualTo("dossier.erased");

        // nothing of the evidence, its fingerprints, the FaceTec session or the person's reference
        Map<String, Object> record = TestDatabase.single("SELECT face_scan_sha256, photo_sha256 FROM "
                + "verification_process WHERE id = ?", processId);
        List<String> secrets = new ArrayList<>(List.of(faceScan.substring(0, 40),
                Base64.getEncoder().encodeToString(photo).substring(0, 40),
                session.getString("authorization"), session.getString("deviceKeyIdentifier"),
                session.getString("productionKeyText"), "customer-", "externalReference"));
        record.values().stream().filter(v -> v != null).forEach(v -> secrets.add(v.toString()));
        for (Received request : receiver.all()) {
            for (String secret : secrets) {
                assertThat(request.body()).as("payload of " + request.id()).doesNotContain(secret);
            }
        }
        assertThat(TestDatabase.query("SELECT id FROM webhook_event WHERE dossier_id = ? AND type = ?", dossierId,
                "process.reviewed")).as("the erasure took the event quoting the reviewer").isEmpty();
        assertThat(deliveries(api, all.id())).hasSize(3).allSatisfy(d -> {
            assertThat(d.getString("status")).isEqualTo("delivered");
            assertThat(d.getInt("attempts")).isEqualTo(1);
            assertThat(d.getInt("lastStatus")).isEqualTo(204);
            assertThat(d.getString("deliveredAt")).isNotBlank();
        });
    }

    @Test
    void aFailingReceiverGetsTheSameIdAndBodyUntilItAnswers2xx() {
        Api api = portalApi();
        String path = "flaky-" + UUID.randomUUID();
        Registered endpoint = register(api, path, null);
        // a 500 asking for 4 s (the schedule alone waits 1 to 1.2 s), then no answer within the 1.5 s limit, then 200
        receiver.plan(path, new Reply(500, "4", 0), Reply.hang(4000), Reply.status(200));
        String deliveryId = api.post("api/v1/webhook-endpoints/" + endpoint.id() + "/test", "").json()
                .getString("deliveryId");

        JsonObject delivery = eventually(WAIT, "delivered on the third attempt", () -> delivery(api, endpoint.id(),
                deliveryId), d -> d.getString("status").equals("delivered"));
        assertThat(delivery.getInt("attempts")).isEqualTo(3);
        assertThat(delivery.getInt("lastStatus")).isEqualTo(200);
        List<Received> got = receiver.received(path);
        assertThat(got).hasSize(3).allMatch(r -> r.verifiesWith(endpoint.secret()));
        assertThat(got).extracting(Received::id).containsOnly(delivery.getString("eventId"));
        assertThat(got).extracting(Received::body).containsOnly(got.get(0).body());
        List<Long> timestamps = got.stream().map(r -> Long.parseLong(r.header("webhook-timestamp"))).toList();
        assertThat(timestamps.get(1) - timestamps.get(0)).as("Retry-After: 4 honoured").isGreaterThanOrEqualTo(3);
        assertThat(timestamps).isSorted();
    }

    @Test
    void goneDisablesTheEndpointAndAnExhaustedDeliveryIsReplayedUnchanged() {
        Api api = portalApi();
        String gonePath = "gone-" + UUID.randomUUID();
        Registered gone = register(api, gonePath, null);
        receiver.answer(gonePath, Reply.status(410));
        String goneDelivery = api.post("api/v1/webhook-endpoints/" + gone.id() + "/test", "").json()
                .getString("deliveryId");
        eventually(WAIT, "the endpoint disabled by 410", () -> api.get("api/v1/webhook-endpoints/" + gone.id()).json(),
                e -> !e.getBoolean("enabled"));
        JsonObject canceled = delivery(api, gone.id(), goneDelivery);
        assertThat(canceled.getString("status")).isEqualTo("canceled");
        assertThat(canceled.getInt("lastStatus")).isEqualTo(410);
        assertProblem(api.post("api/v1/webhook-endpoints/" + gone.id() + "/test", ""), 409, "wrong-state");
        assertThat(receiver.received(gonePath)).hasSize(1);
        // the receiver is back: enabled again, the endpoint takes events, and the canceled one is replayed
        receiver.answer(gonePath, Reply.status(204));
        Answer enabled = api.post("api/v1/webhook-endpoints/" + gone.id() + "/enable", "");
        assertThat(enabled.status()).as(enabled.toString()).isEqualTo(200);
        assertThat(enabled.json().getBoolean("enabled")).isTrue();
        assertThat(enabled.json().isNull("disabledAt")).isTrue();
        assertThat(api.post("api/v1/webhook-endpoints/" + gone.id() + "/deliveries/" + goneDelivery + "/replay", "")
                .status()).isEqualTo(202);
        eventually(WAIT, "the replayed event delivered to the endpoint enabled again",
                () -> receiver.received(gonePath), got -> got.size() == 2);
        assertThat(receiver.received(gonePath).get(1).id()).isEqualTo(receiver.received(gonePath).get(0).id());
        assertThat(delivery(api, gone.id(), goneDelivery).getString("status")).as("canceled stays canceled")
                .isEqualTo("canceled");
        // the log in pages: newest first, a full page links the next, which starts after its last delivery
        String log = "api/v1/webhook-endpoints/" + gone.id() + "/deliveries";
        Answer firstPage = api.get(log + "?limit=1");
        assertThat(firstPage.status()).as(firstPage.toString()).isEqualTo(200);
        JsonArray onePage = Json.createReader(new StringReader(firstPage.text())).readArray();
        assertThat(onePage).hasSize(1);
        String newest = onePage.getJsonObject(0).getString("deliveryId");
        assertThat(newest).as("the replay is newer").isNotEqualTo(goneDelivery);
        String next = firstPage.header("Link");
        assertThat(next).endsWith("; rel=\"next\"").contains("after=" + newest);
        Answer secondPage = api.get(log + "?limit=1&after=" + newest);
        assertThat(Json.createReader(new StringReader(secondPage.text())).readArray().getJsonObject(0)
                .getString("deliveryId")).isEqualTo(goneDelivery);
        assertThat(api.get(log + "?limit=2&after=" + goneDelivery).text()).isEqualTo("[]");
        assertThat(api.get(log + "?limit=3").header("Link")).as("not a full page").isNull();
        assertProblem(api.get(log + "?limit=0"), 400, "validation");
        assertProblem(api.get(log + "?after=" + UUID.randomUUID()), 400, "validation");

        String downPath = "down-" + UUID.randomUUID();
        Registered down = register(api, downPath, null);
        receiver.answer(downPath, Reply.status(503));
        String first = api.post("api/v1/webhook-endpoints/" + down.id() + "/test", "").json().getString("deliveryId");
        JsonObject exhausted = eventually(WAIT, "exhausted after the schedule", () -> delivery(api, down.id(), first),
                d -> d.getString("status").equals("exhausted"));
        assertThat(exhausted.getInt("attempts")).isEqualTo(4);
        assertThat(exhausted.getInt("lastStatus")).isEqualTo(503);
        assertThat(exhausted.getString("lastError")).isEqualTo("HTTP 503");
        assertThat(exhausted.isNull("nextAttemptAt")).isTrue();
        assertThat(receiver.received(downPath)).hasSize(4);

        receiver.answer(downPath, Reply.status(200));
        Answer replay = api.post("api/v1/webhook-endpoints/" + down.id() + "/deliveries/" + first + "/replay", "");
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        assertThat(replay.json().getString("replayOf")).isEqualTo(first);
        assertThat(replay.json().getString("eventId")).isEqualTo(exhausted.getString("eventId"));
        String again = replay.json().getString("deliveryId");
        eventually(WAIT, "the replay delivered", () -> delivery(api, down.id(), again),
                d -> d.getString("status").equals("delivered"));
        List<Received> got = receiver.received(downPath);
        assertThat(got).hasSize(5).allMatch(r -> r.verifiesWith(down.secret()));
        assertThat(got).extracting(Received::id).containsOnly(exhausted.getString("eventId"));
        assertThat(got).extracting(Received::body).containsOnly(got.get(0).body());
        assertProblem(api.post("api/v1/webhook-endpoints/" + down.id() + "/deliveries/" + goneDelivery + "/replay",
                ""), 404, "not-found");
    }

    @Test
    void afterARotationBothSecretsSignUntilTheOverlapEnds() {
        Api api = portalApi();
        String path = "rotated-" + UUID.randomUUID();
        Registered endpoint = register(api, path, null);
        Answer rotated = api.post("api/v1/webhook-endpoints/" + endpoint.id() + "/rotate-secret", "");
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String newSecret = rotated.json().getString("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(endpoint.secret());
        assertThat(rotated.json().getString("previousSecretUntil")).isNotBlank();

        api.post("api/v1/webhook-endpoints/" + endpoint.id() + "/test", "");
        Received request = eventually(WAIT, "the test event", () -> receiver.received(path), r -> !r.isEmpty()).get(0);
        assertThat(request.header("webhook-signature").split(" ")).hasSize(2);
        assertThat(request.signaturesBy(newSecret)).containsExactly(true, false);
        assertThat(request.signaturesBy(endpoint.secret())).containsExactly(false, true);
        assertThat(request.verifiesWith(newSecret)).isTrue();
        assertThat(request.verifiesWith(endpoint.secret())).isTrue();
        assertThat(request.verifiesWith("whsec_" + Base64.getEncoder().encodeToString(new byte[32]))).isFalse();
    }

    @Test
    void endpointsBelongToTheirTenantAndBadRegistrationsAreRefused() {
        Api api = portalApi();
        Registered endpoint = register(api, "scoped-" + UUID.randomUUID(), null);
        Api stranger = new Api(base).as(Tokens.portal("another-" + UUID.randomUUID()));
        assertProblem(stranger.get("api/v1/webhook-endpoints/" + endpoint.id()), 404, "not-found");
        assertProblem(stranger.delete("api/v1/webhook-endpoints/" + endpoint.id()), 404, "not-found");
        assertProblem(stranger.post("api/v1/webhook-endpoints/" + endpoint.id() + "/rotate-secret", ""), 404,
                "not-found");
        assertThat(ids(stranger.get("api/v1/webhook-endpoints"))).doesNotContain(endpoint.id());
        assertProblem(new Api(base).as(Tokens.of(List.of("auditor"), null)).get("api/v1/webhook-endpoints"), 403,
                "forbidden");

        Api admin = new Api(base).as(Tokens.of(List.of("admin"), null));
        assertThat(ids(admin.get("api/v1/webhook-endpoints"))).contains(endpoint.id());
        assertProblem(admin.post("api/v1/webhook-endpoints", body(receiver.url("x"), null)), 400, "validation");
        Answer forTenant = admin.post("api/v1/webhook-endpoints",
                "{\"url\":\"" + receiver.url("admin-made") + "\",\"tenant\":\"some-tenant\"}");
        assertThat(forTenant.status()).as(forTenant.toString()).isEqualTo(201);
        assertThat(forTenant.json().getJsonObject("endpoint").getString("tenant")).isEqualTo("some-tenant");

        assertProblem(api.post("api/v1/webhook-endpoints", body("ftp://127.0.0.1/in", null)), 400, "validation");
        assertProblem(api.post("api/v1/webhook-endpoints", body("not a url", null)), 400, "validation");
        assertProblem(api.post("api/v1/webhook-endpoints", body(receiver.url("x"), List.of("process.exploded"))), 400,
                "validation");
        assertProblem(api.post("api/v1/webhook-endpoints", "{\"url\":\"" + receiver.url("x")
                + "\",\"tenant\":\"someone-else\"}"), 400, "validation");

        assertThat(api.delete("api/v1/webhook-endpoints/" + endpoint.id()).status()).isEqualTo(204);
        assertProblem(api.get("api/v1/webhook-endpoints/" + endpoint.id()), 404, "not-found");
    }

    private record Registered(String id, String secret) {
    }

    private Api portalApi() {
        return new Api(base).as(Tokens.portal("hooks-" + UUID.randomUUID()));
    }

    private static Registered register(Api api, String path, List<String> events) {
        Answer answer = api.post("api/v1/webhook-endpoints", body(receiver.url(path), events));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        assertThat(answer.header("Location")).endsWith(answer.json().getJsonObject("endpoint").getString("endpointId"));
        return new Registered(answer.json().getJsonObject("endpoint").getString("endpointId"),
                answer.json().getString("secret"));
    }

    private static String body(String url, List<String> events) {
        var json = Json.createObjectBuilder().add("url", url);
        if (events != null) {
            json.add("events", Json.createArrayBuilder(events));
        }
        return json.build().toString();
    }

    private static JsonObject json(Received request) {
        return Json.createReader(new StringReader(request.body())).readObject();
    }

    private static List<String> ids(Answer list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return array(list).stream().map(e -> e.asJsonObject().getString("endpointId")).toList();
    }

    private static List<JsonObject> deliveries(Api api, String endpointId) {
        Answer answer = api.get("api/v1/webhook-endpoints/" + endpointId + "/deliveries");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return array(answer).stream().map(v -> v.asJsonObject()).toList();
    }

    private static JsonObject delivery(Api api, String endpointId, String deliveryId) {
        return deliveries(api, endpointId).stream().filter(d -> d.getString("deliveryId").equals(deliveryId))
                .findFirst().orElseThrow();
    }

    private static JsonArray array(Answer answer) {
        return Json.createReader(new StringReader(answer.text())).readArray();
    }
}

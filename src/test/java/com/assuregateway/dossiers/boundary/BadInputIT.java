package com.assuregateway.dossiers.boundary;

import static com.assuregateway.testsupport.ProblemAssert.assertCleanProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.ServerLog;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input that is not what the API expects: a problem+json answer with a stable type and a clear detail,
 * and nothing half-written in the database.
 */
class BadInputIT extends GatewayTest {

    private static final String TENANT = "bad-input-tenant";

    Api api;
    Portal portal;

    @BeforeEach
    void connect() {
        api = new Api(base).as(Tokens.portal(TENANT));
        portal = new Portal(api);
    }

    @Test
    void malformedJsonIs400AndCreatesNothing() {
        long before = count("dossier");
        Answer answer = api.post("api/v1/dossiers", "{\"externalReference\": ");
        assertCleanProblem(answer, 400, "malformed-body");
        assertThat(count("dossier")).isEqualTo(before);
    }

    @Test
    void aBlankOrOverlongReferenceNamesTheField() {
        Answer blank = api.post("api/v1/dossiers", "{\"externalReference\": \"  \"}");
        assertCleanProblem(blank, 400, "validation");
        assertThat(blank.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("externalReference");

        Answer missing = api.post("api/v1/dossiers", "{}");
        assertCleanProblem(missing, 400, "validation");

        Answer overlong = api.post("api/v1/dossiers", "{\"externalReference\": \"" + "x".repeat(201) + "\"}");
        assertCleanProblem(overlong, 400, "validation");
        assertThat(overlong.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                .isEqualTo("externalReference");
    }

    @Test
    void aWrongMediaTypeIs415() {
        Answer answer = api.put("api/v1/dossiers", "text/plain", "hello".getBytes(StandardCharsets.UTF_8));
        assertThat(answer.status()).isIn(405, 415);
        Answer text = api.put(Portal.process(portal.newDossier(), "x") + "/selfie", "text/plain",
                "hello".getBytes(StandardCharsets.UTF_8));
        assertCleanProblem(text, 415, "unsupported-media-type");
    }

    @Test
    void unknownIdsAre404() {
        assertCleanProblem(api.get("api/v1/dossiers/" + UUID.randomUUID()), 404, "not-found");
        String dossierId = portal.newDossier();
        assertCleanProblem(api.get(Portal.process(dossierId, UUID.randomUUID().toString())), 404, "not-found");
        assertCleanProblem(api.post("api/v1/dossiers/" + UUID.randomUUID() + "/processes", "{\"provider\":\"facetec\"}"),
                404, "not-found");
        assertCleanProblem(api.get("api/v1/nothing-here"), 404, "not-found");
    }

    @Test
    void aProcessOfAnotherDossierIsNotFound() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        String otherDossier = portal.newDossier();
        assertCleanProblem(api.get(Portal.process(otherDossier, processId)), 404, "not-found");
    }

    @Test
    void onlyFaceTecProcessesAreOrchestrated() {
        String dossierId = portal.newDossier();
        long before = count("verification_process");
        Answer answer = api.post("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"onfido\"}");
        assertCleanProblem(answer, 400, "validation");
        assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("provider");
        assertThat(count("verification_process")).isEqualTo(before);
    }

    @Test
    void anImageThatIsNotAJpegOrPngIsRefusedByItsBytes() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        Answer answer = api.put(Portal.process(dossierId, processId) + "/selfie", "image/jpeg",
                "GIF89a definitely not a jpeg".getBytes(StandardCharsets.US_ASCII));
        assertCleanProblem(answer, 415, "unsupported-image");
        assertThat(TestDatabase.single("SELECT photo_sha256 FROM verification_process WHERE id = ?", processId)
                .get("photo_sha256")).isNull();
        assertThat(TestDatabase.events(processId)).noneMatch(e -> e.contains("setImages") || e.contains("photo.set"));

        Answer empty = api.put(Portal.process(dossierId, processId) + "/selfie", "image/png", new byte[0]);
        assertCleanProblem(empty, 400, "validation");
    }

    @Test
    void aPhotoOverTheLimitIs413() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(Portal.png(1), 0, huge, 0, 8);
        assertCleanProblem(api.put(Portal.process(dossierId, processId) + "/selfie", "image/png", huge), 413,
                "payload-too-large");
    }

    @Test
    void aVerificationWithoutAPhotoIs409AndNeverReachesAssure() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        Answer answer = portal.verify(dossierId, processId, "accepted");
        assertCleanProblem(answer, 409, "photo-missing");
        Map<String, Object> row = TestDatabase.single(
                "SELECT status, verification_started_at, face_scan_sha256 FROM verification_process WHERE id = ?",
                processId);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("verification_started_at")).isNull();
        assertThat(row.get("face_scan_sha256")).isNull();
        assertThat(TestDatabase.events(processId)).noneMatch(e -> e.contains("startVerification"));
    }

    @Test
    void anIncompleteEnrollmentNamesEachMissingField() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        Answer answer = api.post(Portal.process(dossierId, processId) + "/verification",
                "{\"facetecEnrollment\":{\"faceScan\":\"\",\"userAgent\":\"ua\"},\"imageDepiction\":\"back\"}");
        assertCleanProblem(answer, 400, "validation");
        assertThat(answer.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList())
                .containsExactlyInAnyOrder("facetecEnrollment.faceScan", "facetecEnrollment.auditTrailImage",
                        "facetecEnrollment.lowQualityAuditTrailImage", "imageDepiction");
        Answer none = api.post(Portal.process(dossierId, processId) + "/verification", "{}");
        assertCleanProblem(none, 400, "validation");
    }

    @Test
    void aSecondVerificationAndALatePhotoAre409() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x11));
        assertThat(portal.verify(dossierId, processId, "accepted").status()).isEqualTo(202);

        assertCleanProblem(portal.verify(dossierId, processId, "accepted"), 409, "wrong-state");
        assertCleanProblem(api.put(Portal.process(dossierId, processId) + "/selfie", "image/png", Portal.png(0x12)),
                409, "wrong-state");
        assertThat(TestDatabase.events(processId).stream().filter(e -> e.contains("assure.startVerification")))
                .hasSize(1);
    }

    @Test
    void theFullResultBeforeAFinalStatusIs409() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        assertCleanProblem(api.get(Portal.process(dossierId, processId) + "/full-result"), 409, "wrong-state");
    }

    @Test
    void nulAndControlCharactersInTextFieldsAre400AndStoreNothing() {
        long before = count("dossier");
        for (String reference : new String[]{"a\\u0000b", "customer-42\\r\\nforged", "a\\u001b[31mb", "a\\ud800"}) {
            Answer answer = api.post("api/v1/dossiers", "{\"externalReference\": \"" + reference + "\"}");
            assertCleanProblem(answer, 400, "validation");
            assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo("externalReference");
        }
        assertThat(count("dossier")).isEqualTo(before);

        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x21));
        Answer verification = api.post(Portal.process(dossierId, processId) + "/verification",
                "{\"facetecEnrollment\":{\"faceScan\":\"AAAA\",\"auditTrailImage\":\"AAAA\","
                        + "\"lowQualityAuditTrailImage\":\"AAAA\",\"userAgent\":\"ua\\u0000\"}}");
        assertCleanProblem(verification, 400, "validation");
        assertThat(TestDatabase.events(processId)).noneMatch(e -> e.contains("startVerification"));
        Answer copy = api.putJson(Portal.process(dossierId, processId) + "/selfie",
                "{\"fromProcessId\":\"x\\u0000\",\"depiction\":\"front\"}");
        assertCleanProblem(copy, 400, "validation");
    }

    @Test
    void controlCharactersInQueryParametersOrPathsAre400() {
        Answer query = api.get("api/v1/audit/processes?externalReference=a%00b&tenant=" + TENANT);
        assertCleanProblem(query, 400, "validation");
        assertThat(query.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("externalReference");
        assertCleanProblem(api.get("api/v1/audit/processes.csv?externalReference=a%0d%0ab"), 400, "validation");
        assertCleanProblem(api.get("api/v1/dossiers/a%01b"), 400, "bad-request");
        assertCleanProblem(api.get("api/v1/dossiers/a%E2%80%A8b/processes"), 400, "bad-request");
    }

    @Test
    void instantsOutsideTheDatabasesYearsAre400() {
        for (String parameter : new String[]{"createdFrom=%2B300000-01-01T00:00:00Z", "createdTo=-5000-01-01T00:00:00Z",
                "updatedFrom=%2B10000-01-01T00:00:00Z", "updatedTo=0000-12-31T23:59:59Z"}) {
            for (String path : new String[]{"api/v1/audit/processes", "api/v1/audit/stats", "api/v1/audit/processes.ndjson"}) {
                Answer answer = api.get(path + "?" + parameter);
                assertCleanProblem(answer, 400, "validation");
                assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                        .isEqualTo(parameter.substring(0, parameter.indexOf('=')));
            }
        }
        assertThat(api.get("api/v1/audit/processes?createdFrom=0001-01-01&createdTo=9999-12-31T23:59:59Z").status())
                .isEqualTo(200);
    }

    @Test
    void aQueryParameterThatIsNotANumberIs400NotAMissingResource() {
        Api reviewer = new Api(base).as(Tokens.of(java.util.List.of("reviewer"), TENANT));
        for (String limit : new String[]{"abc", "1e3", "99999999999", "0", "501"}) {
            Answer answer = reviewer.get("api/v1/reviews?limit=" + limit);
            assertCleanProblem(answer, 400, "validation");
            assertThat(answer.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("limit");
        }
        assertThat(reviewer.get("api/v1/reviews?limit=500").status()).isEqualTo(200);
    }

    @Test
    void anUnknownCharsetIs415OnEveryEndpoint() {
        long before = count("dossier");
        byte[] body = "{\"externalReference\": \"charset-1\"}".getBytes(StandardCharsets.UTF_8);
        assertCleanProblem(api.post("api/v1/dossiers", "application/json; charset=x-unknown", body), 415,
                "unsupported-media-type");
        assertCleanProblem(api.post("api/v1/assure-events", "application/json; charset=x-unknown",
                "{\"processId\":\"p\"}".getBytes(StandardCharsets.UTF_8)), 415, "unsupported-media-type");
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        assertCleanProblem(api.put(Portal.process(dossierId, processId) + "/selfie", "image/png; charset=\"no such\"",
                Portal.png(0x22)), 415, "unsupported-media-type");
        assertThat(count("dossier")).isEqualTo(before + 1);
    }

    @Test
    void anUnreadableContentTypeIsAProblemFromTheContainer() {
        Answer answer = api.put("api/v1/dossiers", ";;;/", "{}".getBytes(StandardCharsets.UTF_8));
        assertCleanProblem(answer, 400, "bad-request");
    }

    @Test
    void aPathLongerThanAnyResourceIs414BeforeItReachesTheDatabase() {
        String longId = "d".repeat(500);
        assertCleanProblem(api.get("api/v1/dossiers/" + longId), 414, "uri-too-long");
        Answer idempotent = api.postWithHeader("api/v1/dossiers/" + longId + "/processes", "{\"provider\":\"facetec\"}",
                "Idempotency-Key", "long-path-" + UUID.randomUUID());
        assertCleanProblem(idempotent, 414, "uri-too-long");
    }

    @Test
    void noGeneratedWadlForAnybody() {
        Api anonymous = new Api(base);
        assertCleanProblem(anonymous.get("application.wadl"), 404, "not-found");
        Answer options = anonymous.options("api/v1/dossiers");
        assertThat(options.status()).isEqualTo(204);
        assertThat(options.header("Allow")).contains("POST");
        assertThat(options.body()).isEmpty();
        Answer sandboxOptions = anonymous.options("sandbox/assure/dossiers");
        assertThat(sandboxOptions.text()).doesNotContainIgnoringCase("wadl").doesNotContain("<resource");
    }

    @Test
    void aClientCannotForgeServerLogLines() throws Exception {
        String marker = "FORGED-" + UUID.randomUUID();
        Answer path = api.get("api/v1/dossiers/x%0D%0A" + marker + "%E2%80%A8" + marker);
        assertCleanProblem(path, 400, "bad-request");
        String raw = rawRequest("GET /api/v1/dossiers/" + UUID.randomUUID() + "?externalReference=" + marker
                + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + Tokens.portal(TENANT)
                + "\r\nX-Request-Id: ok\t" + marker + "\r\nConnection: close\r\n\r\n");
        assertThat(raw).startsWith("HTTP/1.1 404").doesNotContain(marker);

        String log = ServerLog.containing("x%0D%0A" + marker);
        assertThat(log).doesNotContain("\n" + marker, "\r" + marker, "\u2028" + marker, "\t" + marker,
                "externalReference=" + marker);
    }

    /** Bytes an HTTP client library would not send (a tab inside an id), over a plain socket. */
    private String rawRequest(String request) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static long count(String table) {
        return ((Number) TestDatabase.single("SELECT COUNT(*) AS n FROM " + table).get("n")).longValue();
    }

    @Test
    void claimsTheRecordCannotHoldAreRefusedNotA500() {
        // the identity provider's values reach the tables (tenant: 64 characters, a reviewer's subject: 200)
        for (String tenant : List.of("t".repeat(65), "tenant\u0000x", "tenant\nx")) {
            Answer answer = new Api(base).as(Tokens.portal(tenant)).post("api/v1/dossiers",
                    "{\"externalReference\":\"claims-1\"}");
            assertCleanProblem(answer, 403, "forbidden");
        }
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        Api longNamedReviewer = new Api(base).as(Tokens.withSubject("r".repeat(201), List.of("reviewer"), null));
        Answer review = longNamedReviewer.postWithHeader(Portal.process(dossierId, processId) + "/review",
                "{\"outcome\":\"approve\",\"reason\":\"ok\"}", "Idempotency-Key", "long-subject-1");
        assertCleanProblem(review, 403, "forbidden");
        assertThat(TestDatabase.query("SELECT id FROM dossier WHERE external_reference = ?", "claims-1")).isEmpty();
    }

    @Test
    void anAssureEventNamingANulProcessIdIsSkippedNotA500() {
        Answer answer = new Api(base).postWithHeader("api/v1/assure-events",
                "{\"eventName\":\"process.complete\",\"eventData\":{\"processId\":\"abc\\u0000def\"}}",
                "X-Assure-Event-Secret", "it-event-secret");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
        assertThat(answer.json().getInt("processIdsFound")).isZero();
    }
}

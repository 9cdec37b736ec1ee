package com.assuregateway.security.boundary;

import static com.assuregateway.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.SandboxControl;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may call: tokens, roles, tenant isolation, replays, erasure and size limits, through real HTTP. */
class SecurityIT extends GatewayTest {

    private static final String TENANT_A = "tenant-a";
    private static final String TENANT_B = "tenant-b";

    Api anonymous;
    Api portalA;
    Api portalB;

    @BeforeEach
    void connect() {
        anonymous = new Api(base);
        portalA = anonymous.as(Tokens.portal(TENANT_A));
        portalB = anonymous.as(Tokens.portal(TENANT_B));
    }

    @Test
    void everyCallNeedsAValidToken() {
        String body = "{\"externalReference\":\"customer-" + UUID.randomUUID() + "\"}";
        for (Api caller : List.of(anonymous,
                anonymous.as(Tokens.expired(TENANT_A)),
                anonymous.as(Tokens.signedByAStranger(TENANT_A)),
                anonymous.as(Tokens.forAudience("some-other-service", TENANT_A)),
                anonymous.as(Tokens.fromIssuer("https://idp.example.com", TENANT_A)),
                anonymous.as("not-a-jwt"))) {
            Answer answer = caller.post("api/v1/dossiers", body);
            assertProblem(answer, 401, "unauthorized");
            assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer");
            assertProblem(caller.get("api/v1/dossiers/" + UUID.randomUUID()), 401, "unauthorized");
        }
        assertThat(TestDatabase.query("SELECT id FROM dossier WHERE external_reference = ?",
                body.substring(22, body.length() - 2))).isEmpty();
    }

    @Test
    void theDevelopmentKeyOpensNothingInProduction() {
        // its private half is in the repository: anybody can mint any role and tenant with it
        for (List<String> roles : List.of(List.of("portal"), List.of("admin"), List.of("auditor", "reviewer"))) {
            Api forged = anonymous.as(Tokens.development(roles, TENANT_A));
            assertProblem(forged.post("api/v1/dossiers", "{\"externalReference\":\"forged-1\"}"), 401, "unauthorized");
            assertProblem(forged.get("api/v1/audit/processes"), 401, "unauthorized");
        }
        assertThat(TestDatabase.query("SELECT id FROM dossier WHERE external_reference = ?", "forged-1")).isEmpty();
    }

    @Test
    void rolesDecideWhatACallerMayDo() {
        Api reviewer = anonymous.as(Tokens.of(List.of("reviewer"), TENANT_A));
        Api nobody = anonymous.as(Tokens.of(List.of("some-other-role"), TENANT_A));
        Api auditor = anonymous.as(Tokens.of(List.of("auditor"), TENANT_B));
        assertProblem(reviewer.post("api/v1/dossiers", "{\"externalReference\":\"r-1\"}"), 403, "forbidden");
        assertProblem(auditor.post("api/v1/dossiers", "{\"externalReference\":\"r-2\"}"), 403, "forbidden");

        String dossierId = new Portal(portalA).newDossier();
        assertProblem(nobody.get("api/v1/dossiers/" + dossierId), 403, "forbidden");
        // a reviewer reads what it reviews, of every tenant, and changes nothing of the flow
        assertThat(reviewer.get("api/v1/dossiers/" + dossierId).status()).isEqualTo(200);
        assertProblem(reviewer.delete("api/v1/dossiers/" + dossierId), 403, "forbidden");
        // an auditor reads every tenant's record, and changes nothing
        assertThat(auditor.get("api/v1/dossiers/" + dossierId).status()).isEqualTo(200);
        assertProblem(auditor.delete("api/v1/dossiers/" + dossierId), 403, "forbidden");
        assertProblem(auditor.post("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}"),
                403, "forbidden");
    }

    @Test
    void aPortalTokenWithoutTenantIsRefused() {
        Api noTenant = anonymous.as(Tokens.of(List.of("portal"), null));
        assertProblem(noTenant.post("api/v1/dossiers", "{\"externalReference\":\"x-1\"}"), 403, "forbidden");
    }

    @Test
    void aPortalNeverSeesOrTouchesAnotherTenantsDossier() {
        Portal a = new Portal(portalA);
        String dossierId = a.newDossier();
        String processId = a.newProcess(dossierId);

        assertProblem(portalB.get("api/v1/dossiers/" + dossierId), 404, "not-found");
        assertProblem(portalB.get(Portal.process(dossierId, processId)), 404, "not-found");
        assertProblem(portalB.post("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}"),
                404, "not-found");
        assertProblem(portalB.put(Portal.process(dossierId, processId) + "/selfie", "image/png", Portal.png(1)),
                404, "not-found");
        assertProblem(portalB.post(Portal.process(dossierId, processId) + "/verification",
                Portal.enrollment("accepted")), 404, "not-found");
        assertProblem(portalB.delete("api/v1/dossiers/" + dossierId), 404, "not-found");
        // the answer is the one for an id that does not exist at all
        assertThat(portalB.get("api/v1/dossiers/" + dossierId).json().getString("title"))
                .isEqualTo(portalB.get("api/v1/dossiers/" + UUID.randomUUID()).json().getString("title"));

        Map<String, Object> row = TestDatabase.single("SELECT erased_at, photo_sha256 FROM dossier d "
                + "JOIN verification_process p ON p.dossier_id = d.id WHERE p.id = ?", processId);
        assertThat(row.get("erased_at")).isNull();
        assertThat(row.get("photo_sha256")).isNull();
        assertThat(TestDatabase.query("SELECT id FROM verification_process WHERE dossier_id = ?", dossierId)).hasSize(1);
    }

    @Test
    void aPortalTokenWithACrossTenantRoleStillWritesOnlyInItsOwnTenant() {
        Portal b = new Portal(portalB);
        String dossierId = b.newDossier();
        String processId = b.newProcess(dossierId);
        Api portalAdminA = anonymous.as(Tokens.of(List.of("portal", "admin"), TENANT_A));
        Api portalReviewerA = anonymous.as(Tokens.of(List.of("portal", "reviewer"), TENANT_A));
        Api portalAuditorA = anonymous.as(Tokens.of(List.of("portal", "auditor"), TENANT_A));

        for (Api mixed : List.of(portalAdminA, portalReviewerA, portalAuditorA)) {
            assertProblem(mixed.delete("api/v1/dossiers/" + dossierId), 404, "not-found");
            assertProblem(mixed.post("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}"),
                    404, "not-found");
            assertProblem(mixed.put(Portal.process(dossierId, processId) + "/selfie", "image/png", Portal.png(2)),
                    404, "not-found");
            assertProblem(mixed.putJson(Portal.process(dossierId, processId) + "/selfie",
                    "{\"fromProcessId\":\"" + processId + "\",\"depiction\":\"selfie\"}"), 404, "not-found");
            assertProblem(mixed.post(Portal.process(dossierId, processId) + "/verification",
                    Portal.enrollment("accepted")), 404, "not-found");
        }
        String verdict = "{\"outcome\":\"approve\",\"reason\":\"cross-tenant attempt\"}";
        assertProblem(portalReviewerA.post(Portal.process(dossierId, processId) + "/review", verdict), 404, "not-found");
        // a dossier a mixed token opens lands in its own tenant, never in another
        String reference = "mixed-" + UUID.randomUUID();
        Answer opened = portalAdminA.post("api/v1/dossiers", "{\"externalReference\":\"" + reference + "\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(TestDatabase.single("SELECT tenant FROM dossier WHERE id = ?", opened.json().getString("dossierId"))
                .get("tenant")).isEqualTo(TENANT_A);

        // nothing of B's dossier changed
        assertThat(TestDatabase.single("SELECT erased_at FROM dossier WHERE id = ?", dossierId).get("erased_at")).isNull();
        assertThat(TestDatabase.query("SELECT id FROM verification_process WHERE dossier_id = ?", dossierId)).hasSize(1);
        assertThat(TestDatabase.single("SELECT photo_sha256, reviewed_at FROM verification_process WHERE id = ?",
                processId)).containsEntry("photo_sha256", null).containsEntry("reviewed_at", null);
        // reads widen as before: the auditor in the mixed token reads every tenant
        assertThat(portalAuditorA.get("api/v1/dossiers/" + dossierId).status()).isEqualTo(200);
        assertThat(portalAuditorA.get(Portal.process(dossierId, processId)).status()).isEqualTo(200);

        // a reviewer alone reaches the process (and finds nothing to review); an admin alone erases it
        Api reviewer = anonymous.as(Tokens.of(List.of("reviewer"), TENANT_A));
        assertProblem(reviewer.post(Portal.process(dossierId, processId) + "/review", verdict), 409, "wrong-state");
        Answer erased = anonymous.as(Tokens.of(List.of("admin"), TENANT_A)).delete("api/v1/dossiers/" + dossierId);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertThat(TestDatabase.single("SELECT erased_at FROM dossier WHERE id = ?", dossierId).get("erased_at"))
                .isNotNull();
    }

    @Test
    void theSandboxControlHooksNeedTheirOwnSecretAndBoundedInput() {
        String outage = "{\"fault\":\"5xx\",\"operation\":\"createProcess\",\"times\":1}";
        String processes = "api/v1/dossiers/" + new Portal(portalA).newDossier() + "/processes";
        String facetec = "{\"provider\":\"facetec\"}";
        Api control = SandboxControl.of(base);
        try {
            // a portal token, or a guessed secret, does not open the hooks; nothing is planned or revoked
            for (Api stranger : List.of(portalA, anonymous, anonymous.withHeader(SandboxControl.HEADER, "guess"),
                    portalA.withHeader(SandboxControl.HEADER, SandboxControl.SECRET + "x"))) {
                assertProblem(stranger.post("sandbox/control/faults", outage), 403, "forbidden");
                assertProblem(stranger.post("sandbox/control/revoke-tokens", ""), 403, "forbidden");
                assertProblem(stranger.get("sandbox/control/tokens"), 403, "forbidden");
            }
            assertThat(portalA.post(processes, facetec).status()).as("no outage was planned").isEqualTo(201);

            // a delay that would hold a server thread for longer than a minute, or a body past 16 KB
            assertProblem(control.post("sandbox/control/faults",
                    "{\"fault\":\"timeout\",\"operation\":\"getProcess\",\"delayMs\":60001}"), 400, "validation");
            assertProblem(control.post("sandbox/control/faults",
                    "{\"fault\":\"slow\",\"operation\":\"getProcess\",\"delayMs\":-5}"), 400, "validation");
            assertProblem(control.post("sandbox/control/faults", "{\"fault\":\"5xx\",\"operation\":\"getProcess\","
                    + "\"padding\":\"" + "x".repeat(16 * 1024) + "\"}"), 413, "payload-too-large");
            assertProblem(control.post("sandbox/control/faults", "[1,2]"), 400, "validation");
            assertThat(portalA.post(processes, facetec).status()).as("nothing was planned by the refused calls")
                    .isEqualTo(201);

            Answer planned = control.post("sandbox/control/faults", outage);
            assertThat(planned.status()).as(planned.toString()).isEqualTo(204);
            assertProblem(portalA.post(processes, facetec), 503, "upstream-unavailable");
        } finally {
            control.delete("sandbox/control/faults");
        }
    }

    @Test
    void theExternalReferenceIsUniquePerTenant() {
        String reference = "shared-" + UUID.randomUUID();
        Answer inA = portalA.post("api/v1/dossiers", "{\"externalReference\":\"" + reference + "\"}");
        Answer inB = portalB.post("api/v1/dossiers", "{\"externalReference\":\"" + reference + "\"}");
        assertThat(inA.status()).isEqualTo(201);
        assertThat(inB.status()).isEqualTo(201);
        assertThat(inA.json().getString("dossierId")).isNotEqualTo(inB.json().getString("dossierId"));
    }

    @Test
    void aReplayedFaceScanIsRefusedBeforeAssureIsCalled() {
        Portal portal = new Portal(portalA);
        String dossierId = portal.newDossier();
        String first = portal.newProcess(dossierId);
        String second = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, first, Portal.png(0x21));
        portal.uploadSelfie(dossierId, second, Portal.png(0x22));
        String enrollment = Portal.enrollment("accepted");

        assertThat(portalA.post(Portal.process(dossierId, first) + "/verification", enrollment).status()).isEqualTo(202);
        Answer replay = portalA.post(Portal.process(dossierId, second) + "/verification", enrollment);
        assertProblem(replay, 409, "replayed-face-scan");
        assertThat(TestDatabase.events(second)).noneMatch(e -> e.contains("startVerification"));
        assertThat(TestDatabase.single("SELECT verification_started_at FROM verification_process WHERE id = ?", second)
                .get("verification_started_at")).isNull();
    }

    @Test
    void erasureLeavesATombstoneWithoutPersonalData() {
        Portal portal = new Portal(portalA);
        String reference = "erase-me-" + UUID.randomUUID();
        String dossierId = portalA.post("api/v1/dossiers", "{\"externalReference\":\"" + reference + "\"}")
                .json().getString("dossierId");
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x31));
        assertThat(portal.verify(dossierId, processId, "accepted").status()).isEqualTo(202);
        portal.awaitFinal(dossierId, processId);

        Answer erased = portalA.delete("api/v1/dossiers/" + dossierId);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(204);
        assertThat(portalA.delete("api/v1/dossiers/" + dossierId).status()).isEqualTo(204);

        assertProblem(portalA.get("api/v1/dossiers/" + dossierId), 410, "erased");
        assertProblem(portalA.get(Portal.process(dossierId, processId)), 410, "erased");
        Map<String, Object> dossier = TestDatabase.single("SELECT * FROM dossier WHERE id = ?", dossierId);
        assertThat(dossier.get("external_reference")).isNull();
        assertThat(dossier.get("erased_at")).isNotNull();
        assertThat(TestDatabase.query("SELECT id FROM dossier WHERE external_reference = ?", reference)).isEmpty();
        Map<String, Object> process = TestDatabase.single("SELECT status, photo_sha256, face_scan_sha256 "
                + "FROM verification_process WHERE id = ?", processId);
        assertThat(process.get("status")).isEqualTo("ACCEPTED");
        assertThat(process.get("photo_sha256")).isNotNull();
        assertThat(process.get("face_scan_sha256")).isNotNull();
        assertThat(TestDatabase.query("SELECT outcome, http_status FROM audit_event WHERE dossier_id = ? "
                + "AND action = 'assure.deleteDossier'", dossierId)).hasSize(1);
        assertThat(TestDatabase.query("SELECT id FROM audit_event WHERE dossier_id = ? AND action = 'dossier.erased'",
                dossierId)).hasSize(1);

        Answer again = portalA.post("api/v1/dossiers", "{\"externalReference\":\"" + reference + "\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().getString("dossierId")).isNotEqualTo(dossierId);
    }

    @Test
    void sizeLimitsAreEnforcedWithA413() {
        Portal portal = new Portal(portalA);
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x41));

        String big = "A".repeat(2 * 1024 * 1024 + 4);
        String enrollment = "{\"facetecEnrollment\":{\"faceScan\":\"" + big + "\",\"auditTrailImage\":\"" + big
                + "\",\"lowQualityAuditTrailImage\":\"x\",\"userAgent\":\"ua\"}}";
        Answer fields = portalA.post(Portal.process(dossierId, processId) + "/verification", enrollment);
        assertProblem(fields, 413, "payload-too-large");
        assertThat(fields.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList())
                .containsExactly("facetecEnrollment.auditTrailImage", "facetecEnrollment.faceScan");

        byte[] huge = ("{\"externalReference\":\"" + "x".repeat(9 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        assertProblem(portalA.put("api/v1/dossiers/" + dossierId + "/processes/" + processId + "/selfie",
                "application/json", huge), 413, "payload-too-large");
        assertThat(TestDatabase.single("SELECT verification_started_at FROM verification_process WHERE id = ?",
                processId).get("verification_started_at")).isNull();
    }
}

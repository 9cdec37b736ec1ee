package com.assuregateway.security.boundary;

import static com.assuregateway.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.shared.control.Fingerprint;
import com.assuregateway.dossiers.control.FaceScanFingerprint;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.ProblemAssert;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the database holds of secrets and captures: no FaceTec session in the clear in a stored idempotent
 * answer (whose replay still hands the session out), and a faceScan replay check that knows the bytes, not
 * their spelling, and stays within one tenant.
 */
class SessionAndFaceScanIT extends GatewayTest {

    private static final String PROBLEM = ProblemAssert.PREFIX;
    private static final String TENANT_A = "session-tenant-a";
    private static final String TENANT_B = "session-tenant-b";

    Api portalA;
    Api portalB;

    @BeforeEach
    void connect() {
        portalA = new Api(base).as(Tokens.portal(TENANT_A));
        portalB = new Api(base).as(Tokens.portal(TENANT_B));
    }

    @Test
    void aStoredIdempotentAnswerHoldsNoSessionSecretAndItsReplayStillHandsTheSessionOut() {
        String dossierId = new Portal(portalA).newDossier();
        String key = "create-" + UUID.randomUUID();
        String path = "api/v1/dossiers/" + dossierId + "/processes";
        Answer first = portalA.postWithHeader(path, "{\"provider\":\"facetec\"}", "Idempotency-Key", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonObject session = first.json().getJsonObject("facetecSession");
        List<String> secrets = List.of(session.getString("authorization"), session.getString("deviceKeyIdentifier"),
                session.getString("productionKeyText"));
        assertThat(secrets).allSatisfy(s -> assertThat(s).hasSizeGreaterThan(8));
        assertThat(first.json().containsKey("secretMembers")).as("no marker of the seal on the wire").isFalse();

        // everything the table holds for this key, every column, as text
        Map<String, Object> row = TestDatabase.single("SELECT * FROM idempotency_record WHERE tenant = ? "
                + "AND idempotency_key = ?", TENANT_A, key);
        String stored = row.values().toString();
        assertThat(row.get("body")).asString().contains(first.json().getString("processId"));
        for (String secret : secrets) {
            assertThat(stored).doesNotContain(secret);
        }
        assertThat(stored).doesNotContain(session.getString("encryptionPublicKey").lines().skip(1).findFirst().orElseThrow());

        Answer replay = portalA.postWithHeader(path, "{\"provider\":\"facetec\"}", "Idempotency-Key", key);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json()).as("the first answer, session included").isEqualTo(first.json());
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        assertThat(TestDatabase.query("SELECT id FROM verification_process WHERE dossier_id = ?", dossierId))
                .as("the replay made no second process").hasSize(1);
    }

    @Test
    void aSealedSessionCopiedOntoAnotherKeysRecordDoesNotOpen() {
        String dossierId = new Portal(portalA).newDossier();
        String path = "api/v1/dossiers/" + dossierId + "/processes";
        String victim = "victim-" + UUID.randomUUID();
        String thief = "thief-" + UUID.randomUUID();
        assertThat(portalA.postWithHeader(path, "{\"provider\":\"facetec\"}", "Idempotency-Key", victim).status()).isEqualTo(201);
        assertThat(portalA.postWithHeader(path, "{\"provider\":\"facetec\"}", "Idempotency-Key", thief).status()).isEqualTo(201);
        Object sealed = TestDatabase.single("SELECT sealed_parts FROM idempotency_record WHERE tenant = ? AND "
                + "idempotency_key = ?", TENANT_A, victim).get("sealed_parts");
        assertThat(TestDatabase.update("UPDATE idempotency_record SET sealed_parts = ? WHERE tenant = ? AND "
                + "idempotency_key = ?", sealed, TENANT_A, thief)).isEqualTo(1);

        Answer replay = portalA.postWithHeader(path, "{\"provider\":\"facetec\"}", "Idempotency-Key", thief);
        assertThat(replay.status()).as(replay.toString()).isEqualTo(503);
        assertThat(replay.json().getString("type")).isEqualTo(PROBLEM + "configuration");
        assertThat(replay.text()).doesNotContain("authorization\"");
    }

    @Test
    void theSameFaceScanSpelledDifferentlyIsStillAReplay() {
        byte[] bytes = new byte[2048];
        new SecureRandom().nextBytes(bytes);
        String canonical = Base64.getEncoder().encodeToString(bytes);
        // 2048 bytes end in a 3-character group whose last character carries 2 unused bits: set one of them
        char last = canonical.charAt(canonical.length() - 2);
        String respelt = canonical.substring(0, canonical.length() - 2) + alphabetNext(last) + "=";
        assertThat(respelt).isNotEqualTo(canonical);
        assertThat(Base64.getDecoder().decode(respelt)).isEqualTo(bytes);

        Portal portal = new Portal(portalA);
        String dossierId = portal.newDossier();
        String first = readyProcess(portal, dossierId);
        String second = readyProcess(portal, dossierId);
        assertThat(portalA.post(Portal.process(dossierId, first) + "/verification",
                Portal.enrollment("accepted", canonical)).status()).isEqualTo(202);
        Answer replay = portalA.post(Portal.process(dossierId, second) + "/verification",
                Portal.enrollment("accepted", respelt));
        assertProblem(replay, 409, "replayed-face-scan");
        assertThat(TestDatabase.events(second)).noneMatch(e -> e.contains("startVerification"));
    }

    @Test
    void theSameFaceScanInAnotherTenantIsNoReplayAndTheirFingerprintsCannotBeLinked() {
        String faceScan = Portal.faceScan();
        Portal inA = new Portal(portalA);
        Portal inB = new Portal(portalB);
        String dossierA = inA.newDossier();
        String processA = readyProcess(inA, dossierA);
        String dossierB = inB.newDossier();
        String processB = readyProcess(inB, dossierB);

        assertThat(portalA.post(Portal.process(dossierA, processA) + "/verification",
                Portal.enrollment("accepted", faceScan)).status()).isEqualTo(202);
        Answer otherTenant = portalB.post(Portal.process(dossierB, processB) + "/verification",
                Portal.enrollment("accepted", faceScan));
        assertThat(otherTenant.status()).as("another tenant learns nothing of tenant A's captures: " + otherTenant)
                .isEqualTo(202);

        String fingerprintA = fingerprint(processA);
        String fingerprintB = fingerprint(processB);
        assertThat(fingerprintA).isEqualTo(FaceScanFingerprint.of(TENANT_A, Base64.getDecoder().decode(faceScan)));
        assertThat(fingerprintB).isNotEqualTo(fingerprintA)
                .isNotEqualTo(Fingerprint.sha256(Base64.getDecoder().decode(faceScan)));

        // within tenant B it is a replay again
        String againB = readyProcess(inB, dossierB);
        assertProblem(portalB.post(Portal.process(dossierB, againB) + "/verification",
                Portal.enrollment("accepted", faceScan)), 409, "replayed-face-scan");
    }

    @Test
    void aFaceScanThatIsNotStrictBase64IsRefusedBeforeAnythingIsRecordedOrSent() {
        Portal portal = new Portal(portalA);
        String dossierId = portal.newDossier();
        String processId = readyProcess(portal, dossierId);
        byte[] bytes = new byte[600];
        new SecureRandom().nextBytes(bytes);
        for (String faceScan : List.of(Base64.getMimeEncoder().encodeToString(bytes),
                Base64.getUrlEncoder().encodeToString(bytes),
                Base64.getEncoder().withoutPadding().encodeToString(new byte[]{1, 2, 3, 4}),
                "not base64 at all")) {
            Answer refused = portalA.post(Portal.process(dossierId, processId) + "/verification",
                    Portal.enrollment("accepted", faceScan));
            assertProblem(refused, 400, "validation");
            assertThat(refused.json().getJsonArray("errors").getJsonObject(0).getString("field"))
                    .isEqualTo("facetecEnrollment.faceScan");
        }
        Map<String, Object> row = TestDatabase.single("SELECT verification_started_at, face_scan_sha256 FROM "
                + "verification_process WHERE id = ?", processId);
        assertThat(row.get("verification_started_at")).isNull();
        assertThat(row.get("face_scan_sha256")).isNull();
        assertThat(TestDatabase.events(processId)).noneMatch(e -> e.contains("startVerification")
                || e.contains("verification.requested"));
        // and the portal can still go on with a proper capture
        assertThat(portal.verify(dossierId, processId, "accepted").status()).isEqualTo(202);
    }

    private static String readyProcess(Portal portal, String dossierId) {
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x33));
        return processId;
    }

    private static String fingerprint(String processId) {
        return (String) TestDatabase.single("SELECT face_scan_sha256 FROM verification_process WHERE id = ?", processId)
                .get("face_scan_sha256");
    }

    private static char alphabetNext(char c) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        return alphabet.charAt(alphabet.indexOf(c) + 1);
    }
}

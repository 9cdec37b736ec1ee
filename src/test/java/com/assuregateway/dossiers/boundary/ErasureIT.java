package com.assuregateway.dossiers.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.SandboxAssure;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An erased dossier leaves nothing of the person: no table holds the externalReference, no late download or
 * follow-up brings anything back, and a full result Assure no longer has is given up rather than asked for
 * forever.
 */
class ErasureIT extends GatewayTest {

    private Api api;
    private Portal portal;
    private SandboxAssure assure;

    @BeforeEach
    void portal() {
        api = new Api(base).as(Tokens.portal("erasure-tenant"));
        portal = new Portal(api);
        assure = new SandboxAssure(base);
    }

    @AfterEach
    void noFaultOutlivesItsTest() {
        assure.clearFaults();
    }

    @Test
    void afterErasureNoTableHoldsTheReferenceNotEvenIdempotencyRecordsOrAuditText() {
        String reference = "person-" + UUID.randomUUID();
        // the reference everywhere a portal could put it: body, Idempotency-Key, request id, a reviewer's text
        Answer opened = api.postWithHeader("api/v1/dossiers", body(reference), "Idempotency-Key", reference);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String dossierId = opened.json().getString("dossierId");
        Answer again = api.postWithHeader("api/v1/dossiers", body(reference), "X-Request-Id", reference);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        Answer created = api.postWithHeader("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}",
                "Idempotency-Key", "process-of-" + reference);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String processId = created.json().getString("processId");
        portal.uploadSelfie(dossierId, processId, Portal.png(0x31));
        assertThat(portal.verify(dossierId, processId, "inconclusive").status()).isEqualTo(202);
        portal.awaitFinal(dossierId, processId);
        Answer reviewed = new Api(base).as(Tokens.of(List.of("reviewer"), null)).post(
                Portal.process(dossierId, processId) + "/review",
                "{\"outcome\":\"approve\",\"reason\":\"called " + reference + ", same person\"}");
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        TestDatabase.awaitArchive(processId);
        assertThat(TestDatabase.dump()).as("the dump sees the reference before the erasure").contains(reference);

        assertThat(api.delete("api/v1/dossiers/" + dossierId).status()).isEqualTo(204);

        assertThat(TestDatabase.dump()).as("the database after the erasure").doesNotContain(reference);
        assertThat(TestDatabase.query("SELECT * FROM idempotency_record WHERE dossier_id = ?", dossierId)).isEmpty();
        assertThat(TestDatabase.query("SELECT * FROM evidence_archive WHERE process_id = ?", processId)).isEmpty();
        assertThat(TestDatabase.single("SELECT review_outcome FROM verification_process WHERE id = ?", processId)
                .get("review_outcome")).as("the verdict stays, its free text goes").isEqualTo("approve");
        // a replay of the key is a new request now: the erased answer is not served again
        Answer replayed = api.postWithHeader("api/v1/dossiers", body(reference), "Idempotency-Key", reference);
        assertThat(replayed.header("Idempotent-Replayed")).isNull();
        assertThat(replayed.json().getString("dossierId")).isNotEqualTo(dossierId);
    }

    @Test
    void aFullResultStillDownloadingWhenTheDossierIsErasedIsNeverStored() {
        // Assure makes the zip at once and delivers it 8 s later (the test servers' read timeout is 10 s): the
        // erasure falls inside the download, even on a loaded 2-core machine where it took over 5 s
        String[] ids = finalProcessBeingArchived("accepted", "late", 8000);

        assertThat(api.delete("api/v1/dossiers/" + ids[0]).status()).isEqualTo(204);

        TestDatabase.awaitRow("the late zip arrives after the erasure", "SELECT id FROM audit_event WHERE "
                + "process_id = ? AND action = 'assure.getZipFile' AND http_status = 200", ids[1]);
        awaitLeaseReleased(ids[1]);
        assertThat(TestDatabase.query("SELECT * FROM evidence_archive WHERE process_id = ?", ids[1])).isEmpty();
        assertThat(TestDatabase.events(ids[1])).contains("STATE archive.discarded erased")
                .doesNotContain("EVIDENCE archive.stored recorded");
    }

    @Test
    void theFollowUpOfAnErasedDossierMakesNoFurtherCallToAssure() throws InterruptedException {
        // the follow-up's first look is answered late: the erasure falls while the follow-up is in flight
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x33));
        assure.planFaultFor(processId, "late", "getProcess", 4000);
        assertThat(portal.verify(dossierId, processId, "accepted").status()).isEqualTo(202);
        TestDatabase.awaitRow("the follow-up takes the process", "SELECT id FROM verification_process WHERE id = ? "
                + "AND lease_owner IS NOT NULL", processId);

        assertThat(api.delete("api/v1/dossiers/" + dossierId).status()).isEqualTo(204);

        TestDatabase.awaitRow("the late answer arrives after the erasure", "SELECT id FROM audit_event WHERE "
                + "process_id = ? AND action = 'assure.getProcess'", processId);
        awaitLeaseReleased(processId);
        long calls = upstreamCalls(processId);
        // nothing can be polled for "nothing happens": watch for several follow-up rounds (0.5 s apart, 2 s at most)
        Thread.sleep(4000);
        assertThat(upstreamCalls(processId)).as("Assure calls for the erased dossier's process").isEqualTo(calls);
        assertThat(TestDatabase.single("SELECT next_check_at FROM verification_process WHERE id = ?", processId)
                .get("next_check_at")).isNull();
    }

    @Test
    void aFullResultAssureNoLongerHasIsGivenUpWithAnEventNotAskedForForever() throws InterruptedException {
        for (String answer : List.of("410", "404")) {
            String dossierId = portal.newDossier();
            String processId = portal.newProcess(dossierId);
            portal.uploadSelfie(dossierId, processId, Portal.png(0x34));
            assure.planFaultFor(processId, answer, "getZipFile", 0);
            assertThat(portal.verify(dossierId, processId, "accepted").status()).isEqualTo(202);

            TestDatabase.awaitRow("the archive is given up after HTTP " + answer, "SELECT id FROM audit_event "
                    + "WHERE process_id = ? AND action = 'archive.gone'", processId);
            awaitLeaseReleased(processId);
            Thread.sleep(3000);
            assertThat(TestDatabase.events(processId).stream().filter(e -> e.contains("assure.getZipFile")))
                    .as("one download, not one per round").containsExactly("UPSTREAM assure.getZipFile not-found " + answer);
            assertThat(TestDatabase.query("SELECT * FROM evidence_archive WHERE process_id = ?", processId)).isEmpty();
            assertThat(TestDatabase.single("SELECT next_check_at FROM verification_process WHERE id = ?", processId)
                    .get("next_check_at")).isNull();
        }
    }

    /** dossierId and processId of a process that is final and whose full result the follow-up is fetching. */
    private String[] finalProcessBeingArchived(String outcome, String zipFault, long zipDelayMs) {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x32));
        // only this process's download: the database holds processes of earlier test classes, whose follow-up
        // (their sandbox gone with their server) would otherwise use the fault up
        assure.planFaultFor(processId, zipFault, "getZipFile", zipDelayMs);
        assertThat(portal.verify(dossierId, processId, outcome).status()).isEqualTo(202);
        TestDatabase.awaitRow("the follow-up has the final process and fetches its full result",
                "SELECT id FROM verification_process WHERE id = ? AND status NOT IN ('PENDING', 'PROCESSING') "
                        + "AND lease_owner IS NOT NULL", processId);
        return new String[]{dossierId, processId};
    }

    private static void awaitLeaseReleased(String processId) {
        TestDatabase.awaitRow("the follow-up round ends", "SELECT id FROM verification_process WHERE id = ? "
                + "AND lease_owner IS NULL", processId);
    }

    private static long upstreamCalls(String processId) {
        return TestDatabase.events(processId).stream().filter(e -> e.startsWith("UPSTREAM ")).count();
    }

    private static String body(String reference) {
        return "{\"externalReference\":\"" + reference + "\"}";
    }
}

package com.assuregateway.assure.boundary;

import static com.assuregateway.testsupport.ProblemAssert.assertProblem;
import static com.assuregateway.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.SandboxControl;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * When Assure fails: what the portal gets, what the record says, and that nothing is lost or done twice.
 * Faults are injected by the sandbox over real HTTP (POST /sandbox/control/faults). The test server runs
 * with a 10 s read timeout, a 12 s intent grace and a circuit breaker that opens at 75% failures of 10 calls
 * and pauses for 3 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT extends GatewayTest {

    Api api;
    Portal portal;

    @BeforeEach
    void connect() {
        api = new Api(base).as(Tokens.portal("resilience-tenant"));
        portal = new Portal(api);
    }

    @AfterEach
    void clearFaults() {
        SandboxControl.of(base).delete("sandbox/control/faults");
    }

    @Test
    @Order(1)
    void aSafeCallIsRetriedAndAnOutageBecomesA503WithRetryAfter() {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);

        fault("5xx", "setImages", 1, 0);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x90));
        assertThat(TestDatabase.events(processId)).containsSubsequence(
                "UPSTREAM assure.setImages error 503", "UPSTREAM assure.setImages ok 201", "EVIDENCE photo.set recorded");
        if (TestDatabase.isPostgres()) {
            // the step's calls, the failed try and the one that answered, are committed with the photo they set
            List<Map<String, Object>> transactions = TestDatabase.query("SELECT action, outcome, xmin::text AS tx "
                    + "FROM audit_event WHERE process_id = ? AND action IN ('assure.setImages', 'photo.set') "
                    + "ORDER BY occurred_at, id", processId);
            assertThat(transactions).extracting(row -> row.get("action") + " " + row.get("outcome")).containsExactly(
                    "assure.setImages error", "assure.setImages ok", "photo.set recorded");
            assertThat(transactions).extracting(row -> row.get("tx")).containsOnly(transactions.get(2).get("tx"));
        }

        String other = portal.newProcess(dossierId);
        fault("5xx", "setImages", 3, 0);
        Answer outage = api.put(Portal.process(dossierId, other) + "/selfie", "image/png", Portal.png(0x91));
        assertProblem(outage, 503, "upstream-unavailable");
        assertThat(outage.header("Retry-After")).isNotBlank();
        List<String> tries = TestDatabase.events(other).stream().filter(e -> e.contains("assure.setImages")).toList();
        assertThat(outage.json().getString("upstreamTraceId", "")).as(outage + "; tries: " + tries).matches("[0-9a-f]{32}");
        assertThat(tries).containsExactly("UPSTREAM assure.setImages error 503", "UPSTREAM assure.setImages error 503",
                "UPSTREAM assure.setImages error 503");
        assertThat(TestDatabase.single("SELECT photo_sha256 FROM verification_process WHERE id = ?", other)
                .get("photo_sha256")).isNull();
    }

    @Test
    @Order(2)
    void anUnsafeWriteIsNotRepeatedAndLeavesNoHalfRecord() {
        String dossierId = portal.newDossier();
        fault("429", "createProcess", 1, 0);
        Answer refused = api.post("api/v1/dossiers/" + dossierId + "/processes", "{\"provider\":\"facetec\"}");
        assertProblem(refused, 503, "upstream-unavailable");
        assertThat(TestDatabase.query("SELECT id FROM verification_process WHERE dossier_id = ?", dossierId)).isEmpty();
        assertThat(TestDatabase.query("SELECT action, outcome, http_status FROM audit_event WHERE dossier_id = ? "
                + "AND action = 'assure.createProcess'", dossierId)).hasSize(1);
        assertThat(TestDatabase.query("SELECT action FROM audit_event WHERE dossier_id = ? "
                + "AND action = 'process.not-created'", dossierId)).hasSize(1);
    }

    @Test
    @Order(3)
    void aStartWhoseAnswerIsLostIsFinishedFromAssuresState() {
        for (String fault : List.of("timeout", "reset", "malformed")) {
            String dossierId = portal.newDossier();
            String processId = portal.newProcess(dossierId);
            portal.uploadSelfie(dossierId, processId, Portal.png(0x92));
            fault(fault, "startVerification", 1, 10500);
            Answer lost = portal.verify(dossierId, processId, "accepted");
            assertThat(lost.status()).as(fault + ": " + lost).isIn(502, 503, 504);
            assertThat(TestDatabase.events(processId)).as(fault).contains("STATE verification.outcome-unknown following-up");
            // the portal may not start it again meanwhile: Assure may well be verifying it
            assertProblem(portal.verify(dossierId, processId, "accepted"), 409, "wrong-state");

            String status = awaitFinalInDatabase(processId);
            assertThat(status).as(fault).isEqualTo("ACCEPTED");
            assertThat(TestDatabase.events(processId).stream().filter(e -> e.contains("assure.startVerification")))
                    .as(fault + ": started once, never repeated").hasSize(1);
        }
    }

    @Test
    @Order(4)
    void theSameIdempotencyKeyGetsTheFirstAnswerAndAnotherBodyIs422() {
        String key = UUID.randomUUID().toString();
        String reference = "idem-" + UUID.randomUUID();
        String body = "{\"externalReference\":\"" + reference + "\"}";
        Answer first = api.postWithHeader("api/v1/dossiers", body, "Idempotency-Key", key);
        Answer again = api.postWithHeader("api/v1/dossiers", body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.json().getString("dossierId")).isEqualTo(first.json().getString("dossierId"));
        assertThat(TestDatabase.query("SELECT id FROM dossier WHERE external_reference = ?", reference)).hasSize(1);

        Answer other = api.postWithHeader("api/v1/dossiers", "{\"externalReference\":\"another\"}", "Idempotency-Key", key);
        assertProblem(other, 422, "idempotency-key-reused");

        String dossierId = first.json().getString("dossierId");
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x93));
        String enrollment = Portal.enrollment("accepted");
        String verifyKey = UUID.randomUUID().toString();
        String path = Portal.process(dossierId, processId) + "/verification";
        assertThat(api.postWithHeader(path, enrollment, "Idempotency-Key", verifyKey).status()).isEqualTo(202);
        Answer replayed = api.postWithHeader(path, enrollment, "Idempotency-Key", verifyKey);
        assertThat(replayed.status()).isEqualTo(202);
        assertThat(replayed.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(TestDatabase.events(processId).stream().filter(e -> e.contains("assure.startVerification"))).hasSize(1);
    }

    @Test
    @Order(5)
    void twoVerificationsAtTheSameMomentReachAssureOnce() throws Exception {
        String dossierId = portal.newDossier();
        String processId = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, processId, Portal.png(0x94));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String enrollment = Portal.enrollment("accepted");
            answers.add(pool.submit(() -> {
                start.await();
                return portal.verify(dossierId, processId, "accepted");
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Answer> answer : answers) {
            statuses.add(answer.get(60, TimeUnit.SECONDS).status());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        assertThat(TestDatabase.events(processId).stream().filter(e -> e.contains("assure.startVerification"))).hasSize(1);
    }

    @Test
    @Order(6)
    void theCircuitBreakerOpensOnRepeatedFailuresAndClosesWhenAssureRecovers() throws InterruptedException {
        String dossierId = portal.newDossier();
        String source = portal.newProcess(dossierId);
        portal.uploadSelfie(dossierId, source, Portal.png(0x95));
        String target = portal.newProcess(dossierId);
        String copy = "{\"fromProcessId\":\"" + source + "\",\"depiction\":\"selfie\"}";
        fault("5xx", "getImages", 100, 0);

        // background follow-ups of earlier processes succeed meanwhile: the window may need a few rounds
        Answer open = null;
        for (int i = 0; i < 25 && open == null; i++) {
            Answer answer = api.putJson(Portal.process(dossierId, target) + "/selfie", copy);
            assertProblem(answer, 503, "upstream-unavailable");
            if (answer.json().getString("detail").contains("paused")) {
                open = answer;
            }
        }
        assertThat(open).as("the breaker opened").isNotNull();
        assertThat(TestDatabase.events(target)).contains("UPSTREAM assure.getImages circuit-open");

        SandboxControl.of(base).delete("sandbox/control/faults");
        eventually(Duration.ofSeconds(30), Duration.ofMillis(500), "the breaker closes again once Assure answers",
                () -> api.putJson(Portal.process(dossierId, target) + "/selfie", copy), answer -> answer.status() == 204);
    }

    private void fault(String fault, String operation, int times, long delayMs) {
        Answer planned = SandboxControl.of(base).post("sandbox/control/faults", "{\"fault\":\"" + fault + "\",\"operation\":\"" + operation
                + "\",\"times\":" + times + ",\"delayMs\":" + delayMs + "}");
        assertThat(planned.status()).as(planned.toString()).isEqualTo(204);
    }

    private static String awaitFinalInDatabase(String processId) {
        return eventually(Duration.ofSeconds(30), "process " + processId + " becomes final",
                () -> (String) TestDatabase.single("SELECT status FROM verification_process WHERE id = ?",
                        processId).get("status"), status -> !status.equals("PENDING") && !status.equals("PROCESSING"));
    }
}

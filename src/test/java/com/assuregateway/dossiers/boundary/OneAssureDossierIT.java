package com.assuregateway.dossiers.boundary;

import static com.assuregateway.testsupport.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.SandboxAssure;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One end-user, one dossier at Assure: concurrent first requests do not each create one, and a creation whose
 * answer was lost is found again by its exact reference instead of being made twice.
 */
class OneAssureDossierIT extends GatewayTest {

    private Api api;
    private SandboxAssure assure;

    @BeforeEach
    void portal() {
        api = new Api(base).as(Tokens.portal("one-dossier-tenant"));
        assure = new SandboxAssure(base);
    }

    @AfterEach
    void noFaultOutlivesItsTest() {
        assure.clearFaults();
    }

    @Test
    void concurrentFirstRequestsForOneReferenceCreateOneDossierAtAssure() {
        String body = "{\"externalReference\":\"concurrent-" + UUID.randomUUID() + "\"}";
        // a first dossier warms the server (token, code paths): what is measured below is the race alone
        assertThat(api.post("api/v1/dossiers", "{\"externalReference\":\"warm-" + UUID.randomUUID() + "\"}")
                .status()).isEqualTo(201);
        // Assure takes 1.5 s to answer the creation: every other request arrives while it is in flight
        assure.planFault("slow", "createDossier", 1, 1500);

        List<CompletableFuture<Answer>> requests = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.post("api/v1/dossiers", body))).toList();
        List<Answer> answers = requests.stream().map(CompletableFuture::join).toList();

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.toString()).isIn(200, 201));
        assertThat(answers.stream().filter(a -> a.status() == 201)).as("one request created it").hasSize(1);
        List<String> dossierIds = answers.stream().map(a -> a.json().getString("dossierId")).distinct().toList();
        assertThat(dossierIds).as("every answer names the same dossier").hasSize(1);
        assertThat(assure.dossiersWithReference(dossierIds.get(0))).as("dossiers at Assure").hasSize(1);
        assertThat(TestDatabase.single("SELECT assure_dossier_id FROM dossier WHERE id = ?", dossierIds.get(0))
                .get("assure_dossier_id")).isEqualTo(assure.dossiersWithReference(dossierIds.get(0)).get(0));
    }

    @Test
    void aCreationWhoseAnswerWasLostIsFoundByItsExactReferenceNotMadeTwice() throws InterruptedException {
        String body = "{\"externalReference\":\"lost-" + UUID.randomUUID() + "\"}";
        // Assure creates the dossier, and the connection drops before its answer arrives
        assure.planFault("reset", "createDossier", 1, 0);
        Answer lost = api.post("api/v1/dossiers", body);
        assertThat(lost.status()).as(lost.toString()).isGreaterThanOrEqualTo(500);
        String dossierId = (String) TestDatabase.single("SELECT d.id FROM dossier d WHERE d.external_reference = ?",
                body.replaceAll(".*\"(lost-[^\"]+)\".*", "$1")).get("id");
        assertThat(assure.dossiersWithReference(dossierId)).as("Assure made it").hasSize(1);
        // other clients of the account create dossiers meanwhile, some with references that merely contain ours
        for (int i = 0; i < 20; i++) {
            assure.createDossier(dossierId + "-" + i);
        }

        // the portal retries; while the lost attempt could still be in flight it is told to wait
        Answer retried = eventually(Duration.ofSeconds(30), Duration.ofMillis(500), "the portal's retry is answered",
                () -> api.post("api/v1/dossiers", body), answer -> {
                    if (answer.status() != 409) {
                        return true;
                    }
                    assertThat(answer.json().getString("type")).endsWith(":dossier-creation-in-progress");
                    assertThat(answer.header("Retry-After")).isNotNull();
                    return false;
                });

        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        assertThat(retried.json().getString("dossierId")).isEqualTo(dossierId);
        List<String> atAssure = assure.dossiersWithReference(dossierId);
        assertThat(atAssure).as("still one dossier at Assure").hasSize(1);
        assertThat(TestDatabase.single("SELECT assure_dossier_id FROM dossier WHERE id = ?", dossierId)
                .get("assure_dossier_id")).isEqualTo(atAssure.get(0));
    }
}

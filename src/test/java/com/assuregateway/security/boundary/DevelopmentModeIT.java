package com.assuregateway.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayProcess;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.JsonObject;
import java.io.File;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's first command keeps working, run exactly as the README says (the microbundle, nothing set): the
 * WAR's own configuration (development mode, H2, the built-in sandbox) trusts development tokens, and the
 * sandbox's own opaque access tokens get through the server's bearer-token check without any development key
 * in the WAR. Not through Arquillian: the microbundle deploys the WAR on the server's start-up thread, where an
 * injected Config once missed the WAR's own file. H2 pass only: it uses no test database.
 */
class DevelopmentModeIT {

    private static GatewayProcess gateway;
    private static URL base;

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "the README's run is on its own H2: the H2 pass runs it");
        File folder = new File("target/readme-run-" + System.nanoTime());
        gateway = GatewayProcess.readmeRun(GatewayProcess.freePort(), folder, new File("target/it-logs/readme-run.log"))
                .start();
        base = gateway.url();
        dataFolder = new File(folder, "data");
    }

    private static File dataFolder;

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void aDevelopmentTokenRunsTheWholeFlowAgainstTheSandbox() throws InterruptedException {
        Api portal = new Api(base).as(Tokens.development(List.of("portal"), "dev-tenant"));
        Portal flow = new Portal(portal);
        String dossierId = flow.newDossier();
        String processId = flow.newProcess(dossierId);
        flow.uploadSelfie(dossierId, processId, Portal.png(40));
        assertThat(flow.verify(dossierId, processId, "accepted").status()).isEqualTo(202);
        JsonObject result = flow.awaitFinal(dossierId, processId);
        assertThat(result.getString("status")).isEqualTo("accepted");
        // and the evidence is sealed (in the README run's own H2 file) with the development archive key
        JsonObject archive = null;
        for (int poll = 0; poll < 240 && archive == null; poll++) {
            JsonObject process = portal.get(Portal.process(dossierId, processId)).json();
            archive = process.isNull("archive") ? null : process.getJsonObject("archive");
            if (archive == null) {
                Thread.sleep(250);
            }
        }
        assertThat(archive).as("archived within 60 s").isNotNull();
        assertThat(dataFolder).as("the README's ./data folder").isDirectory();
    }

    @Test
    void readinessSaysTheModeOutLoud() {
        Answer ready = new Api(base).get("health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        JsonObject posture = check(ready.json(), "security-posture");
        assertThat(posture.getString("status")).isEqualTo("UP");
        assertThat(posture.getJsonObject("data").getString("mode")).isEqualTo("development");
    }

    @Test
    void theTestIdentityProvidersTokensMeanNothingHere() {
        Answer answer = new Api(base).as(Tokens.portal("dev-tenant")).post("api/v1/dossiers",
                "{\"externalReference\":\"someone\"}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(401);
    }

    static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }
}

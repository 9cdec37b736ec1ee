package com.assuregateway.security.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayDeployment;
import com.assuregateway.testsupport.Portal;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The README's first command keeps working: the WAR's own configuration (development mode, H2, the built-in
 * sandbox) trusts development tokens, and the sandbox's own opaque access tokens get through the server's
 * bearer-token check without any development key in the WAR. H2 only: development mode refuses PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DevelopmentModeIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-development")
    static WebArchive deployment() {
        return GatewayDeployment.war();
    }

    @Test
    void aDevelopmentTokenRunsTheWholeFlowAgainstTheSandbox() {
        Api portal = new Api(base).as(Tokens.development(List.of("portal"), "dev-tenant"));
        Portal flow = new Portal(portal);
        String dossierId = flow.newDossier();
        String processId = flow.newProcess(dossierId);
        flow.uploadSelfie(dossierId, processId, Portal.png(40));
        assertThat(flow.verify(dossierId, processId, "accepted").status()).isEqualTo(202);
        JsonObject result = flow.awaitFinal(dossierId, processId);
        assertThat(result.getString("status")).isEqualTo("accepted");
        // every upstream call of the flow was answered by the sandbox, none refused at the token check
        assertThat(TestDatabase.events(processId)).filteredOn(event -> event.startsWith("UPSTREAM")).isNotEmpty()
                .noneMatch(event -> event.endsWith(" 401"));
        // and the evidence is sealed with the development archive key, which only this mode may use
        assertThat(TestDatabase.awaitArchive(processId).get("key_id")).isEqualTo("dev");
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

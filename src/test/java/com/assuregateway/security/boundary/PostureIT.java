package com.assuregateway.security.boundary;

import static com.assuregateway.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayDeployment;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.JsonObject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's mistake the security review found: development mode (the WAR's default) left on while real
 * settings are configured, here Signicat-like URLs and a company client, and on the PostgreSQL pass a database
 * server. The gateway must not trust the public development key then: every API call is refused with a
 * problem naming the settings, and readiness is DOWN so no load balancer sends traffic.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PostureIT {

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    @TargetsContainer("payara-micro-misconfigured")
    static WebArchive deployment() {
        return GatewayDeployment.war();
    }

    @Test
    void aDevelopmentTokenOpensNothingBesideRealSettings() {
        String reference = "victim-" + UUID.randomUUID();
        for (List<String> roles : List.of(List.of("portal"), List.of("admin"), List.of("auditor"))) {
            Api attacker = new Api(base).as(Tokens.development(roles, "any-tenant"));
            Answer create = attacker.post("api/v1/dossiers", "{\"externalReference\":\"" + reference + "\"}");
            assertProblem(create, 503, "configuration");
            String detail = create.json().getString("detail");
            assertThat(detail).contains("assure/mp-rest/url", "assure.auth.client-id", "gateway.mode=production");
            if (TestDatabase.isPostgres()) {
                assertThat(detail).contains("db.url");
            }
            assertProblem(attacker.get("api/v1/audit/processes"), 503, "configuration");
            assertProblem(attacker.delete("api/v1/dossiers/" + UUID.randomUUID()), 503, "configuration");
        }
        assertThat(TestDatabase.query("SELECT id FROM dossier WHERE external_reference = ?", reference)).isEmpty();
    }

    @Test
    void readinessIsDownAndNamesEachSetting() {
        Answer ready = new Api(base).get("health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(503);
        JsonObject posture = DevelopmentModeIT.check(ready.json(), "security-posture");
        assertThat(posture.getString("status")).isEqualTo("DOWN");
        assertThat(posture.getJsonObject("data").keySet()).contains("assure/mp-rest/url", "assure.auth.client-id");
        assertThat(posture.getJsonObject("data").containsKey("db.url")).isEqualTo(TestDatabase.isPostgres());
    }
}

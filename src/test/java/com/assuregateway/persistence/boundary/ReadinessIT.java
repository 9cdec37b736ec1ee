package com.assuregateway.persistence.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayDeployment;
import com.assuregateway.testsupport.TestDatabase;
import jakarta.json.JsonObject;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readiness says UP because the migrated schema is there, and says which version it found. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReadinessIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return GatewayDeployment.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void readyReportsTheMigratedDatabase() {
        Answer ready = new Api(base).get("health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        JsonObject check = ready.json().getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertThat(check.getString("status")).isEqualTo("UP");
        String latest = TestDatabase.single("SELECT MAX(\"version\") AS v FROM \"flyway_schema_history\" "
                + "WHERE \"success\" = TRUE").get("v").toString();
        assertThat(check.getJsonObject("data").getString("schemaVersion")).isEqualTo(latest);
    }
}

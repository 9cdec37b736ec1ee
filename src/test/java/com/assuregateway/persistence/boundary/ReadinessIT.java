package com.assuregateway.persistence.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.GatewayTest;
import com.assuregateway.testsupport.TestDatabase;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Readiness says UP because the migrated schema is there, and says which version it found. */
class ReadinessIT extends GatewayTest {

    @Test
    void readyReportsTheMigratedDatabase() {
        Answer ready = new Api(base).get("health/ready");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        JsonObject check = ready.json().getJsonArray("checks").stream().map(c -> c.asJsonObject())
                .filter(c -> c.getString("name").equals("database")).findFirst().orElseThrow();
        assertThat(check.getString("status")).isEqualTo("UP");
        // the last one applied, not MAX(version): versions are text, and "9" sorts after "11"
        String latest = TestDatabase.query("SELECT \"version\" AS v FROM \"flyway_schema_history\" "
                + "WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC").get(0)
                .get("v").toString();
        assertThat(check.getJsonObject("data").getString("schemaVersion")).isEqualTo(latest);
    }
}

package com.assuregateway.security.boundary;

import static com.assuregateway.testsupport.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.assuregateway.security.entity.DevelopmentKey;
import com.assuregateway.testsupport.Api;
import com.assuregateway.testsupport.Api.Answer;
import com.assuregateway.testsupport.GatewayProcess;
import com.assuregateway.testsupport.TestDatabase;
import com.assuregateway.testsupport.Tokens;
import jakarta.json.JsonObject;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two mistakes of a production operator, on a microbundle of its own (production mode, sandbox off): the
 * development public key copied under another file name as the "identity provider's" key, and Assure reached
 * over plain http on a remote host. The gateway must see through the new name and refuse to serve, naming both
 * settings. H2 pass only: the database plays no part.
 */
class ProductionPostureIT {

    private static GatewayProcess gateway;

    @BeforeAll
    static void start() throws Exception {
        assumeFalse(TestDatabase.isPostgres(), "no database in these checks: the H2 pass runs them");
        Path renamed = Path.of("target/it-keys/company-idp-" + System.nanoTime() + ".pem");
        Files.createDirectories(renamed.getParent());
        Files.copy(Path.of("server-config/dev/jwt-public-key.pem"), renamed, StandardCopyOption.REPLACE_EXISTING);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("gateway.sandbox.enabled", "false");
        config.put("db.url", "jdbc:h2:" + new File("target/it-h2/posture-" + System.nanoTime()).getAbsolutePath());
        config.put("mp.jwt.verify.publickey.location", renamed.toAbsolutePath().toUri().toString());
        config.put("mp.jwt.verify.issuer", DevelopmentKey.ISSUER);
        config.put("assure/mp-rest/url", "http://assure.example.com/assure");
        config.put("assure.auth.token-url", "https://auth.example.com/token");
        config.put("assure.auth.client-id", "company-client");
        config.put("assure.auth.client-secret", "company-secret");
        config.put("gateway.archive.key-id", "prod");
        config.put("gateway.archive.key.prod", Base64.getEncoder().encodeToString(new byte[32]));
        gateway = new GatewayProcess(GatewayProcess.freePort(), config,
                new File("target/it-logs/production-posture.log")).startRefusing();
    }

    @AfterAll
    static void stop() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void theDevelopmentKeyUnderAnotherNameAndPlainHttpToAssureCloseTheApi() {
        Api forged = new Api(gateway.url()).as(Tokens.development(List.of("admin", "portal"), "any"));
        Answer answer = forged.post("api/v1/dossiers", "{\"externalReference\":\"someone\"}");
        assertProblem(answer, 503, "configuration");
        assertThat(answer.json().getString("detail")).contains("mp.jwt.verify.publickey.location",
                "mp.jwt.verify.issuer", "assure/mp-rest/url").doesNotContain("assure.auth.token-url");
        assertProblem(forged.get("api/v1/audit/processes"), 503, "configuration");

        Answer ready = new Api(gateway.url()).get("health/ready");
        assertThat(ready.status()).isEqualTo(503);
        JsonObject posture = DevelopmentModeIT.check(ready.json(), "security-posture");
        assertThat(posture.getJsonObject("data").getString("mode")).isEqualTo("production");
        assertThat(posture.getJsonObject("data").keySet()).contains("mp.jwt.verify.publickey.location",
                "assure/mp-rest/url");
    }
}

package com.assuregateway.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.testsupport.Api.Answer;
import java.net.URL;
import java.util.Base64;
import java.util.List;

/**
 * The built-in sandbox as Assure, seen from a test: its own API with its own token (what exists "at Assure"),
 * and its fault control.
 */
public final class SandboxAssure {

    private final Api api;
    private final Api control;

    public SandboxAssure(URL base) {
        this.api = new Api(base);
        this.control = SandboxControl.of(base);
    }

    /** Assure's dossiers (its last 100) created under this externalReference; the gateway uses its dossier id. */
    public List<String> dossiersWithReference(String externalReference) {
        Answer list = assure().get("sandbox/assure/dossiers");
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return jakarta.json.Json.createReader(new java.io.StringReader(list.text())).readArray().stream()
                .map(d -> d.asJsonObject())
                .filter(d -> externalReference.equals(d.getString("externalReference", null)))
                .map(d -> d.getString("dossierId")).toList();
    }

    /** A dossier made at Assure directly, as another client of the same account would. */
    public String createDossier(String externalReference) {
        Answer created = assure().post("sandbox/assure/dossiers", "{\"externalReference\":\"" + externalReference + "\"}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().getString("dossierId");
    }

    /** The next times calls of one Assure operation misbehave (see SandboxFaults). */
    public void planFault(String fault, String operation, int times, long delayMs) {
        plan("{\"fault\":\"" + fault + "\",\"operation\":\"" + operation + "\",\"times\":" + times
                + ",\"delayMs\":" + delayMs + "}");
    }

    /**
     * The same, for the calls about one of the gateway's processes only (found by its Assure id): on a server
     * whose database holds processes of earlier tests, their follow-up cannot use the fault up.
     */
    public void planFaultFor(String gatewayProcessId, String fault, String operation, long delayMs) {
        Object assureId = TestDatabase.single("SELECT assure_process_id FROM verification_process WHERE id = ?",
                gatewayProcessId).get("assure_process_id");
        assertThat(assureId).as("the process exists at Assure").isNotNull();
        plan("{\"fault\":\"" + fault + "\",\"operation\":\"" + operation + "\",\"times\":1,\"delayMs\":" + delayMs
                + ",\"processId\":\"" + assureId + "\"}");
    }

    private void plan(String body) {
        Answer planned = control.post("sandbox/control/faults", body);
        assertThat(planned.status()).as(planned.toString()).isEqualTo(204);
    }

    public void clearFaults() {
        assertThat(control.delete("sandbox/control/faults").status()).isEqualTo(204);
    }

    private Api assure() {
        Answer token = api.postForm("sandbox/auth/open/connect/token", "grant_type=client_credentials&scope=signicat-api",
                "Basic " + Base64.getEncoder().encodeToString("sandbox-client:sandbox-secret".getBytes()));
        assertThat(token.status()).as(token.toString()).isEqualTo(200);
        return api.as(token.json().getString("access_token"));
    }
}

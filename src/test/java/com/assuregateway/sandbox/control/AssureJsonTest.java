package com.assuregateway.sandbox.control;

import com.assuregateway.testsupport.OpenApiSpec;

import static org.assertj.core.api.Assertions.assertThat;

import com.assuregateway.sandbox.entity.Depiction;
import com.assuregateway.sandbox.entity.ProcessSnapshot;
import com.assuregateway.sandbox.entity.ProcessStatus;
import com.assuregateway.sandbox.entity.SandboxDossier;
import com.assuregateway.sandbox.entity.StoredImage;
import jakarta.json.JsonObject;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssureJsonTest {

    private static final Instant CREATED = Instant.parse("2024-03-21T11:42:52.987Z");
    private static final StoredImage JPEG = new StoredImage(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, StoredImage.JPEG);

    private final ResultFactory results = new ResultFactory();
    private final SandboxFacetecKeys keys = new SandboxFacetecKeys();

    private static ProcessSnapshot snapshot(String provider, ProcessStatus status, JsonObject result) {
        return new ProcessSnapshot("p-1", "d-1", provider, null, 1, status, CREATED, CREATED,
                Map.of(Depiction.SELFIE, JPEG), result);
    }

    @Test
    void timestampsAreWholeSecondUtc() {
        assertThat(AssureJson.time(CREATED)).isEqualTo("2024-03-21T11:42:52Z");
    }

    @Test
    void dossierMatchesTheSpec() {
        SandboxDossier dossier = new SandboxDossier("d-1", "ref", CREATED, CREATED);

        JsonObject json = AssureJson.dossierResponse(dossier, List.of(snapshot("facetec", ProcessStatus.PENDING, null)));

        assertThat(json.keySet()).isSubsetOf(OpenApiSpec.properties("DossierResponse"));
        assertThat(AssureJson.dossier(dossier).keySet())
                .containsExactlyInAnyOrder("dossierId", "externalReference", "createdAt", "updatedAt")
                .isSubsetOf(OpenApiSpec.properties("Dossier"));
        JsonObject slim = json.getJsonArray("processes").getJsonObject(0);
        assertThat(slim.keySet()).isSubsetOf(OpenApiSpec.properties("SlimProcess"));
        assertThat(slim.getString("status")).isEqualTo("pending");
    }

    @Test
    void aMissingExternalReferenceIsLeftOut() {
        assertThat(AssureJson.dossier(new SandboxDossier("d", null, CREATED, CREATED)).containsKey("externalReference")).isFalse();
    }

    @Test
    void facetecProcessCreationCarriesTheSdkValues() throws Exception {
        JsonObject json = AssureJson.processCreated(snapshot("facetec", ProcessStatus.PENDING, null),
                keys.processAuthorization("p-1"), keys);

        assertThat(json.keySet()).isSubsetOf(OpenApiSpec.properties("ProcessResponse"))
                .contains("processId", "provider", "status", "authorization", "facetecDeviceKeyIdentifier",
                        "facetecEncryptionPublicKey", "facetecMobileSdkProductionKey", "createdAt", "updatedAt");
        assertThat(json.getString("status")).isEqualTo("pending");
        assertThat(json.getString("authorization").split("\\.")).hasSize(3);
        String pem = json.getString("facetecEncryptionPublicKey");
        assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("\n-----END PUBLIC KEY-----");
        assertThat(pem.lines().count()).isGreaterThan(3);
        String body = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "").replace("\n", "");
        assertThat(KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body))))
                .isNotNull();
    }

    @Test
    void otherProvidersGetNoFacetecFields() {
        JsonObject json = AssureJson.processCreated(snapshot("onfido", ProcessStatus.PENDING, null), "a.b.c", keys);

        assertThat(json.keySet()).noneMatch(key -> key.startsWith("facetec"));
    }

    @Test
    void finalProcessCarriesTheResultAndDepictions() {
        JsonObject json = AssureJson.process(snapshot("facetec", ProcessStatus.ACCEPTED, results.resultFor(Outcome.ACCEPTED)));

        assertThat(json.keySet()).isSubsetOf(OpenApiSpec.properties("Process"))
                .contains("providerSpecific", "finalResult", "depictions");
        assertThat(json.getString("status")).isEqualTo("accepted");
        assertThat(json.getJsonArray("depictions").getString(0)).isEqualTo("selfie");
    }

    @Test
    void processingProcessHasNoResult() {
        JsonObject json = AssureJson.process(snapshot("facetec", ProcessStatus.PROCESSING, null));

        assertThat(json.getString("status")).isEqualTo("processing");
        assertThat(json.containsKey("providerSpecific")).isFalse();
        assertThat(json.containsKey("finalResult")).isFalse();
    }

    @Test
    void failAnswerIsAProcessStatusResponse() {
        JsonObject json = AssureJson.processStatusResponse(
                snapshot("facetec", ProcessStatus.FAILED, results.failedByRequest()), results.failedByRequestReason());

        assertThat(json.keySet()).containsExactlyInAnyOrderElementsOf(OpenApiSpec.properties("ProcessStatusResponse"));
        assertThat(json.getString("status")).isEqualTo("failed");
    }

    @Test
    void verifyAnswerIsAVerifyResponse() {
        JsonObject json = AssureJson.verifyResponse(snapshot("facetec", ProcessStatus.PROCESSING, null));

        assertThat(json.keySet()).containsExactlyInAnyOrderElementsOf(OpenApiSpec.properties("VerifyResponse"));
    }
}

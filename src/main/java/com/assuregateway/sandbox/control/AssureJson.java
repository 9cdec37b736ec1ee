package com.assuregateway.sandbox.control;

import com.assuregateway.shared.control.Jsonp;
import com.assuregateway.sandbox.entity.Depiction;
import com.assuregateway.sandbox.entity.ProcessSnapshot;
import com.assuregateway.sandbox.entity.SandboxDossier;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Renders sandbox state as the spec's schemas (Dossier, DossierResponse, SlimProcess, ProcessResponse,
 * Process, VerifyResponse, ProcessStatusResponse). Absent optional values are left out rather than
 * sent as null, so strict readers are not tripped by nulls Assure would not send.
 */
public final class AssureJson {

    public static final String FACETEC = "facetec";

    private AssureJson() {
    }

    /** ISO-8601 UTC with whole seconds, {@code YYYY-MM-DDThh:mm:ssZ}, as the spec describes. */
    public static String time(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static JsonObject dossier(SandboxDossier dossier) {
        return dossierBuilder(dossier).build();
    }

    public static JsonObject dossierResponse(SandboxDossier dossier, List<ProcessSnapshot> processes) {
        JsonArrayBuilder slim = Jsonp.PROVIDER.createArrayBuilder();
        processes.forEach(process -> slim.add(slimProcess(process)));
        return dossierBuilder(dossier).add("processes", slim).build();
    }

    public static JsonObject slimProcess(ProcessSnapshot process) {
        return header(process)
                .add("createdAt", time(process.createdAt()))
                .add("updatedAt", time(process.updatedAt()))
                .build();
    }

    /** The 201 answer to create process; the FaceTec fields only for the facetec provider. */
    public static JsonObject processCreated(ProcessSnapshot process, String authorization, SandboxFacetecKeys keys) {
        JsonObjectBuilder json = header(process).add("authorization", authorization);
        if (FACETEC.equals(process.provider())) {
            json.add("facetecDeviceKeyIdentifier", keys.deviceKeyIdentifier())
                    .add("facetecEncryptionPublicKey", keys.encryptionPublicKeyPem())
                    .add("facetecMobileSdkProductionKey", keys.mobileSdkProductionKey());
        }
        return json.add("createdAt", time(process.createdAt()))
                .add("updatedAt", time(process.updatedAt()))
                .build();
    }

    /** The Process schema: result fields appear only once the process is final. */
    public static JsonObject process(ProcessSnapshot process) {
        JsonObjectBuilder json = header(process);
        if (process.result() != null) {
            process.result().forEach((key, value) -> {
                if (!"status".equals(key)) {
                    json.add(key, value);
                }
            });
        }
        JsonArrayBuilder depictions = Jsonp.PROVIDER.createArrayBuilder();
        process.depictions().stream().map(Depiction::wireName).forEach(depictions::add);
        return json.add("depictions", depictions)
                .add("createdAt", time(process.createdAt()))
                .add("updatedAt", time(process.updatedAt()))
                .build();
    }

    public static JsonObject verifyResponse(ProcessSnapshot process) {
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("processId", process.processId())
                .add("status", process.status().wireName())
                .build();
    }

    /** The spec's ProcessStatusResponse, the answer to {@code /fail}. */
    public static JsonObject processStatusResponse(ProcessSnapshot process, JsonObject reason) {
        return Jsonp.PROVIDER.createObjectBuilder()
                .add("processId", process.processId())
                .add("status", process.status().wireName())
                .add("reason", reason)
                .build();
    }

    private static JsonObjectBuilder dossierBuilder(SandboxDossier dossier) {
        JsonObjectBuilder json = Jsonp.PROVIDER.createObjectBuilder().add("dossierId", dossier.dossierId());
        if (dossier.externalReference() != null) {
            json.add("externalReference", dossier.externalReference());
        }
        return json.add("createdAt", time(dossier.createdAt()))
                .add("updatedAt", time(dossier.updatedAt()));
    }

    private static JsonObjectBuilder header(ProcessSnapshot process) {
        JsonObjectBuilder json = Jsonp.PROVIDER.createObjectBuilder()
                .add("processId", process.processId())
                .add("provider", process.provider());
        if (process.processType() != null) {
            json.add("processType", process.processType());
        }
        return json.add("status", process.status().wireName());
    }
}

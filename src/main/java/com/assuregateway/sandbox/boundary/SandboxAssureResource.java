package com.assuregateway.sandbox.boundary;

import com.assuregateway.shared.control.Jsonp;
import com.assuregateway.sandbox.control.AnswerDelay;
import com.assuregateway.sandbox.control.AssureJson;
import com.assuregateway.sandbox.control.ImageUpload;
import com.assuregateway.sandbox.control.Outcome;
import com.assuregateway.sandbox.control.ResultFactory;
import com.assuregateway.sandbox.control.ResultZip;
import com.assuregateway.sandbox.control.SandboxFacetecKeys;
import com.assuregateway.sandbox.control.SandboxStore;
import com.assuregateway.sandbox.control.VerifyCommand;
import com.assuregateway.sandbox.entity.Depiction;
import com.assuregateway.sandbox.entity.ProcessSnapshot;
import com.assuregateway.sandbox.entity.ProcessStatus;
import com.assuregateway.sandbox.entity.SandboxDossier;
import com.assuregateway.sandbox.entity.SandboxProcess;
import com.assuregateway.sandbox.entity.StoredImage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Simulates the part of the Signicat Assure API that the FaceTec flow uses, at
 * {@code /sandbox/assure}, with the spec's paths below it, so the gateway's REST client can point its
 * base URL here instead of {@code https://api.signicat.com/assure}. State lives in memory only.
 *
 * <h2>Common rules</h2>
 * <ul>
 *   <li>Every call needs {@code Authorization: Bearer <token>} from {@code POST /sandbox/auth/open/connect/token},
 *       not expired and not revoked ({@code POST /sandbox/control/revoke-tokens}); otherwise 401.</li>
 *   <li>Errors are {@code application/json} problem bodies: {@code instance} (Assure's own path,
 *       {@code /assure/...}), {@code method}, {@code status}, {@code type} ({@code base:client-problem} for 4xx,
 *       {@code base:server-problem} for 5xx), {@code title}, {@code detail}, {@code traceId} (32 hex),
 *       {@code timestamp}.</li>
 *   <li>Timestamps are ISO-8601 UTC with whole seconds. Unknown dossier or process ids give 404.</li>
 *   <li>With {@code gateway.sandbox.enabled=false} every sandbox path answers 404.</li>
 *   <li>Request bodies are never logged: they carry biometric data.</li>
 * </ul>
 *
 * <h2>Endpoints</h2>
 * <ul>
 *   <li>{@code POST /dossiers} {@code {externalReference?}} (body optional) → 201 Dossier.</li>
 *   <li>{@code GET /dossiers/{d}} → 200 DossierResponse with SlimProcess list (does not use up polls);
 *       {@code DELETE /dossiers/{d}} → 204, deleting its processes too.</li>
 *   <li>{@code POST /dossiers/{d}/processes} {@code {provider, processType?}} → 201 ProcessResponse, status pending,
 *       with {@code authorization}; for {@code facetec} also {@code facetecDeviceKeyIdentifier},
 *       {@code facetecEncryptionPublicKey} (a real RSA PEM, with newlines) and {@code facetecMobileSdkProductionKey}.
 *       Any provider of the spec's enum is accepted (so a document process can hold a photo to copy);
 *       missing or other provider → 400.</li>
 *   <li>{@code POST /dossiers/{d}/processes/{p}/images} {@code {front|back|selfie: "data:image/jpeg|png;base64,..."}}
 *       → 201 without body; the decoded bytes must carry a JPEG or PNG signature (the stored type follows the
 *       bytes), else 400; re-sending replaces; once not pending → 409.</li>
 *   <li>{@code GET /dossiers/{d}/processes/{p}/images?depiction=front|back|selfie|portrait} → 200
 *       {@code application/octet-stream}; missing/invalid depiction → 400; no such image → 404.</li>
 *   <li>{@code POST /dossiers/{d}/processes/{p}} (start verification, facetec only) VerifyRequest → 200
 *       {@code {processId, status:"processing"}}. 400 when facetecEnrollment or any of faceScan, auditTrailImage,
 *       lowQualityAuditTrailImage, userAgent is missing/blank, imageDepiction is not selfie/front, no image of
 *       that depiction is stored, or the outcome marker is unknown; 409 when not pending.</li>
 *   <li>{@code GET /dossiers/{d}/processes/{p}} → 200 Process. {@code pending} before verification; after it,
 *       {@code processing} for the first {@code gateway.sandbox.processing-polls} (default 1) GETs, then the final
 *       status with {@code providerSpecific}, {@code finalResult} (accepted only), {@code failReason} (failed only).
 *       {@code depictions} always lists the stored images.</li>
 *   <li>{@code GET /dossiers/{d}/processes/{p}/download} → 204 until a GET process has returned a final status
 *       (download never uses up a poll), then 200 {@code application/zip} with {@code liveness.json},
 *       {@code matching_facePortrait.json} (when the result has them) and {@code selfie.jpeg|png},
 *       {@code front.jpeg|png} (when stored).</li>
 *   <li>{@code POST /dossiers/{d}/processes/{p}/fail} → 200 ProcessStatusResponse (status failed) when pending,
 *       else 409. {@code DELETE /dossiers/{d}/processes/{p}} → 204.</li>
 * </ul>
 *
 * <h2>Outcome markers</h2>
 * The outcome is chosen by the text {@code sandbox:<marker>} anywhere in {@code facetecEnrollment.userAgent}
 * (first one wins, case-insensitive):
 * <table>
 *   <caption>Outcome markers</caption>
 *   <tr><th>marker</th><th>final status</th><th>result</th></tr>
 *   <tr><td>none, {@code sandbox:accepted}</td><td>accepted</td><td>4 checks true, liveness success, one facePortrait
 *       attempt level 8, finalResult {livenessDetected:true, similarityScore:"high"}</td></tr>
 *   <tr><td>{@code sandbox:accepted-flat}</td><td>accepted</td><td>same data flattened as in the guide: dotted
 *       {@code facescanSecurityChecks.*} keys, string booleans, {@code matchLevel:"8"}, {@code livenessDetected:"true"}</td></tr>
 *   <tr><td>{@code sandbox:inconclusive}</td><td>inconclusive</td><td>liveness passes; attempts facePortrait 4,
 *       idPhoto 5, idPhotoLowQuality 5 (deciding)</td></tr>
 *   <tr><td>{@code sandbox:rejected-match}</td><td>rejected</td><td>liveness passes; three attempts at level 0</td></tr>
 *   <tr><td>{@code sandbox:rejected-liveness}</td><td>rejected</td><td>faceScanLivenessCheckSucceeded false,
 *       liveness success false; facePortrait level 8</td></tr>
 *   <tr><td>{@code sandbox:failed}</td><td>failed</td><td>failReason {type, code:"sandbox", message}, no providerSpecific</td></tr>
 *   <tr><td>{@code sandbox:error-5xx}</td><td>(stays pending)</td><td>the start call answers 503 base:server-problem
 *       with Retry-After: 1</td></tr>
 *   <tr><td>{@code sandbox:slow}</td><td>accepted</td><td>the start call answers after
 *       {@code gateway.sandbox.slow-delay-ms} (default 3000); the process is already processing meanwhile</td></tr>
 *   <tr><td>anything else</td><td>(stays pending)</td><td>400 naming the known markers</td></tr>
 * </table>
 */
@ApplicationScoped
@SandboxEndpoint
@SandboxBearerRequired
@Path("sandbox/assure")
public class SandboxAssureResource {

    static final String PROCESSING_POLLS = "gateway.sandbox.processing-polls";
    static final String SLOW_DELAY_MS = "gateway.sandbox.slow-delay-ms";

    /** The provider enum of the spec's ProcessRequest. */
    static final List<String> PROVIDERS = List.of("onfido", "readid", "signicatpaper", AssureJson.FACETEC,
            "webid", "signicatpictureid", "signicatvideoid", "connect:idmethod");

    private static final String DOSSIER = "dossiers/{dossierId}";
    private static final String PROCESS = DOSSIER + "/processes/{processId}";

    @Inject
    SandboxStore store;

    @Inject
    ResultFactory results;

    @Inject
    SandboxFacetecKeys facetecKeys;

    @Inject
    Config config;

    /** The last 100 dossiers, newest first (the spec's getDossiers: an array of Dossier). */
    @GET
    @Path("dossiers")
    public Response getDossiers() {
        jakarta.json.JsonArrayBuilder list = Jsonp.PROVIDER.createArrayBuilder();
        store.latestDossiers(100).forEach(d -> list.add(AssureJson.dossier(d)));
        return json(Response.Status.OK, list.build());
    }

    @POST
    @Path("dossiers")
    public Response createDossier(InputStream body, @Context HttpHeaders headers) {
        JsonObject request = read(body, headers).orElse(JsonValue.EMPTY_JSON_OBJECT);
        SandboxDossier dossier = store.createDossier(optionalString(request, "externalReference"));
        return json(Response.Status.CREATED, AssureJson.dossier(dossier));
    }

    @GET
    @Path(DOSSIER)
    public Response getDossier(@PathParam("dossierId") String dossierId) {
        SandboxDossier dossier = dossier(dossierId);
        return json(Response.Status.OK, AssureJson.dossierResponse(dossier, store.processesOf(dossierId)));
    }

    @DELETE
    @Path(DOSSIER)
    public Response deleteDossier(@PathParam("dossierId") String dossierId) {
        if (!store.deleteDossier(dossierId)) {
            throw SandboxProblem.notFound("Dossier not found.");
        }
        return Response.noContent().build();
    }

    @POST
    @Path(DOSSIER + "/processes")
    public Response createProcess(@PathParam("dossierId") String dossierId, InputStream body,
                                  @Context HttpHeaders headers) {
        dossier(dossierId);
        JsonObject request = parse(body, headers);
        String provider = optionalString(request, "provider");
        if (provider == null || provider.isBlank()) {
            throw SandboxProblem.badRequest("provider is required");
        }
        if (!PROVIDERS.contains(provider)) {
            throw SandboxProblem.badRequest("provider must be one of " + String.join(", ", PROVIDERS));
        }
        SandboxProcess process = store.createProcess(dossierId, provider, optionalString(request, "processType"))
                .orElseThrow(() -> SandboxProblem.notFound("Dossier not found."));
        return json(Response.Status.CREATED, AssureJson.processCreated(process.snapshot(),
                facetecKeys.processAuthorization(process.processId()), facetecKeys));
    }

    @GET
    @Path(PROCESS)
    public Response getProcess(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId) {
        return json(Response.Status.OK, AssureJson.process(process(dossierId, processId).poll()));
    }

    @POST
    @Path(PROCESS)
    public Response startVerification(@PathParam("dossierId") String dossierId,
                                      @PathParam("processId") String processId, InputStream body,
                                      @Context HttpHeaders headers) {
        SandboxProcess process = process(dossierId, processId);
        if (!AssureJson.FACETEC.equals(process.provider())) {
            throw SandboxProblem.badRequest("The sandbox simulates start verification for the facetec provider only");
        }
        VerifyCommand command;
        try {
            command = VerifyCommand.parse(parse(body, headers));
        } catch (IllegalArgumentException e) {
            throw SandboxProblem.badRequest(e.getMessage());
        }
        Outcome outcome = command.outcome();
        if (outcome == Outcome.ERROR_5XX) {
            // the same checks a real start would make come first, then the simulated outage; nothing changes
            requireStartable(process.snapshot(), command.imageDepiction());
            throw SandboxProblem.unavailable("Simulated upstream failure (sandbox:error-5xx); the process is still pending.");
        }
        ProcessStatus finalStatus = outcome.finalStatus().orElseThrow();
        try {
            process.startVerification(command.imageDepiction(), finalStatus, results.resultFor(outcome), processingPolls());
        } catch (IllegalStateException e) {
            throw SandboxProblem.conflict(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw SandboxProblem.badRequest(e.getMessage());
        }
        // built before any delay: VerifyResponse reports the state the start produced
        JsonObject answer = Jsonp.PROVIDER.createObjectBuilder()
                .add("processId", process.processId())
                .add("status", ProcessStatus.PROCESSING.wireName())
                .build();
        if (outcome == Outcome.SLOW) {
            AnswerDelay.hold(slowDelayMillis());
        }
        return json(Response.Status.OK, answer);
    }

    @DELETE
    @Path(PROCESS)
    public Response deleteProcess(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId) {
        process(dossierId, processId);
        if (!store.deleteProcess(dossierId, processId)) {
            throw SandboxProblem.notFound("Process not found.");
        }
        return Response.noContent().build();
    }

    @POST
    @Path(PROCESS + "/images")
    public Response setImages(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                              InputStream body, @Context HttpHeaders headers) {
        SandboxProcess process = process(dossierId, processId);
        requirePending(process.snapshot(), "Images cannot be set once verification has started");
        Map<Depiction, StoredImage> images;
        try {
            images = ImageUpload.parse(parse(body, headers));
        } catch (IllegalArgumentException e) {
            throw SandboxProblem.badRequest(e.getMessage());
        }
        try {
            process.putImages(images);
        } catch (IllegalStateException e) {
            throw SandboxProblem.conflict(e.getMessage());
        }
        return Response.status(Response.Status.CREATED).build();
    }

    @GET
    @Path(PROCESS + "/images")
    public Response getImage(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                             @QueryParam("depiction") String depiction) {
        SandboxProcess process = process(dossierId, processId);
        if (depiction == null || depiction.isBlank()) {
            throw SandboxProblem.badRequest("depiction is required: front, back, selfie or portrait");
        }
        Depiction wanted = Depiction.fromWireName(depiction)
                .orElseThrow(() -> SandboxProblem.badRequest("depiction must be front, back, selfie or portrait"));
        StoredImage image = process.image(wanted)
                .orElseThrow(() -> SandboxProblem.notFound("The image was not found."));
        return Response.ok(image.bytes(), MediaType.APPLICATION_OCTET_STREAM_TYPE).build();
    }

    @GET
    @Path(PROCESS + "/download")
    public Response download(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId) {
        ProcessSnapshot snapshot = process(dossierId, processId).snapshot();
        if (!snapshot.status().isFinal()) {
            return Response.noContent().build();
        }
        return Response.ok(ResultZip.of(snapshot), "application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + snapshot.processId() + ".zip\"")
                .build();
    }

    @POST
    @Path(PROCESS + "/fail")
    public Response fail(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId) {
        SandboxProcess process = process(dossierId, processId);
        try {
            ProcessSnapshot failed = process.fail(results.failedByRequest());
            return json(Response.Status.OK, AssureJson.processStatusResponse(failed, results.failedByRequestReason()));
        } catch (IllegalStateException e) {
            throw SandboxProblem.conflict(e.getMessage());
        }
    }

    private SandboxDossier dossier(String dossierId) {
        return store.dossier(dossierId).orElseThrow(() -> SandboxProblem.notFound("Dossier not found."));
    }

    private SandboxProcess process(String dossierId, String processId) {
        dossier(dossierId);
        return store.process(dossierId, processId).orElseThrow(() -> SandboxProblem.notFound("Process not found."));
    }

    private static void requireStartable(ProcessSnapshot snapshot, Depiction reference) {
        requirePending(snapshot, "Verification has already been started or the process is closed");
        if (!snapshot.images().containsKey(reference)) {
            throw SandboxProblem.badRequest("No " + reference.wireName() + " image has been set on this process");
        }
    }

    private static void requirePending(ProcessSnapshot snapshot, String message) {
        if (snapshot.status() != ProcessStatus.PENDING) {
            throw SandboxProblem.conflict(message + " (status: " + snapshot.status().wireName() + ")");
        }
    }

    /**
     * Parses a JSON object body that is required; an empty or blank body is a 400, as is one that is not a JSON
     * object. The parser's message is not echoed because it may quote the body.
     */
    static JsonObject parse(InputStream body, HttpHeaders headers) {
        return read(body, headers).orElseThrow(() -> SandboxProblem.badRequest("A JSON request body is required"));
    }

    /**
     * Reads a JSON object straight from the request stream (bodies carry images of several hundred KB: no copy as
     * a String first), decoded with the Content-Type's charset or UTF-8 as the container would for a String.
     * Empty when the body is empty or blank ({@link String#isBlank()}); 400 when it is not a JSON object.
     */
    static Optional<JsonObject> read(InputStream body, HttpHeaders headers) {
        BufferedReader in;
        try {
            in = new BufferedReader(new InputStreamReader(
                    body == null ? InputStream.nullInputStream() : body, charsetOf(headers)));
        } catch (IllegalArgumentException e) {
            throw notAJsonObject();
        }
        try {
            if (skipToContent(in)) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw notAJsonObject();
        }
        try (JsonReader reader = Jsonp.PROVIDER.createReader(in)) {
            return Optional.of(reader.readObject());
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw notAJsonObject();
        }
    }

    /**
     * Skips leading whitespace. True when the body holds nothing else (blank); otherwise the reader is left at the
     * first other character, unless whitespace that JSON does not allow came first: then the parser would fail
     * anyway, so the body is read to its end to tell a blank one (as {@link String#isBlank()} does) from one that
     * is not a JSON object.
     */
    private static boolean skipToContent(BufferedReader in) throws IOException {
        boolean foreignWhitespace = false;
        while (true) {
            in.mark(1);
            int c = in.read();
            if (c < 0) {
                return true;
            }
            if (!Character.isWhitespace((char) c)) {
                if (foreignWhitespace) {
                    throw notAJsonObject();
                }
                in.reset();
                return false;
            }
            foreignWhitespace |= c != ' ' && c != '\t' && c != '\n' && c != '\r';
        }
    }

    private static Charset charsetOf(HttpHeaders headers) {
        MediaType type = headers == null ? null : headers.getMediaType();
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    }

    private static SandboxProblem notAJsonObject() {
        return SandboxProblem.badRequest("The request body is not a JSON object");
    }

    private static String optionalString(JsonObject request, String field) {
        JsonValue value = request.get(field);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw SandboxProblem.badRequest(field + " must be a string");
    }

    private int processingPolls() {
        return Math.max(0, config.getOptionalValue(PROCESSING_POLLS, Integer.class).orElse(1));
    }

    private long slowDelayMillis() {
        return Math.max(0L, config.getOptionalValue(SLOW_DELAY_MS, Long.class).orElse(3000L));
    }

    private static Response json(Response.Status status, jakarta.json.JsonStructure body) {
        return Response.status(status).entity(body.toString()).type(MediaType.APPLICATION_JSON_TYPE).build();
    }
}

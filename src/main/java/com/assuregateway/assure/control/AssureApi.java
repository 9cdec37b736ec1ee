package com.assuregateway.assure.control;

import com.assuregateway.assure.entity.AssureResult;
import com.assuregateway.assure.entity.CreatedProcess;
import com.assuregateway.assure.entity.DossierLookup;
import com.assuregateway.assure.entity.Download;
import com.assuregateway.audit.control.AuditLog;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.shared.control.Jsonp;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The Assure operations of the flow, on top of {@link AssureCalls}. Operations that are safe to repeat
 * (reads, deletes, setting an image, which replaces) are retried on transient failures with jittered
 * backoff; creating and starting are not, since a repeat could create a second dossier or process: the
 * gateway records the intent instead and repairs from Assure's state. Failures become problems the portal
 * can act on: 502 when Assure refused, 503 when it is down or the breaker is open, 504 on a timeout.
 */
@ApplicationScoped
public class AssureApi {

    @Inject
    AssureCalls calls;

    @Inject
    AuditLog audit;

    /**
     * Creates the dossier at Assure under the gateway's own dossier id as externalReference: Assure never sees
     * the portal's reference to a person, and an interrupted creation can be found again by that id.
     */
    public String createDossier(Subject subject) {
        JsonObject request = Jsonp.PROVIDER.createObjectBuilder().add("externalReference", subject.dossierId()).build();
        JsonObject dossier = json(subject, call(subject, "assure.createDossier", false, c -> c.createDossier(request)));
        return required(dossier, "dossierId");
    }

    /**
     * What Assure has under this gateway dossier id, for a creation asked for at requestedAt whose answer was
     * lost ({@link DossierSearch}).
     */
    @Retry(maxRetries = 2, delay = 300, jitter = 200, retryOn = TransientUpstreamFailure.class)
    public DossierLookup findDossier(Subject subject, java.time.Instant requestedAt) {
        JsonValue answer = jsonValue(subject, call(subject, "assure.getDossiers", false, AssureClient::getDossiers));
        JsonArray dossiers = answer instanceof JsonArray array ? array
                : answer instanceof JsonObject object && object.get("dossiers") instanceof JsonArray inner ? inner
                : null;
        if (dossiers == null) {
            // no list is no proof of absence
            throw malformed(subject, "Assure answered the dossier list with JSON that is not a list");
        }
        return DossierSearch.find(dossiers, subject.dossierId(), requestedAt);
    }

    /** The processes Assure has in a dossier, by its id. */
    @Retry(maxRetries = 2, delay = 300, jitter = 200, retryOn = TransientUpstreamFailure.class)
    public List<String> processIds(Subject subject, String assureDossierId) {
        JsonObject dossier = json(subject, call(subject, "assure.getDossier", false, c -> c.getDossier(assureDossierId)));
        JsonValue processes = dossier.get("processes");
        return processes instanceof JsonArray array ? array.stream().filter(p -> p instanceof JsonObject)
                .map(p -> p.asJsonObject().getString("processId", null)).filter(id -> id != null).toList() : List.of();
    }

    public CreatedProcess createProcess(Subject subject, String assureDossierId, String provider) {
        JsonObject request = Jsonp.PROVIDER.createObjectBuilder().add("provider", provider).build();
        JsonObject p = json(subject, call(subject, "assure.createProcess", false,
                c -> c.createProcess(assureDossierId, request)));
        return new CreatedProcess(required(p, "processId"), p.getString("status", "pending"),
                p.getString("authorization", null), p.getString("facetecDeviceKeyIdentifier", null),
                p.getString("facetecEncryptionPublicKey", null),
                p.getString("facetecMobileSdkProductionKey", p.getString("facetecProductionKeyText", null)));
    }

    /** Sets one image as a dataURL, as Assure requires; re-sending replaces it, so a repeat is safe. */
    @Retry(maxRetries = 2, delay = 300, jitter = 200, retryOn = TransientUpstreamFailure.class)
    public void setImage(Subject subject, String assureDossierId, String assureProcessId, String depiction,
                         String mediaType, byte[] image) {
        AssureBodies.Body request = AssureBodies.imageUpload(depiction, mediaType, image);
        call(subject, "assure.setImages", false, c -> c.setImages(assureDossierId, assureProcessId, request)).close();
    }

    /** The image, or empty when Assure has none of that depiction (404). */
    @Retry(maxRetries = 2, delay = 300, jitter = 200, retryOn = TransientUpstreamFailure.class)
    public Optional<byte[]> getImage(Subject subject, String assureDossierId, String assureProcessId,
                                     String depiction) {
        try (Response response = call(subject, "assure.getImages", true,
                c -> c.getImages(assureDossierId, assureProcessId, depiction))) {
            return AssureCalls.isNotThere(response.getStatus()) ? Optional.empty()
                    : Optional.of(response.readEntity(byte[].class));
        }
    }

    /**
     * Starts verification with the contract's VerifyRequest ({@link AssureBodies#verifyRequest});
     * answers the status Assure reports (normally processing). Never repeated.
     */
    public String startVerification(Subject subject, String assureDossierId, String assureProcessId,
                                    AssureBodies.Body verifyRequest) {
        JsonObject answer = json(subject, call(subject, "assure.startVerification", false,
                c -> c.startVerification(assureDossierId, assureProcessId, verifyRequest)));
        return answer.getString("status", null);
    }

    @Retry(maxRetries = 2, delay = 300, jitter = 200, retryOn = TransientUpstreamFailure.class)
    public AssureResult getProcess(Subject subject, String assureDossierId, String assureProcessId) {
        JsonObject process = json(subject, call(subject, "assure.getProcess", false,
                c -> c.getProcess(assureDossierId, assureProcessId)));
        return ProcessResultReader.read(process);
    }

    /** Deletes the dossier and everything in it at Assure; one Assure no longer has counts as deleted. */
    @Retry(maxRetries = 2, delay = 300, jitter = 200, retryOn = TransientUpstreamFailure.class)
    public void deleteDossier(Subject subject, String assureDossierId) {
        call(subject, "assure.deleteDossier", true, c -> c.deleteDossier(assureDossierId)).close();
    }

    /** Deletes one process at Assure (Signicat recommends it once the result is kept); one already gone counts. */
    @Retry(maxRetries = 2, delay = 300, jitter = 200, retryOn = TransientUpstreamFailure.class)
    public void deleteProcess(Subject subject, String assureDossierId, String assureProcessId) {
        call(subject, "assure.deleteProcess", true, c -> c.deleteProcess(assureDossierId, assureProcessId)).close();
    }

    /**
     * The full-result zip, or empty while Assure answers 204 (not ready yet); {@link ZipGone} when Assure no
     * longer has it (404, 410): asking again will not bring it back.
     */
    @Retry(maxRetries = 2, delay = 300, jitter = 200, retryOn = TransientUpstreamFailure.class)
    public Optional<Download> download(Subject subject, String assureDossierId, String assureProcessId) {
        Response response = call(subject, "assure.getZipFile", true, c -> c.getZipFile(assureDossierId, assureProcessId));
        if (AssureCalls.isNotThere(response.getStatus())) {
            int status = response.getStatus();
            response.close();
            throw new ZipGone(status);
        }
        if (response.getStatus() == Response.Status.NO_CONTENT.getStatusCode() || !response.hasEntity()) {
            response.close();
            return Optional.empty();
        }
        MediaType type = response.getMediaType();
        return Optional.of(new Download(response.readEntity(InputStream.class),
                type == null ? "application/zip" : type.toString(), response.getLength()));
    }

    /** One call through the breaker; a call the breaker or bulkhead refused is recorded like any other. */
    private Response call(Subject subject, String action, boolean notFoundIsAnswer, Function<AssureClient, Response> call) {
        try {
            return calls.call(subject, action, notFoundIsAnswer, call);
        } catch (CircuitBreakerOpenException open) {
            audit.upstreamCall(subject, action, "circuit-open", null, 0, null, "not attempted: Assure failed too often");
            throw new GatewayProblem(ProblemType.UPSTREAM_UNAVAILABLE, "Assure is failing; calls to it are paused "
                    + "for a few seconds", null, AssureCalls.RETRY_AFTER_SECONDS, List.of());
        } catch (BulkheadException full) {
            audit.upstreamCall(subject, action, "bulkhead-full", null, 0, null, "not attempted: too many calls in flight");
            throw new GatewayProblem(ProblemType.UPSTREAM_UNAVAILABLE, "Too many calls to Assure are in flight",
                    null, 1, List.of());
        }
    }

    private JsonObject json(Subject subject, Response response) {
        JsonValue value = jsonValue(subject, response);
        if (value instanceof JsonObject object) {
            return object;
        }
        throw malformed(subject, "Assure answered with JSON that is not an object");
    }

    /** An answer that cannot be read may hide a request that was carried out: its outcome is unknown. */
    private JsonValue jsonValue(Subject subject, Response response) {
        try (response) {
            return response.readEntity(JsonValue.class);
        } catch (ProcessingException | jakarta.json.JsonException e) {
            throw malformed(subject, "Assure answered with a body that is not JSON");
        }
    }

    private TransientUpstreamFailure malformed(Subject subject, String detail) {
        audit.upstreamCall(subject, "assure.answer", "malformed", null, 0, null, detail);
        return new TransientUpstreamFailure(ProblemType.UPSTREAM_REJECTED, detail, null,
                AssureCalls.RETRY_AFTER_SECONDS, true);
    }

    private static String required(JsonObject object, String field) {
        if (!(object.get(field) instanceof JsonString value) || value.getString().isBlank()) {
            throw new GatewayProblem(ProblemType.UPSTREAM_REJECTED, "Assure's answer lacks " + field);
        }
        return value.getString();
    }
}

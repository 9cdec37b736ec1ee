package com.assuregateway.assure.control;

import com.assuregateway.assure.entity.AssureResult;
import com.assuregateway.assure.entity.CreatedProcess;
import com.assuregateway.assure.entity.Download;
import com.assuregateway.audit.control.AuditLog;
import com.assuregateway.audit.entity.Subject;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.net.SocketTimeoutException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The one way the gateway calls Assure. Each call gets the access token, is retried once with a fresh token
 * when Assure answers 401, is timed, and leaves an audit event (action, HTTP status, duration, Assure's
 * traceId) whether it succeeded or not. Failures become problems the portal can act on: 502 when Assure
 * refused the request, 503 when it cannot be reached, 504 when it did not answer in time.
 */
@ApplicationScoped
public class AssureApi {

    private static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    AssureEndpoints endpoints;

    @Inject
    AccessTokens tokens;

    @Inject
    AuditLog audit;

    private volatile AssureClient client;

    public String createDossier(Subject subject, String externalReference) {
        JsonObject request = Json.createObjectBuilder().add("externalReference", externalReference).build();
        JsonObject dossier = json(invoke(subject, "assure.createDossier", c -> c.createDossier(request)));
        return required(dossier, "dossierId");
    }

    public CreatedProcess createProcess(Subject subject, String assureDossierId, String provider) {
        JsonObject request = Json.createObjectBuilder().add("provider", provider).build();
        JsonObject p = json(invoke(subject, "assure.createProcess", c -> c.createProcess(assureDossierId, request)));
        return new CreatedProcess(required(p, "processId"), p.getString("status", "pending"),
                p.getString("authorization", null), p.getString("facetecDeviceKeyIdentifier", null),
                p.getString("facetecEncryptionPublicKey", null),
                p.getString("facetecMobileSdkProductionKey", p.getString("facetecProductionKeyText", null)));
    }

    /** Sets one image as a dataURL, as Assure requires; re-sending replaces it upstream. */
    public void setImage(Subject subject, String assureDossierId, String assureProcessId, String depiction,
                         String mediaType, byte[] image) {
        String dataUrl = "data:" + mediaType + ";base64," + Base64.getEncoder().encodeToString(image);
        JsonObject request = Json.createObjectBuilder().add(depiction, dataUrl).build();
        invoke(subject, "assure.setImages", c -> c.setImages(assureDossierId, assureProcessId, request)).close();
    }

    /** The image, or empty when Assure has none of that depiction (404). */
    public Optional<byte[]> getImage(Subject subject, String assureDossierId, String assureProcessId,
                                     String depiction) {
        try (Response response = invoke(subject, "assure.getImages", true,
                c -> c.getImages(assureDossierId, assureProcessId, depiction))) {
            return response.getStatus() == 404 ? Optional.empty() : Optional.of(response.readEntity(byte[].class));
        }
    }

    /** Starts verification; answers the status Assure reports (normally processing). */
    public String startVerification(Subject subject, String assureDossierId, String assureProcessId,
                                    JsonObject verifyRequest) {
        JsonObject answer = json(invoke(subject, "assure.startVerification",
                c -> c.startVerification(assureDossierId, assureProcessId, verifyRequest)));
        return answer.getString("status", null);
    }

    public AssureResult getProcess(Subject subject, String assureDossierId, String assureProcessId) {
        JsonObject process = json(invoke(subject, "assure.getProcess",
                c -> c.getProcess(assureDossierId, assureProcessId)));
        return ProcessResultReader.read(process);
    }

    /** Deletes the dossier and everything in it at Assure; one Assure no longer has counts as deleted. */
    public void deleteDossier(Subject subject, String assureDossierId) {
        invoke(subject, "assure.deleteDossier", true, c -> c.deleteDossier(assureDossierId)).close();
    }

    /** Deletes one process at Assure (Signicat recommends it once the result is kept); one already gone counts. */
    public void deleteProcess(Subject subject, String assureDossierId, String assureProcessId) {
        invoke(subject, "assure.deleteProcess", true, c -> c.deleteProcess(assureDossierId, assureProcessId)).close();
    }

    /** The full-result zip, or empty while Assure answers 204 (not ready yet). */
    public Optional<Download> download(Subject subject, String assureDossierId, String assureProcessId) {
        Response response = invoke(subject, "assure.getZipFile", c -> c.getZipFile(assureDossierId, assureProcessId));
        if (response.getStatus() == Response.Status.NO_CONTENT.getStatusCode() || !response.hasEntity()) {
            response.close();
            return Optional.empty();
        }
        MediaType type = response.getMediaType();
        return Optional.of(new Download(response.readEntity(InputStream.class),
                type == null ? "application/zip" : type.toString(), response.getLength()));
    }

    private Response invoke(Subject subject, String action, Function<AssureClient, Response> call) {
        return invoke(subject, action, false, call);
    }

    private Response invoke(Subject subject, String action, boolean notFoundIsAnswer,
                            Function<AssureClient, Response> call) {
        for (int attempt = 1; ; attempt++) {
            String token = tokens.current();
            long started = System.nanoTime();
            Response response;
            try {
                response = call.apply(client());
            } catch (ProcessingException e) {
                throw unreachable(subject, action, e, elapsedMs(started));
            }
            long durationMs = elapsedMs(started);
            int status = response.getStatus();
            if (status < 400 || (status == 404 && notFoundIsAnswer)) {
                audit.upstreamCall(subject, action, status < 400 ? "ok" : "not-found", status, durationMs, null, null);
                return response;
            }
            UpstreamProblem problem = UpstreamProblem.of(response);
            if (status == 401 && attempt == 1) {
                audit.upstreamCall(subject, action, "token-refused", status, durationMs, problem.traceId(),
                        "retrying once with a new access token");
                tokens.invalidate(token);
                continue;
            }
            audit.upstreamCall(subject, action, "error", status, durationMs, problem.traceId(), problem.detail());
            throw refused(action, status, problem);
        }
    }

    private GatewayProblem unreachable(Subject subject, String action, ProcessingException e, long durationMs) {
        if (e.getCause() instanceof GatewayProblem tokenProblem) {
            audit.upstreamCall(subject, action, "no-token", null, durationMs, null, tokenProblem.getMessage());
            return tokenProblem;
        }
        boolean timeout = causedBy(e, SocketTimeoutException.class) || causedBy(e, HttpTimeoutException.class);
        audit.upstreamCall(subject, action, timeout ? "timeout" : "unreachable", null, durationMs, null,
                rootCause(e).getClass().getSimpleName());
        return timeout
                ? new GatewayProblem(ProblemType.UPSTREAM_TIMEOUT, "Assure did not answer " + action + " in time",
                null, RETRY_AFTER_SECONDS, List.of())
                : new GatewayProblem(ProblemType.UPSTREAM_UNAVAILABLE, "Assure cannot be reached for " + action,
                null, RETRY_AFTER_SECONDS, List.of());
    }

    private static GatewayProblem refused(String action, int status, UpstreamProblem problem) {
        String detail = "Assure answered HTTP " + status + " to " + action
                + (problem.detail() != null ? ": " + problem.detail() : "");
        if (status >= 500 || status == 429) {
            return new GatewayProblem(ProblemType.UPSTREAM_UNAVAILABLE, detail, problem.traceId(),
                    RETRY_AFTER_SECONDS, List.of());
        }
        return new GatewayProblem(ProblemType.UPSTREAM_REJECTED, detail, problem.traceId(), null, List.of());
    }

    private AssureClient client() {
        AssureClient current = client;
        if (current != null) {
            return current;
        }
        AssureClient built = RestClientBuilder.newBuilder()
                .baseUri(endpoints.assure())
                .connectTimeout(endpoints.connectTimeoutMs(), TimeUnit.MILLISECONDS)
                .readTimeout(endpoints.readTimeoutMs(), TimeUnit.MILLISECONDS)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .register(new BearerTokenFilter(tokens))
                .build(AssureClient.class);
        // a client built on a guessed sandbox port is used once, not kept
        if (!endpoints.awaitsLocalPort()) {
            client = built;
        }
        return built;
    }

    private static JsonObject json(Response response) {
        try (response) {
            return response.readEntity(JsonObject.class);
        } catch (ProcessingException e) {
            throw new GatewayProblem(ProblemType.UPSTREAM_REJECTED, "Assure answered with a body that is not JSON");
        }
    }

    private static String required(JsonObject object, String field) {
        if (!(object.get(field) instanceof JsonString value) || value.getString().isBlank()) {
            throw new GatewayProblem(ProblemType.UPSTREAM_REJECTED, "Assure's answer lacks " + field);
        }
        return value.getString();
    }

    private static long elapsedMs(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    /** The parts of Assure's problem body the audit record keeps. */
    record UpstreamProblem(String traceId, String detail) {

        static UpstreamProblem of(Response response) {
            try (response) {
                if (!response.hasEntity()) {
                    return new UpstreamProblem(null, null);
                }
                JsonObject body = response.readEntity(JsonObject.class);
                String detail = body.getString("detail", body.getString("title", null));
                return new UpstreamProblem(body.getString("traceId", null), detail);
            } catch (RuntimeException notJson) {
                return new UpstreamProblem(null, null);
            }
        }
    }

}

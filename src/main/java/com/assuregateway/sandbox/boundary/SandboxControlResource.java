package com.assuregateway.sandbox.boundary;

import com.assuregateway.shared.control.Jsonp;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.sandbox.control.ControlAccess;
import com.assuregateway.sandbox.control.InFlightCalls;
import com.assuregateway.sandbox.control.SandboxFaults;
import com.assuregateway.sandbox.control.SandboxStore;
import com.assuregateway.sandbox.entity.ProcessStatus;
import com.assuregateway.sandbox.entity.SandboxProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.util.Locale;

/**
 * Test hooks that Assure itself does not have. Each needs the {@code X-Sandbox-Control-Secret} header
 * ({@link SandboxControlGuard}); bodies are at most {@link ControlAccess#MAX_BODY_BYTES}. Refusals are the
 * gateway's problems (400 {@code validation}, 404, 409 {@code wrong-state}, 413), not Assure-shaped ones:
 * these hooks are the gateway's own.
 */
@ApplicationScoped
@SandboxEndpoint
@SandboxControlEndpoint
@Path("sandbox/control")
public class SandboxControlResource {

    @Inject
    SandboxStore store;

    @Inject
    SandboxFaults faults;

    @Inject
    InFlightCalls inFlight;

    /**
     * Plans a fault: {@code {"fault": "5xx"|"429"|"slow"|"timeout"|"reset"|"malformed", "operation":
     * "getProcess"|"startVerification"|...|"any", "times": 1, "delayMs": 0}}, delayMs at most 60000. 204.
     */
    @POST
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response planFault(InputStream body) throws IOException {
        JsonObject plan = jsonObject(ControlAccess.read(body));
        try {
            faults.plan(plan);
        } catch (IllegalArgumentException notAPlan) {
            throw new GatewayProblem(ProblemType.VALIDATION, notAPlan.getMessage());
        }
        return Response.noContent().build();
    }

    @DELETE
    @Path("faults")
    public Response clearFaults() {
        faults.clear();
        return Response.noContent().build();
    }

    /** Invalidates every issued token, so the gateway's next Assure call gets a 401 and must refresh. */
    @POST
    @Path("revoke-tokens")
    public Response revokeTokens() {
        store.revokeAllTokens();
        return Response.noContent().build();
    }

    /** How many access tokens the sandbox has issued since it started: how often the gateway fetched one. */
    @GET
    @Path("tokens")
    @Produces(MediaType.APPLICATION_JSON)
    public String issuedTokens() {
        return Jsonp.PROVIDER.createObjectBuilder().add("issued", store.issuedTokens()).build().toString();
    }

    /** Assure calls in flight now, and the most at once since the last reset: what a fleet's cap must bound. */
    @GET
    @Path("in-flight")
    @Produces(MediaType.APPLICATION_JSON)
    public String inFlight() {
        return Jsonp.PROVIDER.createObjectBuilder().add("now", inFlight.now()).add("most", inFlight.most()).build()
                .toString();
    }

    /** Starts counting the most again. 204. */
    @DELETE
    @Path("in-flight")
    public Response resetInFlight() {
        inFlight.reset();
        return Response.noContent().build();
    }

    /**
     * Sets the raw result a processing verification will reveal: the body is the Process JSON (its
     * {@code status} must be final) in whatever shape the test wants the gateway to read. 204; 404 unknown
     * ids; 409 when the process is not processing; 400 for a body that is not a JSON object with a final status.
     */
    @PUT
    @Path("dossiers/{dossierId}/processes/{processId}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replaceResult(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                                  InputStream body) throws IOException {
        JsonObject result = jsonObject(ControlAccess.read(body));
        SandboxProcess process = store.process(dossierId, processId)
                .orElseThrow(() -> GatewayProblem.notFound("Sandbox process", processId));
        ProcessStatus status;
        try {
            status = ProcessStatus.valueOf(result.getString("status").toUpperCase(Locale.ROOT));
        } catch (RuntimeException notAStatus) {
            throw new GatewayProblem(ProblemType.VALIDATION, "The result needs a status of a sandbox process");
        }
        try {
            process.replaceResult(status, result);
        } catch (IllegalStateException notProcessing) {
            throw GatewayProblem.wrongState("Process " + processId + " is not processing");
        } catch (IllegalArgumentException notFinal) {
            throw new GatewayProblem(ProblemType.VALIDATION, "The result's status must be final");
        }
        return Response.noContent().build();
    }

    private static JsonObject jsonObject(String body) {
        try {
            return Jsonp.PROVIDER.createReader(new StringReader(body)).readObject();
        } catch (RuntimeException notAnObject) {
            throw new GatewayProblem(ProblemType.VALIDATION, "The body must be a JSON object");
        }
    }
}

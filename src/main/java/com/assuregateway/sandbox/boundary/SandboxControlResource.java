package com.assuregateway.sandbox.boundary;

import com.assuregateway.platform.control.Jsonp;
import com.assuregateway.sandbox.control.SandboxFaults;
import com.assuregateway.sandbox.control.SandboxStore;
import com.assuregateway.sandbox.entity.ProcessStatus;
import com.assuregateway.sandbox.entity.SandboxProcess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;

/** Test hooks that Assure itself does not have. */
@ApplicationScoped
@SandboxEndpoint
@Path("sandbox/control")
public class SandboxControlResource {

    @Inject
    SandboxStore store;

    @Inject
    SandboxFaults faults;

    /**
     * Plans a fault: {@code {"fault": "5xx"|"429"|"slow"|"timeout"|"reset"|"malformed", "operation":
     * "getProcess"|"startVerification"|...|"any", "times": 1, "delayMs": 0}}. 204; 400 for an unknown fault.
     */
    @POST
    @Path("faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response planFault(String body) {
        try {
            JsonObject plan = Jsonp.PROVIDER.createReader(new StringReader(body)).readObject();
            faults.plan(SandboxFaults.Kind.of(plan.getString("fault")), plan.getString("operation", "any"),
                    plan.getInt("times", 1), plan.getJsonNumber("delayMs") == null ? 0
                            : plan.getJsonNumber("delayMs").longValue());
            return Response.noContent().build();
        } catch (RuntimeException notAPlan) {
            return Response.status(400).build();
        }
    }

    @jakarta.ws.rs.DELETE
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

    /**
     * Sets the raw result a processing verification will reveal: the body is the Process JSON (its
     * {@code status} must be final) in whatever shape the test wants the gateway to read. 204; 404 unknown
     * ids; 409 when the process is not processing; 400 for a body that is not a JSON object with a final status.
     */
    @PUT
    @Path("dossiers/{dossierId}/processes/{processId}/result")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replaceResult(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                                  String body) {
        Optional<SandboxProcess> process = store.process(dossierId, processId);
        if (process.isEmpty()) {
            return Response.status(404).build();
        }
        JsonObject result;
        ProcessStatus status;
        try {
            result = Jsonp.PROVIDER.createReader(new StringReader(body)).readObject();
            status = ProcessStatus.valueOf(result.getString("status").toUpperCase(Locale.ROOT));
        } catch (RuntimeException notAResult) {
            return Response.status(400).build();
        }
        try {
            process.get().replaceResult(status, result);
        } catch (IllegalStateException notProcessing) {
            return Response.status(409).build();
        } catch (IllegalArgumentException notFinal) {
            return Response.status(400).build();
        }
        return Response.noContent().build();
    }
}

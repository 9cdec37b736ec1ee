package com.assuregateway.console.boundary;

import com.assuregateway.audit.entity.Subject;
import com.assuregateway.console.control.EvidenceImages;
import com.assuregateway.console.entity.ConsoleUser;
import com.assuregateway.dossiers.boundary.FaceTecFlow;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.security.entity.Role;
import com.assuregateway.security.entity.TenantScope;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * One image of a process's archived full result, decrypted on demand for a reviewer or an auditor, never
 * cached ({@code no-store}, also set by {@link ConsoleGate}), and each view and each download written to the
 * audit trail before a byte is sent: who, which process, which image.
 */
@RequestScoped
@Path("console/evidence")
public class EvidenceResource {

    @Inject
    SignedIn signedIn;

    @Inject
    FaceTecFlow flow;

    @Inject
    EvidenceImages images;

    /** The names of the images in the process's archived full result; none while it is not archived. */
    static List<String> names(FaceTecFlow flow, TenantScope scope, String dossierId, String processId) {
        try {
            FaceTecFlow.FullResult result = flow.fullResult(scope, dossierId, processId);
            if (result instanceof FaceTecFlow.FullResult.Archived archived) {
                return EvidenceImages.names(archived.zip());
            }
            ((FaceTecFlow.FullResult.FromAssure) result).download().close();
        } catch (GatewayProblem | java.io.IOException notThere) {
            // not final, not archived, or Assure still packaging it: nothing to show yet
        }
        return List.of();
    }

    @GET
    @Path("{dossierId}/{processId}/{name}")
    public Response image(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                          @PathParam("name") String name, @QueryParam("download") boolean download) {
        ConsoleUser user = signedIn.user();
        if (user == null || !user.hasAny(Role.REVIEWER, Role.AUDITOR)) {
            return ExportResource.plain(403, "Evidence is for reviewers and auditors.");
        }
        try {
            FaceTecFlow.FullResult result = flow.fullResult(user.readScope(), dossierId, processId);
            if (!(result instanceof FaceTecFlow.FullResult.Archived archived)) {
                ((FaceTecFlow.FullResult.FromAssure) result).download().close();
                return ExportResource.plain(404, "The full result of this process is not archived yet.");
            }
            return EvidenceImages.image(archived.zip(), name).map(image -> {
                images.record(Subject.process(dossierId, processId), user.subject(), image.name(), download);
                return Response.ok(image.bytes(), image.mediaType())
                        .header("Cache-Control", "no-store")
                        .header("Content-Disposition", (download ? "attachment" : "inline") + "; filename=\""
                                + processId + "-" + image.name() + "\"")
                        .build();
            }).orElseGet(() -> ExportResource.plain(404, "The full result holds no image of that name."));
        } catch (GatewayProblem problem) {
            return ExportResource.plain(problem.type().status(), problem.getMessage());
        } catch (java.io.IOException closing) {
            return ExportResource.plain(502, "The full result could not be read from Assure.");
        }
    }
}

package com.assuregateway.dossiers.boundary;

import com.assuregateway.assure.entity.Download;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.boundary.Caller;
import com.assuregateway.security.entity.Role;
import com.assuregateway.settings.control.LimitSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The portal API of the FaceTec flow: dossier, process, reference photo, verification, result, full result.
 * <p>
 * A portal acts on its own tenant's dossiers (the tenant claim of its token); an auditor reads every
 * tenant's, an admin may also erase them. A token with {@code portal} writes only in its own tenant, whatever
 * other roles it carries. A dossier outside the caller's scope does not exist for it (404).
 * <p>
 * One instance serves every request (the caller and the request's URI come through per-request proxies): a
 * request-scoped resource was built, injected and configured again on every call of the busiest API.
 */
@ApplicationScoped
@Path("api/v1/dossiers")
@Produces(MediaType.APPLICATION_JSON)
public class DossiersResource {

    @Inject
    FaceTecFlow flow;

    @Inject
    Caller caller;

    @Inject
    @ConfigProperties
    LimitSettings limits;

    @Context
    UriInfo uriInfo;

    /** 201 for a new end-user, 200 with the existing dossier for one already known. */
    @POST
    @RolesAllowed(Role.PORTAL)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response openDossier(@NotNull @Valid DossierRequest request) {
        FaceTecFlow.OpenedDossier opened = flow.openDossier(caller.tenant(), request.externalReference());
        DossierView view = opened.view();
        if (!opened.created()) {
            return Response.ok(view).location(dossierUri(view.dossierId())).build();
        }
        return Response.created(dossierUri(view.dossierId())).entity(view).build();
    }

    @GET
    @Path("{dossierId}")
    @RolesAllowed({Role.PORTAL, Role.AUDITOR, Role.REVIEWER})
    public DossierView dossier(@PathParam("dossierId") String dossierId) {
        return flow.dossier(caller.readScope(), dossierId);
    }

    /** Erases the dossier at Assure and here; a tombstone without personal data stays. */
    @DELETE
    @Path("{dossierId}")
    @RolesAllowed({Role.PORTAL, Role.ADMIN})
    public Response eraseDossier(@PathParam("dossierId") String dossierId) {
        flow.eraseDossier(caller.eraseScope(), dossierId);
        return Response.noContent().build();
    }

    @POST
    @Path("{dossierId}/processes")
    @RolesAllowed(Role.PORTAL)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createProcess(@PathParam("dossierId") String dossierId, @NotNull @Valid ProcessRequest request) {
        ProcessCreatedView created = flow.createProcess(caller.writeScope(), dossierId);
        return Response.created(uriInfo.getAbsolutePathBuilder().path(created.processId()).build())
                .entity(created).build();
    }

    @GET
    @Path("{dossierId}/processes/{processId}")
    @RolesAllowed({Role.PORTAL, Role.AUDITOR, Role.REVIEWER})
    public ProcessView process(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId) {
        return flow.process(caller.readScope(), dossierId, processId);
    }

    /** The reference photo as image bytes; checked by its content, whatever the Content-Type claims. */
    @PUT
    @Path("{dossierId}/processes/{processId}/selfie")
    @RolesAllowed(Role.PORTAL)
    @Consumes({"image/jpeg", "image/png"})
    public Response uploadPhoto(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                                InputStream body) throws IOException {
        flow.setPhoto(caller.writeScope(), dossierId, processId, readLimited(body, limits.photoBytes()));
        return Response.noContent().build();
    }

    /** The reference photo copied from another process of the same dossier. */
    @PUT
    @Path("{dossierId}/processes/{processId}/selfie")
    @RolesAllowed(Role.PORTAL)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response copyPhoto(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                              @NotNull @Valid PhotoCopyRequest request) {
        flow.copyPhoto(caller.writeScope(), dossierId, processId, request);
        return Response.noContent().build();
    }

    @POST
    @Path("{dossierId}/processes/{processId}/verification")
    @RolesAllowed(Role.PORTAL)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response startVerification(@PathParam("dossierId") String dossierId,
                                      @PathParam("processId") String processId,
                                      @NotNull @Valid VerificationRequest request) {
        request.facetecEnrollment().refuseFieldsOver(limits.enrollmentFieldBytes());
        VerificationAccepted accepted = flow.startVerification(caller.writeScope(), dossierId, processId, request);
        return Response.accepted(accepted)
                .location(uriInfo.getBaseUriBuilder().path("api/v1/dossiers/{d}/processes/{p}")
                        .build(dossierId, processId))
                .build();
    }

    @GET
    @Path("{dossierId}/processes/{processId}/full-result")
    @RolesAllowed({Role.PORTAL, Role.AUDITOR, Role.REVIEWER})
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    public Response fullResult(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId) {
        String disposition = "attachment; filename=\"" + processId + "-full-result.zip\"";
        FaceTecFlow.FullResult result = flow.fullResult(caller.readScope(), dossierId, processId);
        if (result instanceof FaceTecFlow.FullResult.Archived archived) {
            return Response.ok(archived.zip(), "application/zip").header("Content-Disposition", disposition)
                    .header("X-Full-Result-Source", "archive").build();
        }
        Download download = ((FaceTecFlow.FullResult.FromAssure) result).download();
        StreamingOutput zip = out -> {
            try (download) {
                download.body().transferTo(out);
            }
        };
        return Response.ok(zip, download.mediaType()).header("Content-Disposition", disposition)
                .header("X-Full-Result-Source", "assure").build();
    }

    /**
     * A reviewer's verdict on an inconclusive (or undecidable) process; the gateway's decision stays visible. 202
     * when, under four eyes, it is a proposal a second reviewer still confirms.
     */
    @POST
    @Path("{dossierId}/processes/{processId}/review")
    @RolesAllowed(Role.REVIEWER)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response review(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                           @NotNull @Valid ReviewRequest request) {
        ProcessView process = flow.review(caller.reviewScope(), dossierId, processId, request, caller.subject());
        return Response.status(process.review() == null ? Response.Status.ACCEPTED : Response.Status.OK)
                .entity(process).build();
    }

    private java.net.URI dossierUri(String dossierId) {
        return uriInfo.getBaseUriBuilder().path("api/v1/dossiers").path(dossierId).build();
    }

    /** Reads at most limit bytes; one more means the body is too large, and it is refused before it is kept. */
    static byte[] readLimited(InputStream body, int limit) throws IOException {
        byte[] bytes = body.readNBytes(limit + 1);
        if (bytes.length > limit) {
            throw new GatewayProblem(ProblemType.PAYLOAD_TOO_LARGE,
                    "The photo is larger than " + limit + " bytes");
        }
        if (bytes.length == 0) {
            throw new GatewayProblem(ProblemType.VALIDATION, "The photo is empty");
        }
        return bytes;
    }
}

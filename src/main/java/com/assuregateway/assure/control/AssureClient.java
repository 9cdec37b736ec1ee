package com.assuregateway.assure.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The Assure endpoints of the FaceTec flow, with the paths, methods and bodies of Signicat's OpenAPI
 * contract. Every method answers the raw {@link Response}: {@link AssureApi} reads status, problem body and
 * traceId itself, because each of them belongs in the audit record. The two large bodies (start verification,
 * set images) are written straight to the connection by {@link AssureBodies}. Base URL: {@code assure/mp-rest/url}.
 */
@RegisterRestClient(configKey = "assure")
@Path("dossiers")
public interface AssureClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response createDossier(JsonObject dossierRequest);

    /** The last 100 dossiers: how an interrupted creation is found again. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    Response getDossiers();

    @GET
    @Path("{dossierId}")
    @Produces(MediaType.APPLICATION_JSON)
    Response getDossier(@PathParam("dossierId") String dossierId);

    @DELETE
    @Path("{dossierId}")
    @Produces(MediaType.APPLICATION_JSON)
    Response deleteDossier(@PathParam("dossierId") String dossierId);

    @POST
    @Path("{dossierId}/processes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response createProcess(@PathParam("dossierId") String dossierId, JsonObject processRequest);

    @GET
    @Path("{dossierId}/processes/{processId}")
    @Produces(MediaType.APPLICATION_JSON)
    Response getProcess(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId);

    @POST
    @Path("{dossierId}/processes/{processId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response startVerification(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                               AssureBodies.Body verifyRequest);

    @DELETE
    @Path("{dossierId}/processes/{processId}")
    @Produces(MediaType.APPLICATION_JSON)
    Response deleteProcess(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId);

    @POST
    @Path("{dossierId}/processes/{processId}/images")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response setImages(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                       AssureBodies.Body uploadImageRequest);

    @GET
    @Path("{dossierId}/processes/{processId}/images")
    @Produces({MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON})
    Response getImages(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId,
                       @QueryParam("depiction") String depiction);

    @GET
    @Path("{dossierId}/processes/{processId}/download")
    @Produces({"application/zip", MediaType.APPLICATION_JSON})
    Response getZipFile(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId);

    @POST
    @Path("{dossierId}/processes/{processId}/fail")
    @Produces(MediaType.APPLICATION_JSON)
    Response setFailedProcess(@PathParam("dossierId") String dossierId, @PathParam("processId") String processId);
}

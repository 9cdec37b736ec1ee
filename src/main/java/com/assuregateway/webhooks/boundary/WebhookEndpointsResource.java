package com.assuregateway.webhooks.boundary;

import com.assuregateway.problems.control.PageSize;
import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.security.boundary.Caller;
import com.assuregateway.security.entity.Role;
import com.assuregateway.security.entity.TenantScope;
import com.assuregateway.webhooks.control.WebhookEndpoints;
import com.assuregateway.webhooks.entity.EventType;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A tenant's receivers of signed events (Standard Webhooks): register (the secret is shown once), list,
 * delete, rotate the secret, send a test event, read the delivery log and replay a delivery. A portal token
 * manages its own tenant's endpoints; an admin token without {@code portal} every tenant's. An endpoint
 * outside the caller's scope does not exist for it (404).
 */
@ApplicationScoped
@Path("api/v1/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.PORTAL, Role.ADMIN})
public class WebhookEndpointsResource {

    /** A page of the delivery log: this many without {@code limit}, at most {@link #MAX_LOG_PAGE}. */
    static final int LOG_PAGE = 100;
    static final int MAX_LOG_PAGE = 500;

    @Inject
    WebhookEndpoints endpoints;

    @Inject
    Caller caller;

    @Context
    UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@NotNull @Valid WebhookEndpointRequest request) {
        WebhookEndpoints.Registered registered = endpoints.register(tenant(caller.endpointScope(), request.tenant()),
                request.url(), eventTypes(request.events()));
        WebhookEndpointView view = WebhookEndpointView.of(registered.endpoint());
        return Response.created(uriInfo.getAbsolutePathBuilder().path(view.endpointId()).build())
                .entity(new WebhookEndpointCreated(view, registered.secret())).build();
    }

    @GET
    public List<WebhookEndpointView> list() {
        return endpoints.list(caller.endpointScope()).stream().map(WebhookEndpointView::of).toList();
    }

    @GET
    @Path("{endpointId}")
    public WebhookEndpointView endpoint(@PathParam("endpointId") String endpointId) {
        return WebhookEndpointView.of(endpoints.endpoint(caller.endpointScope(), endpointId));
    }

    @DELETE
    @Path("{endpointId}")
    public Response delete(@PathParam("endpointId") String endpointId) {
        endpoints.delete(caller.endpointScope(), endpointId);
        return Response.noContent().build();
    }

    @POST
    @Path("{endpointId}/rotate-secret")
    public WebhookSecretView rotateSecret(@PathParam("endpointId") String endpointId) {
        WebhookEndpoints.Registered rotated = endpoints.rotate(caller.endpointScope(), endpointId);
        return new WebhookSecretView(endpointId, rotated.secret(), rotated.endpoint().previousSecretUntil());
    }

    /** After a 410 Gone disabled it: the endpoint takes new events again (missed ones can be replayed). */
    @POST
    @Path("{endpointId}/enable")
    public WebhookEndpointView enable(@PathParam("endpointId") String endpointId) {
        return WebhookEndpointView.of(endpoints.enable(caller.endpointScope(), endpointId));
    }

    /** 202: the test event is queued like any other and shows in the delivery log. */
    @POST
    @Path("{endpointId}/test")
    public Response test(@PathParam("endpointId") String endpointId) {
        return Response.accepted(WebhookDeliveryView.of(endpoints.test(caller.endpointScope(), endpointId))).build();
    }

    /**
     * A page of the delivery log, newest first; a full page links the next one ({@code Link: <…?after=…>;
     * rel="next"}, RFC 8288), whose {@code after} is the last delivery of this page.
     */
    @GET
    @Path("{endpointId}/deliveries")
    public Response deliveries(@PathParam("endpointId") String endpointId, @QueryParam("limit") String limit,
                               @QueryParam("after") String after) {
        int size = PageSize.of(limit, LOG_PAGE, MAX_LOG_PAGE);
        List<WebhookDeliveryView> page = endpoints.deliveries(caller.endpointScope(), endpointId, size,
                after == null || after.isBlank() ? null : after.trim()).stream().map(WebhookDeliveryView::of).toList();
        Response.ResponseBuilder answer = Response.ok(page);
        if (page.size() == size) {
            answer.link(uriInfo.getRequestUriBuilder().replaceQueryParam("after", page.get(size - 1).deliveryId())
                    .replaceQueryParam("limit", size).build(), "next");
        }
        return answer.build();
    }

    /** 202: a new delivery of the same event (same webhook-id and body) with a fresh round of attempts. */
    @POST
    @Path("{endpointId}/deliveries/{deliveryId}/replay")
    public Response replay(@PathParam("endpointId") String endpointId, @PathParam("deliveryId") String deliveryId) {
        return Response.accepted(WebhookDeliveryView.of(endpoints.replay(caller.endpointScope(), endpointId,
                deliveryId))).build();
    }

    /** A portal's own tenant; an admin names the tenant. */
    private static String tenant(TenantScope scope, String requested) {
        if (scope.tenant() == null) {
            if (requested == null) {
                throw GatewayProblem.invalid("tenant",
                        "an admin token names the tenant the endpoint receives events of");
            }
            return requested;
        }
        if (requested != null && !requested.equals(scope.tenant())) {
            throw GatewayProblem.invalid("tenant", "a portal registers endpoints for its own tenant only");
        }
        return scope.tenant();
    }

    static List<EventType> eventTypes(List<String> names) {
        if (names == null) {
            return List.of();
        }
        Set<EventType> types = new LinkedHashSet<>();
        for (String name : names) {
            EventType type = EventType.fromWire(name).filter(t -> t != EventType.WEBHOOK_TEST).orElseThrow(() ->
                    GatewayProblem.invalid("events", "unknown event type; the types are process.finalized, "
                            + "process.reviewed and dossier.erased"));
            types.add(type);
        }
        return List.copyOf(types);
    }
}

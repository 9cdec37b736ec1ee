package com.assuregateway.console.boundary;

import com.assuregateway.console.entity.ConsoleUser;
import com.assuregateway.security.entity.Role;
import com.assuregateway.webhooks.boundary.WebhookDeliveryView;
import com.assuregateway.webhooks.boundary.WebhookEndpointView;
import com.assuregateway.webhooks.control.WebhookEndpoints;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * The webhook delivery log, read-only: the endpoints in the user's scope with their newest deliveries, through
 * the same {@link WebhookEndpoints} and the same scope as {@code /api/v1/webhook-endpoints} (an admin sees
 * every tenant, a portal user its own). Registering, rotating and replaying stay with the API.
 */
@Controller
@RequestScoped
@Path("console/webhooks")
public class WebhooksController {

    /** Newest deliveries shown per endpoint. */
    static final int DELIVERIES_PER_ENDPOINT = 20;

    @Inject
    Models models;

    @Inject
    Pages pages;

    @Inject
    WebhookEndpoints endpoints;

    /** One endpoint with its newest deliveries. */
    public record EndpointLog(WebhookEndpointView endpoint, List<WebhookDeliveryView> deliveries) {
    }

    @GET
    public Response log() {
        Optional<ConsoleUser> user = pages.userWith(Role.ADMIN, Role.PORTAL);
        if (user.isEmpty()) {
            return pages.refused();
        }
        var scope = user.get().endpointScope();
        models.put("endpoints", endpoints.list(scope).stream().map(endpoint -> new EndpointLog(
                WebhookEndpointView.of(endpoint), endpoints.deliveries(scope, endpoint.id(), DELIVERIES_PER_ENDPOINT)
                        .stream().map(WebhookDeliveryView::of).toList())).toList());
        models.put("allTenants", scope.tenant() == null);
        return Response.ok("webhooks.jsp").build();
    }
}

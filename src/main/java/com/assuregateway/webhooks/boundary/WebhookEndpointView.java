package com.assuregateway.webhooks.boundary;

import com.assuregateway.webhooks.entity.EventType;
import com.assuregateway.webhooks.entity.WebhookEndpoint;
import java.time.Instant;
import java.util.List;

/**
 * An endpoint as the API shows it, without its secret. {@code events} empty: every type.
 * {@code previousSecretUntil}: after a rotation, until when the old secret still signs too.
 */
public record WebhookEndpointView(String endpointId, String tenant, String url, List<String> events,
                                  boolean enabled, Instant disabledAt, String disabledReason,
                                  Instant previousSecretUntil, Instant createdAt) {

    public static WebhookEndpointView of(WebhookEndpoint endpoint) {
        return new WebhookEndpointView(endpoint.id(), endpoint.tenant(), endpoint.url(),
                endpoint.eventTypes().stream().map(EventType::wire).toList(), endpoint.isEnabled(),
                endpoint.disabledAt(), endpoint.disabledReason(), endpoint.previousSecretUntil(),
                endpoint.createdAt());
    }
}

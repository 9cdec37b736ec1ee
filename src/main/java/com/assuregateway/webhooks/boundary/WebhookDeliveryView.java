package com.assuregateway.webhooks.boundary;

import com.assuregateway.webhooks.control.WebhookEndpoints.DeliveryOfType;
import com.assuregateway.webhooks.entity.WebhookDelivery;
import java.time.Instant;

/**
 * One event's delivery to one endpoint, as the delivery log shows it: {@code status} pending, delivered,
 * exhausted or canceled; the last attempt's HTTP status and error; when the next attempt is due.
 */
public record WebhookDeliveryView(String deliveryId, String eventId, String type, String status, int attempts,
                                  Integer lastStatus, String lastError, Instant lastAttemptAt,
                                  Instant nextAttemptAt, Instant deliveredAt, String replayOf, Instant createdAt) {

    public static WebhookDeliveryView of(DeliveryOfType row) {
        WebhookDelivery d = row.delivery();
        return new WebhookDeliveryView(d.id(), d.eventId(), row.type(), d.status().wire(), d.attempts(),
                d.lastStatus(), d.lastError(), d.lastAttemptAt(), d.nextAttemptAt(), d.deliveredAt(), d.replayOf(),
                d.createdAt());
    }
}

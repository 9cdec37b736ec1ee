package com.assuregateway.webhooks.control;

import com.assuregateway.webhooks.entity.EventPayload;
import com.assuregateway.webhooks.entity.EventType;
import com.assuregateway.webhooks.entity.WebhookDelivery;
import com.assuregateway.webhooks.entity.WebhookEndpoint;
import com.assuregateway.webhooks.entity.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox: an event is written in the transaction of the change that causes it (a
 * decision, a review, an erasure), never in one of its own, so either both commit or neither does, across
 * crashes. With it goes one pending delivery per endpoint of the tenant that wants the type; the background
 * sender ({@code WebhookTimer}) does the HTTP later, outside any such transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** Records the event for every endpoint of the tenant that subscribes to its type. */
    public WebhookEvent publish(String tenant, EventPayload payload) {
        List<WebhookEndpoint> endpoints = em.createNamedQuery(WebhookEndpoint.ENABLED_OF_TENANT, WebhookEndpoint.class)
                .setParameter("tenant", tenant)
                .getResultList().stream()
                .filter(endpoint -> endpoint.subscribes(payload.type()))
                .toList();
        return write(tenant, payload, endpoints);
    }

    /** Records the event for this endpoint only (a test event). */
    public WebhookDelivery publishTo(WebhookEndpoint endpoint, EventPayload payload) {
        WebhookEvent event = write(endpoint.tenant(), payload, List.of());
        return deliver(event, endpoint.id(), null);
    }

    /** A new delivery of a stored event: the same id and body, a fresh round of attempts. */
    public WebhookDelivery replay(WebhookDelivery earlier) {
        return deliver(em.find(WebhookEvent.class, earlier.eventId()), earlier.endpointId(), earlier.id());
    }

    /**
     * Part of a dossier's erasure: events that quote a reviewer's free text about the person go, with their
     * deliveries (delivered or not); the others hold ids and statuses only and stay.
     */
    public int forgetReviews(String dossierId) {
        List<String> ids = em.createQuery("SELECT e.id FROM WebhookEvent e WHERE e.dossierId = :dossierId"
                        + " AND e.type = :type", String.class)
                .setParameter("dossierId", dossierId)
                .setParameter("type", EventType.PROCESS_REVIEWED.wire())
                .getResultList();
        if (ids.isEmpty()) {
            return 0;
        }
        em.createQuery("DELETE FROM WebhookDelivery d WHERE d.eventId IN :ids").setParameter("ids", ids)
                .executeUpdate();
        return em.createQuery("DELETE FROM WebhookEvent e WHERE e.id IN :ids").setParameter("ids", ids).executeUpdate();
    }

    private WebhookEvent write(String tenant, EventPayload payload, List<WebhookEndpoint> endpoints) {
        Instant now = clock.instant();
        WebhookEvent event = new WebhookEvent("msg_" + UUID.randomUUID(), tenant, payload.type(),
                payload.dossierId(), EventBodies.of(payload, now), now);
        em.persist(event);
        // the deliveries' foreign key needs the event's row first; nothing maps the two for EclipseLink to order
        em.flush();
        endpoints.forEach(endpoint -> deliver(event, endpoint.id(), null));
        return event;
    }

    private WebhookDelivery deliver(WebhookEvent event, String endpointId, String replayOf) {
        WebhookDelivery delivery = new WebhookDelivery(UUID.randomUUID().toString(), event.id(), endpointId, replayOf,
                clock.instant());
        em.persist(delivery);
        return delivery;
    }
}

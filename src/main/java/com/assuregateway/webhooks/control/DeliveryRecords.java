package com.assuregateway.webhooks.control;

import com.assuregateway.persistence.control.Leases;
import com.assuregateway.webhooks.entity.DeliveryStatus;
import com.assuregateway.webhooks.entity.WebhookDelivery;
import com.assuregateway.webhooks.entity.WebhookEndpoint;
import com.assuregateway.webhooks.entity.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The sender's database steps, each its own short transaction: which deliveries are due, their leases
 * (as the follow-up's: an instance takes a delivery with a conditional update, so with several instances on
 * one database each attempt is made by one of them; the lease of an instance that died runs out), and what
 * an attempt's answer does to the delivery and its endpoint. No transaction stays open during the HTTP call.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class DeliveryRecords {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** What one attempt needs, read once its lease is held. */
    public record Due(WebhookDelivery delivery, WebhookEvent event, WebhookEndpoint endpoint) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> due(int limit) {
        return em.createNamedQuery(WebhookDelivery.DUE, String.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setParameter("now", clock.instant())
                .setMaxResults(limit)
                .getResultList();
    }

    /** The deliveries the sender leases ({@link Leases}): pending ones whose attempt is due. */
    public static final Leases.Work LEASED = new Leases.Work("WebhookDelivery",
            "w.status = com.assuregateway.webhooks.entity.DeliveryStatus.PENDING AND w.nextAttemptAt <= :now");

    /** The delivery with its event and endpoint; empty when the endpoint was deleted meanwhile. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Due> load(String deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId);
        if (delivery == null) {
            return Optional.empty();
        }
        WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.endpointId());
        WebhookEvent event = em.find(WebhookEvent.class, delivery.eventId());
        return endpoint == null || event == null ? Optional.empty() : Optional.of(new Due(delivery, event, endpoint));
    }

    public void delivered(String deliveryId, int httpStatus) {
        locked(deliveryId).ifPresent(d -> d.delivered(httpStatus, clock.instant()));
    }

    /**
     * A failed attempt: the next one when the schedule has one after this many attempts, otherwise exhausted.
     *
     * @param nextAfter the next attempt's time after the given number of attempts (this one included), or null
     * @return whether another attempt follows
     */
    public boolean failed(String deliveryId, Integer httpStatus, String error, IntFunction<Instant> nextAfter) {
        return locked(deliveryId).map(d -> {
            Instant next = nextAfter.apply(d.attempts() + 1);
            d.failed(httpStatus, error, next, clock.instant());
            return next != null;
        }).orElse(false);
    }

    /** 410 Gone: the endpoint is disabled, and nothing pending is sent to it any more. */
    public void gone(String deliveryId, int httpStatus) {
        locked(deliveryId).ifPresent(delivery -> {
            Instant now = clock.instant();
            delivery.canceled(httpStatus, "the endpoint answered 410 Gone; it is disabled", now);
            WebhookEndpoint endpoint = em.find(WebhookEndpoint.class, delivery.endpointId(),
                    LockModeType.PESSIMISTIC_WRITE);
            endpoint.disable("answered 410 Gone", now);
            em.flush();
            em.createNamedQuery(WebhookDelivery.CANCEL_OF_ENDPOINT)
                    .setParameter("canceled", DeliveryStatus.CANCELED)
                    .setParameter("endpointId", endpoint.id())
                    .setParameter("pending", DeliveryStatus.PENDING)
                    .executeUpdate();
        });
    }

    /** When the oldest event still waiting for a delivery was written; empty when none waits. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> oldestUndelivered() {
        return em.createNamedQuery(WebhookDelivery.OLDEST_PENDING, Instant.class)
                .setParameter("pending", DeliveryStatus.PENDING)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** Only a delivery still pending takes an answer: a deleted endpoint took its deliveries along. */
    private Optional<WebhookDelivery> locked(String deliveryId) {
        WebhookDelivery delivery = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        return delivery == null || delivery.status() != DeliveryStatus.PENDING ? Optional.empty()
                : Optional.of(delivery);
    }
}

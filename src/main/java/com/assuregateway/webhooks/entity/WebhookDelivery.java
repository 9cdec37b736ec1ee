package com.assuregateway.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One event on its way to one endpoint: the attempts so far, the last answer, when the next attempt is due,
 * and the lease of the instance sending it now (set and cleared by queries only, like the follow-up's).
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(name = WebhookDelivery.DUE,
        query = "SELECT d.id FROM WebhookDelivery d WHERE d.status = :pending AND d.nextAttemptAt <= :now"
                + " AND (d.leaseUntil IS NULL OR d.leaseUntil < :now) ORDER BY d.nextAttemptAt")
@NamedQuery(name = WebhookDelivery.OF_ENDPOINT,
        query = "SELECT d, e FROM WebhookDelivery d, WebhookEvent e WHERE d.endpointId = :endpointId"
                + " AND e.id = d.eventId ORDER BY d.createdAt DESC, d.id")
@NamedQuery(name = WebhookDelivery.OF_ENDPOINT_AFTER,
        query = "SELECT d, e FROM WebhookDelivery d, WebhookEvent e WHERE d.endpointId = :endpointId"
                + " AND e.id = d.eventId AND (d.createdAt < :createdAt OR (d.createdAt = :createdAt AND d.id > :id))"
                + " ORDER BY d.createdAt DESC, d.id")
@NamedQuery(name = WebhookDelivery.OLDEST_PENDING,
        query = "SELECT e.createdAt FROM WebhookDelivery d, WebhookEvent e WHERE d.status = :pending"
                + " AND e.id = d.eventId ORDER BY e.createdAt")
@NamedQuery(name = WebhookDelivery.CANCEL_OF_ENDPOINT,
        query = "UPDATE WebhookDelivery d SET d.status = :canceled, d.nextAttemptAt = NULL"
                + " WHERE d.endpointId = :endpointId AND d.status = :pending")
public class WebhookDelivery {

    public static final String DUE = "WebhookDelivery.due";
    public static final String OF_ENDPOINT = "WebhookDelivery.ofEndpoint";
    public static final String OF_ENDPOINT_AFTER = "WebhookDelivery.ofEndpointAfter";
    public static final String OLDEST_PENDING = "WebhookDelivery.oldestPending";
    public static final String CANCEL_OF_ENDPOINT = "WebhookDelivery.cancelOfEndpoint";

    @Id
    private String id;

    @Column(name = "event_id", nullable = false, updatable = false)
    private String eventId;

    @Column(name = "endpoint_id", nullable = false, updatable = false)
    private String endpointId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeliveryStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(name = "replay_of", updatable = false)
    private String replayOf;

    @Column(name = "lease_owner", insertable = false, updatable = false)
    private String leaseOwner;

    @Column(name = "lease_until", insertable = false, updatable = false)
    private Instant leaseUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookDelivery() {
    }

    public WebhookDelivery(String id, String eventId, String endpointId, String replayOf, Instant now) {
        this.id = id;
        this.eventId = eventId;
        this.endpointId = endpointId;
        this.replayOf = replayOf;
        this.status = DeliveryStatus.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    /** The endpoint answered 2xx. */
    public void delivered(int httpStatus, Instant now) {
        attempted(httpStatus, null, now);
        this.status = DeliveryStatus.DELIVERED;
        this.deliveredAt = now;
        this.nextAttemptAt = null;
    }

    /** A failed attempt: tried again at {@code next}, or, with none left, exhausted. */
    public void failed(Integer httpStatus, String error, Instant next, Instant now) {
        attempted(httpStatus, error, now);
        this.nextAttemptAt = next;
        this.status = next == null ? DeliveryStatus.EXHAUSTED : DeliveryStatus.PENDING;
    }

    /** The endpoint is gone (410): nothing more is sent to it. */
    public void canceled(Integer httpStatus, String error, Instant now) {
        attempted(httpStatus, error, now);
        this.nextAttemptAt = null;
        this.status = DeliveryStatus.CANCELED;
    }

    private void attempted(Integer httpStatus, String error, Instant now) {
        this.attempts++;
        this.lastAttemptAt = now;
        this.lastStatus = httpStatus;
        this.lastError = error == null || error.length() <= 300 ? error : error.substring(0, 300);
    }

    public String id() { return id; }
    public String eventId() { return eventId; }
    public String endpointId() { return endpointId; }
    public DeliveryStatus status() { return status; }
    public int attempts() { return attempts; }
    public Instant nextAttemptAt() { return nextAttemptAt; }
    public Instant lastAttemptAt() { return lastAttemptAt; }
    public Integer lastStatus() { return lastStatus; }
    public String lastError() { return lastError; }
    public Instant deliveredAt() { return deliveredAt; }
    public String replayOf() { return replayOf; }
    public Instant createdAt() { return createdAt; }
}

package com.assuregateway.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event in the outbox, its body as sent: every attempt and every replay sends these exact bytes (UTF-8)
 * under this id ({@code webhook-id}).
 */
@Entity
@Table(name = "webhook_event")
public class WebhookEvent {

    @Id
    private String id;

    @Column(nullable = false, updatable = false)
    private String tenant;

    @Column(nullable = false, updatable = false)
    private String type;

    @Column(name = "dossier_id", updatable = false)
    private String dossierId;

    @Column(nullable = false, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected WebhookEvent() {
    }

    public WebhookEvent(String id, String tenant, EventType type, String dossierId, String body, Instant now) {
        this.id = id;
        this.tenant = tenant;
        this.type = type.wire();
        this.dossierId = dossierId;
        this.body = body;
        this.createdAt = now;
    }

    public String id() { return id; }
    public String tenant() { return tenant; }
    public String type() { return type; }
    public String dossierId() { return dossierId; }
    public String body() { return body; }
    public Instant createdAt() { return createdAt; }
}

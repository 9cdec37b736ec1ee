package com.assuregateway.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A portal's receiver of events: its URL, the event types it wants (all when none are named) and its signing
 * secrets, sealed (the current one, and during a rotation the previous one until its overlap ends).
 */
@Entity
@Table(name = "webhook_endpoint")
@NamedQuery(name = WebhookEndpoint.OF_TENANT,
        query = "SELECT e FROM WebhookEndpoint e WHERE e.tenant = :tenant ORDER BY e.createdAt, e.id")
@NamedQuery(name = WebhookEndpoint.ALL, query = "SELECT e FROM WebhookEndpoint e ORDER BY e.createdAt, e.id")
@NamedQuery(name = WebhookEndpoint.ENABLED_OF_TENANT,
        query = "SELECT e FROM WebhookEndpoint e WHERE e.tenant = :tenant AND e.disabledAt IS NULL")
@NamedQuery(name = WebhookEndpoint.COUNT_OF_TENANT,
        query = "SELECT COUNT(e) FROM WebhookEndpoint e WHERE e.tenant = :tenant")
public class WebhookEndpoint {

    public static final String OF_TENANT = "WebhookEndpoint.ofTenant";
    public static final String ALL = "WebhookEndpoint.all";
    public static final String ENABLED_OF_TENANT = "WebhookEndpoint.enabledOfTenant";
    public static final String COUNT_OF_TENANT = "WebhookEndpoint.countOfTenant";

    @Id
    private String id;

    @Column(nullable = false, updatable = false)
    private String tenant;

    @Column(nullable = false, updatable = false)
    private String url;

    /** Comma-separated wire names; null for every type. */
    @Column(updatable = false)
    private String events;

    @Column(name = "secret_sealed", nullable = false)
    private String secretSealed;

    @Column(name = "previous_secret_sealed")
    private String previousSecretSealed;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(name = "disabled_at")
    private Instant disabledAt;

    @Column(name = "disabled_reason")
    private String disabledReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookEndpoint() {
    }

    public WebhookEndpoint(String id, String tenant, String url, List<EventType> events, String secretSealed,
                           Instant now) {
        this.id = id;
        this.tenant = tenant;
        this.url = url;
        this.events = events == null || events.isEmpty() ? null
                : String.join(",", events.stream().map(EventType::wire).toList());
        this.secretSealed = secretSealed;
        this.createdAt = now;
    }

    /** Whether this endpoint wants events of the type; a test event goes only where it is asked for. */
    public boolean subscribes(EventType type) {
        return type != EventType.WEBHOOK_TEST && (events == null || eventTypes().contains(type));
    }

    /** The named types; empty for every type. */
    public List<EventType> eventTypes() {
        if (events == null) {
            return List.of();
        }
        return Arrays.stream(events.split(",")).map(w -> EventType.fromWire(w).orElseThrow()).toList();
    }

    /** The new secret signs from now on; the old one keeps signing beside it until {@code overlapUntil}. */
    public void rotate(String newSecretSealed, Instant overlapUntil) {
        this.previousSecretSealed = secretSealed;
        this.previousSecretUntil = overlapUntil;
        this.secretSealed = newSecretSealed;
    }

    /** The previous secret while its overlap lasts. */
    public String previousSecretSealed(Instant now) {
        return previousSecretSealed != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? previousSecretSealed : null;
    }

    public void disable(String reason, Instant now) {
        if (disabledAt == null) {
            this.disabledAt = now;
            this.disabledReason = reason;
        }
    }

    /** Takes events again after it was disabled; what it missed meanwhile is not sent unless replayed. */
    public void enable() {
        this.disabledAt = null;
        this.disabledReason = null;
    }

    public boolean isEnabled() {
        return disabledAt == null;
    }

    public String id() { return id; }
    public String tenant() { return tenant; }
    public String url() { return url; }
    public String secretSealed() { return secretSealed; }
    public Instant previousSecretUntil() { return previousSecretUntil; }
    public Instant disabledAt() { return disabledAt; }
    public String disabledReason() { return disabledReason; }
    public Instant createdAt() { return createdAt; }
}

package com.assuregateway.webhooks.control;

import com.assuregateway.problems.entity.GatewayProblem;
import com.assuregateway.problems.entity.ProblemType;
import com.assuregateway.security.entity.TenantScope;
import com.assuregateway.settings.control.WebhookSettings;
import com.assuregateway.webhooks.entity.EventPayload;
import com.assuregateway.webhooks.entity.EventType;
import com.assuregateway.webhooks.entity.WebhookDelivery;
import com.assuregateway.webhooks.entity.WebhookEndpoint;
import com.assuregateway.webhooks.entity.WebhookEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperties;

/**
 * The endpoints of each tenant, as the API manages them, each change its own transaction. An endpoint
 * outside the caller's scope is answered like one that does not exist.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class WebhookEndpoints {

    @PersistenceContext
    EntityManager em;

    @Inject
    WebhookSecrets secrets;

    @Inject
    Outbox outbox;

    @Inject
    TargetPolicy targets;

    @Inject
    @ConfigProperties
    WebhookSettings settings;

    @Inject
    Clock clock;

    /** A new endpoint with its secret in the clear: the only time anybody sees it. */
    public record Registered(WebhookEndpoint endpoint, String secret) {
    }

    /** A delivery with its event's type. */
    public record DeliveryOfType(WebhookDelivery delivery, String type) {
    }

    public Registered register(String tenant, String url, List<EventType> events) {
        try {
            boolean privateAllowed = targets.privateAllowed();
            WebhookTargets.resolvePublic(WebhookTargets.parse(url, privateAllowed), privateAllowed);
        } catch (UnsafeTarget unsafe) {
            throw GatewayProblem.invalid("url", unsafe.getMessage());
        }
        long registered = em.createNamedQuery(WebhookEndpoint.COUNT_OF_TENANT, Long.class)
                .setParameter("tenant", tenant).getSingleResult();
        if (registered >= settings.maxEndpointsPerTenant()) {
            throw GatewayProblem.wrongState("Tenant " + tenant + " has " + registered + " webhook endpoints, the most "
                    + "allowed (gateway.webhooks.max-endpoints-per-tenant); delete one first");
        }
        String id = UUID.randomUUID().toString();
        String secret = WebhookSecrets.generate();
        WebhookEndpoint endpoint = new WebhookEndpoint(id, tenant, url.trim(), events, secrets.seal(id, secret),
                clock.instant());
        em.persist(endpoint);
        return new Registered(endpoint, secret);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookEndpoint> list(TenantScope scope) {
        if (scope.tenant() == null) {
            return em.createNamedQuery(WebhookEndpoint.ALL, WebhookEndpoint.class).getResultList();
        }
        return em.createNamedQuery(WebhookEndpoint.OF_TENANT, WebhookEndpoint.class)
                .setParameter("tenant", scope.tenant()).getResultList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookEndpoint endpoint(TenantScope scope, String endpointId) {
        return withinScope(scope, endpointId, em.find(WebhookEndpoint.class, endpointId));
    }

    /** The endpoint goes, and with it its deliveries (sent or not); the events stay. */
    public void delete(TenantScope scope, String endpointId) {
        em.remove(locked(scope, endpointId));
    }

    /** A new secret; the old one signs beside it until the overlap ends, so receivers can switch without a gap. */
    public Registered rotate(TenantScope scope, String endpointId) {
        WebhookEndpoint endpoint = locked(scope, endpointId);
        String secret = WebhookSecrets.generate();
        endpoint.rotate(secrets.seal(endpointId, secret),
                clock.instant().plusSeconds(settings.rotationOverlapSeconds()));
        return new Registered(endpoint, secret);
    }

    /**
     * A disabled endpoint (its receiver answered 410 Gone) takes new events again; the deliveries canceled when it
     * was disabled stay canceled, each one replayable. Enabling an enabled endpoint changes nothing.
     */
    public WebhookEndpoint enable(TenantScope scope, String endpointId) {
        WebhookEndpoint endpoint = locked(scope, endpointId);
        endpoint.enable();
        return endpoint;
    }

    /** A {@code webhook.test} event to this endpoint alone. */
    public DeliveryOfType test(TenantScope scope, String endpointId) {
        WebhookEndpoint endpoint = enabled(locked(scope, endpointId));
        return new DeliveryOfType(outbox.publishTo(endpoint, new EventPayload.WebhookTest(endpointId)),
                EventType.WEBHOOK_TEST.wire());
    }

    /** The endpoint's newest deliveries, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryOfType> deliveries(TenantScope scope, String endpointId, int limit) {
        return deliveries(scope, endpointId, limit, null);
    }

    /**
     * The endpoint's deliveries, newest first, from the one after the given delivery on (the last of the page
     * before; null for the first page): keyset paging, so a page stays right while new deliveries arrive.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<DeliveryOfType> deliveries(TenantScope scope, String endpointId, int limit, String afterDeliveryId) {
        endpoint(scope, endpointId);
        TypedQuery<Object[]> page;
        if (afterDeliveryId == null) {
            page = em.createNamedQuery(WebhookDelivery.OF_ENDPOINT, Object[].class);
        } else {
            WebhookDelivery after = em.find(WebhookDelivery.class, afterDeliveryId);
            if (after == null || !after.endpointId().equals(endpointId)) {
                throw GatewayProblem.invalid("after", "is not a delivery of webhook endpoint " + endpointId);
            }
            page = em.createNamedQuery(WebhookDelivery.OF_ENDPOINT_AFTER, Object[].class)
                    .setParameter("createdAt", after.createdAt())
                    .setParameter("id", after.id());
        }
        return page.setParameter("endpointId", endpointId)
                .setMaxResults(limit)
                .getResultList().stream()
                .map(row -> new DeliveryOfType((WebhookDelivery) row[0], ((WebhookEvent) row[1]).type()))
                .toList();
    }

    /** Sends a delivered, exhausted or pending event again: a new delivery, same event id and body. */
    public DeliveryOfType replay(TenantScope scope, String endpointId, String deliveryId) {
        enabled(locked(scope, endpointId));
        WebhookDelivery earlier = em.find(WebhookDelivery.class, deliveryId);
        if (earlier == null || !earlier.endpointId().equals(endpointId)) {
            throw GatewayProblem.notFound("Delivery", deliveryId);
        }
        return new DeliveryOfType(outbox.replay(earlier), em.find(WebhookEvent.class, earlier.eventId()).type());
    }

    private WebhookEndpoint locked(TenantScope scope, String endpointId) {
        return withinScope(scope, endpointId,
                em.find(WebhookEndpoint.class, endpointId, LockModeType.PESSIMISTIC_WRITE));
    }

    private static WebhookEndpoint enabled(WebhookEndpoint endpoint) {
        if (!endpoint.isEnabled()) {
            throw GatewayProblem.wrongState("Webhook endpoint " + endpoint.id() + " was disabled at "
                    + endpoint.disabledAt() + " (" + endpoint.disabledReason() + "); enable it again (POST .../enable) "
                    + "once the receiver takes events");
        }
        return endpoint;
    }

    private static WebhookEndpoint withinScope(TenantScope scope, String endpointId, WebhookEndpoint endpoint) {
        if (endpoint == null || !scope.permits(endpoint.tenant())) {
            throw GatewayProblem.notFound("Webhook endpoint", endpointId);
        }
        return endpoint;
    }
}

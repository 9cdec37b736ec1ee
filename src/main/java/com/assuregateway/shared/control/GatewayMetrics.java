package com.assuregateway.shared.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The gateway's own MicroProfile metrics (at {@code /metrics}, application scope): decisions by outcome and
 * tenant, every Assure call's duration and errors by operation, the follow-up backlog and the archive's
 * size, event deliveries to portals by outcome and the oldest undelivered event's age. The circuit
 * breaker's state comes from MicroProfile Fault Tolerance's own metrics ({@code ft_circuitbreaker_state_total}).
 */
@ApplicationScoped
public class GatewayMetrics {

    @Inject
    MetricRegistry registry;

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong archiveBytes = new AtomicLong();
    private final AtomicLong archives = new AtomicLong();
    private final AtomicLong oldestUndeliveredSeconds = new AtomicLong();

    @PostConstruct
    void gauges() {
        registry.gauge(Metadata.builder().withName("gateway.followup.backlog")
                .withDescription("Processes waiting for a background follow-up (status or archive)").build(),
                backlog, AtomicLong::get);
        registry.gauge(Metadata.builder().withName("gateway.archive.size").withUnit(MetricUnits.BYTES)
                .withDescription("Bytes of full results kept in the evidence archive (before encryption)").build(),
                archiveBytes, AtomicLong::get);
        registry.gauge(Metadata.builder().withName("gateway.archive.count")
                .withDescription("Full results kept in the evidence archive").build(), archives, AtomicLong::get);
        registry.gauge(Metadata.builder().withName("gateway.webhooks.oldest-undelivered").withUnit(MetricUnits.SECONDS)
                .withDescription("Age of the oldest event still waiting for a delivery to a portal (0: none waits)")
                .build(), oldestUndeliveredSeconds, AtomicLong::get);
    }

    /** One attempt to deliver an event to a portal: delivered, retrying, exhausted or gone (410). */
    public void webhookDelivery(String outcome) {
        registry.counter(Metadata.builder().withName("gateway.webhooks.deliveries")
                        .withDescription("Attempts to deliver events to portals, by outcome").build(),
                new Tag("outcome", outcome)).inc();
    }

    public void oldestUndeliveredEvent(long seconds) {
        oldestUndeliveredSeconds.set(seconds);
    }

    public void decided(String decision, String tenant) {
        registry.counter(Metadata.builder().withName("gateway.processes.decided")
                        .withDescription("Processes the gateway decided, by decision and tenant").build(),
                new Tag("decision", decision), new Tag("tenant", tenant)).inc();
    }

    /** One Assure call: its duration by operation, and its outcome when it was not ok. */
    public void upstreamCall(String action, String outcome, long durationMs) {
        String operation = action.startsWith("assure.") ? action.substring("assure.".length()) : action;
        registry.timer(Metadata.builder().withName("assure.call.duration")
                        .withDescription("Duration of calls to Assure, by operation").build(),
                new Tag("operation", operation)).update(Duration.ofMillis(durationMs));
        if (!"ok".equals(outcome) && !"not-found".equals(outcome)) {
            registry.counter(Metadata.builder().withName("assure.call.errors")
                            .withDescription("Calls to Assure that failed, by operation and outcome").build(),
                    new Tag("operation", operation), new Tag("outcome", outcome)).inc();
        }
    }

    public void backlog(long processes) {
        backlog.set(processes);
    }

    public void archive(long count, long bytes) {
        archives.set(count);
        archiveBytes.set(bytes);
    }
}

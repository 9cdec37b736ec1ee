package com.assuregateway.reporting.boundary;

import com.assuregateway.reporting.entity.ProcessTimeline;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The audit trail of one process, oldest first: every state change, evidence fingerprint and upstream call. */
public record TimelineView(String processId, String dossierId, String tenant, List<TimelineEvent> events) {

    /** {@code correlationId}: the X-Request-Id of the request (or background round) that wrote the event. */
    public record TimelineEvent(long id, Instant occurredAt, String kind, String action, String outcome,
                                Integer httpStatus, Long durationMs, String upstreamTraceId, String correlationId,
                                String detail) {
    }

    static TimelineView of(ProcessTimeline timeline) {
        return new TimelineView(timeline.processId(), timeline.dossierId(), timeline.tenant(),
                timeline.events().stream().map(e -> new TimelineEvent(e.id(), e.occurredAt(),
                        e.kind().name().toLowerCase(Locale.ROOT), e.action(), e.outcome(), e.httpStatus(),
                        e.durationMs(), e.upstreamTraceId(), e.correlationId(), e.detail())).toList());
    }
}

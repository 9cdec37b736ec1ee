package com.assuregateway.reporting.entity;

import com.assuregateway.audit.entity.AuditEvent;
import com.assuregateway.audit.entity.EventKind;
import java.time.Instant;
import java.util.List;

/** The audit trail of one process, oldest first, with the tenant and dossier it belongs to. */
public record ProcessTimeline(String processId, String tenant, String dossierId, List<Entry> events) {

    /** One audit event as recorded (see {@link AuditEvent}). */
    public record Entry(long id, Instant occurredAt, EventKind kind, String action, String outcome,
                        Integer httpStatus, Long durationMs, String upstreamTraceId, String correlationId,
                        String detail) {
    }
}

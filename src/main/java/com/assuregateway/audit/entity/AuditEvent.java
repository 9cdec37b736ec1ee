package com.assuregateway.audit.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One line of the append-only audit trail. Every column is insert-only: an event, once written, is what
 * an auditor reads years later.
 */
@Entity
@Table(name = "audit_event")
@NamedQuery(name = AuditEvent.OF_PROCESS,
        query = "SELECT e FROM AuditEvent e WHERE e.processId = :processId ORDER BY e.occurredAt, e.id")
@NamedQuery(name = AuditEvent.OF_DOSSIER,
        query = "SELECT e FROM AuditEvent e WHERE e.dossierId = :dossierId ORDER BY e.occurredAt, e.id")
public class AuditEvent {

    public static final String OF_PROCESS = "AuditEvent.ofProcess";
    public static final String OF_DOSSIER = "AuditEvent.ofDossier";
    private static final int DETAIL_LENGTH = 1000;

    @Id
    // blocks of 200, as the sequence moves since migration 16 (AuditIdBlocks): one lock per block, rare enough under load
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 200)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    private Long id;

    @Column(name = "dossier_id", nullable = false, updatable = false)
    private String dossierId;

    @Column(name = "process_id", updatable = false)
    private String processId;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private EventKind kind;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(nullable = false, updatable = false)
    private String outcome;

    @Column(name = "http_status", updatable = false)
    private Integer httpStatus;

    @Column(name = "duration_ms", updatable = false)
    private Long durationMs;

    @Column(name = "upstream_trace_id", updatable = false)
    private String upstreamTraceId;

    @Column(updatable = false)
    private String detail;

    @Column(name = "correlation_id", updatable = false)
    private String correlationId;

    protected AuditEvent() {
    }

    public AuditEvent(String dossierId, String processId, EventKind kind, String action, String outcome,
                      Integer httpStatus, Long durationMs, String upstreamTraceId, String detail,
                      String correlationId, Instant occurredAt) {
        this.dossierId = dossierId;
        this.processId = processId;
        this.occurredAt = occurredAt;
        this.kind = kind;
        this.action = action;
        this.outcome = outcome;
        this.httpStatus = httpStatus;
        this.durationMs = durationMs;
        // Signicat's, so of a length and alphabet this record does not control: kept to what the column holds
        this.upstreamTraceId = upstreamTraceId == null ? null
                : upstreamTraceId.replaceAll("\\p{Cntrl}", "?").substring(0, Math.min(64, upstreamTraceId.length()));
        // details quote upstream answers too; PostgreSQL refuses NUL in text, which would lose the event
        String text = detail == null ? null : detail.replace('\0', '?');
        this.detail = text == null || text.length() <= DETAIL_LENGTH ? text : text.substring(0, DETAIL_LENGTH);
        this.correlationId = correlationId;
    }

    public Long id() {
        return id;
    }

    public String dossierId() {
        return dossierId;
    }

    public String processId() {
        return processId;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public EventKind kind() {
        return kind;
    }

    public String action() {
        return action;
    }

    public String outcome() {
        return outcome;
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public Long durationMs() {
        return durationMs;
    }

    public String upstreamTraceId() {
        return upstreamTraceId;
    }

    public String detail() {
        return detail;
    }

    /** The request (or background round) that wrote this event. */
    public String correlationId() {
        return correlationId;
    }
}

-- Assure Gateway schema, version 1: the lasting audit record of the FaceTec flow.
-- Portable SQL: the same file runs on PostgreSQL (production, tests) and H2 (embedded default).
-- Biometric data never lands here; only SHA-256 fingerprints of what passed through.

CREATE TABLE dossier (
    id                  VARCHAR(36)              NOT NULL,
    tenant              VARCHAR(64)              NOT NULL,
    external_reference  VARCHAR(200)             NOT NULL,
    assure_dossier_id   VARCHAR(64),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    version             BIGINT                   NOT NULL,
    CONSTRAINT pk_dossier PRIMARY KEY (id),
    -- one dossier per end-user (per tenant), enforced by the database, not only by a lookup
    CONSTRAINT uq_dossier_reference UNIQUE (tenant, external_reference)
);

CREATE TABLE verification_process (
    id                        VARCHAR(36)              NOT NULL,
    dossier_id                VARCHAR(36)              NOT NULL,
    assure_process_id         VARCHAR(64),
    provider                  VARCHAR(32)              NOT NULL,
    status                    VARCHAR(16)              NOT NULL,
    assure_status             VARCHAR(16),
    photo_depiction           VARCHAR(16),
    photo_media_type          VARCHAR(32),
    photo_sha256              VARCHAR(64),
    photo_source_process_id   VARCHAR(36),
    image_depiction           VARCHAR(16),
    face_scan_sha256          VARCHAR(64),
    verification_started_at   TIMESTAMP WITH TIME ZONE,
    liveness_success          BOOLEAN,
    liveness_error            BOOLEAN,
    check_audit_trail         BOOLEAN,
    check_replay              BOOLEAN,
    check_face_scan_liveness  BOOLEAN,
    check_session_token       BOOLEAN,
    match_level               INTEGER,
    match_algorithm           VARCHAR(32),
    match_image_processing    VARCHAR(32),
    match_success             BOOLEAN,
    match_error               BOOLEAN,
    liveness_detected         BOOLEAN,
    similarity_score          VARCHAR(16),
    fail_reason               VARCHAR(1000),
    result_received_at        TIMESTAMP WITH TIME ZONE,
    finalized_at              TIMESTAMP WITH TIME ZONE,
    created_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at                TIMESTAMP WITH TIME ZONE NOT NULL,
    version                   BIGINT                   NOT NULL,
    CONSTRAINT pk_verification_process PRIMARY KEY (id),
    CONSTRAINT fk_process_dossier FOREIGN KEY (dossier_id) REFERENCES dossier (id)
);
CREATE INDEX ix_process_dossier ON verification_process (dossier_id, created_at);
CREATE INDEX ix_process_status ON verification_process (status, updated_at);

-- Every matching attempt FaceTec made, in the order it tried them.
CREATE TABLE match_attempt (
    process_id        VARCHAR(36) NOT NULL,
    attempt_order     INTEGER     NOT NULL,
    algorithm         VARCHAR(32),
    match_level       INTEGER,
    image_processing  VARCHAR(32),
    success           BOOLEAN,
    error             BOOLEAN,
    CONSTRAINT pk_match_attempt PRIMARY KEY (process_id, attempt_order),
    CONSTRAINT fk_attempt_process FOREIGN KEY (process_id) REFERENCES verification_process (id)
);

-- Append-only: every state change and every upstream call. Rows are never updated.
-- Ids come from a sequence handed out in blocks (EclipseLink's IDENTITY read-back does not work on H2 2.x).
CREATE SEQUENCE audit_event_seq START WITH 20 INCREMENT BY 20;
CREATE TABLE audit_event (
    id                 BIGINT                   NOT NULL,
    dossier_id         VARCHAR(36)              NOT NULL,
    process_id         VARCHAR(36),
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    kind               VARCHAR(16)              NOT NULL,
    action             VARCHAR(64)              NOT NULL,
    outcome            VARCHAR(32)              NOT NULL,
    http_status        INTEGER,
    duration_ms        BIGINT,
    upstream_trace_id  VARCHAR(64),
    detail             VARCHAR(1000),
    CONSTRAINT pk_audit_event PRIMARY KEY (id)
);
CREATE INDEX ix_event_process ON audit_event (process_id, id);
CREATE INDEX ix_event_dossier ON audit_event (dossier_id, id);

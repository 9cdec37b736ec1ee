-- Results a compliance officer can trust (issue 3).

-- The gateway's own decision beside Assure's status, with the rule that made it.
ALTER TABLE verification_process ADD COLUMN decision VARCHAR(16);
ALTER TABLE verification_process ADD COLUMN decision_reason VARCHAR(64);
ALTER TABLE verification_process ADD COLUMN decision_minimum_match_level INTEGER;
ALTER TABLE verification_process ADD COLUMN decision_agrees_with_assure BOOLEAN;
ALTER TABLE verification_process ADD COLUMN decided_at TIMESTAMP WITH TIME ZONE;

-- Background follow-up of unfinished processes: when to look next, and which instance holds the lease.
ALTER TABLE verification_process ADD COLUMN next_check_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE verification_process ADD COLUMN check_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE verification_process ADD COLUMN lease_owner VARCHAR(64);
ALTER TABLE verification_process ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_process_next_check ON verification_process (next_check_at);

-- Manual review of inconclusive (and undecidable) processes; the original decision stays as it was.
ALTER TABLE verification_process ADD COLUMN review_outcome VARCHAR(16);
ALTER TABLE verification_process ADD COLUMN review_reason VARCHAR(1000);
ALTER TABLE verification_process ADD COLUMN reviewed_by VARCHAR(200);
ALTER TABLE verification_process ADD COLUMN reviewed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_process_review ON verification_process (decision, reviewed_at);

-- The full-result zip, encrypted at rest (AES-256-GCM); sha256 is of the zip as Assure sent it.
CREATE TABLE evidence_archive (
    process_id    VARCHAR(36)              NOT NULL,
    key_id        VARCHAR(64)              NOT NULL,
    iv            BYTEA                    NOT NULL,
    ciphertext    BYTEA                    NOT NULL,
    sha256        VARCHAR(64)              NOT NULL,
    size_bytes    BIGINT                   NOT NULL,
    archived_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_evidence_archive PRIMARY KEY (process_id),
    CONSTRAINT fk_archive_process FOREIGN KEY (process_id) REFERENCES verification_process (id)
);
CREATE INDEX ix_archive_archived_at ON evidence_archive (archived_at);

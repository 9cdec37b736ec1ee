-- Resilience (issue 5): nothing lost, nothing done twice.

-- The intent of an upstream write, recorded before the call: a creation interrupted by a crash or a lost
-- answer is found again and finished from Assure's state instead of being repeated.
ALTER TABLE dossier ADD COLUMN upstream_requested_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE verification_process ADD COLUMN upstream_requested_at TIMESTAMP WITH TIME ZONE;

-- Idempotency-Key of portal POSTs: the first answer, replayed for the same key and body.
CREATE TABLE idempotency_record (
    tenant          VARCHAR(64)              NOT NULL,
    idempotency_key VARCHAR(200)             NOT NULL,
    request_hash    VARCHAR(64)              NOT NULL,
    method_path     VARCHAR(500)             NOT NULL,
    status          INTEGER,
    content_type    VARCHAR(100),
    location        VARCHAR(1000),
    body            VARCHAR(1000000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at    TIMESTAMP WITH TIME ZONE,
    version         BIGINT                   NOT NULL,
    CONSTRAINT pk_idempotency_record PRIMARY KEY (tenant, idempotency_key)
);
CREATE INDEX ix_idempotency_created ON idempotency_record (created_at);

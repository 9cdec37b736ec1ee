-- Signed events to portals (issue 14): the endpoints each tenant registers, the transactional outbox of
-- events (written in the same transaction as the decision, review or erasure that causes them) and one
-- delivery per event and endpoint, which the background sender works off under a lease.

-- An endpoint's signing secrets are sealed with the archive key (keyId:iv:ciphertext), never stored clear.
CREATE TABLE webhook_endpoint (
    id                    VARCHAR(36)              NOT NULL,
    tenant                VARCHAR(64)              NOT NULL,
    url                   VARCHAR(2000)            NOT NULL,
    events                VARCHAR(500),
    secret_sealed         VARCHAR(500)             NOT NULL,
    previous_secret_sealed VARCHAR(500),
    previous_secret_until TIMESTAMP WITH TIME ZONE,
    disabled_at           TIMESTAMP WITH TIME ZONE,
    disabled_reason       VARCHAR(200),
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    version               BIGINT                   NOT NULL,
    CONSTRAINT pk_webhook_endpoint PRIMARY KEY (id)
);
CREATE INDEX ix_webhook_endpoint_tenant ON webhook_endpoint (tenant);

-- The body is stored once, as sent: every attempt and every replay re-sends these exact bytes.
CREATE TABLE webhook_event (
    id          VARCHAR(40)              NOT NULL,
    tenant      VARCHAR(64)              NOT NULL,
    type        VARCHAR(40)              NOT NULL,
    dossier_id  VARCHAR(36),
    body        VARCHAR(8000)            NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_webhook_event PRIMARY KEY (id)
);
CREATE INDEX ix_webhook_event_dossier ON webhook_event (dossier_id);

CREATE TABLE webhook_delivery (
    id              VARCHAR(36)              NOT NULL,
    event_id        VARCHAR(40)              NOT NULL,
    endpoint_id     VARCHAR(36)              NOT NULL,
    status          VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_status     INTEGER,
    last_error      VARCHAR(300),
    delivered_at    TIMESTAMP WITH TIME ZONE,
    replay_of       VARCHAR(36),
    lease_owner     VARCHAR(64),
    lease_until     TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version         BIGINT                   NOT NULL,
    CONSTRAINT pk_webhook_delivery PRIMARY KEY (id),
    CONSTRAINT fk_delivery_event FOREIGN KEY (event_id) REFERENCES webhook_event (id) ON DELETE CASCADE,
    CONSTRAINT fk_delivery_endpoint FOREIGN KEY (endpoint_id) REFERENCES webhook_endpoint (id) ON DELETE CASCADE
);
CREATE INDEX ix_webhook_delivery_due ON webhook_delivery (next_attempt_at);
CREATE INDEX ix_webhook_delivery_endpoint ON webhook_delivery (endpoint_id, created_at);
CREATE INDEX ix_webhook_delivery_event ON webhook_delivery (event_id);

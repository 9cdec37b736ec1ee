-- The console's review queue (issue 15): a reviewer claims a process before deciding it, others see who holds
-- it, and the claim lapses at expires_at. One row per process at most; no personal data (the reviewer's name
-- is recorded with the review anyway).
CREATE TABLE review_claim (
    process_id  VARCHAR(36)              NOT NULL,
    reviewer    VARCHAR(200)             NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_review_claim PRIMARY KEY (process_id),
    CONSTRAINT fk_claim_process FOREIGN KEY (process_id) REFERENCES verification_process (id) ON DELETE CASCADE
);

-- Four-eyes tenants (gateway.console.four-eyes-tenants): a reviewer's verdict waits here until a second reviewer
-- confirms it; only then is it recorded as the process's review. The reason is the one the review will carry.
CREATE TABLE review_proposal (
    process_id   VARCHAR(36)              NOT NULL,
    outcome      VARCHAR(10)              NOT NULL,
    reason       VARCHAR(1000)            NOT NULL,
    proposed_by  VARCHAR(200)             NOT NULL,
    proposed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_review_proposal PRIMARY KEY (process_id),
    CONSTRAINT fk_proposal_process FOREIGN KEY (process_id) REFERENCES verification_process (id) ON DELETE CASCADE
);

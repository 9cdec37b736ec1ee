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

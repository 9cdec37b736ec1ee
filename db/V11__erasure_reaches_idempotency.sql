-- Erasure leaves nothing of the person (issue 12): the idempotency records of a dossier's requests hold the
-- first answer (with the externalReference) and a fingerprint of the request body. Each record names the
-- dossier it belongs to, so an erasure finds and deletes them in its own transaction.
ALTER TABLE idempotency_record ADD COLUMN dossier_id VARCHAR(36);
CREATE INDEX ix_idempotency_dossier ON idempotency_record (dossier_id);

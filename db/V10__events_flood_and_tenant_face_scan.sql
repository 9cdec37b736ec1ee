-- Issue 12 (points 3 and 9).

-- When an Assure event last brought a process's next look forward: a flood of events for one process may do
-- so at most once per backoff step (FollowUpPolicy), so it cannot turn the follow-up into a busy loop.
ALTER TABLE verification_process ADD COLUMN event_check_at TIMESTAMP WITH TIME ZONE;

-- A faceScan is used once per tenant. The fingerprint is now of the decoded bytes, keyed by the tenant
-- (FaceScanFingerprint), so the same capture in two tenants neither collides nor can be linked; within a
-- tenant the unique index still catches two concurrent submissions. Fingerprints written before this
-- migration were of the base64 text: they stay as they are and no longer match new ones.
DROP INDEX uq_process_face_scan;
CREATE UNIQUE INDEX uq_process_tenant_face_scan ON verification_process (tenant, face_scan_sha256);

-- Point 5: a stored idempotent answer keeps no session secret in the clear. The parts an answer marks as
-- secret (the FaceTec session of a new process) stand as null in body and are kept here, sealed with the
-- archive key (AES-256-GCM, bound to the tenant and the Idempotency-Key), so a replay still returns them.
ALTER TABLE idempotency_record ADD COLUMN sealed_parts VARCHAR(100000);

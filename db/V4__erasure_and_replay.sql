-- Portal security and data protection (issue 4).
-- An erased dossier stays as a tombstone: ids, times and decisions, without the portal's reference.
ALTER TABLE dossier ALTER COLUMN external_reference DROP NOT NULL;
ALTER TABLE dossier ADD COLUMN erased_at TIMESTAMP WITH TIME ZONE;

-- A faceScan is used once: the same fingerprint twice is a replay, refused before Assure is called.
-- NULLs (no verification yet, or one Assure never started) do not collide.
CREATE UNIQUE INDEX uq_process_face_scan ON verification_process (face_scan_sha256);

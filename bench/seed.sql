-- Fills the gateway's schema (created by its own Flyway migrations) with a realistic audit record:
-- :processes verification processes of 24 tenants (skewed: the largest about a quarter, the smallest well
-- under 1%), about 0.65 dossiers per process, over the last two years with volume growing over time, and
-- about five audit events per process. Rows go in in time order, as the gateway would have written them,
-- so the tables' physical order (and so the planner's correlation statistics) is realistic.
-- Deterministic: setseed makes every run produce the same data.
-- Run by bench/seed.sh:  psql -v processes=1000000 -f bench/seed.sql  (search_path set to the schema)
\set ON_ERROR_STOP on
\timing on
SET synchronous_commit = off;
SET maintenance_work_mem = '512MB';
SET work_mem = '256MB';
SET max_parallel_workers_per_gather = 0;  -- setseed's sequence is deterministic only without workers
SELECT setseed(0.20261126);

\set dossiers (:processes * 65 / 100)

DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM verification_process) OR EXISTS (SELECT 1 FROM dossier) THEN
        RAISE EXCEPTION 'this schema already holds dossiers or processes: drop and recreate it to seed anew';
    END IF;
END $$;

-- Tenants with Zipf-like weights (1 / rank^1.1).
CREATE TEMP TABLE seed_tenant AS
SELECT no, name, sum(w) OVER (ORDER BY no) / sum(w) OVER () AS upto
FROM (SELECT no, name, 1.0 / power(no, 1.1) AS w
      FROM unnest(ARRAY['northbank', 'meridian-insurance', 'fjord-telecom', 'kasse-online', 'polaris-pay',
                        'ostra-energy', 'lumen-credit', 'viking-mobile', 'baltic-lease', 'aurora-health',
                        'granit-invest', 'helix-gaming', 'nordlys-rent', 'skagen-auto', 'tundra-post',
                        'vega-travel', 'alba-pension', 'brio-retail', 'cobalt-crypto', 'delta-housing',
                        'elm-student', 'frost-utility', 'gale-marine', 'harbor-club'])
           WITH ORDINALITY AS t(name, no)) weighted;

-- Dossiers: creation time skewed towards now (the business grows), 2% erased to a tombstone.
CREATE TEMP TABLE seed_dossier AS
SELECT n,
       md5('dossier-' || n)::uuid::text AS id,
       (SELECT t.name FROM seed_tenant t WHERE t.upto >= r ORDER BY t.no LIMIT 1) AS tenant,
       date_trunc('milliseconds', now() - interval '730 days' * (1 - sqrt(random()))) AS created_at,
       random() < 0.02 AS erased
FROM (SELECT n, random() AS r FROM generate_series(1, :dossiers) n) s;
CREATE UNIQUE INDEX ON seed_dossier (n);

INSERT INTO dossier (id, tenant, external_reference, assure_dossier_id, created_at, updated_at, version, erased_at)
SELECT id, tenant,
       CASE WHEN erased THEN NULL ELSE 'customer-' || n END,
       md5('assure-dossier-' || n)::uuid::text,
       created_at,
       CASE WHEN erased THEN created_at + interval '200 days' ELSE created_at END,
       1,
       CASE WHEN erased THEN created_at + interval '200 days' END
FROM seed_dossier
ORDER BY seed_dossier.created_at;

-- Processes: the first of each dossier right after it was opened, further ones (a retry, a re-check)
-- up to 90 days later. The outcome spread follows what the flow produces (docs/decisions-and-follow-up.md).
CREATE TEMP TABLE seed_process AS
SELECT i,
       md5('process-' || i)::uuid::text AS id,
       d.id AS dossier_id,
       d.tenant,
       CASE WHEN i <= :dossiers THEN least(now(), d.created_at + interval '1 second' * (1 + random() * 120))
            ELSE d.created_at + least(interval '90 days', now() - d.created_at) * random() END AS created_at,
       random() AS r_outcome,
       random() AS r_level,
       random() AS r_review
FROM generate_series(1, :processes) i
JOIN seed_dossier d ON d.n = CASE WHEN i <= :dossiers THEN i ELSE 1 + ((i::bigint * 2654435761) % :dossiers) END;

CREATE TEMP TABLE seed_outcome AS
SELECT p.*,
       CASE WHEN r_outcome < 0.060 THEN 'pending'            -- a process opened, never verified
            WHEN p.created_at > now() - interval '5 minutes' THEN 'processing'
            WHEN r_outcome < 0.065 THEN 'expired'
            WHEN r_outcome < 0.077 THEN 'failed'
            WHEN r_outcome < 0.081 THEN 'canceled'
            WHEN r_outcome < 0.085 THEN 'unknown'            -- Assure said accepted, evidence missing
            WHEN r_outcome < 0.145 THEN 'inconclusive'
            WHEN r_outcome < 0.180 THEN 'rejected-liveness'
            WHEN r_outcome < 0.220 THEN 'rejected-match'
            ELSE 'accepted' END AS outcome
FROM seed_process p;

INSERT INTO verification_process (
    id, dossier_id, tenant, assure_process_id, provider, status, assure_status,
    photo_depiction, photo_media_type, photo_sha256, image_depiction, face_scan_sha256, verification_started_at,
    liveness_success, liveness_error, check_audit_trail, check_replay, check_face_scan_liveness, check_session_token,
    match_level, match_algorithm, match_image_processing, match_success, match_error, liveness_detected,
    similarity_score, fail_reason, result_received_at, finalized_at, created_at, updated_at, version,
    decision, decision_reason, decision_minimum_match_level, decision_agrees_with_assure, decided_at,
    next_check_at, check_attempts, review_outcome, review_reason, reviewed_by, reviewed_at)
SELECT id, dossier_id, tenant, md5('assure-process-' || i)::uuid::text, 'facetec', status, lower(assure_status),
       'selfie', 'image/jpeg', encode(sha256(('photo-' || i)::bytea), 'hex'),
       CASE WHEN verified THEN 'selfie' END,
       CASE WHEN verified THEN encode(sha256(('facescan-' || i)::bytea), 'hex') END,
       CASE WHEN verified THEN started END,
       liveness, CASE WHEN has_result THEN false END,
       CASE WHEN has_result THEN true END, CASE WHEN has_result THEN true END,
       CASE WHEN has_result THEN outcome <> 'rejected-liveness' END, CASE WHEN has_result THEN true END,
       match_level,
       CASE WHEN match_level IS NOT NULL THEN 'facetec-3d' END,
       CASE WHEN match_level IS NOT NULL THEN 'facePortrait' END,
       CASE WHEN match_level IS NOT NULL THEN match_level > 0 END,
       CASE WHEN match_level IS NOT NULL THEN false END,
       CASE WHEN has_result THEN liveness END,
       CASE WHEN match_level IS NOT NULL THEN (match_level * 12)::text END,
       CASE WHEN outcome = 'failed' THEN 'The FaceScan could not be processed' END,
       CASE WHEN has_result THEN finished END,
       CASE WHEN final THEN finished END,
       created_at,
       coalesce(reviewed_at, CASE WHEN final THEN finished WHEN verified THEN started ELSE created_at + interval '20 seconds' END),
       CASE WHEN reviewed_at IS NULL THEN 4 ELSE 5 END,
       decision, decision_reason, CASE WHEN decision IS NOT NULL THEN 6 END,
       CASE WHEN decision IS NULL OR decision = 'EXPIRED' THEN NULL ELSE decision <> 'UNKNOWN' END,
       CASE WHEN decision IS NOT NULL THEN finished END,
       NULL, 0,   -- nothing left for the background follow-up: the benchmark measures queries alone
       CASE WHEN reviewed_at IS NOT NULL THEN CASE WHEN r_review < 0.5 THEN 'approve' ELSE 'reject' END END,
       CASE WHEN reviewed_at IS NOT NULL THEN 'checked against the ID document' END,
       CASE WHEN reviewed_at IS NOT NULL THEN 'reviewer-' || (1 + (i % 7)) END,
       reviewed_at
FROM (
    SELECT o.*,
           outcome NOT IN ('pending') AS verified,
           outcome NOT IN ('pending', 'processing', 'expired', 'canceled') AS has_result,
           outcome NOT IN ('pending', 'processing') AS final,
           created_at + interval '1 second' * (20 + r_level * 100) AS started,
           created_at + interval '1 second' * (35 + r_level * 140) AS finished,
           CASE outcome WHEN 'rejected-liveness' THEN false WHEN 'failed' THEN NULL WHEN 'unknown' THEN NULL
                        WHEN 'pending' THEN NULL WHEN 'processing' THEN NULL WHEN 'expired' THEN NULL
                        WHEN 'canceled' THEN NULL ELSE true END AS liveness,
           CASE outcome WHEN 'accepted' THEN CASE WHEN r_level < 0.70 THEN 8 WHEN r_level < 0.90 THEN 7 ELSE 6 END
                        WHEN 'inconclusive' THEN 1 + floor(r_level * 5)::int
                        WHEN 'rejected-match' THEN 0
                        WHEN 'rejected-liveness' THEN CASE WHEN r_level < 0.5 THEN 0 END END AS match_level,
           CASE outcome WHEN 'accepted' THEN 'ACCEPTED' WHEN 'unknown' THEN 'ACCEPTED'
                        WHEN 'rejected-liveness' THEN 'REJECTED' WHEN 'rejected-match' THEN 'REJECTED'
                        ELSE upper(outcome) END AS status,
           CASE outcome WHEN 'unknown' THEN 'accepted' WHEN 'expired' THEN 'processing'
                        WHEN 'rejected-liveness' THEN 'rejected' WHEN 'rejected-match' THEN 'rejected'
                        ELSE outcome END AS assure_status,
           CASE outcome WHEN 'pending' THEN NULL WHEN 'processing' THEN NULL
                        WHEN 'rejected-liveness' THEN 'REJECTED' WHEN 'rejected-match' THEN 'REJECTED'
                        ELSE upper(outcome) END AS decision,
           CASE outcome WHEN 'accepted' THEN 'match-level-at-or-above-minimum'
                        WHEN 'inconclusive' THEN 'match-level-below-minimum'
                        WHEN 'rejected-match' THEN 'no-match'
                        WHEN 'rejected-liveness' THEN 'security-check-failed:faceScanLivenessCheckSucceeded'
                        WHEN 'failed' THEN 'assure-failed' WHEN 'canceled' THEN 'assure-canceled'
                        WHEN 'expired' THEN 'no-final-status-before-deadline'
                        WHEN 'unknown' THEN 'liveness-unknown' END AS decision_reason,
           -- three in four of the processes that needed a person got one, within two days
           CASE WHEN outcome IN ('inconclusive', 'unknown') AND r_review < 0.75
                     AND created_at < now() - interval '3 days'
                THEN created_at + interval '1 hour' * (1 + r_review * 60) END AS reviewed_at
    FROM seed_outcome o
) x
ORDER BY x.created_at;

-- The audit trail: about five events a process (the dossiers' own events are left out: the audit
-- queries read a process's timeline). pending: process.created, upstream createProcess, photo.set;
-- verified: process.created, photo.set, verification.requested, status.changed, decision.made, and for one
-- in ten an extra upstream getProcess; a review adds its own event.
CREATE TEMP TABLE seed_event AS
SELECT p.dossier_id, p.id AS process_id,
       p.created_at + interval '1 second' * e.offset_s AS occurred_at,
       e.kind, e.action,
       CASE e.action WHEN 'status.changed' THEN lower(p.status) WHEN 'decision.made' THEN lower(p.decision)
                     ELSE e.outcome END AS outcome,
       e.http_status, e.duration_ms
FROM verification_process p
CROSS JOIN LATERAL (VALUES
        (0.0,   'STATE',    'process.created',         'pending',  NULL::int, NULL::bigint, true),
        (-0.4,  'UPSTREAM', 'assure.createProcess',    'ok',       201,       380,          p.verification_started_at IS NULL),
        (18.0,  'EVIDENCE', 'photo.set',               'recorded', NULL,      NULL,         true),
        (25.0,  'EVIDENCE', 'verification.requested',  'recorded', NULL,      NULL,         p.verification_started_at IS NOT NULL),
        (40.0,  'UPSTREAM', 'assure.getProcess',       'ok',       200,       145,          p.finalized_at IS NOT NULL
                                                                                            AND abs(hashtext(p.id)) % 10 = 0),
        (50.0,  'STATE',    'status.changed',          NULL,       NULL,      NULL,         p.finalized_at IS NOT NULL),
        (50.01, 'STATE',    'decision.made',           NULL,       NULL,      NULL,         p.decision IS NOT NULL)
    ) AS e(offset_s, kind, action, outcome, http_status, duration_ms, applies)
WHERE e.applies
UNION ALL
SELECT p.dossier_id, p.id, p.reviewed_at, 'STATE', 'review.' || p.review_outcome, p.review_outcome, NULL, NULL
FROM verification_process p WHERE p.reviewed_at IS NOT NULL;

INSERT INTO audit_event (id, dossier_id, process_id, occurred_at, kind, action, outcome, http_status, duration_ms,
                         upstream_trace_id, detail)
SELECT row_number() OVER (ORDER BY occurred_at), dossier_id, process_id, occurred_at, kind, action, outcome,
       http_status, duration_ms, NULL, NULL
FROM seed_event
ORDER BY seed_event.occurred_at;

-- The gateway hands out event ids in blocks of 200 from this sequence (AuditIdBlocks): continue after the seeded ones.
SELECT setval('audit_event_seq', (SELECT (max(id) / 200 + 1) * 200 FROM audit_event));

VACUUM ANALYZE dossier;
VACUUM ANALYZE verification_process;
VACUUM ANALYZE audit_event;

SELECT (SELECT count(*) FROM dossier) AS dossiers,
       (SELECT count(*) FROM verification_process) AS processes,
       (SELECT count(*) FROM audit_event) AS events;

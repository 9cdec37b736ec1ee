-- Audit queries over millions of processes (issue 6). Each index serves query shapes whose PostgreSQL
-- plans are in docs/audit-queries.md. Portable SQL: the same file runs on PostgreSQL and H2.

-- The tenant is the dossier's, copied onto the process so that a tenant-scoped listing walks one index in
-- time order instead of joining a dossier for every row it passes. A dossier never changes its tenant.
ALTER TABLE verification_process ADD COLUMN tenant VARCHAR(64);
UPDATE verification_process SET tenant = (SELECT d.tenant FROM dossier d WHERE d.id = verification_process.dossier_id);
ALTER TABLE verification_process ALTER COLUMN tenant SET NOT NULL;

-- Keyset pages in creation order, (created_at, id) being unique. Every other filter column is a key column
-- too: the page's keys are found by an index-only scan that skips non-matching entries without reading the
-- table (plain key columns rather than INCLUDE, which H2 lacks). The statistics read only these columns.
CREATE INDEX ix_process_audit_time ON verification_process
    (created_at, id, status, decision, match_level, reviewed_at, updated_at, provider, tenant);
CREATE INDEX ix_process_audit_tenant ON verification_process
    (tenant, created_at, id, status, decision, match_level, reviewed_at, updated_at, provider);

-- A narrow "updated between" window: fetch those rows and sort them, rather than walk the time index.
CREATE INDEX ix_process_updated ON verification_process (updated_at);

-- "What happened to this customer" across tenants: the unique index leads with the tenant.
CREATE INDEX ix_dossier_external_reference ON dossier (external_reference);

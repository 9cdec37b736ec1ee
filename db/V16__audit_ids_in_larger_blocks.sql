-- Audit event ids are taken in blocks of 200 instead of 20 (AuditEvent's allocationSize says the same). Every
-- instance takes its next block under one EclipseLink lock; at 128 concurrent flows the threads waiting for it were
-- starved past EclipseLink's 40 s limit and their requests failed (docs/performance/README.md, issue 17). A tenth
-- as many block fetches makes that wait rare. An instance still on 20 during a rolling upgrade stays safe: it uses
-- the 20 ids below each value it draws, and every value lies 200 above the one before.
ALTER SEQUENCE audit_event_seq INCREMENT BY 200;

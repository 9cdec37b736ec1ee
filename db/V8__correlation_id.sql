-- Operations (issue 7): the correlation id of the request (or background round) that wrote each event.
ALTER TABLE audit_event ADD COLUMN correlation_id VARCHAR(64);
CREATE INDEX ix_event_correlation ON audit_event (correlation_id);

-- Limits toward Signicat shared by every instance of a fleet (issue 16), used only when switched on
-- (gateway.assure.fleet-*): one access token for the fleet, and the permits of a fleet-wide cap on
-- concurrent calls to Assure. Times are epoch milliseconds from the instances' clocks.

-- One row: the token every instance uses, renewed by whichever instance holds the row lock when it is due.
CREATE TABLE assure_fleet_token (
    id            INTEGER       NOT NULL,
    token         VARCHAR(4000),
    refresh_at_ms BIGINT,
    expires_at_ms BIGINT,
    CONSTRAINT pk_assure_fleet_token PRIMARY KEY (id)
);
INSERT INTO assure_fleet_token (id) VALUES (1);

-- One row per permit (slot 0 .. cap-1, added on first use); a call holds one for its duration. The lease
-- frees a permit whose instance died holding it.
CREATE TABLE assure_call_permit (
    slot            INTEGER     NOT NULL,
    holder          VARCHAR(40),
    lease_until_ms  BIGINT,
    CONSTRAINT pk_assure_call_permit PRIMARY KEY (slot)
);

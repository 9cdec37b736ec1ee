-- The fleet's shared Assure token is kept sealed with the archive keys from now on (assure/control/FleetStore,
-- archive/control/FleetTokenSeal), so that reading the schema no longer gives a credential for Signicat's API.
-- A token an earlier version wrote in the clear is dropped here (the next call fetches a new one), and the column
-- is widened for sealed tokens (key id, IV and base64: about 4/3 of the token and 40 characters more).
UPDATE assure_fleet_token SET token = NULL, refresh_at_ms = NULL, expires_at_ms = NULL;
ALTER TABLE assure_fleet_token ALTER COLUMN token SET DATA TYPE VARCHAR(8000);

-- "Remember this browser": after a second factor inside the request of an agency that accepts
-- AAL1, the browser gets a random token (cookie idp_remember); only its hash is stored. For 30
-- days from then (Login.gov), a correct password on that browser, for that account, is enough
-- at agencies that accept AAL1 — never at AAL2 agencies nor on the identity provider's own pages.
-- Forgotten on request, and by a password reset, "sign out everywhere" and a lock.

CREATE TABLE remembered_devices (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  device_id text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  last_used_at timestamptz
);
CREATE INDEX remembered_devices_account ON remembered_devices (account_id, expires_at);

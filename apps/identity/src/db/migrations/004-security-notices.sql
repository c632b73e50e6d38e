-- Security notices: every security event is emailed with a "This wasn't me" link. The
-- link carries a random token (only its hash is stored, valid 7 days, single use); using
-- it locks the account until the password is reset.

CREATE TABLE account_locks (
  account_id uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  locked_at timestamptz NOT NULL,
  reason text NOT NULL
);

CREATE TABLE security_notice_tokens (
  token_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES security_events (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE INDEX security_notice_tokens_account ON security_notice_tokens (account_id);
CREATE INDEX security_notice_tokens_event ON security_notice_tokens (event_id);

-- New-device alerts ask "has this account signed in from this device before?".
CREATE INDEX security_events_account_device ON security_events (account_id, device_id);

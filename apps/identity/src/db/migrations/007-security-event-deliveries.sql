-- Security Event Tokens (RFC 8417) pushed to agencies (RFC 8935) when a person deletes their
-- account or resets their password. One row per agency and event, written in the same
-- transaction as the action; a delivery worker signs and sends pending rows, retrying with
-- exponential backoff. The token is signed when it is sent (with the current signing key),
-- so only what goes into it is stored: the row id is its `jti`.
--
-- Deliberately no foreign key to accounts (the account is gone when "account purged" is
-- sent) nor to agencies (an agency removed meanwhile makes the delivery fail, not vanish).
-- `subject` is the agency's pairwise `sub`, which is not PII and cannot be joined across agencies.

CREATE TABLE security_event_deliveries (
  id uuid PRIMARY KEY,
  client_id text NOT NULL,
  event_type text NOT NULL CHECK (event_type IN ('account-purged', 'credential-change', 'account-disabled')),
  subject text NOT NULL,
  occurred_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  -- Attempts started (counted when a worker claims the row, so a crash mid-send counts too).
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  -- A worker's claim: no other worker sends the row before this time.
  locked_until timestamptz,
  last_error text,
  delivered_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX security_event_deliveries_due ON security_event_deliveries (next_attempt_at)
  WHERE status = 'pending';
CREATE INDEX security_event_deliveries_client ON security_event_deliveries (client_id, created_at);

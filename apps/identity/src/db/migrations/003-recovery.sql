-- Recovery (Login.gov): password reset by emailed link (30 minutes, single use) and account
-- reset when every second factor is lost (request, 24-hour wait, then a link valid 24 hours
-- to delete the account or remove its methods). Links carry tokens; only their SHA-256
-- hashes are stored here.
--
-- Deleting an account deletes its row: methods, sessions, events, consents, sign-up flows
-- and these requests go with it (ON DELETE CASCADE), and the OIDC models naming the
-- account are deleted in the same transaction. There is deliberately no tombstone table:
-- the one thing that must outlive an account, the limit on emails to an address (20 per
-- hour), lives in the attempt limiter under the address's keyed fingerprint, not here.

CREATE TABLE recovery_requests (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('password_reset', 'account_reset')),
  -- The link that resets the password, or continues an account reset.
  token_hash text UNIQUE,
  -- Account reset only: the link that cancels the request.
  cancel_token_hash text UNIQUE,
  -- The language of the emails sent later (the "you can continue" email).
  locale text NOT NULL DEFAULT 'en',
  requested_at timestamptz NOT NULL,
  -- Account reset: requested_at + 24 hours (the wait). Password reset: requested_at.
  usable_from timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  -- Account reset: when the "you can continue" email went out (sent once).
  notified_at timestamptz,
  used_at timestamptz,
  cancelled_at timestamptz,
  CHECK (usable_from >= requested_at AND expires_at > usable_from)
);
CREATE INDEX recovery_requests_account ON recovery_requests (account_id, kind);
-- The periodic "you can continue" sweep looks only at open account resets not yet notified.
CREATE INDEX recovery_requests_due ON recovery_requests (usable_from)
  WHERE kind = 'account_reset' AND notified_at IS NULL AND used_at IS NULL AND cancelled_at IS NULL;

-- Deleting an account deletes every OIDC model that names it (grants, sessions, codes,
-- tokens): one statement on payload->>'accountId', found through this index.
CREATE INDEX oidc_models_account_id ON oidc_models ((payload ->> 'accountId'));

-- More than one email address per account: each added address is confirmed by a link before
-- it can be used to sign in. The address given at sign-up stays in accounts.
CREATE TABLE account_emails (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  email_fp text NOT NULL,
  email_enc text NOT NULL,
  token_hash text UNIQUE,
  token_expires_at timestamptz,
  confirmed_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX account_emails_account ON account_emails (account_id);
CREATE UNIQUE INDEX account_emails_confirmed_fp ON account_emails (email_fp) WHERE confirmed_at IS NOT NULL;

-- Authentication at AAL2: MFA methods, backup codes, one-time code challenges, the
-- identity provider's own browser sessions, and security events.

CREATE TABLE mfa_methods (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('totp', 'webauthn', 'sms', 'voice', 'email', 'backup_codes')),
  label text NOT NULL,
  -- TOTP secret, phone number (E.164), email address or WebAuthn credential, encrypted.
  secret_enc text,
  -- Keyed fingerprint for lookups (phone number, WebAuthn credential id).
  lookup_fp text,
  -- The last TOTP time step accepted: a code is never accepted twice.
  last_totp_step bigint,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz
);
CREATE INDEX mfa_methods_account ON mfa_methods (account_id);
CREATE INDEX mfa_methods_lookup ON mfa_methods (lookup_fp) WHERE lookup_fp IS NOT NULL;

CREATE TABLE backup_codes (
  method_id uuid NOT NULL REFERENCES mfa_methods (id) ON DELETE CASCADE,
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (method_id, code_hash)
);

CREATE TABLE otp_challenges (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  method_id uuid REFERENCES mfa_methods (id) ON DELETE CASCADE,
  purpose text NOT NULL,
  code_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz
);
CREATE INDEX otp_challenges_account ON otp_challenges (account_id, created_at);

CREATE TABLE idp_sessions (
  id_hash text PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- 1 after the password; 2 after a second factor.
  aal smallint NOT NULL,
  password_at timestamptz NOT NULL,
  mfa_at timestamptz,
  mfa_kind text,
  device_id text NOT NULL,
  device_label text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX idp_sessions_account ON idp_sessions (account_id);

CREATE TABLE security_events (
  id bigserial PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  kind text NOT NULL,
  device_id text,
  device_label text,
  occurred_at timestamptz NOT NULL,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX security_events_account ON security_events (account_id, occurred_at DESC);

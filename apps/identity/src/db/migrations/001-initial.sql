-- Identity provider schema, version 1: accounts, sign-up flows, OIDC storage, keys,
-- agencies (relying parties) and the development outbox. PII columns end in _enc
-- (AES-256-GCM) and lookups use keyed fingerprints (_fp).

CREATE TABLE accounts (
  id uuid PRIMARY KEY,
  email_fp text NOT NULL UNIQUE,
  email_enc text NOT NULL,
  given_name_enc text NOT NULL,
  family_name_enc text NOT NULL,
  password_hash text NOT NULL,
  email_confirmed_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE signup_flows (
  id uuid PRIMARY KEY,
  email_fp text NOT NULL,
  email_enc text NOT NULL,
  token_hash text UNIQUE,
  interaction_uid text,
  locale text NOT NULL DEFAULT 'en',
  confirmed_at timestamptz,
  completed_at timestamptz,
  account_id uuid REFERENCES accounts (id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX signup_flows_expires_at ON signup_flows (expires_at);

CREATE TABLE oidc_models (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  user_code text,
  uid text,
  expires_at timestamptz,
  consumed_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oidc_models_grant_id ON oidc_models (grant_id) WHERE grant_id IS NOT NULL;
CREATE INDEX oidc_models_uid ON oidc_models (uid) WHERE uid IS NOT NULL;
CREATE INDEX oidc_models_user_code ON oidc_models (user_code) WHERE user_code IS NOT NULL;
CREATE INDEX oidc_models_expires_at ON oidc_models (expires_at);

-- Consent to share information with an agency, remembered per account (Login.gov: one year),
-- independent of browser sessions and the provider's per-session grants.
CREATE TABLE consents (
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  client_id text NOT NULL,
  scopes text[] NOT NULL,
  granted_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, client_id)
);

CREATE TABLE signing_keys (
  kid text PRIMARY KEY,
  alg text NOT NULL,
  private_jwk_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  retired_at timestamptz
);

CREATE TABLE app_secrets (
  name text PRIMARY KEY,
  value_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE agencies (
  client_id text PRIMARY KEY,
  name text NOT NULL,
  metadata jsonb NOT NULL,
  client_secret_enc text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dev_outbox (
  id bigserial PRIMARY KEY,
  channel text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

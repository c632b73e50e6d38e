-- Tax account schema, version 1: web sessions, pending sign-in requests, audit events.
-- Identity claims are PII and stored encrypted (_enc).

CREATE TABLE web_sessions (
  id_hash text PRIMARY KEY,
  subject text NOT NULL,
  claims_enc text NOT NULL,
  id_token_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX web_sessions_expires_at ON web_sessions (expires_at);

CREATE TABLE login_requests (
  state_hash text PRIMARY KEY,
  code_verifier_enc text NOT NULL,
  nonce text NOT NULL,
  return_to text NOT NULL,
  expires_at timestamptz NOT NULL
);

CREATE TABLE audit_events (
  id bigserial PRIMARY KEY,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  subject text,
  action text NOT NULL,
  request_id text,
  detail jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_events_subject ON audit_events (subject, occurred_at);

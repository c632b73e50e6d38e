-- Identity verification (IAL2): the persisted journey, its captured photos until the decision,
-- the phone hand-off, the verified profile sealed with the password or the personal key, and the
-- letters the development mail adapter "sent".

-- One journey per account at a time; every step's precondition reads this row.
CREATE TABLE idv_flows (
  id uuid PRIMARY KEY,
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  -- The agency's sign-in request this journey steps up (returns there when done).
  interaction_uid text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'abandoned')),
  consented_at timestamptz,
  method text CHECK (method IN ('this-device', 'phone', 'video')),
  document_type text CHECK (document_type IN ('drivers-license', 'state-id', 'passport', 'passport-card')),
  -- none → captured (photos stored) → pending (analysis running) → passed | retry | failed
  document_status text NOT NULL DEFAULT 'none'
    CHECK (document_status IN ('none', 'captured', 'pending', 'passed', 'retry', 'failed')),
  document_reason text,
  document_started_at timestamptz,
  -- What the document said (JSON, encrypted), kept to prefill and cross-check personal details.
  document_fields_enc text,
  facial_match boolean NOT NULL DEFAULT false,
  selfie_failures integer NOT NULL DEFAULT 0,
  -- The personal details the person entered (JSON, encrypted) once the records confirmed them.
  details_enc text,
  details_verified_at timestamptz,
  address_method text CHECK (address_method IN ('phone', 'mail')),
  phone_enc text,
  confirmation_code_hash text,
  confirmation_sent_at timestamptz,
  confirmation_expires_at timestamptz,
  confirmation_attempts integer NOT NULL DEFAULT 0,
  address_confirmed_at timestamptz,
  completed_at timestamptz,
  -- The personal key, until the person confirms they saved it (then deleted).
  personal_key_enc text,
  personal_key_acknowledged_at timestamptz,
  -- The numbered error code the journey last ended on (for the give-up answer to the agency).
  error_code integer,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX idv_flows_one_active ON idv_flows (account_id) WHERE status = 'active';

-- Photos awaiting the decision, encrypted; deleted as soon as the decision is made.
CREATE TABLE idv_captures (
  flow_id uuid NOT NULL REFERENCES idv_flows (id) ON DELETE CASCADE,
  side text NOT NULL CHECK (side IN ('front', 'back', 'selfie')),
  image_enc bytea NOT NULL,
  captured_at timestamptz NOT NULL,
  PRIMARY KEY (flow_id, side)
);

-- "Continue on your phone": a link sent by text message (and shown as a QR code).
CREATE TABLE idv_handoffs (
  token_hash text PRIMARY KEY,
  flow_id uuid NOT NULL REFERENCES idv_flows (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  opened_at timestamptz
);

-- The profile sealed for its owner: a random data key encrypts the details; that key is
-- wrapped once with a key derived from the password and once with one derived from the
-- personal key. The plaintext columns of 006 stay for profiles sealed before this migration.
ALTER TABLE verified_profiles
  ALTER COLUMN given_name_enc DROP NOT NULL,
  ALTER COLUMN family_name_enc DROP NOT NULL,
  ALTER COLUMN birthdate_enc DROP NOT NULL,
  ALTER COLUMN address_enc DROP NOT NULL,
  ALTER COLUMN tin_enc DROP NOT NULL,
  ADD COLUMN vault jsonb;

-- The data key of this session's unlocked profile, sealed with a key derived from the session
-- token (which only the browser holds), so single sign-on can release verified claims.
ALTER TABLE idp_sessions ADD COLUMN profile_key_enc text;

-- Verified claims released to an agency at a sign-in, kept for the tokens' lifetime.
CREATE TABLE claim_releases (
  account_id uuid NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
  client_id text NOT NULL,
  claims_enc text NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (account_id, client_id)
);

-- Letters: the development mail adapter keeps the PDF it would have posted.
ALTER TABLE dev_outbox ADD COLUMN attachment bytea, ADD COLUMN attachment_type text;

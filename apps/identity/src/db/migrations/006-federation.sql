-- Federation: when each agency was last signed in to (for "Connected agencies"), the verified
-- identity an agency can receive (filled by identity verification; demo people are seeded),
-- and signing-key rotation (retired keys stay published until what they signed has expired).

ALTER TABLE consents ADD COLUMN last_sign_in_at timestamptz;

-- One verified identity per account, and one account per person (the keyed TIN fingerprint).
CREATE TABLE verified_profiles (
  account_id uuid PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
  -- 'verified' (IAL2) or 'verified-facial-match' (IAL2 with a selfie matched to the document)
  level text NOT NULL CHECK (level IN ('verified', 'verified-facial-match')),
  method text NOT NULL,
  given_name_enc text NOT NULL,
  family_name_enc text NOT NULL,
  birthdate_enc text NOT NULL,
  address_enc text NOT NULL,
  phone_enc text,
  tin_enc text NOT NULL,
  tin_type text NOT NULL CHECK (tin_type IN ('ssn', 'itin')),
  tin_fp text NOT NULL UNIQUE,
  verified_at timestamptz NOT NULL,
  -- Set by a password reset; cleared when the person enters their personal key.
  locked_at timestamptz
);

ALTER TABLE signing_keys ADD COLUMN published_until timestamptz;

-- Tax account schema, version 3: the agency's own taxpayer records (issue #7) and the link
-- from a signed-in person (the identity provider's pairwise `sub`) to one of them.
-- PII (the SSN or ITIN, names, date of birth, addresses, verified claims) is encrypted
-- (_enc); the SSN or ITIN is found by its keyed fingerprint (tin_fp), never in plain text.
-- Amounts are integer cents, signed as on an account transcript (credits negative).

CREATE TABLE taxpayers (
  id uuid PRIMARY KEY,
  tin_fp text NOT NULL UNIQUE,
  tin_enc text NOT NULL,
  tin_type text NOT NULL CHECK (tin_type IN ('ssn', 'itin')),
  given_name_enc text NOT NULL,
  family_name_enc text NOT NULL,
  -- First four characters of the last name (IRS name control), as the master file holds it.
  name_control text NOT NULL CHECK (name_control ~ '^[A-Z0-9][A-Z0-9-]{0,3}$'),
  birthdate_enc text NOT NULL,
  -- Address of record (JSON: street_address, locality, region, postal_code).
  address_enc text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- One per tax year and form; the filing history is the filed dates.
CREATE TABLE tax_modules (
  id uuid PRIMARY KEY,
  taxpayer_id uuid NOT NULL REFERENCES taxpayers (id) ON DELETE CASCADE,
  tax_year integer NOT NULL CHECK (tax_year BETWEEN 1990 AND 2100),
  form text NOT NULL DEFAULT '1040' CHECK (form IN ('1040')),
  due_date date NOT NULL,
  filed_date date,
  UNIQUE (taxpayer_id, tax_year, form)
);

CREATE TABLE module_transactions (
  id bigserial PRIMARY KEY,
  module_id uuid NOT NULL REFERENCES tax_modules (id) ON DELETE CASCADE,
  code smallint NOT NULL
    CHECK (code IN (150, 166, 196, 276, 290, 291, 610, 670, 706, 806, 826, 846, 971, 972)),
  action_code text CHECK (action_code ~ '^[0-9]{3}$'),
  transaction_date date NOT NULL,
  cycle text NOT NULL CHECK (cycle ~ '^[0-9]{8}$'),
  amount_cents bigint NOT NULL,
  -- TC 826 / 706: the tax year the credit went to / came from.
  related_tax_year integer,
  CHECK ((code IN (971, 972)) = (action_code IS NOT NULL))
);
CREATE INDEX module_transactions_module ON module_transactions (module_id, transaction_date);

-- Key line items of each return as filed (1040) and of amended returns (1040-X, corrected figures).
CREATE TABLE tax_returns (
  id uuid PRIMARY KEY,
  module_id uuid NOT NULL REFERENCES tax_modules (id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('original', 'amended')),
  received_date date NOT NULL,
  filing_status text NOT NULL CHECK (
    filing_status IN ('single', 'married_joint', 'married_separate', 'head_of_household', 'qualifying_surviving_spouse')
  ),
  -- The address on the return (JSON); the latest one is what linking compares.
  address_enc text NOT NULL,
  wages_cents bigint NOT NULL,
  adjusted_gross_income_cents bigint NOT NULL,
  taxable_income_cents bigint NOT NULL,
  total_tax_cents bigint NOT NULL,
  total_payments_cents bigint NOT NULL
);
CREATE INDEX tax_returns_module ON tax_returns (module_id, received_date);

-- W-2 and 1099 forms filed by employers and payers.
CREATE TABLE information_returns (
  id uuid PRIMARY KEY,
  taxpayer_id uuid NOT NULL REFERENCES taxpayers (id) ON DELETE CASCADE,
  tax_year integer NOT NULL,
  form text NOT NULL
    CHECK (form IN ('W-2', '1099-NEC', '1099-INT', '1099-DIV', '1099-G', '1099-R', '1099-K', '1099-MISC')),
  payer_name text NOT NULL,
  amount_cents bigint NOT NULL,
  withheld_cents bigint NOT NULL DEFAULT 0
);
CREATE INDEX information_returns_taxpayer ON information_returns (taxpayer_id, tax_year);

CREATE TABLE notices (
  id uuid PRIMARY KEY,
  taxpayer_id uuid NOT NULL REFERENCES taxpayers (id) ON DELETE CASCADE,
  notice_code text NOT NULL CHECK (
    notice_code IN ('CP14', 'CP501', 'CP503', 'CP504', 'LT11', 'L1058', 'CP49', 'CP2000', 'CP71', 'CP523', 'CP11', 'CP12', 'CP22E')
  ),
  issued_date date NOT NULL,
  tax_year integer,
  amount_due_cents bigint
);
CREATE INDEX notices_taxpayer ON notices (taxpayer_id, issued_date);

-- Terms of an installment agreement; whether it is in force is TC 971 AC 063 on the modules.
CREATE TABLE payment_plans (
  taxpayer_id uuid PRIMARY KEY REFERENCES taxpayers (id) ON DELETE CASCADE,
  plan_type text NOT NULL CHECK (plan_type IN ('short_term', 'long_term_direct_debit', 'long_term')),
  monthly_payment_cents bigint NOT NULL CHECK (monthly_payment_cents > 0),
  payment_day smallint NOT NULL CHECK (payment_day BETWEEN 1 AND 28)
);

-- A signed-in person linked to their taxpayer record on first sign-in; later sign-ins with
-- the same SSN or ITIN (same fingerprint) skip matching. claims_enc: the verified claims
-- received at the last sign-in, without the number.
CREATE TABLE taxpayer_links (
  subject text PRIMARY KEY,
  taxpayer_id uuid NOT NULL REFERENCES taxpayers (id) ON DELETE CASCADE,
  tin_fp text NOT NULL,
  claims_enc text NOT NULL,
  linked_at timestamptz NOT NULL,
  last_sign_in_at timestamptz NOT NULL
);
CREATE INDEX taxpayer_links_taxpayer ON taxpayer_links (taxpayer_id);

-- Why the last sign-in of a person could not be linked (which elements differed; no PII).
CREATE TABLE taxpayer_link_problems (
  subject text PRIMARY KEY,
  problems text NOT NULL CHECK (problems ~ '^[a-z]+(,[a-z]+)*$'),
  occurred_at timestamptz NOT NULL
);

-- Tax account schema, version 4: payments, payment plans and the journeys that make them
-- (issue #8), and the tables of the development adapters (card processor, bank rails, email
-- outbox) that stand in for the real vendors.
--
-- Exactly once: a payment is created by the idempotency key its form carried (UNIQUE); it is
-- posted to the ledger at most once per kind of posting (UNIQUE (payment_id, posting) on
-- module_transactions), in the same transaction as its change of status.
-- Bank account numbers are encrypted (_enc); only the last four digits are kept in clear.
-- Full card numbers are never stored: the processor keeps them (here, the development
-- processor keeps the brand and last four only).

-- TC 280: dishonored-payment penalty (IRC 6657). TC 671: a dishonored payment (reverses a 670).
ALTER TABLE module_transactions DROP CONSTRAINT module_transactions_code_check;
ALTER TABLE module_transactions ADD CONSTRAINT module_transactions_code_check
  CHECK (code IN (150, 166, 196, 276, 280, 290, 291, 610, 670, 671, 706, 806, 826, 846, 971, 972));
ALTER TABLE module_transactions ADD COLUMN payment_id uuid;
ALTER TABLE module_transactions ADD COLUMN posting text
  CHECK (posting IN ('payment', 'reversal', 'dishonored_penalty', 'plan_in_force', 'plan_ended'));
ALTER TABLE module_transactions ADD COLUMN plan_id uuid;
ALTER TABLE module_transactions ADD CONSTRAINT module_transactions_posting_source
  CHECK ((posting IS NULL) = (payment_id IS NULL AND plan_id IS NULL));
CREATE UNIQUE INDEX module_transactions_one_posting
  ON module_transactions (payment_id, posting) WHERE payment_id IS NOT NULL;
CREATE UNIQUE INDEX module_transactions_one_plan_posting
  ON module_transactions (plan_id, module_id, posting) WHERE plan_id IS NOT NULL;

-- An Online Payment Agreement as accepted; a revision is a new row (version + 1) and the one
-- it replaces becomes 'superseded'. At most one plan is current per taxpayer.
CREATE TABLE plan_agreements (
  id uuid PRIMARY KEY,
  taxpayer_id uuid NOT NULL REFERENCES taxpayers (id) ON DELETE CASCADE,
  idempotency_key text NOT NULL UNIQUE,
  version integer NOT NULL CHECK (version >= 1),
  status text NOT NULL CHECK (status IN ('active', 'default_warning', 'defaulted', 'superseded', 'completed')),
  plan_type text NOT NULL CHECK (plan_type IN ('short_term', 'long_term_direct_debit', 'long_term')),
  -- Tax years in the agreement, comma-separated, newest first ("2024,2023").
  tax_years text NOT NULL CHECK (tax_years ~ '^[0-9]{4}(,[0-9]{4})*$'),
  owed_cents bigint NOT NULL CHECK (owed_cents > 0),
  monthly_payment_cents bigint NOT NULL CHECK (monthly_payment_cents > 0),
  payment_day smallint NOT NULL CHECK (payment_day BETWEEN 1 AND 28),
  first_payment_date date NOT NULL,
  -- Short-term plans: the date by which everything is paid.
  pay_by date,
  direct_debit boolean NOT NULL,
  bank_enc text,
  account_last4 text,
  user_fee_cents bigint NOT NULL CHECK (user_fee_cents >= 0),
  fee_kind text NOT NULL,
  low_income boolean NOT NULL,
  -- SHA-256 of the agreement PDF the person reviewed and accepted.
  agreement_sha256 text NOT NULL CHECK (agreement_sha256 ~ '^[0-9a-f]{64}$'),
  -- The language the person used: the agreement PDF and the emails about the plan are in it.
  locale text NOT NULL CHECK (locale IN ('en', 'es')),
  -- Where the emails about the plan go (the verified email at acceptance), encrypted.
  email_enc text,
  accepted_at timestamptz NOT NULL,
  status_changed_at timestamptz NOT NULL,
  CHECK (direct_debit = (bank_enc IS NOT NULL)),
  UNIQUE (taxpayer_id, version)
);
CREATE UNIQUE INDEX plan_agreements_one_current
  ON plan_agreements (taxpayer_id) WHERE status IN ('active', 'default_warning');

CREATE TABLE payments (
  id uuid PRIMARY KEY,
  taxpayer_id uuid NOT NULL REFERENCES taxpayers (id) ON DELETE CASCADE,
  -- From the form (or, for a plan's direct debit, "plan:<plan id>:<due date>").
  idempotency_key text NOT NULL UNIQUE,
  confirmation_number text NOT NULL UNIQUE,
  tax_year integer NOT NULL CHECK (tax_year BETWEEN 1990 AND 2100),
  reason text NOT NULL
    CHECK (reason IN ('balance_due', 'estimated_tax', 'extension', 'amended_return', 'installment_agreement')),
  method text NOT NULL CHECK (method IN ('bank', 'card')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  -- The card processor's convenience fee (not paid to the agency).
  fee_cents bigint NOT NULL DEFAULT 0 CHECK (fee_cents >= 0),
  payment_date date NOT NULL,
  -- processing: a card charge sent to the processor, answer not yet recorded.
  status text NOT NULL
    CHECK (status IN ('processing', 'scheduled', 'pending', 'settled', 'returned', 'cancelled', 'declined')),
  bank_enc text,
  account_type text CHECK (account_type IN ('checking', 'savings')),
  account_last4 text,
  card_brand text,
  card_last4 text,
  processor text,
  processor_reference text,
  decline_reason text,
  rails_trace text,
  return_code text,
  plan_id uuid REFERENCES plan_agreements (id) ON DELETE SET NULL,
  -- Where the receipt goes (the verified email at the time of payment).
  email_enc text,
  -- The language the person used: emails about the payment are written in it.
  locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'es')),
  receipt_sent_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((method = 'bank') = (bank_enc IS NOT NULL)),
  CHECK ((method = 'card') = (card_last4 IS NOT NULL))
);
CREATE INDEX payments_taxpayer ON payments (taxpayer_id, payment_date DESC);
CREATE INDEX payments_due ON payments (status, payment_date);

-- Every change of a payment's status, for its history and the audit.
CREATE TABLE payment_events (
  id bigserial PRIMARY KEY,
  payment_id uuid NOT NULL REFERENCES payments (id) ON DELETE CASCADE,
  from_status text,
  to_status text NOT NULL,
  occurred_at timestamptz NOT NULL,
  detail text
);
CREATE INDEX payment_events_payment ON payment_events (payment_id, id);

-- A journey in progress (make a payment, set up or revise a plan), persisted so Back and deep
-- links are safe. Bound to the web session; state is encrypted (it may hold a bank account).
CREATE TABLE journeys (
  id uuid PRIMARY KEY,
  session_hash text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('payment', 'plan')),
  state_enc text NOT NULL,
  -- The key the final submission uses; the same for every try of this journey.
  idempotency_key text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);
CREATE INDEX journeys_expires ON journeys (expires_at);

-- Development adapters' own records (what a real processor, bank or mail server would keep).
CREATE TABLE dev_card_charges (
  idempotency_key text PRIMARY KEY,
  charge_id text NOT NULL UNIQUE,
  outcome text NOT NULL CHECK (outcome IN ('approved', 'declined', 'error')),
  reason text,
  brand text NOT NULL,
  last4 text NOT NULL,
  amount_cents bigint NOT NULL,
  fee_cents bigint NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE dev_bank_debits (
  idempotency_key text PRIMARY KEY,
  trace_number text NOT NULL UNIQUE,
  routing_number text NOT NULL,
  account_last4 text NOT NULL,
  account_type text NOT NULL,
  amount_cents bigint NOT NULL,
  effective_date date NOT NULL,
  -- accepted → settled | returned (with an NACHA return code such as R01).
  outcome text NOT NULL CHECK (outcome IN ('accepted', 'settled', 'returned')),
  return_code text,
  created_at timestamptz NOT NULL
);

CREATE TABLE account_dev_outbox (
  id bigserial PRIMARY KEY,
  channel text NOT NULL CHECK (channel IN ('email')),
  recipient text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

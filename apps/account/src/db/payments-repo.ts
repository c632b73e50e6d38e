// Payments: made from the tax account's forms (and a plan's direct debits), moved through
// their statuses by the payment worker, and posted to the taxpayer's ledger.
//
// Exactly once, in the database: a payment row is created by its idempotency key (a second
// submission of the same form finds the first payment); a status changes only from the status
// the caller read (`UPDATE … WHERE status = $from`), and a posting to the ledger is unique per
// payment and kind (module_transactions_one_posting). The worker changes the status and posts
// in one transaction, so a crash leaves both or neither.
// Bank account numbers are encrypted; the email the receipt goes to is encrypted.
import { randomInt, randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { isUuid } from '#platform/db/uuid.ts';
import type { AccountType } from '../domain/payments/bank-account.ts';
import type { PaymentStatus } from '../domain/payments/scheduling.ts';
import { cycleOf } from '../domain/records/posting-cycle.ts';
import { returnDueDate } from '../domain/payments/payment-reasons.ts';

export type PaymentReason =
  'balance_due' | 'estimated_tax' | 'extension' | 'amended_return' | 'installment_agreement';
export type PaymentMethod = 'bank' | 'card';
/** The statuses a person sees, and two the system needs: processing (a card charge on its way) and declined. */
export type StoredPaymentStatus = PaymentStatus | 'processing' | 'declined';

export interface BankDetails {
  routingNumber: string;
  accountNumber: string;
  accountType: AccountType;
}

export interface PaymentRecord {
  id: string;
  taxpayerId: string;
  confirmationNumber: string;
  taxYear: number;
  reason: PaymentReason;
  method: PaymentMethod;
  amountCents: bigint;
  feeCents: bigint;
  paymentDate: string;
  status: StoredPaymentStatus;
  accountType: AccountType | null;
  accountLast4: string | null;
  cardBrand: string | null;
  cardLast4: string | null;
  processor: string | null;
  processorReference: string | null;
  declineReason: string | null;
  railsTrace: string | null;
  returnCode: string | null;
  planId: string | null;
  locale: 'en' | 'es';
  receiptSentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface PaymentEvent {
  fromStatus: StoredPaymentStatus | null;
  toStatus: StoredPaymentStatus;
  occurredAt: Date;
  detail: string | null;
}

export interface NewPayment {
  taxpayerId: string;
  idempotencyKey: string;
  taxYear: number;
  reason: PaymentReason;
  amountCents: bigint;
  feeCents: bigint;
  paymentDate: string;
  status: 'scheduled' | 'processing';
  bank?: BankDetails;
  card?: { brand: string; last4: string; processor: string };
  planId?: string;
  email?: string;
  locale: 'en' | 'es';
}

/** Fields a status change may set with it. */
export interface PaymentChanges {
  processorReference?: string;
  declineReason?: string;
  railsTrace?: string;
  returnCode?: string;
}

export interface LedgerPosting {
  paymentId: string;
  posting: 'payment' | 'reversal' | 'dishonored_penalty';
  code: 670 | 671 | 280;
  /** Signed as on a transcript: a payment is negative, a reversal or a penalty positive. */
  amountCents: bigint;
  date: string;
}

export interface PaymentsRepo {
  /** Creates the payment, or finds the one this idempotency key already created. */
  insert(payment: NewPayment, now: Date): Promise<{ created: boolean; payment: PaymentRecord }>;
  find(taxpayerId: string, id: string): Promise<PaymentRecord | undefined>;
  findById(id: string): Promise<PaymentRecord | undefined>;
  findByKey(idempotencyKey: string): Promise<PaymentRecord | undefined>;
  listForTaxpayer(taxpayerId: string): Promise<PaymentRecord[]>;
  events(paymentId: string): Promise<PaymentEvent[]>;
  bankDetails(paymentId: string): Promise<BankDetails | undefined>;
  receiptEmail(paymentId: string): Promise<string | undefined>;
  /** Moves from `from` to `to` (with an event); false when the payment was not in `from`. */
  transition(
    id: string,
    from: StoredPaymentStatus,
    to: StoredPaymentStatus,
    now: Date,
    changes?: PaymentChanges,
    detail?: string,
  ): Promise<boolean>;
  /** A scheduled payment's new date and amount (the caller checked the cutoff). */
  reschedule(id: string, paymentDate: string, amountCents: bigint, now: Date): Promise<boolean>;
  markReceiptSent(id: string, now: Date): Promise<void>;
  /** Posts to the ledger of the payment's tax year (creating the year's module if needed); false if already posted. */
  post(posting: LedgerPosting): Promise<boolean>;
  /** Ids of bank payments scheduled on or before `today`. */
  dueForInitiation(today: string, limit: number): Promise<string[]>;
  /** Ids of payments in `status`, updated before `before`. */
  idsIn(status: StoredPaymentStatus, before: Date, limit: number): Promise<string[]>;
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A confirmation number people can read out: 12 characters in three groups, no 0/O or 1/I. */
export function newConfirmationNumber(): string {
  let out = '';
  for (let i = 0; i < 12; i++) {
    if (i > 0 && i % 4 === 0) out += '-';
    out += ALPHABET[randomInt(ALPHABET.length)];
  }
  return out;
}

interface PaymentRow {
  id: string;
  taxpayer_id: string;
  confirmation_number: string;
  tax_year: number;
  reason: PaymentReason;
  method: PaymentMethod;
  amount_cents: string | number;
  fee_cents: string | number;
  payment_date: string;
  status: StoredPaymentStatus;
  account_type: AccountType | null;
  account_last4: string | null;
  card_brand: string | null;
  card_last4: string | null;
  processor: string | null;
  processor_reference: string | null;
  decline_reason: string | null;
  rails_trace: string | null;
  return_code: string | null;
  plan_id: string | null;
  locale: 'en' | 'es';
  receipt_sent_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS = `id, taxpayer_id, confirmation_number, tax_year, reason, method, amount_cents::text AS amount_cents,
  fee_cents::text AS fee_cents, payment_date::text AS payment_date, status, account_type, account_last4,
  card_brand, card_last4, processor, processor_reference, decline_reason, rails_trace, return_code, plan_id,
  locale, receipt_sent_at, created_at, updated_at`;

function toPayment(row: PaymentRow): PaymentRecord {
  return {
    id: row.id,
    taxpayerId: row.taxpayer_id,
    confirmationNumber: row.confirmation_number,
    taxYear: row.tax_year,
    reason: row.reason,
    method: row.method,
    amountCents: BigInt(row.amount_cents),
    feeCents: BigInt(row.fee_cents),
    paymentDate: row.payment_date,
    status: row.status,
    accountType: row.account_type,
    accountLast4: row.account_last4,
    cardBrand: row.card_brand,
    cardLast4: row.card_last4,
    processor: row.processor,
    processorReference: row.processor_reference,
    declineReason: row.decline_reason,
    railsTrace: row.rails_trace,
    returnCode: row.return_code,
    planId: row.plan_id,
    locale: row.locale,
    receiptSentAt: row.receipt_sent_at ? new Date(row.receipt_sent_at) : null,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export function createPaymentsRepo(db: Queryable, cipher: FieldCipher): PaymentsRepo {
  const one = async (where: string, params: unknown[]) => {
    const rows = await db.query<PaymentRow>(`SELECT ${COLUMNS} FROM payments WHERE ${where}`, params);
    return rows[0] ? toPayment(rows[0]) : undefined;
  };
  const addEvent = (
    id: string,
    from: StoredPaymentStatus | null,
    to: StoredPaymentStatus,
    now: Date,
    detail?: string,
  ) =>
    db.query(
      'INSERT INTO payment_events (payment_id, from_status, to_status, occurred_at, detail) VALUES ($1, $2, $3, $4, $5)',
      [id, from, to, now, detail ?? null],
    );

  return {
    async insert(p, now) {
      const id = randomUUID();
      const inserted = await db.query<{ id: string }>(
        `INSERT INTO payments (id, taxpayer_id, idempotency_key, confirmation_number, tax_year, reason, method,
           amount_cents, fee_cents, payment_date, status, bank_enc, account_type, account_last4, card_brand,
           card_last4, processor, plan_id, email_enc, locale, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $21, $20, $20)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`,
        [
          id,
          p.taxpayerId,
          p.idempotencyKey,
          newConfirmationNumber(),
          p.taxYear,
          p.reason,
          p.bank ? 'bank' : 'card',
          p.amountCents.toString(),
          p.feeCents.toString(),
          p.paymentDate,
          p.status,
          p.bank ? cipher.encrypt(JSON.stringify(p.bank)) : null,
          p.bank?.accountType ?? null,
          p.bank ? p.bank.accountNumber.slice(-4) : null,
          p.card?.brand ?? null,
          p.card?.last4 ?? null,
          p.card?.processor ?? null,
          p.planId ?? null,
          p.email ? cipher.encrypt(p.email) : null,
          now,
          p.locale,
        ],
      );
      if (inserted[0]) await addEvent(id, null, p.status, now);
      const payment = await one('idempotency_key = $1', [p.idempotencyKey]);
      if (!payment) throw new Error('Payment vanished after insert');
      // The key is the form's; another taxpayer's payment under it would be a forged key.
      if (payment.taxpayerId !== p.taxpayerId) throw new Error('Idempotency key belongs to another taxpayer');
      return { created: Boolean(inserted[0]), payment };
    },
    find: (taxpayerId, id) =>
      isUuid(id) ? one('id = $1 AND taxpayer_id = $2', [id, taxpayerId]) : Promise.resolve(undefined),
    findById: (id) => (isUuid(id) ? one('id = $1', [id]) : Promise.resolve(undefined)),
    findByKey: (key) => one('idempotency_key = $1', [key]),
    async listForTaxpayer(taxpayerId) {
      const rows = await db.query<PaymentRow>(
        `SELECT ${COLUMNS} FROM payments WHERE taxpayer_id = $1 ORDER BY payment_date DESC, created_at DESC`,
        [taxpayerId],
      );
      return rows.map(toPayment);
    },
    async events(paymentId) {
      const rows = await db.query<{
        from_status: StoredPaymentStatus | null;
        to_status: StoredPaymentStatus;
        occurred_at: Date;
        detail: string | null;
      }>(
        'SELECT from_status, to_status, occurred_at, detail FROM payment_events WHERE payment_id = $1 ORDER BY id',
        [paymentId],
      );
      return rows.map((r) => ({
        fromStatus: r.from_status,
        toStatus: r.to_status,
        occurredAt: new Date(r.occurred_at),
        detail: r.detail,
      }));
    },
    async bankDetails(paymentId) {
      const rows = await db.query<{ bank_enc: string | null }>(
        'SELECT bank_enc FROM payments WHERE id = $1',
        [paymentId],
      );
      const enc = rows[0]?.bank_enc;
      return enc ? (JSON.parse(cipher.decrypt(enc)) as BankDetails) : undefined;
    },
    async receiptEmail(paymentId) {
      const rows = await db.query<{ email_enc: string | null }>(
        'SELECT email_enc FROM payments WHERE id = $1',
        [paymentId],
      );
      const enc = rows[0]?.email_enc;
      return enc ? cipher.decrypt(enc) : undefined;
    },
    async transition(id, from, to, now, changes = {}, detail) {
      const rows = await db.query<{ id: string }>(
        `UPDATE payments SET status = $3, updated_at = $4,
           processor_reference = coalesce($5, processor_reference), decline_reason = coalesce($6, decline_reason),
           rails_trace = coalesce($7, rails_trace), return_code = coalesce($8, return_code)
         WHERE id = $1 AND status = $2 RETURNING id`,
        [
          id,
          from,
          to,
          now,
          changes.processorReference ?? null,
          changes.declineReason ?? null,
          changes.railsTrace ?? null,
          changes.returnCode ?? null,
        ],
      );
      if (!rows[0]) return false;
      await addEvent(id, from, to, now, detail);
      return true;
    },
    async reschedule(id, paymentDate, amountCents, now) {
      const rows = await db.query<{ id: string }>(
        `UPDATE payments SET payment_date = $2, amount_cents = $3, updated_at = $4
         WHERE id = $1 AND status = 'scheduled' RETURNING id`,
        [id, paymentDate, amountCents.toString(), now],
      );
      if (!rows[0]) return false;
      await addEvent(id, 'scheduled', 'scheduled', now, `changed: ${paymentDate} ${amountCents.toString()}`);
      return true;
    },
    async markReceiptSent(id, now) {
      await db.query('UPDATE payments SET receipt_sent_at = $2 WHERE id = $1 AND receipt_sent_at IS NULL', [
        id,
        now,
      ]);
    },
    async post(posting) {
      const payment = await db.query<{ taxpayer_id: string; tax_year: number }>(
        'SELECT taxpayer_id, tax_year FROM payments WHERE id = $1',
        [posting.paymentId],
      );
      const owner = payment[0];
      if (!owner) throw new Error('No such payment');
      let modules = await db.query<{ id: string }>(
        "SELECT id FROM tax_modules WHERE taxpayer_id = $1 AND tax_year = $2 AND form = '1040'",
        [owner.taxpayer_id, owner.tax_year],
      );
      if (!modules[0]) {
        // A payment for a year with no return yet (estimated tax, an extension) opens the year.
        modules = await db.query<{ id: string }>(
          `INSERT INTO tax_modules (id, taxpayer_id, tax_year, form, due_date, filed_date)
           VALUES ($1, $2, $3, '1040', $4, NULL)
           ON CONFLICT (taxpayer_id, tax_year, form) DO UPDATE SET due_date = tax_modules.due_date RETURNING id`,
          [randomUUID(), owner.taxpayer_id, owner.tax_year, returnDueDate(owner.tax_year)],
        );
      }
      const rows = await db.query<{ id: string }>(
        `INSERT INTO module_transactions (module_id, code, action_code, transaction_date, cycle, amount_cents,
           related_tax_year, payment_id, posting)
         VALUES ($1, $2, NULL, $3, $4, $5, NULL, $6, $7)
         ON CONFLICT (payment_id, posting) WHERE payment_id IS NOT NULL DO NOTHING RETURNING id`,
        [
          modules[0]!.id,
          posting.code,
          posting.date,
          cycleOf(posting.date),
          posting.amountCents.toString(),
          posting.paymentId,
          posting.posting,
        ],
      );
      return Boolean(rows[0]);
    },
    async dueForInitiation(today, limit) {
      const rows = await db.query<{ id: string }>(
        `SELECT id FROM payments WHERE status = 'scheduled' AND method = 'bank' AND payment_date <= $1
         ORDER BY payment_date, created_at LIMIT $2`,
        [today, limit],
      );
      return rows.map((r) => r.id);
    },
    async idsIn(status, before, limit) {
      const rows = await db.query<{ id: string }>(
        'SELECT id FROM payments WHERE status = $1 AND updated_at < $2 ORDER BY updated_at LIMIT $3',
        [status, before, limit],
      );
      return rows.map((r) => r.id);
    },
  };
}

// Payment plans (Online Payment Agreements) as accepted: one row per version of a taxpayer's
// agreement (a revision is version + 1; the one it replaces becomes 'superseded'), the ledger
// postings a plan makes (TC 971 AC 063 when it comes into force on a tax year, TC 972 AC 063
// when it ends there), and the older `payment_plans` terms row the home page reads.
//
// Exactly once, in the database: an agreement is created by its journey's idempotency key
// (UNIQUE; a second submission finds the first), at most one agreement is current per taxpayer
// (plan_agreements_one_current), a status changes only from the status the caller read
// (`UPDATE … WHERE status = $from`), and a posting is written once per plan, tax year and kind
// (checked in the statement, and by a unique index when the migration has one). Callers that
// change several of these do it in one transaction (repositories on a transaction: `plansOn(tx)`).
//
// The bank account (routing number, account number, type) is encrypted; the last four digits
// are kept in clear for the pages. The email the plan's messages go to is encrypted.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { isUuid } from '#platform/db/uuid.ts';
import type { BankDetails } from './payments-repo.ts';
import type { PlanFeeKind } from '../domain/payments/payment-plans.ts';
import { ACTION_CODES, type PlanType } from '../domain/records/tax-records.ts';
import { cycleOf } from '../domain/records/posting-cycle.ts';

export type PlanAgreementStatus = 'active' | 'default_warning' | 'defaulted' | 'superseded' | 'completed';
/** The statuses of a plan in force (at most one such agreement per taxpayer). */
export const CURRENT_PLAN_STATUSES: readonly PlanAgreementStatus[] = ['active', 'default_warning'];

export interface PlanAgreement {
  id: string;
  taxpayerId: string;
  idempotencyKey: string;
  version: number;
  status: PlanAgreementStatus;
  planType: PlanType;
  /** Newest first. */
  taxYears: number[];
  owedCents: bigint;
  monthlyCents: bigint;
  paymentDay: number;
  firstPaymentDate: string;
  /** Short-term plans: everything is paid by this date. */
  payBy: string | null;
  directDebit: boolean;
  accountLast4: string | null;
  userFeeCents: bigint;
  feeKind: PlanFeeKind;
  lowIncome: boolean;
  agreementSha256: string;
  /** The language the person used: the agreement and the emails about the plan are in it. */
  locale: 'en' | 'es';
  acceptedAt: Date;
  statusChangedAt: Date;
}

export interface NewPlanAgreement {
  taxpayerId: string;
  idempotencyKey: string;
  planType: PlanType;
  taxYears: readonly number[];
  owedCents: bigint;
  monthlyCents: bigint;
  paymentDay: number;
  firstPaymentDate: string;
  payBy: string | null;
  /** Present for a direct-debit plan. */
  bank: BankDetails | undefined;
  userFeeCents: bigint;
  feeKind: PlanFeeKind;
  lowIncome: boolean;
  agreementSha256: string;
  locale: 'en' | 'es';
  email: string | undefined;
}

/** What the agreement PDF says about the taxpayer (the last four digits of the number only). */
export interface AgreementParty {
  name: string;
  tinType: 'ssn' | 'itin';
  tinLast4: string;
}

export interface PlanPayment {
  id: string;
  paymentDate: string;
  amountCents: bigint;
  status: string;
}

export type PlanPosting = 'plan_in_force' | 'plan_ended';

export interface PlansRepo {
  /**
   * Inserts the agreement as `version` (1 for a new plan), or finds the one its idempotency key
   * already made. `created: false` with no plan: the taxpayer already has another current plan
   * (or another revision took this version number).
   */
  insert(
    plan: NewPlanAgreement,
    version: number,
    now: Date,
  ): Promise<{ created: boolean; plan: PlanAgreement | undefined }>;
  findById(id: string): Promise<PlanAgreement | undefined>;
  /** The taxpayer's agreement with this id (any version). */
  find(taxpayerId: string, id: string): Promise<PlanAgreement | undefined>;
  findByKey(idempotencyKey: string): Promise<PlanAgreement | undefined>;
  /** The plan in force (active or default_warning), if any. */
  current(taxpayerId: string): Promise<PlanAgreement | undefined>;
  /** Every version of every agreement, newest first. */
  history(taxpayerId: string): Promise<PlanAgreement[]>;
  /** Plans in force with an id after `afterId` (paging), by id. */
  currentPlans(afterId: string | undefined, limit: number): Promise<PlanAgreement[]>;
  /** Moves from `from` to `to`; false when the agreement was not in `from`. */
  setStatus(id: string, from: PlanAgreementStatus, to: PlanAgreementStatus, now: Date): Promise<boolean>;
  bankDetails(id: string): Promise<BankDetails | undefined>;
  email(id: string): Promise<string | undefined>;
  party(taxpayerId: string): Promise<AgreementParty | undefined>;
  /**
   * Posts TC 971 (plan in force) or TC 972 (plan ended) with action code 063, amount 0, on the
   * taxpayer's module for `taxYear`, made by the plan `planId`; false if that posting is
   * already there (or the year has no module).
   */
  postIndicator(input: {
    planId: string;
    taxpayerId: string;
    taxYear: number;
    posting: PlanPosting;
    date: string;
  }): Promise<boolean>;
  /** Tax years whose latest TC 971/972 AC 063 is a 971: the plan is in force there. */
  yearsInForce(taxpayerId: string): Promise<number[]>;
  /** The terms row the home page reads (payment_plans): created or replaced. */
  upsertTerms(
    taxpayerId: string,
    terms: { planType: PlanType; monthlyCents: bigint; paymentDay: number },
  ): Promise<void>;
  deleteTerms(taxpayerId: string): Promise<void>;
  /** Payments made for this agreement (its direct debits). */
  payments(planId: string): Promise<PlanPayment[]>;
  /** Scheduled payments of any version of the taxpayer's plans, dated after `after`. */
  scheduledPaymentsAfter(taxpayerId: string, after: string): Promise<PlanPayment[]>;
  /** Adds a notice (CP523, the default warning). */
  addNotice(input: {
    taxpayerId: string;
    code: 'CP523';
    issuedDate: string;
    taxYear: number | null;
    amountDueCents: bigint | null;
  }): Promise<void>;
}

interface PlanRow {
  id: string;
  taxpayer_id: string;
  idempotency_key: string;
  version: number;
  status: PlanAgreementStatus;
  plan_type: PlanType;
  tax_years: string;
  owed_cents: string;
  monthly_payment_cents: string;
  payment_day: number;
  first_payment_date: string;
  pay_by: string | null;
  direct_debit: boolean;
  account_last4: string | null;
  user_fee_cents: string;
  fee_kind: PlanFeeKind;
  low_income: boolean;
  agreement_sha256: string;
  locale: 'en' | 'es';
  accepted_at: Date;
  status_changed_at: Date;
}

const COLUMNS = `id, taxpayer_id, idempotency_key, version, status, plan_type, tax_years,
  owed_cents::text AS owed_cents, monthly_payment_cents::text AS monthly_payment_cents, payment_day,
  first_payment_date::text AS first_payment_date, pay_by::text AS pay_by, direct_debit, account_last4,
  user_fee_cents::text AS user_fee_cents, fee_kind, low_income, agreement_sha256, locale, accepted_at,
  status_changed_at`;

function toPlan(row: PlanRow): PlanAgreement {
  return {
    id: row.id,
    taxpayerId: row.taxpayer_id,
    idempotencyKey: row.idempotency_key,
    version: Number(row.version),
    status: row.status,
    planType: row.plan_type,
    taxYears: row.tax_years.split(',').map(Number),
    owedCents: BigInt(row.owed_cents),
    monthlyCents: BigInt(row.monthly_payment_cents),
    paymentDay: Number(row.payment_day),
    firstPaymentDate: row.first_payment_date,
    payBy: row.pay_by,
    directDebit: row.direct_debit,
    accountLast4: row.account_last4,
    userFeeCents: BigInt(row.user_fee_cents),
    feeKind: row.fee_kind,
    lowIncome: row.low_income,
    agreementSha256: row.agreement_sha256,
    locale: row.locale,
    acceptedAt: new Date(row.accepted_at),
    statusChangedAt: new Date(row.status_changed_at),
  };
}

interface PaymentRow {
  id: string;
  payment_date: string;
  amount_cents: string;
  status: string;
}

const toPayment = (r: PaymentRow): PlanPayment => ({
  id: r.id,
  paymentDate: r.payment_date,
  amountCents: BigInt(r.amount_cents),
  status: r.status,
});

export function createPlansRepo(db: Queryable, cipher: FieldCipher): PlansRepo {
  const one = async (where: string, params: unknown[]) => {
    const rows = await db.query<PlanRow>(`SELECT ${COLUMNS} FROM plan_agreements WHERE ${where}`, params);
    return rows[0] ? toPlan(rows[0]) : undefined;
  };

  return {
    async insert(p, version, now) {
      if (p.taxYears.length === 0) throw new Error('A plan covers at least one tax year');
      const years = [...p.taxYears].sort((a, b) => b - a).join(',');
      // DO NOTHING on any conflict: the same key (a repeat), another current plan, or the version taken.
      const inserted = await db.query<{ id: string }>(
        `INSERT INTO plan_agreements (id, taxpayer_id, idempotency_key, version, status, plan_type, tax_years,
           owed_cents, monthly_payment_cents, payment_day, first_payment_date, pay_by, direct_debit, bank_enc,
           account_last4, user_fee_cents, fee_kind, low_income, agreement_sha256, locale, email_enc, accepted_at,
           status_changed_at)
         VALUES ($1, $2, $3, $4, 'active', $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
           $21, $21)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          randomUUID(),
          p.taxpayerId,
          p.idempotencyKey,
          version,
          p.planType,
          years,
          p.owedCents.toString(),
          p.monthlyCents.toString(),
          p.paymentDay,
          p.firstPaymentDate,
          p.payBy,
          p.bank !== undefined,
          p.bank ? cipher.encrypt(JSON.stringify(p.bank)) : null,
          p.bank ? p.bank.accountNumber.slice(-4) : null,
          p.userFeeCents.toString(),
          p.feeKind,
          p.lowIncome,
          p.agreementSha256,
          p.locale,
          p.email ? cipher.encrypt(p.email) : null,
          now,
        ],
      );
      const plan = await one('idempotency_key = $1', [p.idempotencyKey]);
      // The key is the journey's; another taxpayer's plan under it would be a forged key.
      if (plan && plan.taxpayerId !== p.taxpayerId)
        throw new Error('Idempotency key belongs to another taxpayer');
      return { created: Boolean(inserted[0]), plan };
    },
    findById: (id) => (isUuid(id) ? one('id = $1', [id]) : Promise.resolve(undefined)),
    find: (taxpayerId, id) =>
      isUuid(id) ? one('id = $1 AND taxpayer_id = $2', [id, taxpayerId]) : Promise.resolve(undefined),
    findByKey: (key) => one('idempotency_key = $1', [key]),
    current: (taxpayerId) =>
      isUuid(taxpayerId)
        ? one(`taxpayer_id = $1 AND status IN ('active', 'default_warning')`, [taxpayerId])
        : Promise.resolve(undefined),
    async history(taxpayerId) {
      if (!isUuid(taxpayerId)) return [];
      const rows = await db.query<PlanRow>(
        `SELECT ${COLUMNS} FROM plan_agreements WHERE taxpayer_id = $1 ORDER BY accepted_at DESC, version DESC`,
        [taxpayerId],
      );
      return rows.map(toPlan);
    },
    async currentPlans(afterId, limit) {
      const rows = await db.query<PlanRow>(
        `SELECT ${COLUMNS} FROM plan_agreements
         WHERE status IN ('active', 'default_warning') AND ($1::uuid IS NULL OR id > $1::uuid)
         ORDER BY id LIMIT $2`,
        [afterId ?? null, limit],
      );
      return rows.map(toPlan);
    },
    async setStatus(id, from, to, now) {
      const rows = await db.query<{ id: string }>(
        'UPDATE plan_agreements SET status = $3, status_changed_at = $4 WHERE id = $1 AND status = $2 RETURNING id',
        [id, from, to, now],
      );
      return Boolean(rows[0]);
    },
    async bankDetails(id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<{ bank_enc: string | null }>(
        'SELECT bank_enc FROM plan_agreements WHERE id = $1',
        [id],
      );
      const enc = rows[0]?.bank_enc;
      return enc ? (JSON.parse(cipher.decrypt(enc)) as BankDetails) : undefined;
    },
    async email(id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<{ email_enc: string | null }>(
        'SELECT email_enc FROM plan_agreements WHERE id = $1',
        [id],
      );
      const enc = rows[0]?.email_enc;
      return enc ? cipher.decrypt(enc) : undefined;
    },
    async party(taxpayerId) {
      if (!isUuid(taxpayerId)) return undefined;
      const rows = await db.query<{
        tin_enc: string;
        tin_type: 'ssn' | 'itin';
        given_name_enc: string;
        family_name_enc: string;
      }>('SELECT tin_enc, tin_type, given_name_enc, family_name_enc FROM taxpayers WHERE id = $1', [
        taxpayerId,
      ]);
      const row = rows[0];
      if (!row) return undefined;
      return {
        name: `${cipher.decrypt(row.given_name_enc)} ${cipher.decrypt(row.family_name_enc)}`,
        tinType: row.tin_type,
        tinLast4: cipher.decrypt(row.tin_enc).slice(-4),
      };
    },
    async postIndicator({ planId, taxpayerId, taxYear, posting, date }) {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO module_transactions (module_id, code, action_code, transaction_date, cycle, amount_cents,
           related_tax_year, plan_id, posting)
         SELECT m.id, $3, $4, $5, $6, 0, NULL, $7, $8 FROM tax_modules m
         WHERE m.taxpayer_id = $1 AND m.tax_year = $2 AND m.form = '1040'
           AND NOT EXISTS (SELECT 1 FROM module_transactions t
                           WHERE t.module_id = m.id AND t.plan_id = $7 AND t.posting = $8)
         ON CONFLICT DO NOTHING RETURNING id`,
        [
          taxpayerId,
          taxYear,
          posting === 'plan_in_force' ? 971 : 972,
          ACTION_CODES.installmentAgreementEstablished,
          date,
          cycleOf(date),
          planId,
          posting,
        ],
      );
      return Boolean(rows[0]);
    },
    async yearsInForce(taxpayerId) {
      const rows = await db.query<{ tax_year: number; code: number }>(
        `SELECT DISTINCT ON (m.tax_year) m.tax_year, t.code FROM module_transactions t
         JOIN tax_modules m ON m.id = t.module_id
         WHERE m.taxpayer_id = $1 AND t.code IN (971, 972) AND t.action_code = $2
         ORDER BY m.tax_year, t.transaction_date DESC, t.id DESC`,
        [taxpayerId, ACTION_CODES.installmentAgreementEstablished],
      );
      return rows
        .filter((r) => Number(r.code) === 971)
        .map((r) => Number(r.tax_year))
        .sort((a, b) => b - a);
    },
    async upsertTerms(taxpayerId, terms) {
      await db.query(
        `INSERT INTO payment_plans (taxpayer_id, plan_type, monthly_payment_cents, payment_day) VALUES ($1, $2, $3, $4)
         ON CONFLICT (taxpayer_id) DO UPDATE SET plan_type = EXCLUDED.plan_type,
           monthly_payment_cents = EXCLUDED.monthly_payment_cents, payment_day = EXCLUDED.payment_day`,
        [taxpayerId, terms.planType, terms.monthlyCents.toString(), terms.paymentDay],
      );
    },
    async deleteTerms(taxpayerId) {
      await db.query('DELETE FROM payment_plans WHERE taxpayer_id = $1', [taxpayerId]);
    },
    async payments(planId) {
      if (!isUuid(planId)) return [];
      const rows = await db.query<PaymentRow>(
        `SELECT id, payment_date::text AS payment_date, amount_cents::text AS amount_cents, status
         FROM payments WHERE plan_id = $1 ORDER BY payment_date, created_at`,
        [planId],
      );
      return rows.map(toPayment);
    },
    async scheduledPaymentsAfter(taxpayerId, after) {
      const rows = await db.query<PaymentRow>(
        `SELECT p.id, p.payment_date::text AS payment_date, p.amount_cents::text AS amount_cents, p.status
         FROM payments p JOIN plan_agreements a ON a.id = p.plan_id
         WHERE a.taxpayer_id = $1 AND p.status = 'scheduled' AND p.payment_date > $2
         ORDER BY p.payment_date`,
        [taxpayerId, after],
      );
      return rows.map(toPayment);
    },
    async addNotice({ taxpayerId, code, issuedDate, taxYear, amountDueCents }) {
      await db.query(
        `INSERT INTO notices (id, taxpayer_id, notice_code, issued_date, tax_year, amount_due_cents)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          randomUUID(),
          taxpayerId,
          code,
          issuedDate,
          taxYear,
          amountDueCents === null ? null : amountDueCents.toString(),
        ],
      );
    },
  };
}

// A taxpayer's records: tax modules with their transactions and returns, information
// returns, notices and payment plan terms. Read as a whole for the account pages; written by
// the demo seed (and, later, by the agency's own processing). Addresses on returns are
// encrypted. Dates come back as YYYY-MM-DD text and cents as numbers (cast from bigint).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { isUuid } from '#platform/db/uuid.ts';
import {
  isNoticeCode,
  isTransactionCode,
  type InformationReturn,
  type Notice,
  type PaymentPlanTerms,
  type PostalAddress,
  type TaxModule,
  type TaxpayerRecords,
  type TaxReturn,
  type Transaction,
} from '../domain/records/tax-records.ts';

export type NewTaxModule = Omit<TaxModule, 'id' | 'form'>;

export interface TaxRecordsRepo {
  addModule(taxpayerId: string, module: NewTaxModule): Promise<string>;
  addInformationReturn(taxpayerId: string, form: InformationReturn): Promise<void>;
  addNotice(taxpayerId: string, notice: Notice): Promise<void>;
  setPaymentPlan(taxpayerId: string, terms: PaymentPlanTerms): Promise<void>;
  /** Everything on file for the taxpayer; modules newest tax year first. */
  recordsFor(taxpayerId: string): Promise<TaxpayerRecords>;
  /** The address on the most recently received return (original or amended), if any. */
  latestReturnAddress(taxpayerId: string): Promise<PostalAddress | undefined>;
}

const cents = (value: string | number): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`Not whole cents: ${value}`);
  return n;
};

interface ReturnRow {
  kind: TaxReturn['kind'];
  received_date: string;
  filing_status: TaxReturn['filingStatus'];
  address_enc: string;
  wages_cents: string;
  adjusted_gross_income_cents: string;
  taxable_income_cents: string;
  total_tax_cents: string;
  total_payments_cents: string;
}

/** One row holding a taxpayer's whole record as JSON (cents as text, dates as YYYY-MM-DD). */
export interface RecordsRow {
  modules: {
    id: string;
    tax_year: number;
    due_date: string;
    filed_date: string | null;
    transactions: {
      code: number;
      action_code: string | null;
      date: string;
      cycle: string;
      amount_cents: string;
      related_tax_year: number | null;
      payment_id: string | null;
    }[];
    returns: ReturnRow[];
  }[];
  information_returns: {
    tax_year: number;
    form: InformationReturn['form'];
    payer_name: string;
    amount_cents: string;
    withheld_cents: string;
  }[];
  notices: {
    notice_code: string;
    issued_date: string;
    tax_year: number | null;
    amount_due_cents: string | null;
  }[];
  plan: { plan_type: PaymentPlanTerms['planType']; monthly: string; payment_day: number } | null;
}

const jsonArray = (element: string, order: string, from: string) =>
  `(SELECT coalesce(json_agg(${element} ORDER BY ${order}), '[]'::json) ${from})`;

/**
 * The select list of one query that reads everything on file for the taxpayer whose id is the
 * SQL expression `taxpayerId` (a parameter, or a column of an outer query), as `RecordsRow`:
 * each list in the order the pages show it, so a page needs one round trip instead of six.
 */
export function recordsColumns(taxpayerId: string): string {
  const transactions = jsonArray(
    `json_build_object('code', t.code, 'action_code', t.action_code, 'date', t.transaction_date::text,
       'cycle', t.cycle, 'amount_cents', t.amount_cents::text, 'related_tax_year', t.related_tax_year,
       'payment_id', t.payment_id)`,
    't.transaction_date, t.id',
    'FROM module_transactions t WHERE t.module_id = m.id',
  );
  const returns = jsonArray(
    `json_build_object('kind', r.kind, 'received_date', r.received_date::text, 'filing_status', r.filing_status,
       'address_enc', r.address_enc, 'wages_cents', r.wages_cents::text,
       'adjusted_gross_income_cents', r.adjusted_gross_income_cents::text,
       'taxable_income_cents', r.taxable_income_cents::text, 'total_tax_cents', r.total_tax_cents::text,
       'total_payments_cents', r.total_payments_cents::text)`,
    'r.received_date, r.id',
    'FROM tax_returns r WHERE r.module_id = m.id',
  );
  const modules = jsonArray(
    `json_build_object('id', m.id, 'tax_year', m.tax_year, 'due_date', m.due_date::text,
       'filed_date', m.filed_date::text, 'transactions', ${transactions}, 'returns', ${returns})`,
    'm.tax_year DESC',
    `FROM tax_modules m WHERE m.taxpayer_id = ${taxpayerId}`,
  );
  const informationReturns = jsonArray(
    `json_build_object('tax_year', f.tax_year, 'form', f.form, 'payer_name', f.payer_name,
       'amount_cents', f.amount_cents::text, 'withheld_cents', f.withheld_cents::text)`,
    'f.tax_year DESC, f.form, f.payer_name',
    `FROM information_returns f WHERE f.taxpayer_id = ${taxpayerId}`,
  );
  const notices = jsonArray(
    `json_build_object('notice_code', n.notice_code, 'issued_date', n.issued_date::text, 'tax_year', n.tax_year,
       'amount_due_cents', n.amount_due_cents::text)`,
    'n.issued_date DESC, n.id',
    `FROM notices n WHERE n.taxpayer_id = ${taxpayerId}`,
  );
  const plan = `(SELECT json_build_object('plan_type', p.plan_type, 'monthly', p.monthly_payment_cents::text,
       'payment_day', p.payment_day) FROM payment_plans p WHERE p.taxpayer_id = ${taxpayerId})`;
  return `${modules} AS modules, ${informationReturns} AS information_returns, ${notices} AS notices, ${plan} AS plan`;
}

/** The records from a row selected with `recordsColumns`; return addresses are decrypted. */
export function toRecords(taxpayerId: string, row: RecordsRow, cipher: FieldCipher): TaxpayerRecords {
  const plan = row.plan;
  return {
    taxpayerId,
    modules: row.modules.map((m): TaxModule => ({
      id: m.id,
      taxYear: m.tax_year,
      form: '1040',
      dueDate: m.due_date,
      filedDate: m.filed_date,
      transactions: m.transactions.map((t): Transaction => {
        const code = Number(t.code);
        if (!isTransactionCode(code)) throw new Error(`Unknown transaction code ${code}`);
        return {
          code,
          actionCode: t.action_code,
          date: t.date,
          cycle: t.cycle,
          amountCents: cents(t.amount_cents),
          relatedTaxYear: t.related_tax_year,
          ...(t.payment_id ? { paymentId: t.payment_id } : {}),
        };
      }),
      returns: m.returns.map((r): TaxReturn => ({
        kind: r.kind,
        receivedDate: r.received_date,
        filingStatus: r.filing_status,
        address: JSON.parse(cipher.decrypt(r.address_enc)) as PostalAddress,
        wagesCents: cents(r.wages_cents),
        adjustedGrossIncomeCents: cents(r.adjusted_gross_income_cents),
        taxableIncomeCents: cents(r.taxable_income_cents),
        totalTaxCents: cents(r.total_tax_cents),
        totalPaymentsCents: cents(r.total_payments_cents),
      })),
    })),
    informationReturns: row.information_returns.map((f) => ({
      taxYear: f.tax_year,
      form: f.form,
      payerName: f.payer_name,
      amountCents: cents(f.amount_cents),
      withheldCents: cents(f.withheld_cents),
    })),
    notices: row.notices.map((n): Notice => {
      if (!isNoticeCode(n.notice_code)) throw new Error(`Unknown notice ${n.notice_code}`);
      return {
        code: n.notice_code,
        issuedDate: n.issued_date,
        taxYear: n.tax_year,
        amountDueCents: n.amount_due_cents === null ? null : cents(n.amount_due_cents),
      };
    }),
    paymentPlan: plan
      ? { planType: plan.plan_type, monthlyPaymentCents: cents(plan.monthly), paymentDay: plan.payment_day }
      : undefined,
  };
}

export function createTaxRecordsRepo(db: Queryable, cipher: FieldCipher): TaxRecordsRepo {
  return {
    async addModule(taxpayerId, module) {
      const id = randomUUID();
      await db.query(
        'INSERT INTO tax_modules (id, taxpayer_id, tax_year, form, due_date, filed_date) VALUES ($1, $2, $3, $4, $5, $6)',
        [id, taxpayerId, module.taxYear, '1040', module.dueDate, module.filedDate],
      );
      for (const t of module.transactions) {
        await db.query(
          `INSERT INTO module_transactions (module_id, code, action_code, transaction_date, cycle, amount_cents, related_tax_year)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, t.code, t.actionCode, t.date, t.cycle, cents(t.amountCents), t.relatedTaxYear],
        );
      }
      for (const r of module.returns) {
        await db.query(
          `INSERT INTO tax_returns (id, module_id, kind, received_date, filing_status, address_enc, wages_cents,
             adjusted_gross_income_cents, taxable_income_cents, total_tax_cents, total_payments_cents)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            randomUUID(),
            id,
            r.kind,
            r.receivedDate,
            r.filingStatus,
            cipher.encrypt(JSON.stringify(r.address)),
            cents(r.wagesCents),
            cents(r.adjustedGrossIncomeCents),
            cents(r.taxableIncomeCents),
            cents(r.totalTaxCents),
            cents(r.totalPaymentsCents),
          ],
        );
      }
      return id;
    },
    async addInformationReturn(taxpayerId, form) {
      await db.query(
        `INSERT INTO information_returns (id, taxpayer_id, tax_year, form, payer_name, amount_cents, withheld_cents)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          randomUUID(),
          taxpayerId,
          form.taxYear,
          form.form,
          form.payerName,
          cents(form.amountCents),
          cents(form.withheldCents),
        ],
      );
    },
    async addNotice(taxpayerId, notice) {
      await db.query(
        `INSERT INTO notices (id, taxpayer_id, notice_code, issued_date, tax_year, amount_due_cents)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          randomUUID(),
          taxpayerId,
          notice.code,
          notice.issuedDate,
          notice.taxYear,
          notice.amountDueCents === null ? null : cents(notice.amountDueCents),
        ],
      );
    },
    async setPaymentPlan(taxpayerId, terms) {
      await db.query(
        `INSERT INTO payment_plans (taxpayer_id, plan_type, monthly_payment_cents, payment_day) VALUES ($1, $2, $3, $4)
         ON CONFLICT (taxpayer_id) DO UPDATE SET plan_type = EXCLUDED.plan_type,
           monthly_payment_cents = EXCLUDED.monthly_payment_cents, payment_day = EXCLUDED.payment_day`,
        [taxpayerId, terms.planType, cents(terms.monthlyPaymentCents), terms.paymentDay],
      );
    },
    async recordsFor(taxpayerId) {
      if (!isUuid(taxpayerId)) throw new Error('Not a taxpayer id');
      const rows = await db.query<RecordsRow>(`SELECT ${recordsColumns('$1::uuid')}`, [taxpayerId]);
      return toRecords(taxpayerId, rows[0]!, cipher);
    },
    async latestReturnAddress(taxpayerId) {
      if (!isUuid(taxpayerId)) return undefined;
      const rows = await db.query<{ address_enc: string }>(
        `SELECT r.address_enc FROM tax_returns r JOIN tax_modules m ON m.id = r.module_id
         WHERE m.taxpayer_id = $1 ORDER BY r.received_date DESC, m.tax_year DESC LIMIT 1`,
        [taxpayerId],
      );
      return rows[0] && (JSON.parse(cipher.decrypt(rows[0].address_enc)) as PostalAddress);
    },
  };
}

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
  module_id: string;
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

export function createTaxRecordsRepo(db: Queryable, cipher: FieldCipher): TaxRecordsRepo {
  const toReturn = (row: ReturnRow): TaxReturn => ({
    kind: row.kind,
    receivedDate: row.received_date,
    filingStatus: row.filing_status,
    address: JSON.parse(cipher.decrypt(row.address_enc)) as PostalAddress,
    wagesCents: cents(row.wages_cents),
    adjustedGrossIncomeCents: cents(row.adjusted_gross_income_cents),
    taxableIncomeCents: cents(row.taxable_income_cents),
    totalTaxCents: cents(row.total_tax_cents),
    totalPaymentsCents: cents(row.total_payments_cents),
  });
  const returnColumns = `r.module_id, r.kind, r.received_date::text AS received_date, r.filing_status, r.address_enc,
    r.wages_cents::text AS wages_cents, r.adjusted_gross_income_cents::text AS adjusted_gross_income_cents,
    r.taxable_income_cents::text AS taxable_income_cents, r.total_tax_cents::text AS total_tax_cents,
    r.total_payments_cents::text AS total_payments_cents`;

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
      const modules = await db.query<{
        id: string;
        tax_year: number;
        due_date: string;
        filed_date: string | null;
      }>(
        `SELECT id, tax_year, due_date::text AS due_date, filed_date::text AS filed_date
         FROM tax_modules WHERE taxpayer_id = $1 ORDER BY tax_year DESC`,
        [taxpayerId],
      );
      const transactions = await db.query<{
        module_id: string;
        code: number;
        action_code: string | null;
        date: string;
        cycle: string;
        amount_cents: string;
        related_tax_year: number | null;
      }>(
        `SELECT t.module_id, t.code, t.action_code, t.transaction_date::text AS date, t.cycle,
           t.amount_cents::text AS amount_cents, t.related_tax_year
         FROM module_transactions t JOIN tax_modules m ON m.id = t.module_id
         WHERE m.taxpayer_id = $1 ORDER BY t.transaction_date, t.id`,
        [taxpayerId],
      );
      const returns = await db.query<ReturnRow>(
        `SELECT ${returnColumns} FROM tax_returns r JOIN tax_modules m ON m.id = r.module_id
         WHERE m.taxpayer_id = $1 ORDER BY r.received_date, r.id`,
        [taxpayerId],
      );
      const informationReturns = await db.query<{
        tax_year: number;
        form: InformationReturn['form'];
        payer_name: string;
        amount_cents: string;
        withheld_cents: string;
      }>(
        `SELECT tax_year, form, payer_name, amount_cents::text AS amount_cents, withheld_cents::text AS withheld_cents
         FROM information_returns WHERE taxpayer_id = $1 ORDER BY tax_year DESC, form, payer_name`,
        [taxpayerId],
      );
      const notices = await db.query<{
        notice_code: string;
        issued_date: string;
        tax_year: number | null;
        amount_due_cents: string | null;
      }>(
        `SELECT notice_code, issued_date::text AS issued_date, tax_year, amount_due_cents::text AS amount_due_cents
         FROM notices WHERE taxpayer_id = $1 ORDER BY issued_date DESC, id`,
        [taxpayerId],
      );
      const plans = await db.query<{
        plan_type: PaymentPlanTerms['planType'];
        monthly: string;
        payment_day: number;
      }>(
        `SELECT plan_type, monthly_payment_cents::text AS monthly, payment_day FROM payment_plans WHERE taxpayer_id = $1`,
        [taxpayerId],
      );
      const plan = plans[0];
      return {
        taxpayerId,
        modules: modules.map((m): TaxModule => ({
          id: m.id,
          taxYear: m.tax_year,
          form: '1040',
          dueDate: m.due_date,
          filedDate: m.filed_date,
          transactions: transactions
            .filter((t) => t.module_id === m.id)
            .map((t): Transaction => {
              const code = Number(t.code);
              if (!isTransactionCode(code)) throw new Error(`Unknown transaction code ${code}`);
              return {
                code,
                actionCode: t.action_code,
                date: t.date,
                cycle: t.cycle,
                amountCents: cents(t.amount_cents),
                relatedTaxYear: t.related_tax_year,
              };
            }),
          returns: returns.filter((r) => r.module_id === m.id).map(toReturn),
        })),
        informationReturns: informationReturns.map((f) => ({
          taxYear: f.tax_year,
          form: f.form,
          payerName: f.payer_name,
          amountCents: cents(f.amount_cents),
          withheldCents: cents(f.withheld_cents),
        })),
        notices: notices.map((n): Notice => {
          if (!isNoticeCode(n.notice_code)) throw new Error(`Unknown notice ${n.notice_code}`);
          return {
            code: n.notice_code,
            issuedDate: n.issued_date,
            taxYear: n.tax_year,
            amountDueCents: n.amount_due_cents === null ? null : cents(n.amount_due_cents),
          };
        }),
        paymentPlan: plan
          ? {
              planType: plan.plan_type,
              monthlyPaymentCents: cents(plan.monthly),
              paymentDay: plan.payment_day,
            }
          : undefined,
      };
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

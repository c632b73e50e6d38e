// What the home page and the year pages show, from a taxpayer's records as of a date: the
// balance of each tax year split into tax, penalties and interest (the money engine, on the
// scenario module-scenario.ts builds), the payoff amount, payments, the payment plan's status
// and the latest notices. Pure; sums are in integer cents.
import { computeBalance } from '../money/balance.ts';
import { dollarsToCents, sumCents } from './cents.ts';
import { InconsistentModuleError, moduleScenario, withoutDishonored } from './module-scenario.ts';
import { nextDayOfMonth } from './agency-date.ts';
import {
  ACTION_CODES,
  type Notice,
  type PaymentPlanTerms,
  type TaxModule,
  type TaxpayerRecords,
} from './tax-records.ts';

export interface YearBalance {
  taxYear: number;
  dueDate: string;
  filedDate: string | null;
  /** Unpaid tax. */
  taxCents: number;
  failureToFileCents: number;
  failureToPayCents: number;
  /** Dishonored-payment penalties assessed (TC 280). */
  dishonoredPaymentCents: number;
  /** Failure to file, failure to pay and dishonored-payment penalties. */
  penaltiesCents: number;
  interestCents: number;
  /** What paying off this year costs on the date. */
  balanceCents: number;
  /** Paid beyond what is owed (refunded or applied elsewhere in time). */
  creditCents: number;
}

export interface PaymentLine {
  date: string;
  taxYear: number;
  /** 610 with the return, 670 payment, 706 credit moved from another tax year. */
  code: 610 | 670 | 706;
  /** Positive: money received. */
  amountCents: number;
  relatedTaxYear: number | null;
}

export type PlanStatus =
  | { state: 'none' }
  | { state: 'pending'; since: string }
  | {
      state: 'active';
      since: string;
      terms: PaymentPlanTerms | undefined;
      /** The next installment due, when there is still something to pay. */
      nextPaymentDate: string | undefined;
      taxYears: number[];
    }
  | { state: 'ended'; since: string; ended: string };

export interface AccountOverview {
  asOf: string;
  years: YearBalance[];
  payoffCents: number;
  creditCents: number;
  recentPayments: PaymentLine[];
  plan: PlanStatus;
  latestNotices: Notice[];
}

export function noticesFor(records: Pick<TaxpayerRecords, 'notices'>, taxYear: number): Notice[] {
  return records.notices.filter((n) => n.taxYear === taxYear);
}

/** One tax year's balance as of `asOf` (today, or a chosen payoff date). */
export function yearBalance(module: TaxModule, notices: readonly Notice[], asOf: string): YearBalance {
  const result = computeBalance(moduleScenario(module, notices, asOf));
  const failureToFileCents = dollarsToCents(result.failureToFile);
  const failureToPayCents = dollarsToCents(result.failureToPay);
  // TC 280 is assessed, not computed; a credit on the year pays it first. (Interest on it,
  // which runs from its notice date, is not modelled.)
  const dishonoredPaymentCents = sumCents(
    module.transactions.filter((t) => t.code === 280 && t.date <= asOf).map((t) => t.amountCents),
  );
  const credit = dollarsToCents(result.credit);
  const coveredByCredit = Math.min(credit, dishonoredPaymentCents);
  return {
    taxYear: module.taxYear,
    dueDate: module.dueDate,
    filedDate: module.filedDate,
    taxCents: dollarsToCents(result.tax),
    failureToFileCents,
    failureToPayCents,
    dishonoredPaymentCents,
    penaltiesCents: failureToFileCents + failureToPayCents + dishonoredPaymentCents,
    interestCents: dollarsToCents(result.interest),
    balanceCents: dollarsToCents(result.balanceDue) + dishonoredPaymentCents - coveredByCredit,
    creditCents: credit - coveredByCredit,
  };
}

/** Every year's balance on `asOf`, and the total to pay everything off then. */
export function payoffOn(
  records: TaxpayerRecords,
  asOf: string,
): { years: YearBalance[]; payoffCents: number } {
  const years = records.modules.map((m) => yearBalance(m, noticesFor(records, m.taxYear), asOf));
  return { years, payoffCents: sumCents(years.map((y) => y.balanceCents)) };
}

/** Money received, newest first; a payment the bank returned (TC 671) is not money received. */
export function paymentsOf(records: TaxpayerRecords, asOf: string): PaymentLine[] {
  return records.modules
    .flatMap((m) =>
      withoutDishonored(
        m.transactions
          .filter((t) => t.date <= asOf)
          .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
        (problem) => {
          throw new InconsistentModuleError(m.taxYear, problem);
        },
      )
        .filter((t) => (t.code === 610 || t.code === 670 || t.code === 706) && t.date <= asOf)
        .map((t): PaymentLine => ({
          date: t.date,
          taxYear: m.taxYear,
          code: t.code as PaymentLine['code'],
          amountCents: -t.amountCents,
          relatedTaxYear: t.relatedTaxYear,
        })),
    )
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.taxYear - a.taxYear));
}

/**
 * The installment agreement's state from TC 971/972 with action codes 043 (pending) and 063
 * (in force), posted on every module in the agreement: pending after a 971 AC 043, active
 * after a 971 AC 063, ended after a 972 AC 063 (the agreement reversed: paid, defaulted or
 * withdrawn), back to none after a 972 AC 043 (a proposal rejected or withdrawn).
 */
export function planStatus(records: TaxpayerRecords, asOf: string, balanceCents: number): PlanStatus {
  const events = records.modules
    .flatMap((m) =>
      m.transactions
        .filter(
          (t) =>
            (t.code === 971 || t.code === 972) &&
            (t.actionCode === ACTION_CODES.installmentAgreementPending ||
              t.actionCode === ACTION_CODES.installmentAgreementEstablished) &&
            t.date <= asOf,
        )
        .map((t) => ({ date: t.date, code: t.code, action: t.actionCode, taxYear: m.taxYear })),
    )
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  let status: PlanStatus = { state: 'none' };
  let years = new Set<number>();
  for (const event of events) {
    const established = event.action === ACTION_CODES.installmentAgreementEstablished;
    if (event.code === 971 && established) {
      if (status.state !== 'active') {
        years = new Set();
        status = {
          state: 'active',
          since: event.date,
          terms: undefined,
          nextPaymentDate: undefined,
          taxYears: [],
        };
      }
      years.add(event.taxYear);
    } else if (event.code === 971 && status.state !== 'active' && status.state !== 'pending') {
      status = { state: 'pending', since: event.date };
    } else if (event.code === 972 && established && status.state === 'active') {
      years.delete(event.taxYear);
      if (years.size === 0) status = { state: 'ended', since: status.since, ended: event.date };
    } else if (event.code === 972 && !established && status.state === 'pending') {
      status = { state: 'none' };
    }
  }
  if (status.state !== 'active') return status;
  const terms = records.paymentPlan;
  return {
    ...status,
    terms,
    taxYears: [...years].sort((a, b) => b - a),
    nextPaymentDate: terms && balanceCents > 0 ? nextDayOfMonth(asOf, terms.paymentDay) : undefined,
  };
}

export function accountOverview(
  records: TaxpayerRecords,
  asOf: string,
  limits: { payments: number; notices: number } = { payments: 5, notices: 3 },
): AccountOverview {
  const { years, payoffCents } = payoffOn(records, asOf);
  return {
    asOf,
    years,
    payoffCents,
    creditCents: sumCents(years.map((y) => y.creditCents)),
    recentPayments: paymentsOf(records, asOf).slice(0, limits.payments),
    plan: planStatus(records, asOf, payoffCents),
    latestNotices: records.notices
      .filter((n) => n.issuedDate <= asOf)
      .sort((a, b) => (a.issuedDate < b.issuedDate ? 1 : a.issuedDate > b.issuedDate ? -1 : 0))
      .slice(0, limits.notices),
  };
}

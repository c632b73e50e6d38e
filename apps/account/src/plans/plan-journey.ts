// Setting up or revising a payment plan, as a declared step graph: options (plan type, monthly
// amount, payment day, how to pay, low income) → bank account (only for a direct debit that
// needs a new account) → review and accept (the agreement PDF, "I agree"). The state is
// persisted (journeys table); a deep link to a later step lands on the furthest step allowed.
//
// Also what the person's records mean for a plan (the amount owed today, the tax years, whether
// all returns are filed, the collection statute date, eligibility), the checks of each form as
// problems per field named by their message keys, and the terms a plan will have (minimum
// payment, schedule, user fee). Pure: "today" and the records are arguments.
//
// Our choices, marked [U] like the rules in ../domain/payments:
// - The amount a plan covers is the payoff amount today of every tax year with a balance
//   (issue #8: "every tax year with a balance"); penalties and interest keep accruing, which the
//   agreement says, and the direct debits go on until the balance is paid (plan-checks.ts).
// - "All returns filed": every tax year on file whose return due date has passed has a return.
// - The collection statute (CSED) is 10 years from the first assessment (TC 150, else TC 290)
//   of each year (IRC 6502) [S]; a plan must pay everything before the EARLIEST CSED of its
//   years, which is stricter than the law needs when the years' CSEDs differ. [U]
// - A short-term plan is monthly payments on the chosen day that pay everything by today + 180
//   days (the OPA lets people pay a short-term plan any way; the agreement needs a schedule). [U]
// - A revised plan's first payment is on the chosen day at least REVISED_FIRST_PAYMENT_MIN_DAYS
//   after the revision (a new plan's is at least 30 days out, plan-schedule.ts). [U]
import { defineSteps } from '#platform/flows/step-graph.ts';
import {
  checkDueDay,
  checkProposedPayment,
  DIRECT_DEBIT_REQUIRED_ABOVE_CENTS,
  longTermFeeKind,
  planEligibility,
  planTerms,
  planUserFee,
  shortTermPayBy,
  type EligibilityReason,
  type PlanEligibility,
  type PlanFeeKind,
} from '../domain/payments/payment-plans.ts';
import {
  firstPaymentDate,
  planInstallments,
  revisionTerms,
  type Installment,
} from '../domain/payments/plan-schedule.ts';
import { parseAmount } from '../domain/payments/payment-reasons.ts';
import type { AccountType } from '../domain/payments/bank-account.ts';
import { addDays, nextDayOfMonth } from '../domain/records/agency-date.ts';
import { payoffOn } from '../domain/records/account-overview.ts';
import type { PlanType, TaxpayerRecords } from '../domain/records/tax-records.ts';

export type PlanStep = 'options' | 'bank' | 'review';
export const PLAN_STEP_NAMES: readonly PlanStep[] = ['options', 'bank', 'review'];

/** Short-term (pay in full within 180 days) or long-term (installment agreement). */
export type PlanKind = 'short_term' | 'long_term';

/** Collection statute: years from assessment (IRC 6502). */
export const CSED_YEARS = 10;
/** A revised plan's first payment: the chosen day at least this many days after the revision. [U] */
export const REVISED_FIRST_PAYMENT_MIN_DAYS = 3;

/** As stored (JSON): cents as a decimal string. */
export interface StoredPlanOptions {
  planKind: PlanKind;
  monthlyCents: string;
  paymentDay: number;
  directDebit: boolean;
  lowIncome: boolean;
}

export interface StoredBank {
  routingNumber: string;
  accountNumber: string;
  accountType: AccountType;
}

/** The agreement last shown to the person (review page or PDF): acceptance must match it. */
export interface ReviewedAgreement {
  sha256: string;
  preparedOn: string;
  locale: 'en' | 'es';
}

export interface PlanJourneyState {
  mode: 'new' | 'revise';
  /** Revise: the agreement being revised. */
  planId?: string;
  /** Revise: the plan being revised is paid by direct debit (its bank account is kept). */
  currentDirectDebit?: boolean;
  options?: StoredPlanOptions;
  bank?: StoredBank;
  reviewed?: ReviewedAgreement;
}

/** A bank account must be entered: a direct debit, except when revising a direct-debit plan. */
export function needsBank(state: PlanJourneyState): boolean {
  return (
    state.options?.directDebit === true && !(state.mode === 'revise' && state.currentDirectDebit === true)
  );
}

export const PLAN_STEPS = defineSteps<PlanStep, PlanJourneyState>({
  steps: PLAN_STEP_NAMES,
  allowed: {
    options: () => true,
    bank: (s) => s.options !== undefined && needsBank(s),
    review: (s) => s.options !== undefined && (!needsBank(s) || s.bank !== undefined),
  },
});

// ---------------------------------------------------------------------------------------------
// What the records mean for a plan

export interface PlanSituation {
  today: string;
  /** The payoff amount today of the years with a balance. */
  owedCents: bigint;
  /** Tax years with a balance today, newest first. */
  taxYears: number[];
  allReturnsFiled: boolean;
  /** The earliest collection statute expiration date of those years, when known. */
  csed: string | undefined;
  eligibility: PlanEligibility;
}

/** `date` plus `years` calendar years (February 29 → February 28). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-') as [string, string, string];
  const year = Number(y) + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === '02' && d === '29' && !leap ? '28' : d;
  return `${year}-${m}-${day}`;
}

export function planSituation(records: TaxpayerRecords, today: string): PlanSituation {
  const { years } = payoffOn(records, today);
  const owing = years.filter((y) => y.balanceCents > 0);
  const owedCents = owing.reduce((sum, y) => sum + BigInt(y.balanceCents), 0n);
  const taxYears = owing.map((y) => y.taxYear).sort((a, b) => b - a);
  const allReturnsFiled = records.modules.every((m) => m.filedDate !== null || m.dueDate >= today);
  const csed = records.modules
    .filter((m) => taxYears.includes(m.taxYear))
    .map((m) => {
      const assessments = m.transactions
        .filter((t) => t.code === 150 || t.code === 290)
        .map((t) => t.date)
        .sort();
      return assessments[0] ? addYears(assessments[0], CSED_YEARS) : undefined;
    })
    .filter((d): d is string => d !== undefined)
    .sort()[0];
  return {
    today,
    owedCents,
    taxYears,
    allReturnsFiled,
    csed,
    eligibility: planEligibility({ owedCents, allReturnsFiled }),
  };
}

// ---------------------------------------------------------------------------------------------
// Problems

export type PlanErrorKey = `acct.plan.error.${string}` | `acct.pay.error.${string}`;

/** A problem with a field: the message key and what it mentions (an amount, a date). */
export interface PlanProblem {
  key: PlanErrorKey;
  amountCents?: bigint;
  date?: string;
}

export type OptionsField = 'planType' | 'monthlyAmount' | 'paymentDay' | 'payMethod' | 'lowIncome';
export type ReviseField = 'monthlyAmount' | 'paymentDay' | 'convertToDirectDebit' | 'lowIncome';
export type OptionsProblems = Partial<Record<OptionsField | ReviseField | 'form', PlanProblem>>;

const ELIGIBILITY_ERRORS: Record<EligibilityReason, PlanErrorKey> = {
  nothing_owed: 'acct.plan.error.nothing_owed',
  owed_over_short_term_limit: 'acct.plan.error.short_term_over_limit',
  owed_over_long_term_limit: 'acct.plan.error.long_term_over_limit',
  returns_not_filed: 'acct.plan.error.returns_not_filed',
};

export function eligibilityErrorKey(reason: EligibilityReason): PlanErrorKey {
  return ELIGIBILITY_ERRORS[reason];
}

/** "15", " 15 " → 15; undefined for anything that is not a whole number. */
function parseDay(raw: string): number | undefined {
  const text = raw.trim();
  return /^\d{1,2}$/.test(text) ? Number(text) : undefined;
}

function checkAmount(raw: string): { ok: true; cents: bigint } | { ok: false; problem: PlanProblem } {
  if (raw.trim() === '') return { ok: false, problem: { key: 'acct.plan.error.monthly_missing' } };
  const cents = parseAmount(raw);
  if (cents === undefined) return { ok: false, problem: { key: 'acct.plan.error.monthly_invalid' } };
  if (cents <= 0n) return { ok: false, problem: { key: 'acct.plan.error.monthly_not_positive' } };
  return { ok: true, cents };
}

function checkDay(raw: string): { ok: true; day: number } | { ok: false; problem: PlanProblem } {
  if (raw.trim() === '') return { ok: false, problem: { key: 'acct.plan.error.payment_day_missing' } };
  const day = parseDay(raw);
  if (day === undefined || !checkDueDay(day).ok)
    return { ok: false, problem: { key: 'acct.plan.error.payment_day_range' } };
  return { ok: true, day };
}

// ---------------------------------------------------------------------------------------------
// Terms

export interface PlanFee {
  kind: PlanFeeKind;
  cents: bigint;
  standardCents: bigint;
  reduced: boolean;
  waived: boolean;
  reimbursable: boolean;
}

/** Everything the agreement states, computed from the options and the situation. */
export interface ComputedTerms {
  planType: PlanType;
  planKind: PlanKind;
  taxYears: number[];
  owedCents: bigint;
  monthlyCents: bigint;
  /** The least the person may pay each month (for the hint and the error). */
  minimumCents: bigint;
  paymentDay: number;
  firstPaymentDate: string;
  payBy: string | undefined;
  directDebit: boolean;
  lowIncome: boolean;
  installments: Installment[];
  fee: PlanFee;
}

export type TermsResult = { ok: true; terms: ComputedTerms } | { ok: false; problems: OptionsProblems };

function fee(kind: PlanFeeKind, lowIncome: boolean, today: string): PlanFee | undefined {
  const result = planUserFee({ kind, channel: 'online', lowIncome, asOf: today });
  if (!result.ok) return undefined;
  return {
    kind,
    cents: result.feeCents,
    standardCents: result.standardCents,
    reduced: result.reduced,
    waived: result.waived,
    reimbursable: result.reimbursable,
  };
}

/** Due dates on `day` from `first` through `until`, inclusive. */
function dueDatesThrough(first: string, day: number, until: string): number {
  let count = 0;
  for (let due = first; due <= until; due = nextDayOfMonth(addDays(due, 1), day)) count += 1;
  return count;
}

/** The least monthly amount for a plan starting on `first` (short-term: paid by `payBy`). */
export function minimumMonthly(input: {
  kind: PlanKind;
  owedCents: bigint;
  first: string;
  paymentDay: number;
  payBy: string | undefined;
  csed: string | undefined;
}): { ok: true; cents: bigint } | { ok: false; problem: PlanProblem } {
  if (input.kind === 'short_term') {
    const count = input.payBy ? dueDatesThrough(input.first, input.paymentDay, input.payBy) : 0;
    if (count === 0)
      return { ok: false, problem: { key: 'acct.plan.error.short_term_no_date', date: input.payBy } };
    return { ok: true, cents: (input.owedCents + BigInt(count) - 1n) / BigInt(count) };
  }
  const terms = planTerms({
    owedCents: input.owedCents,
    start: input.first,
    dueDay: input.paymentDay,
    ...(input.csed ? { csed: input.csed } : {}),
  });
  if (!terms.ok)
    return {
      ok: false,
      problem: {
        key:
          terms.problem === 'nothing_owed' ? 'acct.plan.error.nothing_owed' : 'acct.plan.error.csed_passed',
      },
    };
  return { ok: true, cents: terms.minimum.monthlyCents };
}

/** The minimum monthly payment of each plan kind today, for the hints (on a day-1 schedule). */
export function minimumsForHint(situation: PlanSituation): Partial<Record<PlanKind, bigint>> {
  const out: Partial<Record<PlanKind, bigint>> = {};
  if (situation.owedCents <= 0n) return out;
  const first = firstPaymentDate(situation.today, 28);
  for (const kind of ['short_term', 'long_term'] as const) {
    const min = minimumMonthly({
      kind,
      owedCents: situation.owedCents,
      first,
      paymentDay: 28,
      payBy: kind === 'short_term' ? shortTermPayBy(situation.today) : undefined,
      csed: situation.csed,
    });
    if (min.ok) out[kind] = min.cents;
  }
  return out;
}

function schedule(input: {
  owedCents: bigint;
  monthlyCents: bigint;
  paymentDay: number;
  first: string;
  payBy: string | undefined;
}): { ok: true; installments: Installment[] } | { ok: false; problem: PlanProblem } {
  const result = planInstallments({
    owedCents: input.owedCents,
    monthlyCents: input.monthlyCents,
    paymentDay: input.paymentDay,
    firstPaymentDate: input.first,
    ...(input.payBy ? { payBy: input.payBy } : {}),
  });
  if (result.ok) return { ok: true, installments: result.installments };
  if (result.problem === 'plan_not_paid_by_pay_by')
    return {
      ok: false,
      problem: {
        key: 'acct.plan.error.short_term_too_low',
        ...(result.requiredMonthlyCents !== undefined ? { amountCents: result.requiredMonthlyCents } : {}),
        ...(input.payBy ? { date: input.payBy } : {}),
      },
    };
  if (result.problem === 'plan_term_over_max_months')
    return { ok: false, problem: { key: 'acct.plan.error.monthly_below_minimum' } };
  return { ok: false, problem: { key: 'acct.plan.error.nothing_owed' } };
}

/** The terms of a new plan from its (stored) options on the situation today. */
export function newPlanTerms(options: StoredPlanOptions, situation: PlanSituation): TermsResult {
  const { eligibility, today } = situation;
  const problems: OptionsProblems = {};
  const chosen = options.planKind === 'short_term' ? eligibility.shortTerm : eligibility.longTerm;
  if (!chosen.eligible) {
    problems.planType = { key: ELIGIBILITY_ERRORS[chosen.reasons[0] ?? 'nothing_owed'] };
    return { ok: false, problems };
  }
  if (options.planKind === 'long_term' && eligibility.longTerm.directDebitRequired && !options.directDebit)
    problems.payMethod = {
      key: 'acct.plan.error.direct_debit_required',
      amountCents: DIRECT_DEBIT_REQUIRED_ABOVE_CENTS,
    };
  const first = firstPaymentDate(today, options.paymentDay);
  const payBy = options.planKind === 'short_term' ? shortTermPayBy(today) : undefined;
  const monthlyCents = BigInt(options.monthlyCents);
  const minimum = minimumMonthly({
    kind: options.planKind,
    owedCents: situation.owedCents,
    first,
    paymentDay: options.paymentDay,
    payBy,
    csed: situation.csed,
  });
  if (!minimum.ok) {
    problems.planType = minimum.problem;
    return { ok: false, problems };
  }
  const check = checkProposedPayment({ monthlyCents, minimumCents: minimum.cents });
  if (!check.ok)
    problems.monthlyAmount =
      options.planKind === 'short_term'
        ? {
            key: 'acct.plan.error.short_term_too_low',
            amountCents: minimum.cents,
            ...(payBy ? { date: payBy } : {}),
          }
        : { key: 'acct.plan.error.monthly_below_minimum', amountCents: minimum.cents };
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const installments = schedule({
    owedCents: situation.owedCents,
    monthlyCents,
    paymentDay: options.paymentDay,
    first,
    payBy,
  });
  if (!installments.ok) return { ok: false, problems: { monthlyAmount: installments.problem } };
  const feeKind: PlanFeeKind =
    options.planKind === 'short_term' ? 'short-term' : longTermFeeKind(options.directDebit);
  const userFee = fee(feeKind, options.lowIncome, today);
  if (!userFee) return { ok: false, problems: { form: { key: 'acct.plan.error.fee_unknown' } } };
  return {
    ok: true,
    terms: {
      planType:
        options.planKind === 'short_term'
          ? 'short_term'
          : options.directDebit
            ? 'long_term_direct_debit'
            : 'long_term',
      planKind: options.planKind,
      taxYears: situation.taxYears,
      owedCents: situation.owedCents,
      monthlyCents,
      minimumCents: minimum.cents,
      paymentDay: options.paymentDay,
      firstPaymentDate: first,
      payBy,
      directDebit: options.directDebit,
      lowIncome: options.lowIncome,
      installments: installments.installments,
      fee: userFee,
    },
  };
}

/** The options form of a new plan: parsed and checked, field by field. */
export function checkNewPlanOptions(
  input: Record<OptionsField, string>,
  situation: PlanSituation,
): { ok: true; options: StoredPlanOptions; terms: ComputedTerms } | { ok: false; problems: OptionsProblems } {
  const problems: OptionsProblems = {};
  const planKind =
    input.planType === 'short_term' || input.planType === 'long_term' ? input.planType : undefined;
  if (!planKind) problems.planType = { key: 'acct.plan.error.plan_type_missing' };
  const amount = checkAmount(input.monthlyAmount);
  if (!amount.ok) problems.monthlyAmount = amount.problem;
  const day = checkDay(input.paymentDay);
  if (!day.ok) problems.paymentDay = day.problem;
  const directDebit =
    input.payMethod === 'direct_debit' ? true : input.payMethod === 'self' ? false : undefined;
  if (directDebit === undefined) problems.payMethod = { key: 'acct.plan.error.pay_method_missing' };
  if (planKind) {
    const chosen =
      planKind === 'short_term' ? situation.eligibility.shortTerm : situation.eligibility.longTerm;
    if (!chosen.eligible)
      problems.planType = { key: ELIGIBILITY_ERRORS[chosen.reasons[0] ?? 'nothing_owed'] };
  }
  if (!planKind || !amount.ok || !day.ok || directDebit === undefined || problems.planType)
    return { ok: false, problems };
  const options: StoredPlanOptions = {
    planKind,
    monthlyCents: amount.cents.toString(),
    paymentDay: day.day,
    directDebit,
    lowIncome: input.lowIncome === 'yes',
  };
  const terms = newPlanTerms(options, situation);
  return terms.ok ? { ok: true, options, terms: terms.terms } : terms;
}

// ---------------------------------------------------------------------------------------------
// Revising

/** The plan being revised, as its agreement states it. */
export interface PlanBeingRevised {
  planType: PlanType;
  monthlyCents: bigint;
  paymentDay: number;
  directDebit: boolean;
  payBy: string | null;
  lowIncome: boolean;
}

export function planKindOf(planType: PlanType): PlanKind {
  return planType === 'short_term' ? 'short_term' : 'long_term';
}

/** The first payment of a revised plan: the chosen day, at least REVISED_FIRST_PAYMENT_MIN_DAYS away. */
export function revisedFirstPaymentDate(today: string, paymentDay: number): string {
  return nextDayOfMonth(addDays(today, REVISED_FIRST_PAYMENT_MIN_DAYS), paymentDay);
}

/** The terms of a revised plan: the owed amount today, the new amount/day/method, the revision fee. */
export function revisedPlanTerms(
  options: StoredPlanOptions,
  current: PlanBeingRevised,
  situation: PlanSituation,
): TermsResult {
  const { today } = situation;
  if (situation.owedCents <= 0n)
    return { ok: false, problems: { form: { key: 'acct.plan.error.nothing_owed' } } };
  const kind = planKindOf(current.planType);
  const payBy = kind === 'short_term' ? (current.payBy ?? shortTermPayBy(today)) : undefined;
  const first = revisedFirstPaymentDate(today, options.paymentDay);
  const minimum = minimumMonthly({
    kind,
    owedCents: situation.owedCents,
    first,
    paymentDay: options.paymentDay,
    payBy,
    csed: situation.csed,
  });
  if (!minimum.ok) return { ok: false, problems: { form: minimum.problem } };
  const monthlyCents = BigInt(options.monthlyCents);
  const revision = revisionTerms(
    {
      monthlyCents: current.monthlyCents,
      paymentDay: current.paymentDay,
      directDebit: current.directDebit,
      minimumCents: minimum.cents,
    },
    { monthlyCents, paymentDay: options.paymentDay, convertToDirectDebit: options.directDebit },
  );
  const problems: OptionsProblems = {};
  for (const problem of revision.problems) {
    if (problem === 'plan_revision_nothing_changed')
      problems.form = { key: 'acct.plan.error.nothing_changed' };
    else if (problem === 'plan_due_day_out_of_range')
      problems.paymentDay = { key: 'acct.plan.error.payment_day_range' };
    else if (problem === 'plan_payment_not_positive')
      problems.monthlyAmount = { key: 'acct.plan.error.monthly_not_positive' };
    else
      problems.monthlyAmount =
        kind === 'short_term'
          ? {
              key: 'acct.plan.error.short_term_too_low',
              amountCents: minimum.cents,
              ...(payBy ? { date: payBy } : {}),
            }
          : { key: 'acct.plan.error.monthly_below_minimum', amountCents: minimum.cents };
  }
  // The amount unchanged can still be too little for the balance now (it grew): say so.
  if (!problems.monthlyAmount && monthlyCents < minimum.cents)
    problems.monthlyAmount =
      kind === 'short_term'
        ? {
            key: 'acct.plan.error.short_term_too_low',
            amountCents: minimum.cents,
            ...(payBy ? { date: payBy } : {}),
          }
        : { key: 'acct.plan.error.monthly_below_minimum', amountCents: minimum.cents };
  const directDebit = revision.next.directDebit;
  if (kind === 'long_term' && situation.owedCents > DIRECT_DEBIT_REQUIRED_ABOVE_CENTS && !directDebit)
    problems.convertToDirectDebit = {
      key: 'acct.plan.error.direct_debit_required',
      amountCents: DIRECT_DEBIT_REQUIRED_ABOVE_CENTS,
    };
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const installments = schedule({
    owedCents: situation.owedCents,
    monthlyCents,
    paymentDay: options.paymentDay,
    first,
    payBy,
  });
  if (!installments.ok) return { ok: false, problems: { monthlyAmount: installments.problem } };
  const userFee = fee(revision.feeKind, options.lowIncome, today);
  if (!userFee) return { ok: false, problems: { form: { key: 'acct.plan.error.fee_unknown' } } };
  return {
    ok: true,
    terms: {
      planType: kind === 'short_term' ? 'short_term' : directDebit ? 'long_term_direct_debit' : 'long_term',
      planKind: kind,
      taxYears: situation.taxYears,
      owedCents: situation.owedCents,
      monthlyCents,
      minimumCents: minimum.cents,
      paymentDay: options.paymentDay,
      firstPaymentDate: first,
      payBy,
      directDebit,
      lowIncome: options.lowIncome,
      installments: installments.installments,
      fee: userFee,
    },
  };
}

/** The options form of a revision: parsed and checked, field by field. */
export function checkRevisionOptions(
  input: Record<ReviseField, string>,
  current: PlanBeingRevised,
  situation: PlanSituation,
): { ok: true; options: StoredPlanOptions; terms: ComputedTerms } | { ok: false; problems: OptionsProblems } {
  const problems: OptionsProblems = {};
  const amount = checkAmount(input.monthlyAmount);
  if (!amount.ok) problems.monthlyAmount = amount.problem;
  const day = checkDay(input.paymentDay);
  if (!day.ok) problems.paymentDay = day.problem;
  if (!amount.ok || !day.ok) return { ok: false, problems };
  const options: StoredPlanOptions = {
    planKind: planKindOf(current.planType),
    monthlyCents: amount.cents.toString(),
    paymentDay: day.day,
    directDebit: current.directDebit || input.convertToDirectDebit === 'yes',
    lowIncome: input.lowIncome === 'yes',
  };
  const terms = revisedPlanTerms(options, current, situation);
  return terms.ok ? { ok: true, options, terms: terms.terms } : terms;
}

/** Dollars for a form field: 12345n → "123.45". */
export function centsToField(cents: bigint | string): string {
  const value = BigInt(cents);
  return `${value / 100n}.${(value % 100n).toString().padStart(2, '0')}`;
}

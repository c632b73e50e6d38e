// Online Payment Agreement (OPA) rules: who may set up which plan, the user fees, and the monthly
// payment terms (pure, no I/O). Amounts are integer cents (bigint); no floating point.
//
// Sources (../shared/reference/domain.md "Payment plans (Online Payment Agreement, OPA)" and
// issue #8; [V] verified in a primary text, [S] secondary only, [U] uncertain — see domain.md):
// - Short-term plan: pay in full within 180 days (was 120 before ~2022), when the amount owed
//   (tax, penalties and interest) is under $100,000. [S] rampacpa.com (IRS page copy 08/25/22),
//   finbergfirm.com.
// - Long-term (installment agreement): amount owed at most $50,000 and all required returns
//   filed. [S] same.
// - Over $25,000 (up to $50,000): must pay by direct debit (or payroll deduction, or file Form
//   433-F; OPA only offers direct debit). [S] taxslayerpro.com; Form 9465 instructions (2020).
// - Streamlined term: up to 72 months or until the collection statute expiration date (CSED),
//   whichever is shorter; the IRS default payment is the balance ÷ 72. [V] Form 9465
//   instructions. CSED = 10 years from assessment (IRC 6502) [S]: the caller passes the CSED.
// - Monthly due day: the 1st to the 28th. [S] clarafigueiredo.com (Form 9465 paraphrase).
// - User fees, effective July 1, 2024 [V] Instructions for Form 9465 (Rev. July 2024) "What's New":
//     plan                              online   phone/mail/in person   low income
//     short-term                        $0       $0                     $0
//     long-term, direct debit (DDIA)    $22      $107 [U still current]  waived
//     long-term, other payment method   $69      $178 [U]                $43, reimbursable if conditions met
//     revise an existing plan           $10      $89                    $10 / $43, reimbursable
//     revise an existing DDIA           $0       $0
//   $22/$69/$43/$0 [S] jhandco.com; $107 [V] irs.gov 2017 proposed fees, still current [U];
//   $178 [U]; revision fees [S] rampacpa.com. Low income = AGI ≤ 250% of the federal poverty
//   guidelines; OPA applies the low-income fee when IRS systems identify the taxpayer [S].
//   Each row carries its certainty so an administrator sees which numbers to confirm.
// Not modelled: the guaranteed installment agreement (IRC 6159(c), ≤ $10,000), payroll deduction.
// The payoff months ignore the interest and failure-to-pay penalty that keep accruing while a
// plan runs (the money engine computes those); they are the plain arithmetic of amount ÷ payment.
import { addDays, daysBetween, nextDayOfMonth } from '../records/agency-date.ts';

export type Certainty = 'V' | 'S' | 'U';

/** Short-term plan: paid in full within this many days. */
export const SHORT_TERM_MAX_DAYS = 180;
/** Short-term plan: the amount owed must be UNDER this ($100,000). */
export const SHORT_TERM_OWED_BELOW_CENTS = 10_000_000n;
/** Long-term plan: the amount owed must be AT MOST this ($50,000). */
export const LONG_TERM_OWED_MAX_CENTS = 5_000_000n;
/** Long-term plan: ABOVE this ($25,000) direct debit is required. */
export const DIRECT_DEBIT_REQUIRED_ABOVE_CENTS = 2_500_000n;
/** Streamlined agreement: at most this many monthly payments (Form 9465 instructions). */
export const STREAMLINED_MAX_MONTHS = 72;
/** Monthly due day range. */
export const DUE_DAY_MIN = 1;
export const DUE_DAY_MAX = 28;
/** Terms offered as choices besides the minimum payment: our product choice, not law. */
export const PAYMENT_OPTION_MONTHS: readonly number[] = [6, 12, 24, 36, 48, 60, 72];

// ---------------------------------------------------------------------------------------------
// Eligibility

export type EligibilityReason =
  'nothing_owed' | 'owed_over_short_term_limit' | 'owed_over_long_term_limit' | 'returns_not_filed';

export interface PlanEligibility {
  shortTerm: { eligible: boolean; reasons: EligibilityReason[] };
  longTerm: { eligible: boolean; reasons: EligibilityReason[]; directDebitRequired: boolean };
}

export function planEligibility(input: { owedCents: bigint; allReturnsFiled: boolean }): PlanEligibility {
  const { owedCents, allReturnsFiled } = input;
  if (owedCents <= 0n) {
    return {
      shortTerm: { eligible: false, reasons: ['nothing_owed'] },
      longTerm: { eligible: false, reasons: ['nothing_owed'], directDebitRequired: false },
    };
  }
  const shortReasons: EligibilityReason[] =
    owedCents < SHORT_TERM_OWED_BELOW_CENTS ? [] : ['owed_over_short_term_limit'];
  const longReasons: EligibilityReason[] = [];
  if (owedCents > LONG_TERM_OWED_MAX_CENTS) longReasons.push('owed_over_long_term_limit');
  if (!allReturnsFiled) longReasons.push('returns_not_filed');
  return {
    shortTerm: { eligible: shortReasons.length === 0, reasons: shortReasons },
    longTerm: {
      eligible: longReasons.length === 0,
      reasons: longReasons,
      directDebitRequired: owedCents > DIRECT_DEBIT_REQUIRED_ABOVE_CENTS,
    },
  };
}

/** The last date by which a short-term plan must be paid in full. */
export function shortTermPayBy(today: string): string {
  return addDays(today, SHORT_TERM_MAX_DAYS);
}

// ---------------------------------------------------------------------------------------------
// User fees

export type PlanFeeKind =
  'short-term' | 'long-term-direct-debit' | 'long-term-other' | 'revision' | 'revision-direct-debit';
/** 'assisted' = by phone, by mail or in person. */
export type FeeChannel = 'online' | 'assisted';

export interface PlanFeeRow {
  kind: PlanFeeKind;
  channel: FeeChannel;
  standardCents: bigint;
  lowIncomeCents: bigint;
  /** The low-income fee is reimbursed when the agreement's conditions are met. */
  lowIncomeReimbursable: boolean;
  certainty: Certainty;
  source: string;
}

export interface PlanFeeSchedule {
  effectiveFrom: string;
  source: string;
  rows: readonly PlanFeeRow[];
}

const F9465_2024 = 'Instructions for Form 9465 (Rev. July 2024), "What\'s New"';

export const PLAN_FEE_SCHEDULES: readonly PlanFeeSchedule[] = [
  {
    effectiveFrom: '2024-07-01',
    source: F9465_2024,
    rows: [
      {
        kind: 'short-term',
        channel: 'online',
        standardCents: 0n,
        lowIncomeCents: 0n,
        lowIncomeReimbursable: false,
        certainty: 'S',
        source: 'rampacpa.com (IRS page copy 08/25/22); finbergfirm.com',
      },
      {
        kind: 'short-term',
        channel: 'assisted',
        standardCents: 0n,
        lowIncomeCents: 0n,
        lowIncomeReimbursable: false,
        certainty: 'S',
        source: 'rampacpa.com (IRS page copy 08/25/22); finbergfirm.com',
      },
      {
        kind: 'long-term-direct-debit',
        channel: 'online',
        standardCents: 2_200n,
        lowIncomeCents: 0n,
        lowIncomeReimbursable: false,
        certainty: 'V',
        source: `${F9465_2024}; jhandco.com`,
      },
      {
        kind: 'long-term-direct-debit',
        channel: 'assisted',
        standardCents: 10_700n,
        lowIncomeCents: 0n,
        lowIncomeReimbursable: false,
        certainty: 'U',
        source:
          'irs.gov/newsroom/irs-proposes-revised-fees-for-installment-agreements (2017 value; still current after July 2024 unconfirmed)',
      },
      {
        kind: 'long-term-other',
        channel: 'online',
        standardCents: 6_900n,
        lowIncomeCents: 4_300n,
        lowIncomeReimbursable: true,
        certainty: 'S',
        source: `${F9465_2024}; jhandco.com`,
      },
      {
        kind: 'long-term-other',
        channel: 'assisted',
        standardCents: 17_800n,
        lowIncomeCents: 4_300n,
        lowIncomeReimbursable: true,
        certainty: 'U',
        source: 'domain.md: $178 from memory (pre-2024 was $225); confirm',
      },
      {
        kind: 'revision',
        channel: 'online',
        standardCents: 1_000n,
        lowIncomeCents: 1_000n,
        lowIncomeReimbursable: true,
        certainty: 'S',
        source:
          'rampacpa.com "change an existing payment plan" part V; $10 OPA fee in Form 9465 (Rev. July 2024)',
      },
      {
        kind: 'revision',
        channel: 'assisted',
        standardCents: 8_900n,
        lowIncomeCents: 4_300n,
        lowIncomeReimbursable: true,
        certainty: 'S',
        source: 'rampacpa.com "change an existing payment plan" part V',
      },
      {
        kind: 'revision-direct-debit',
        channel: 'online',
        standardCents: 0n,
        lowIncomeCents: 0n,
        lowIncomeReimbursable: false,
        certainty: 'S',
        source: 'rampacpa.com part V ($0 for changes to an existing DDIA)',
      },
      {
        kind: 'revision-direct-debit',
        channel: 'assisted',
        standardCents: 0n,
        lowIncomeCents: 0n,
        lowIncomeReimbursable: false,
        certainty: 'S',
        source: 'rampacpa.com part V ($0 for changes to an existing DDIA)',
      },
    ],
  },
];

export type PlanFeeResult =
  | {
      ok: true;
      feeCents: bigint;
      standardCents: bigint;
      /** The low-income column was used (the person is identified as low income). */
      lowIncomeApplied: boolean;
      /** Less than the standard fee (a reduction or a waiver). */
      reduced: boolean;
      /** $0 where the standard fee is not. */
      waived: boolean;
      reimbursable: boolean;
      row: PlanFeeRow;
      effectiveFrom: string;
    }
  | { ok: false; problem: 'plan_fee_schedule_missing' | 'plan_fee_row_missing' };

/** The user fee for a plan (or a revision) set up on `asOf` through `channel`. */
export function planUserFee(input: {
  kind: PlanFeeKind;
  channel: FeeChannel;
  lowIncome: boolean;
  asOf: string;
}): PlanFeeResult {
  const schedule = [...PLAN_FEE_SCHEDULES]
    .filter((s) => s.effectiveFrom <= input.asOf)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))[0];
  if (!schedule) return { ok: false, problem: 'plan_fee_schedule_missing' };
  const row = schedule.rows.find((r) => r.kind === input.kind && r.channel === input.channel);
  if (!row) return { ok: false, problem: 'plan_fee_row_missing' };
  const feeCents = input.lowIncome ? row.lowIncomeCents : row.standardCents;
  return {
    ok: true,
    feeCents,
    standardCents: row.standardCents,
    lowIncomeApplied: input.lowIncome,
    reduced: feeCents < row.standardCents,
    waived: feeCents === 0n && row.standardCents > 0n,
    reimbursable: input.lowIncome && row.lowIncomeReimbursable,
    row,
    effectiveFrom: schedule.effectiveFrom,
  };
}

/** The fee kind for a new long-term plan, by how it is paid. */
export function longTermFeeKind(directDebit: boolean): PlanFeeKind {
  return directDebit ? 'long-term-direct-debit' : 'long-term-other';
}

/** The fee kind for revising a plan: $0 when the existing plan is a direct-debit agreement. */
export function revisionFeeKind(existingPlanIsDirectDebit: boolean): PlanFeeKind {
  return existingPlanIsDirectDebit ? 'revision-direct-debit' : 'revision';
}

// ---------------------------------------------------------------------------------------------
// Monthly payments

/** a ÷ b rounded up, for positive bigints. */
function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

export type DueDayProblem = 'plan_due_day_out_of_range';

export function checkDueDay(day: number): { ok: true; day: number } | { ok: false; problem: DueDayProblem } {
  return Number.isInteger(day) && day >= DUE_DAY_MIN && day <= DUE_DAY_MAX
    ? { ok: true, day }
    : { ok: false, problem: 'plan_due_day_out_of_range' };
}

/**
 * How many monthly payments on `dueDay` fit from `start` (the first on or after it) through
 * `csed` inclusive, capped at STREAMLINED_MAX_MONTHS. Without a CSED: the cap.
 */
export function maxPlanMonths(input: { start: string; dueDay: number; csed?: string }): number {
  if (!input.csed) return STREAMLINED_MAX_MONTHS;
  let count = 0;
  let due = nextDayOfMonth(input.start, input.dueDay);
  while (count < STREAMLINED_MAX_MONTHS && daysBetween(due, input.csed) >= 0) {
    count += 1;
    due = nextDayOfMonth(addDays(due, 1), input.dueDay);
  }
  return count;
}

/** Months of payments of `monthlyCents` that pay `owedCents` (the last one may be smaller). */
export function monthsToPayOff(owedCents: bigint, monthlyCents: bigint): number {
  if (monthlyCents <= 0n) throw new RangeError('The monthly payment must be positive');
  if (owedCents <= 0n) return 0;
  return Number(ceilDiv(owedCents, monthlyCents));
}

export interface PaymentOption {
  monthlyCents: bigint;
  months: number;
  /** The last payment: what is left after months − 1 full payments. */
  finalPaymentCents: bigint;
}

function option(owedCents: bigint, monthlyCents: bigint): PaymentOption {
  const months = monthsToPayOff(owedCents, monthlyCents);
  return { monthlyCents, months, finalPaymentCents: owedCents - monthlyCents * BigInt(months - 1) };
}

export type PlanTermsResult =
  | { ok: true; maxMonths: number; minimum: PaymentOption; options: PaymentOption[] }
  | { ok: false; problem: 'nothing_owed' | DueDayProblem | 'plan_csed_passed' };

/**
 * The minimum monthly payment (owed ÷ the months available, rounded up to the cent: owed ÷ 72,
 * or more when the CSED comes sooner) and the standard choices that pay off sooner.
 */
export function planTerms(input: {
  owedCents: bigint;
  start: string;
  dueDay: number;
  csed?: string;
}): PlanTermsResult {
  if (input.owedCents <= 0n) return { ok: false, problem: 'nothing_owed' };
  const dueDay = checkDueDay(input.dueDay);
  if (!dueDay.ok) return dueDay;
  const maxMonths = maxPlanMonths(input);
  if (maxMonths === 0) return { ok: false, problem: 'plan_csed_passed' };
  const minimum = option(input.owedCents, ceilDiv(input.owedCents, BigInt(maxMonths)));
  const options: PaymentOption[] = [];
  for (const months of PAYMENT_OPTION_MONTHS) {
    if (months >= maxMonths) continue;
    const candidate = option(input.owedCents, ceilDiv(input.owedCents, BigInt(months)));
    if (
      candidate.monthlyCents > minimum.monthlyCents &&
      !options.some((o) => o.monthlyCents === candidate.monthlyCents)
    ) {
      options.push(candidate);
    }
  }
  options.sort((a, b) => (a.monthlyCents < b.monthlyCents ? -1 : a.monthlyCents > b.monthlyCents ? 1 : 0));
  return { ok: true, maxMonths, minimum, options: [minimum, ...options] };
}

export type ProposedPaymentProblem = 'plan_payment_not_positive' | 'plan_payment_below_minimum';

/** A monthly amount the person proposes: at least the minimum. More than the amount owed is fine (one payment). */
export function checkProposedPayment(input: {
  monthlyCents: bigint;
  minimumCents: bigint;
}): { ok: true } | { ok: false; problem: ProposedPaymentProblem } {
  if (input.monthlyCents <= 0n) return { ok: false, problem: 'plan_payment_not_positive' };
  if (input.monthlyCents < input.minimumCents) return { ok: false, problem: 'plan_payment_below_minimum' };
  return { ok: true };
}

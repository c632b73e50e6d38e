// A payment plan's calendar (pure, no I/O: "today" is always an argument): the monthly payments
// that pay the amount owed, the first payment date, which payments are missed, the plan's
// status after a missed payment (CP523 default warning, then default), and the terms of a
// revision. The rules on amounts, due days and fees live in ./payment-plans.ts and are reused.
// Amounts are bigint cents; dates are YYYY-MM-DD calendar dates (../records/agency-date.ts).
//
// Sources ([V] verified in a primary text, [S] secondary only, [U] uncertain or our choice):
// - First payment at least FIRST_PAYMENT_MIN_DAYS (30) after the agreement is made: "To allow
//   for timely input to IDRS, agreements should call for first payments at least 30 days after
//   the date agreements are input." [V] IRM 5.14.8.2(3) (09-26-2008), copy at
//   corpora.tika.apache.org/base/docs/govdocs1/385/385817.html; whether the current IRM still
//   says so, and whether OPA uses the same lead time, is [U]. The 30 days also leave time to set
//   up a direct debit. The first payment is the next due day on or after today + 30.
// - Missed payments: the IRS has no formal grace period; a missed payment leads to notice CP523
//   [S] legalclarity.org "What is the grace period for IRS installment payments". We wait
//   MISSED_PAYMENT_GRACE_DAYS (5) calendar days after a due date before calling the payment
//   missed: our choice [U], so that an ACH payment made on the due date (1–2 business days to
//   settle) over a weekend or a Monday holiday is not flagged. A due date is not moved off a
//   weekend or holiday; the grace covers it.
// - Payments received count cumulatively: each one covers the earliest installment not yet
//   paid, so a partial payment leaves the rest of that installment unpaid, and paying ahead
//   covers later months (issue #8's rule). [U] The IRS may still expect the next monthly payment
//   after an extra payment; the agency can pass a stricter rule later.
// - Default warning, then default: CP523 tells the person the agency intends to terminate the
//   agreement and to respond "no later than 30 days from the date of the notice" [V]
//   irs.gov/individuals/understanding-your-cp523-notice. IRC 6159(b)(5) requires notice at least
//   30 days before terminating an installment agreement [S] howardlevyirslawyer.com (statute
//   quoted, not read here). So the plan is defaulted the day after notice date + 30 days if a
//   payment is still missed (DEFAULT_WARNING_RESPONSE_DAYS). Secondary sites say "terminates 46
//   days after notice" [U] ustaxpenaltysaver.com; the notice's own termination date governs.
//   Not modelled here: the other default reasons (a return not filed, a new balance not paid).
// - Revisions: the fee kind is revisionFeeKind (payment-plans.ts: $0 to change an existing
//   direct-debit agreement). Changes to an existing DDIA "require contacting the IRS" per
//   domain.md [V] irs.gov/individuals/reviewing-and-changing-your-payment-agreement, while the
//   newer CP523C/CP523D pages say OPA can change the bank account on direct debit agreements;
//   the revision is allowed here and the channel is the caller's decision.
import { addDays, daysBetween, nextDayOfMonth } from '../records/agency-date.ts';
import { isIsoDate } from './scheduling.ts';
import {
  checkDueDay,
  checkProposedPayment,
  revisionFeeKind,
  STREAMLINED_MAX_MONTHS,
  type Certainty,
  type DueDayProblem,
  type PlanFeeKind,
  type ProposedPaymentProblem,
} from './payment-plans.ts';

/** Calendar days from the day the plan is made to the earliest first payment. [V] IRM 5.14.8.2(3) (2008). */
export const FIRST_PAYMENT_MIN_DAYS = 30;
/** Calendar days after a due date before an unpaid installment counts as missed. [U] our choice. */
export const MISSED_PAYMENT_GRACE_DAYS = 5;
/** Days the CP523 default warning gives to pay what is missed before the plan defaults. [V] irs.gov CP523 page. */
export const DEFAULT_WARNING_RESPONSE_DAYS = 30;

export const PLAN_SCHEDULE_CERTAINTY: Readonly<Record<string, { certainty: Certainty; source: string }>> = {
  FIRST_PAYMENT_MIN_DAYS: {
    certainty: 'V',
    source: 'IRM 5.14.8.2(3) (09-26-2008); current IRM and OPA practice unconfirmed',
  },
  MISSED_PAYMENT_GRACE_DAYS: { certainty: 'U', source: 'our choice: ACH settlement over a long weekend' },
  DEFAULT_WARNING_RESPONSE_DAYS: {
    certainty: 'V',
    source: 'irs.gov/individuals/understanding-your-cp523-notice; IRC 6159(b)(5) [S]',
  },
};

export interface Installment {
  /** Due date, YYYY-MM-DD. */
  date: string;
  amountCents: bigint;
}

// ---------------------------------------------------------------------------------------------
// The schedule

export type PlanScheduleProblem =
  | 'nothing_owed'
  | 'plan_payment_not_positive'
  | DueDayProblem
  | 'plan_first_payment_date_invalid'
  | 'plan_term_over_max_months'
  | 'plan_not_paid_by_pay_by';

export type PlanScheduleResult =
  | { ok: true; installments: Installment[]; lastPaymentDate: string; totalCents: bigint }
  | {
      ok: false;
      problem: PlanScheduleProblem;
      /** plan_not_paid_by_pay_by: the smallest monthly amount that pays in full by payBy (absent when no payment date fits). */
      requiredMonthlyCents?: bigint;
      /** plan_not_paid_by_pay_by: when the proposed schedule would end. */
      lastPaymentDate?: string;
    };

/** The due date after `date` on `paymentDay` (the same day next month). */
function nextDue(date: string, paymentDay: number): string {
  return nextDayOfMonth(addDays(date, 1), paymentDay);
}

/** How many due dates on `paymentDay` fall from `first` through `until`, inclusive. */
function dueDatesThrough(first: string, paymentDay: number, until: string): number {
  let count = 0;
  for (let due = first; due <= until; due = nextDue(due, paymentDay)) count += 1;
  return count;
}

/**
 * Monthly payments of `monthlyCents` on `paymentDay`, from `firstPaymentDate`, until `owedCents`
 * is paid: every payment is the monthly amount except the last, which is what is left (never
 * more than the monthly amount), so the payments sum exactly to the amount owed. With `payBy`
 * (a short-term plan) the last payment must fall on or before it. A long-term schedule longer
 * than the streamlined maximum (72 payments) is refused; checking the minimum payment
 * (owed ÷ 72, or sooner before the CSED) is planTerms/checkProposedPayment's job.
 */
export function planInstallments(input: {
  owedCents: bigint;
  monthlyCents: bigint;
  paymentDay: number;
  firstPaymentDate: string;
  payBy?: string;
}): PlanScheduleResult {
  const { owedCents, monthlyCents, paymentDay, firstPaymentDate, payBy } = input;
  if (owedCents <= 0n) return { ok: false, problem: 'nothing_owed' };
  if (monthlyCents <= 0n) return { ok: false, problem: 'plan_payment_not_positive' };
  const day = checkDueDay(paymentDay);
  if (!day.ok) return day;
  if (!isIsoDate(firstPaymentDate) || Number(firstPaymentDate.slice(8)) !== paymentDay) {
    return { ok: false, problem: 'plan_first_payment_date_invalid' };
  }
  const months = (owedCents + monthlyCents - 1n) / monthlyCents;
  if (payBy === undefined && months > BigInt(STREAMLINED_MAX_MONTHS)) {
    return { ok: false, problem: 'plan_term_over_max_months' };
  }
  if (payBy !== undefined) {
    const available = isIsoDate(payBy) ? dueDatesThrough(firstPaymentDate, paymentDay, payBy) : 0;
    if (months > BigInt(available)) {
      const lastPaymentDate =
        months <= BigInt(STREAMLINED_MAX_MONTHS)
          ? lastDueDate(firstPaymentDate, paymentDay, Number(months))
          : undefined;
      return {
        ok: false,
        problem: 'plan_not_paid_by_pay_by',
        ...(available > 0 && {
          requiredMonthlyCents: (owedCents + BigInt(available) - 1n) / BigInt(available),
        }),
        ...(lastPaymentDate !== undefined && { lastPaymentDate }),
      };
    }
  }
  const installments: Installment[] = [];
  let left = owedCents;
  let date = firstPaymentDate;
  while (left > 0n) {
    const amountCents = left < monthlyCents ? left : monthlyCents;
    installments.push({ date, amountCents });
    left -= amountCents;
    date = nextDue(date, paymentDay);
  }
  return {
    ok: true,
    installments,
    lastPaymentDate: installments[installments.length - 1]!.date,
    totalCents: owedCents,
  };
}

function lastDueDate(first: string, paymentDay: number, count: number): string {
  let due = first;
  for (let i = 1; i < count; i += 1) due = nextDue(due, paymentDay);
  return due;
}

/**
 * The first payment date for a plan made on `today`: the first `paymentDay` (1–28) on or after
 * today + FIRST_PAYMENT_MIN_DAYS. Throws a RangeError on a day outside 1–28 or a bad date.
 */
export function firstPaymentDate(today: string, paymentDay: number): string {
  if (!isIsoDate(today)) throw new RangeError(`Not a YYYY-MM-DD date: ${today}`);
  if (!checkDueDay(paymentDay).ok) throw new RangeError(`Payment day out of range: ${paymentDay}`);
  return nextDayOfMonth(addDays(today, FIRST_PAYMENT_MIN_DAYS), paymentDay);
}

/** The next `count` installments due on or after `today` (one due today is still to come). */
export function nextInstallments(
  schedule: readonly Installment[],
  today: string,
  count: number,
): Installment[] {
  return schedule.filter((i) => i.date >= today).slice(0, Math.max(0, count));
}

// ---------------------------------------------------------------------------------------------
// Missed payments

export interface PaymentReceived {
  /** The date the payment was made (settled or, for a card, authorized), YYYY-MM-DD. */
  date: string;
  amountCents: bigint;
}

export interface MissedInstallment extends Installment {
  /** What the payments received cover of this installment (less than amountCents). */
  paidCents: bigint;
  unpaidCents: bigint;
  /** Calendar days since the due date. */
  daysLate: number;
}

export interface MissedResult {
  missed: MissedInstallment[];
  /** The sum of unpaidCents over the missed installments: what cures the default. */
  pastDueCents: bigint;
  /** Payments received on or before today. */
  receivedCents: bigint;
}

/**
 * The installments past due and not fully paid at `today`. Payments received on or before today
 * are added up and cover the installments in date order; an installment not fully covered is
 * missed once today is later than its due date + graceDays.
 */
export function missedInstallments(input: {
  schedule: readonly Installment[];
  paymentsReceived: readonly PaymentReceived[];
  today: string;
  graceDays?: number;
}): MissedResult {
  const { schedule, paymentsReceived, today } = input;
  const graceDays = input.graceDays ?? MISSED_PAYMENT_GRACE_DAYS;
  if (!Number.isInteger(graceDays) || graceDays < 0)
    throw new RangeError('graceDays must be a whole number ≥ 0');
  const receivedCents = paymentsReceived
    .filter((p) => p.date <= today && p.amountCents > 0n)
    .reduce((sum, p) => sum + p.amountCents, 0n);
  let credit = receivedCents;
  const missed: MissedInstallment[] = [];
  for (const installment of [...schedule].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))) {
    const paidCents = credit < installment.amountCents ? credit : installment.amountCents;
    credit -= paidCents;
    const pastDue = daysBetween(addDays(installment.date, graceDays), today) > 0;
    if (pastDue && paidCents < installment.amountCents) {
      missed.push({
        ...installment,
        paidCents,
        unpaidCents: installment.amountCents - paidCents,
        daysLate: daysBetween(installment.date, today),
      });
    }
  }
  return { missed, pastDueCents: missed.reduce((sum, m) => sum + m.unpaidCents, 0n), receivedCents };
}

// ---------------------------------------------------------------------------------------------
// Status after a missed payment

export type PlanStatus = 'active' | 'default_warning' | 'defaulted';

export type PlanStatusAction =
  /** Nothing changes. */
  | 'none'
  /** Send the default warning (CP523) dated today; the person has until respondBy. */
  | 'send_default_warning'
  /** What was missed is paid: the warning is lifted. */
  | 'warning_cured'
  /** respondBy passed with a payment still missed: the plan is defaulted (terminated). */
  | 'default_plan';

export interface PlanStatusResult {
  status: PlanStatus;
  action: PlanStatusAction;
  /** While default_warning: the last day to pay what is missed (notice date + 30 days). */
  respondBy?: string;
}

/**
 * The plan's status at `today`, from its current status and what is missed:
 * active → default_warning (send CP523) when a payment is missed; default_warning → active when
 * it is paid, → defaulted when the response period has passed and it is not; defaulted stays
 * defaulted (reinstating is a new request with its fee). `warningNoticeDate` is required while
 * the status is default_warning.
 */
export function planStatusAfterMissed(input: {
  status: PlanStatus;
  missed: readonly MissedInstallment[];
  today: string;
  warningNoticeDate?: string;
}): PlanStatusResult {
  const { status, missed, today } = input;
  if (status === 'defaulted') return { status, action: 'none' };
  if (status === 'active') {
    if (missed.length === 0) return { status, action: 'none' };
    return {
      status: 'default_warning',
      action: 'send_default_warning',
      respondBy: addDays(today, DEFAULT_WARNING_RESPONSE_DAYS),
    };
  }
  if (!input.warningNoticeDate || !isIsoDate(input.warningNoticeDate)) {
    throw new RangeError('A plan in default_warning needs the date of its warning notice');
  }
  if (missed.length === 0) return { status: 'active', action: 'warning_cured' };
  const respondBy = addDays(input.warningNoticeDate, DEFAULT_WARNING_RESPONSE_DAYS);
  if (today > respondBy) return { status: 'defaulted', action: 'default_plan' };
  return { status: 'default_warning', action: 'none', respondBy };
}

// ---------------------------------------------------------------------------------------------
// Revising a plan

export interface CurrentPlanTerms {
  monthlyCents: bigint;
  paymentDay: number;
  directDebit: boolean;
  /** The minimum monthly payment for the balance now (planTerms on the current balance). */
  minimumCents: bigint;
}

export interface PlanChange {
  monthlyCents?: bigint;
  paymentDay?: number;
  /** true to convert to a direct debit agreement (false or absent: no change of method). */
  convertToDirectDebit?: boolean;
}

export type RevisionProblem = ProposedPaymentProblem | DueDayProblem | 'plan_revision_nothing_changed';

export type RevisionChange = 'monthly_amount' | 'payment_day' | 'direct_debit';

export interface RevisionTerms {
  ok: boolean;
  /** The user fee kind for this revision (planUserFee gives the amount by channel and income). */
  feeKind: PlanFeeKind;
  problems: RevisionProblem[];
  changes: RevisionChange[];
  /** The terms after the revision (meaningful when ok). */
  next: { monthlyCents: bigint; paymentDay: number; directDebit: boolean };
}

/** What a requested change to a plan does: the fee kind, what changes, and any problems. */
export function revisionTerms(current: CurrentPlanTerms, change: PlanChange): RevisionTerms {
  const problems: RevisionProblem[] = [];
  const changes: RevisionChange[] = [];
  const next = {
    monthlyCents: change.monthlyCents ?? current.monthlyCents,
    paymentDay: change.paymentDay ?? current.paymentDay,
    directDebit: current.directDebit || change.convertToDirectDebit === true,
  };
  if (change.monthlyCents !== undefined && change.monthlyCents !== current.monthlyCents) {
    changes.push('monthly_amount');
    const check = checkProposedPayment({
      monthlyCents: change.monthlyCents,
      minimumCents: current.minimumCents,
    });
    if (!check.ok) problems.push(check.problem);
  }
  if (change.paymentDay !== undefined && change.paymentDay !== current.paymentDay) {
    changes.push('payment_day');
    const check = checkDueDay(change.paymentDay);
    if (!check.ok) problems.push(check.problem);
  }
  if (next.directDebit !== current.directDebit) changes.push('direct_debit');
  if (changes.length === 0) problems.push('plan_revision_nothing_changed');
  return {
    ok: problems.length === 0,
    feeKind: revisionFeeKind(current.directDebit),
    problems,
    changes,
    next,
  };
}

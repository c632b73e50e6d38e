// The money engine: a tax module's tax, penalties and interest as of any date, to the cent.
// Pure and exact: integer cents and fixed-point BigInt (src/platform/money/decimal.ts), never a
// float. Issue #7 §3; the rules and their sources are in ../shared/reference/domain.md §2 and
// docs/adr/0009-money-engine.md. Every modelling decision, with its source:
//
// Dates and "as of"
// - The result "as of" a date is what is owed at the end of that day, after that day's payments:
//   the amount that, paid that day, settles the module (the payoff amount). A date in the future
//   gives the payoff amount for that date, assuming nothing else is paid before it. Payments
//   dated after asOf are left out. An asOf before the due date gives the tax alone.
// - `dueDate` is both the return due date and the date the tax was due: interest on the tax
//   runs from it (IRC 6601(a)), and so do both penalties. A return on extension, whose tax was
//   due earlier than the return, needs a separate payment due date, which the scenario does not
//   have (with the extended date as dueDate the engine undercharges interest and failure to pay).
// - `tax` is the unpaid tax at the due date, i.e. the tax shown (or required to be shown) less
//   timely payments and credits. Less any payment dated on the due date itself (also timely),
//   it is the "net amount due" of IRC 6651(b)(1), the base of the failure-to-file penalty; it is
//   the base of the failure-to-pay penalty until payments reduce it.
//
// Interest (interest.ts): IRC 6621(a)(2) quarterly rates, compounded daily with 365- or 366-day
// years (IRC 6622; Rev. Proc. 95-17), for the days after the day an amount became due through
// asOf. It runs
// - on the tax from the due date (IRC 6601(a));
// - on the failure-to-file penalty from the due date, with extensions (IRC 6601(e)(2)(B)) — a
//   month's charge, when it is charged, brings the interest on it since the due date with it;
// - on the failure-to-pay penalty from the notice-and-demand date, and not at all if it is paid
//   within 21 calendar days of the notice (10 business days when the notice is for $100,000 or
//   more) (IRC 6601(e)(2)(A)): charges made on or before `noticeDate` bear interest from
//   `noticeDate` once that period has passed without them being paid; charges made after it
//   bear interest from the day they are charged (a later notice would demand them; we do not
//   model separate notices). Without a `noticeDate` each monthly charge bears interest from the
//   day it is charged: a notice and demand (CP14) follows assessment within weeks, so this never
//   understates a payoff, and a scenario that knows its notice date should give it.
// - on interest itself (daily compounding, IRC 6622(a)).
// Not modelled: the 21-day interest-free period of IRC 6601(e)(3) for tax paid after notice and
// demand, interest suspension (IRC 6404(g)), interest on overpayments (IRC 6611), a separate
// payment due date for extensions, and the estimated-tax penalty (IRC 6654).
//
// Failure to file (failure-to-file.ts): 5% a month or part of a month of the net amount due
// (payments after the due date do not reduce it, IRC 6651(b)(1)), at most 5 months; reduced by
// the failure-to-pay charge of the same month (IRC 6651(c)(1)); at least the minimum penalty
// once the return is more than 60 days late (the minimum is applied after the reduction [U]).
// A return not filed as of asOf is late through asOf.
//
// Failure to pay (failure-to-pay.ts): 0.5% a month or part of a month of the tax unpaid at the
// beginning of the month, 0.25% while an installment agreement is in effect for an on-time
// filer, 1% for months beginning more than 10 days after a notice of intent to levy; at most 25%.
//
// Months: month k runs from the day after the (k−1)-th monthly anniversary of the due date to
// the k-th (Treas. Reg. 301.6651-1(a)(1) example). A month's charges are made on its first day,
// so a payment made that day no longer avoids them, and the result as of that day includes them.
// Every monthly charge is rounded to the cent, half-up.
//
// Payments (payments.ts) apply to tax, then penalties, then interest; an overpayment is a credit
// that absorbs later charges as they are made, and is otherwise reported as `credit`.
import { formatCents } from '#platform/money/decimal.ts';
import { civilDate } from './calendar.ts';
import { failureToFileMonthCharge, minimumFailureToFile, minimumPenaltyDay } from './failure-to-file.ts';
import {
  failureToPayRateBp,
  noticePaymentPeriodEnd,
  roundedCharge,
  type FailureToPayTerms,
} from './failure-to-pay.ts';
import { monthlyDays, monthOffset } from './interest.ts';
import { Ledger } from './ledger.ts';
import { FAILURE_TO_FILE_MAX_MONTHS, FAILURE_TO_PAY_CAP_BP } from './penalty-rules.ts';
import {
  MoneyInputError,
  normalizeScenario,
  parseMoneyScenario,
  type MoneyResult,
  type MoneyScenario,
  type NormalizedScenario,
} from './scenario.ts';

export { MoneyInputError, parseMoneyScenario, type MoneyResult, type MoneyScenario };

const NEVER = Number.MAX_SAFE_INTEGER;

/** The balance of one tax module as of `scenario.asOf`. Throws MoneyInputError on a bad scenario. */
export function computeBalance(scenario: MoneyScenario): MoneyResult {
  const s = normalizeScenario(scenario);
  const ledger = s.asOf < s.due ? new Ledger(s.taxCents, s.due) : run(s);
  const interest = s.asOf < s.due ? 0n : ledger.interestOn(s.asOf);
  const failureToPay = ledger.failureToPayPending + ledger.failureToPayBearing;
  return {
    tax: formatCents(ledger.tax),
    failureToFile: formatCents(ledger.failureToFile),
    failureToPay: formatCents(failureToPay),
    interest: formatCents(interest),
    balanceDue: formatCents(ledger.tax + ledger.failureToFile + failureToPay + interest),
    credit: formatCents(ledger.credit),
  };
}

/** Everything that happens from the due date through asOf, in date order. */
function run(s: NormalizedScenario): Ledger {
  return new ModuleRun(s).run();
}

class ModuleRun {
  private readonly ledger: Ledger;
  private readonly due: number;
  private readonly asOf: number;
  private readonly notice: number | null;
  private readonly payments: NormalizedScenario['payments'];
  private paymentIndex = 0;

  // Failure to file: late through the filing date, or through asOf when not filed by then.
  private readonly lateFiling: boolean;
  private readonly lateThrough: number;
  private readonly monthlyFailureToFile: bigint;
  private readonly minimum: bigint;
  private minimumDay: number;
  /** Σ monthly failure-to-file charges less the failure to pay of those months. */
  private failureToFileNet = 0n;
  private failureToFileFloor = 0n;
  private failureToFileCharged = 0n;

  // Failure to pay.
  private readonly terms: FailureToPayTerms;
  private failureToPayOpen: boolean;
  private capLeft = FAILURE_TO_PAY_CAP_BP;

  // Notice and demand: the failure to pay charged by then bears interest from it, unless paid
  // within the period that follows.
  private noticeDay: number;
  private pendingInterestDay = NEVER;

  // Month k begins on startDay[firstMonth + k − 1].
  private readonly startDay: Int32Array;
  private readonly inverseSums: bigint[];
  private readonly firstMonth: number;
  private k = 1;

  constructor(s: NormalizedScenario) {
    this.due = s.due;
    this.asOf = s.asOf;
    this.notice = s.notice;
    this.payments = s.payments;
    this.ledger = new Ledger(s.taxCents, s.due);
    const filed = s.filed !== null && s.filed <= s.asOf ? s.filed : null;
    this.lateFiling = filed === null || filed > s.due;
    this.lateThrough = filed ?? s.asOf;
    // The net amount due (IRC 6651(b)(1)): the tax less what was paid by the due date. `tax`
    // already excludes earlier payments; a payment dated on the due date is timely as well.
    let netDue = s.taxCents;
    for (const payment of s.payments) if (payment.day === s.due) netDue -= payment.cents;
    if (netDue < 0n) netDue = 0n;
    this.monthlyFailureToFile = failureToFileMonthCharge(netDue);
    this.minimum = minimumFailureToFile(s.due, netDue);
    const minimumDay = minimumPenaltyDay(s.due);
    this.minimumDay =
      this.lateFiling && this.minimum > 0n && this.lateThrough >= minimumDay ? minimumDay : NEVER;
    this.terms = {
      filedOnTime: filed !== null && filed <= s.due,
      installment: s.installment,
      levyNotice: s.levyNotice,
    };
    this.failureToPayOpen = s.taxCents > 0n;
    this.noticeDay = s.notice !== null && s.notice <= s.asOf ? s.notice : NEVER;
    const days = monthlyDays(civilDate(s.due).day);
    this.startDay = days.startDay;
    this.inverseSums = days.prefix;
    this.firstMonth = monthOffset(s.due);
  }

  run(): Ledger {
    for (;;) {
      const monthDay = this.monthStart(this.k);
      const month =
        this.failureToPayOpen ||
        (this.lateFiling && this.k <= FAILURE_TO_FILE_MAX_MONTHS && monthDay <= this.lateThrough)
          ? monthDay
          : NEVER;
      const paymentDay =
        this.paymentIndex < this.payments.length ? this.payments[this.paymentIndex]!.day : NEVER;
      const next = Math.min(month, this.minimumDay, this.noticeDay, this.pendingInterestDay, paymentDay);
      if (next > this.asOf) return this.ledger;
      // On one day: the month's charges, the minimum, the notice, interest on pending penalty,
      // then the payments.
      if (next === month) this.chargeMonths(next, paymentDay);
      else if (next === this.minimumDay) {
        this.failureToFileFloor = this.minimum;
        this.chargeFailureToFile(next);
        this.minimumDay = NEVER;
      } else if (next === this.noticeDay) {
        this.pendingInterestDay = noticePaymentPeriodEnd(next, this.ledger.owedOn(next)) + 1;
        this.noticeDay = NEVER;
      } else if (next === this.pendingInterestDay) {
        this.ledger.startPendingInterest(this.notice!);
        this.pendingInterestDay = NEVER;
      } else {
        let cents = 0n;
        while (this.paymentIndex < this.payments.length && this.payments[this.paymentIndex]!.day === next) {
          cents += this.payments[this.paymentIndex]!.cents;
          this.paymentIndex += 1;
        }
        this.ledger.pay(next, cents);
      }
    }
  }

  private monthStart(k: number): number {
    return this.startDay[this.firstMonth + k - 1] ?? NEVER;
  }

  private isPending(day: number): boolean {
    return this.notice !== null && day <= this.notice;
  }

  /** The charges of month k, which begins on `day` — or of a run of months from it. */
  private chargeMonths(day: number, paymentDay: number): void {
    const ledger = this.ledger;
    if (this.failureToPayOpen && ledger.tax === 0n) this.failureToPayOpen = false; // paid: stops for good
    if (this.k <= FAILURE_TO_FILE_MAX_MONTHS) {
      // One month at a time while failure to file can run.
      let failureToPay = 0n;
      if (this.failureToPayOpen) {
        const bp = Math.min(failureToPayRateBp(day, this.terms), this.capLeft);
        this.capLeft -= bp;
        if (this.capLeft === 0) this.failureToPayOpen = false;
        failureToPay = roundedCharge(ledger.tax, BigInt(bp));
        this.chargeFailureToPay(failureToPay, day);
      }
      if (this.lateFiling && day <= this.lateThrough) {
        this.failureToFileNet += this.monthlyFailureToFile - failureToPay;
        this.chargeFailureToFile(day);
      }
      this.k += 1;
      return;
    }
    if (!this.failureToPayOpen) {
      this.k += 1;
      return;
    }
    const bp = failureToPayRateBp(day, this.terms);
    if (bp >= this.capLeft) {
      this.chargeFailureToPay(roundedCharge(ledger.tax, BigInt(this.capLeft)), day);
      this.capLeft = 0;
      this.failureToPayOpen = false;
      this.k += 1;
      return;
    }
    // A run of months with the same base (no payment before the last one begins), rate and
    // interest treatment, charged in one step.
    const pending = this.isPending(day);
    const limit = Math.min(this.asOf, paymentDay, pending ? this.notice! : NEVER);
    let count = 1;
    for (;;) {
      const following = this.monthStart(this.k + count);
      if (following > limit || bp * (count + 1) > this.capLeft) break;
      if (failureToPayRateBp(following, this.terms) !== bp || this.isPending(following) !== pending) break;
      count += 1;
    }
    const cents = roundedCharge(ledger.tax, BigInt(bp));
    if (pending) ledger.chargePending(cents * BigInt(count), day);
    else {
      const from = this.firstMonth + this.k - 1;
      ledger.chargeMonthlyBearing(
        cents,
        count,
        this.inverseSums[from + count]! - this.inverseSums[from]!,
        day,
      );
    }
    this.capLeft -= bp * count;
    if (this.capLeft === 0) this.failureToPayOpen = false;
    this.k += count;
  }

  private chargeFailureToPay(cents: bigint, day: number): void {
    if (this.isPending(day)) this.ledger.chargePending(cents, day);
    else this.ledger.chargeBearing('failureToPay', cents, day, day);
  }

  /** Charges what the failure-to-file total has grown by; it bears interest from the due date. */
  private chargeFailureToFile(day: number): void {
    const total =
      this.failureToFileNet > this.failureToFileFloor ? this.failureToFileNet : this.failureToFileFloor;
    this.ledger.chargeBearing('failureToFile', total - this.failureToFileCharged, this.due, day);
    this.failureToFileCharged = total;
  }
}

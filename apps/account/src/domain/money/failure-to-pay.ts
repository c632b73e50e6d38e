// Failure to pay, IRC 6651(a)(2):
// - A month's charge is a rate times the tax still unpaid at the beginning of the month (IRC
//   6651(b)(2): the tax shown is reduced by what "is paid on or before the beginning of such
//   month"). Months are those of calendar.ts: month k begins the day after the (k−1)-th monthly
//   anniversary of the due date. We read "the beginning" as the start of that first day, so a
//   payment made during it — even on the first day — still leaves the whole month charged:
//   "full monthly charge even if paid mid-month" (irs.gov failure-to-pay page, domain.md).
//   So a month's base is the tax unpaid after every payment dated before its first day.
// - Rates, for the month as it begins:
//   - 0.25% while an installment agreement is in effect (IRC 6651(h)), only for an individual
//     whose return was filed on time (including extensions). "In effect" is read as in effect
//     on the first day of the month [U: the IRM's rule for part months was not found];
//   - 1% for months beginning after the day 10 days after a notice of intent to levy (IRC
//     6651(d); Chief Counsel: the increase starts "at the beginning of the month following the
//     day which is 10 days after" the notice);
//   - 0.5% otherwise.
//   When an agreement is in effect after a levy notice we charge 0.25%: a levy may not be made
//   while an agreement is in effect (IRC 6331(k)(2)) [U: no text found on which of 6651(d) and
//   6651(h) prevails].
// - At most 25% in the aggregate: the monthly rates add up to at most 25 percentage points (50
//   months at 0.5%); the month that would pass the cap is charged only what is left of it.
// - The penalty stops once the tax is paid; it runs from the due date whether or not the return
//   was filed, i.e. as it will be assessed when the return is filed (IRC 6651(g) treats a
//   substitute return the same way).
// - Each month's charge is rounded to the cent, half-up.
import {
  BASIS_POINTS,
  FAILURE_TO_PAY_BP_PER_MONTH,
  FAILURE_TO_PAY_INSTALLMENT_BP_PER_MONTH,
  FAILURE_TO_PAY_LEVY_BP_PER_MONTH,
  LEVY_NOTICE_DAYS,
  NOTICE_LARGE_AMOUNT_CENTS,
  NOTICE_PAYMENT_BUSINESS_DAYS_LARGE,
  NOTICE_PAYMENT_DAYS,
} from './penalty-rules.ts';
import { addBusinessDays } from './calendar.ts';

export interface FailureToPayTerms {
  /** The return was filed on or before the due date. */
  filedOnTime: boolean;
  installment: { from: number; to: number | null } | null;
  levyNotice: number | null;
}

/** The rate in basis points for the month beginning on `monthStart`. */
export function failureToPayRateBp(monthStart: number, terms: FailureToPayTerms): number {
  const plan = terms.installment;
  if (
    terms.filedOnTime &&
    plan !== null &&
    plan.from <= monthStart &&
    (plan.to === null || monthStart <= plan.to)
  ) {
    return FAILURE_TO_PAY_INSTALLMENT_BP_PER_MONTH;
  }
  if (terms.levyNotice !== null && monthStart > terms.levyNotice + LEVY_NOTICE_DAYS) {
    return FAILURE_TO_PAY_LEVY_BP_PER_MONTH;
  }
  return FAILURE_TO_PAY_BP_PER_MONTH;
}

/** base × rate, to the cent (half-up). */
export function roundedCharge(baseCents: bigint, bp: bigint): bigint {
  // divRound(baseCents × bp, BASIS_POINTS) for a non-negative base, in one division.
  return (baseCents * bp + HALF_BASIS_POINTS) / BASIS_POINTS;
}

const HALF_BASIS_POINTS = BASIS_POINTS / 2n;

/**
 * The last day of the interest-free period after notice and demand (IRC 6601(e)(2)(A)): 21
 * calendar days, or 10 business days when the notice is for $100,000 or more (weekends skipped;
 * federal holidays are not modelled).
 */
export function noticePaymentPeriodEnd(noticeDay: number, noticeAmountCents: bigint): number {
  return noticeAmountCents >= NOTICE_LARGE_AMOUNT_CENTS
    ? addBusinessDays(noticeDay, NOTICE_PAYMENT_BUSINESS_DAYS_LARGE)
    : noticeDay + NOTICE_PAYMENT_DAYS;
}

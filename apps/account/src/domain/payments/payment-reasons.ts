// What a payment is for, which tax years each reason applies to, and the checks on the first
// step of the payment form (year, reason, amount, date). Pure: "today" and the balances are
// arguments.
//
// Sources:
// - Reasons, as IRS Direct Pay offers them: balance due, estimated tax (Form 1040-ES),
//   extension (Form 4868), amended return (1040-X) — issue #8; domain.md "Payments".
// - Estimated tax for a tax year is paid during it and up to the January 15 installment of the
//   next year (IRC 6654(c); domain.md "Estimated tax"); we offer the current year, and the
//   previous one until its return due date (a late 4th installment still counts for it).
// - An extension payment (Form 4868) is for the year whose return is due next, and only up to
//   that due date [V] Form 4868 instructions ("pay by the regular due date").
// - The return due date is April 15 of the next year, moved to the next day that is not a
//   weekend or a legal holiday (IRC 7503) [V]. "Legal holiday" includes those of the District of
//   Columbia: DC Emancipation Day, April 16, observed the Friday before when it is a Saturday and
//   the Monday after when it is a Sunday (Rev. Rul. 2015-13 [S]; the IRS due dates were April 18,
//   2017 and 2023, and April 17, 2018, for it).
// - An extension payment, and an estimated-tax payment for a past year, must be dated on or
//   before that year's return due date (after it, it is a balance-due payment).
// - Largest single payment through Direct Pay: $9,999,999.99 [U] (Direct Pay help says larger
//   payments go by wire / EFTPS); data, so the agency can set it.
import { federalHolidayOn, isCoveredByHolidayCalendar, isWeekend } from './federal-holidays.ts';
import { addDays } from '../records/agency-date.ts';
import { checkPaymentDate, type PaymentDateProblem } from './scheduling.ts';

export type PaymentReason = 'balance_due' | 'estimated_tax' | 'extension' | 'amended_return';
export const PAYMENT_REASONS: readonly PaymentReason[] = [
  'balance_due',
  'estimated_tax',
  'extension',
  'amended_return',
];

export const MAX_PAYMENT_CENTS = 999_999_999n;

/** DC Emancipation Day (April 16) as observed in `year`. */
export function emancipationDayObserved(year: number): string {
  const april16 = `${year}-04-16`;
  const weekday = new Date(`${april16}T00:00:00Z`).getUTCDay();
  return weekday === 6 ? `${year}-04-15` : weekday === 0 ? `${year}-04-17` : april16;
}

/** April 15 after the tax year, or the next day that is not a weekend or legal holiday (IRC 7503). */
export function returnDueDate(taxYear: number): string {
  const emancipation = emancipationDayObserved(taxYear + 1);
  const holiday = (day: string) =>
    day === emancipation || (isCoveredByHolidayCalendar(day) && federalHolidayOn(day) !== undefined);
  let day = `${taxYear + 1}-04-15`;
  while (isWeekend(day) || holiday(day)) day = addDays(day, 1);
  return day;
}

/** What the form knows of the taxpayer's years. */
export interface YearsOnFile {
  /** Tax years with a return or an account on file, with what is owed on the payment date. */
  modules: readonly { taxYear: number; filed: boolean; balanceCents: bigint }[];
}

/** The tax years a payment for `reason` may go to, newest first. */
export function taxYearsFor(reason: PaymentReason, today: string, onFile: YearsOnFile): number[] {
  const year = Number(today.slice(0, 4));
  switch (reason) {
    case 'balance_due':
      return onFile.modules.filter((m) => m.balanceCents > 0n).map((m) => m.taxYear);
    case 'amended_return':
      return onFile.modules.filter((m) => m.filed).map((m) => m.taxYear);
    case 'estimated_tax':
      return today <= returnDueDate(year - 1) ? [year, year - 1] : [year];
    case 'extension':
      return today <= returnDueDate(year - 1) &&
        !onFile.modules.some((m) => m.taxYear === year - 1 && m.filed)
        ? [year - 1]
        : [];
  }
}

/** "$1,234.56", "1234.5", "1234" → cents; undefined when it is not an amount of money. */
export function parseAmount(raw: string): bigint | undefined {
  const text = raw.trim().replace(/^\$\s*/, '');
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/.test(text)) return undefined;
  const [whole, fraction = ''] = text.replace(/,/g, '').split('.') as [string, string?];
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

export type DetailsField = 'reason' | 'taxYear' | 'amount' | 'paymentDate' | 'confirmOverBalance';

export type DetailsProblem =
  | 'reason_missing'
  | 'tax_year_missing'
  | 'tax_year_not_allowed'
  | 'amount_invalid'
  | 'amount_not_positive'
  | 'amount_too_large'
  | 'over_balance_unconfirmed'
  | 'payment_date_after_due_date'
  | PaymentDateProblem;

export interface DetailsInput {
  reason: string;
  taxYear: string;
  amount: string;
  paymentDate: string;
  confirmOverBalance: boolean;
}

export interface PaymentDetails {
  reason: PaymentReason;
  taxYear: number;
  amountCents: bigint;
  paymentDate: string;
  /** The amount is more than the year's balance and the person said that is what they meant. */
  overBalanceConfirmed: boolean;
}

export type DetailsResult =
  | { ok: true; details: PaymentDetails }
  | {
      ok: false;
      problems: Partial<Record<DetailsField, DetailsProblem>>;
      overBalance?: { balanceCents: bigint };
    };

/**
 * The first step's checks. `balanceOn(taxYear, date)` is the year's balance on the payment
 * date (what paying it off would cost then), asked only for a balance-due payment.
 */
export function checkPaymentDetails(
  input: DetailsInput,
  now: Date,
  today: string,
  onFile: YearsOnFile,
  balanceOn: (taxYear: number, date: string) => bigint,
): DetailsResult {
  const problems: Partial<Record<DetailsField, DetailsProblem>> = {};
  const reason = PAYMENT_REASONS.find((r) => r === input.reason);
  if (!reason) problems.reason = 'reason_missing';
  const year = /^\d{4}$/.test(input.taxYear.trim()) ? Number(input.taxYear.trim()) : undefined;
  if (year === undefined) problems.taxYear = 'tax_year_missing';
  else if (reason && !taxYearsFor(reason, today, onFile).includes(year))
    problems.taxYear = 'tax_year_not_allowed';
  const amount = parseAmount(input.amount);
  if (amount === undefined) problems.amount = 'amount_invalid';
  else if (amount <= 0n) problems.amount = 'amount_not_positive';
  else if (amount > MAX_PAYMENT_CENTS) problems.amount = 'amount_too_large';
  const date = checkPaymentDate(input.paymentDate, now);
  if (!date.ok) problems.paymentDate = date.problem;
  const pastYearOnly =
    reason === 'extension' ||
    (reason === 'estimated_tax' && year !== undefined && year < Number(today.slice(0, 4)));
  if (date.ok && year !== undefined && !problems.taxYear && pastYearOnly && date.date > returnDueDate(year))
    problems.paymentDate = 'payment_date_after_due_date';
  if (Object.keys(problems).length > 0 || !reason || year === undefined || amount === undefined || !date.ok)
    return { ok: false, problems };
  let overBalanceConfirmed = false;
  if (reason === 'balance_due') {
    const balanceCents = balanceOn(year, date.date);
    if (amount > balanceCents) {
      if (!input.confirmOverBalance)
        return {
          ok: false,
          problems: { confirmOverBalance: 'over_balance_unconfirmed' },
          overBalance: { balanceCents },
        };
      overBalanceConfirmed = true;
    }
  }
  return {
    ok: true,
    details: { reason, taxYear: year, amountCents: amount, paymentDate: date.date, overBalanceConfirmed },
  };
}

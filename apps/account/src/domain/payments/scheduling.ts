// When a payment may be made, until when it may be changed or cancelled, and the statuses a
// payment moves through (pure, no I/O: "now" is always an argument).
//
// Sources:
// - Schedule up to 365 days ahead: IRS Direct Pay (domain.md "Payments", [S] Direct Pay Help as
//   cited by legalclarity.org); card payments through the processors also 365 days, IR-2020-70
//   [V]. Issue #8: "Schedule up to 365 days ahead." A payment in the past is refused (issue #8).
//   "365 days" is counted in calendar days, so from 2024-01-01 (a leap year) the last date is
//   2024-12-31, not 2025-01-01.
// - Change or cancel until 11:59 p.m. Eastern two business days before the payment date:
//   issue #8; EFW/EFTPS rule "a Monday payment can't be cancelled after Thursday 11:59 p.m." [V]
//   IR-2020-70 / Pub 4990 (domain.md). [S] Direct Pay itself is offline 11:45 p.m.–midnight ET,
//   so its effective cutoff is 11:45 p.m.; the time is data (CHANGE_CUTOFF) so the agency can set it.
//   "Until 11:59 p.m." is read as: allowed up to and including the instant 23:59:00.000 Eastern,
//   refused from 23:59:00.001 on ("can't be cancelled AFTER Thursday 11:59 p.m.").
//   The cutoff day is found by counting two business days back from the payment date (the payment
//   date itself is not counted), with weekends and observed federal holidays skipped
//   (./federal-holidays.ts). Eastern time is America/New_York through Intl, so the same wall-clock
//   cutoff is 04:59 UTC under EST and 03:59 UTC under EDT.
// - Statuses: issue #8 ("scheduled, pending, settled, cancelled or returned"). The transitions are
//   the declared table PAYMENT_STATUS_TRANSITIONS (scheduled → pending → settled | returned;
//   scheduled → cancelled). [U] An ACH return (R01, insufficient funds) can arrive after the
//   payment settled; if the flows post at settlement they may need settled → returned as well.
import { addDays, AGENCY_TIME_ZONE, agencyToday, daysBetween } from '../records/agency-date.ts';
import { addBusinessDays, isCoveredByHolidayCalendar } from './federal-holidays.ts';

/** Latest payment date, in calendar days after the agency's today (inclusive). */
export const SCHEDULE_MAX_DAYS_AHEAD = 365;
/** Business days before the payment date on which changes close. */
export const CHANGE_CUTOFF_BUSINESS_DAYS = 2;
/** Wall-clock time, in the agency's time zone, at which changes close on the cutoff day. */
export const CHANGE_CUTOFF = { hour: 23, minute: 59, timeZone: AGENCY_TIME_ZONE } as const;

// ---------------------------------------------------------------------------------------------
// Payment date

export type PaymentDateProblem =
  'payment_date_invalid' | 'payment_date_past' | 'payment_date_too_far' | 'payment_date_not_covered';

export type PaymentDateResult =
  | { ok: true; date: string; today: string; latest: string }
  | { ok: false; problem: PaymentDateProblem; today: string; latest: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A payment date: today (Eastern) up to SCHEDULE_MAX_DAYS_AHEAD days ahead, inclusive. */
export function checkPaymentDate(date: string, now: Date): PaymentDateResult {
  const today = agencyToday(now);
  const latest = addDays(today, SCHEDULE_MAX_DAYS_AHEAD);
  const text = date.trim();
  if (!isIsoDate(text)) return { ok: false, problem: 'payment_date_invalid', today, latest };
  if (text < today) return { ok: false, problem: 'payment_date_past', today, latest };
  if (daysBetween(today, text) > SCHEDULE_MAX_DAYS_AHEAD) {
    return { ok: false, problem: 'payment_date_too_far', today, latest };
  }
  if (!isCoveredByHolidayCalendar(text))
    return { ok: false, problem: 'payment_date_not_covered', today, latest };
  return { ok: true, date: text, today, latest };
}

// ---------------------------------------------------------------------------------------------
// Wall-clock time in a time zone → instant

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Minutes the zone is ahead of UTC at this instant (America/New_York: −300 EST, −240 EDT). */
export function zoneOffsetMinutes(instantMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const wholeSeconds = Math.floor(instantMs / 1000) * 1000;
  return Math.round((asUtc - wholeSeconds) / 60_000);
}

/**
 * The instant at which the clocks in `timeZone` show `date` `hour`:`minute`. When that time
 * happens twice (the autumn change), the earlier; when it does not happen (the spring gap), the
 * instant the same number of minutes after the gap's start (02:30 → 03:30 EDT).
 */
export function zonedInstant(date: string, hour: number, minute: number, timeZone: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const local = Date.UTC(y, m - 1, d, hour, minute);
  const first = local - zoneOffsetMinutes(local, timeZone) * 60_000;
  const offset = zoneOffsetMinutes(first, timeZone);
  const second = local - offset * 60_000;
  if (zoneOffsetMinutes(second, timeZone) === offset) return new Date(second);
  return new Date(Math.max(first, second));
}

// ---------------------------------------------------------------------------------------------
// Change / cancel cutoff

export interface ChangeCutoff {
  /** The business day on which changes close (YYYY-MM-DD, Eastern). */
  date: string;
  /** The last instant at which a change or cancellation is accepted. */
  instant: Date;
}

/** Until when a payment due on `paymentDate` may be changed or cancelled. */
export function changeCutoff(paymentDate: string): ChangeCutoff {
  const date = addBusinessDays(paymentDate, -CHANGE_CUTOFF_BUSINESS_DAYS);
  return {
    date,
    instant: zonedInstant(date, CHANGE_CUTOFF.hour, CHANGE_CUTOFF.minute, CHANGE_CUTOFF.timeZone),
  };
}

export type ChangeProblem = 'payment_not_changeable_status' | 'payment_change_cutoff_passed';

export type ChangeCheck =
  { ok: true; cutoff: ChangeCutoff } | { ok: false; problem: ChangeProblem; cutoff?: ChangeCutoff };

/** Whether a payment may still be changed or cancelled at `now` (only a scheduled one, before the cutoff). */
export function checkChangeOrCancel(
  payment: { status: PaymentStatus; paymentDate: string },
  now: Date,
): ChangeCheck {
  if (payment.status !== 'scheduled') return { ok: false, problem: 'payment_not_changeable_status' };
  const cutoff = changeCutoff(payment.paymentDate);
  if (now.getTime() > cutoff.instant.getTime())
    return { ok: false, problem: 'payment_change_cutoff_passed', cutoff };
  return { ok: true, cutoff };
}

// ---------------------------------------------------------------------------------------------
// Status lifecycle

export type PaymentStatus = 'scheduled' | 'pending' | 'settled' | 'returned' | 'cancelled';

export const PAYMENT_STATUSES: readonly PaymentStatus[] = [
  'scheduled',
  'pending',
  'settled',
  'returned',
  'cancelled',
];

/** Every legal move; anything not listed is refused. settled, returned and cancelled are final. */
export const PAYMENT_STATUS_TRANSITIONS: Readonly<Record<PaymentStatus, readonly PaymentStatus[]>> = {
  scheduled: ['pending', 'cancelled'],
  pending: ['settled', 'returned'],
  settled: [],
  returned: [],
  cancelled: [],
};

export type TransitionResult =
  | { ok: true; from: PaymentStatus; to: PaymentStatus }
  | { ok: false; problem: 'payment_status_illegal_transition'; from: PaymentStatus; to: PaymentStatus };

export function transitionPaymentStatus(from: PaymentStatus, to: PaymentStatus): TransitionResult {
  return PAYMENT_STATUS_TRANSITIONS[from].includes(to)
    ? { ok: true, from, to }
    : { ok: false, problem: 'payment_status_illegal_transition', from, to };
}

export function isFinalPaymentStatus(status: PaymentStatus): boolean {
  return PAYMENT_STATUS_TRANSITIONS[status].length === 0;
}

// The federal holiday calendar, as data, and business days (pure, no I/O).
//
// Sources:
// - The holidays: 5 U.S.C. 6103(a) — New Year's Day (January 1); Birthday of Martin Luther King,
//   Jr. (third Monday in January); Washington's Birthday (third Monday in February); Memorial Day
//   (last Monday in May); Juneteenth National Independence Day (June 19, added by Pub. L. 117-17,
//   2021); Independence Day (July 4); Labor Day (first Monday in September); Columbus Day (second
//   Monday in October); Veterans Day (November 11); Thanksgiving Day (fourth Thursday in
//   November); Christmas Day (December 25).
// - Observed dates: 5 U.S.C. 6103(b) and Executive Order 11582 — a holiday falling on a Saturday
//   is observed the Friday before, on a Sunday the Monday after. So New Year's Day 2028 (a
//   Saturday) is observed on Friday, December 31, 2027, which is why that date is in the table.
// - Published lists: U.S. Office of Personnel Management (OPM), "Federal Holidays"
//   (opm.gov/policy-data-oversight/pay-leave/federal-holidays), one page per year 2024–2030.
//   The table below follows the rules above; test/unit/payments-federal-holidays.test.ts
//   recomputes it from the rules and checks dates from OPM's pages.
// Not in the table: Inauguration Day (5 U.S.C. 6103(c)), a holiday only for federal employees
// in the Washington, D.C. area, not a business-day rule for payments.
//
// [U] The Federal Reserve's ACH calendar differs in one way: when a holiday falls on a Saturday
// the Reserve Banks are OPEN the Friday before (frbservices.org holiday schedule). If the agency
// counts settlement days on the FedACH calendar rather than the federal one, the Friday-observed
// rows would not be holidays. We follow the issue: "federal holidays", so observed Fridays count.
//
// "Business day" here: Monday to Friday, not an observed federal holiday, and dates are
// YYYY-MM-DD strings (the agency's calendar date, U.S. Eastern; see records/agency-date.ts).
// Dates outside the years the table covers are refused with a RangeError rather than guessed:
// extend the table each year.
import { addDays } from '../records/agency-date.ts';

export type FederalHoliday =
  | 'new-years-day'
  | 'birthday-of-martin-luther-king-jr'
  | 'washingtons-birthday'
  | 'memorial-day'
  | 'juneteenth'
  | 'independence-day'
  | 'labor-day'
  | 'columbus-day'
  | 'veterans-day'
  | 'thanksgiving-day'
  | 'christmas-day';

export interface FederalHolidayRow {
  /** The holiday's own year (New Year's Day 2028 is observed in 2027). */
  year: number;
  holiday: FederalHoliday;
  /** The legal date (5 U.S.C. 6103(a)). */
  date: string;
  /** The day off (5 U.S.C. 6103(b), E.O. 11582): the Friday before a Saturday, Monday after a Sunday. */
  observed: string;
}

export const FEDERAL_HOLIDAY_SOURCE =
  '5 U.S.C. 6103; Executive Order 11582; OPM "Federal Holidays" (opm.gov/policy-data-oversight/pay-leave/federal-holidays)';

/** Calendar coverage: business-day arithmetic refuses dates outside it. */
export const FEDERAL_HOLIDAYS_COVER = { from: '2024-01-01', to: '2030-12-31' } as const;

export const FEDERAL_HOLIDAYS: readonly FederalHolidayRow[] = [
  { year: 2024, holiday: 'new-years-day', date: '2024-01-01', observed: '2024-01-01' },
  { year: 2024, holiday: 'birthday-of-martin-luther-king-jr', date: '2024-01-15', observed: '2024-01-15' },
  { year: 2024, holiday: 'washingtons-birthday', date: '2024-02-19', observed: '2024-02-19' },
  { year: 2024, holiday: 'memorial-day', date: '2024-05-27', observed: '2024-05-27' },
  { year: 2024, holiday: 'juneteenth', date: '2024-06-19', observed: '2024-06-19' },
  { year: 2024, holiday: 'independence-day', date: '2024-07-04', observed: '2024-07-04' },
  { year: 2024, holiday: 'labor-day', date: '2024-09-02', observed: '2024-09-02' },
  { year: 2024, holiday: 'columbus-day', date: '2024-10-14', observed: '2024-10-14' },
  { year: 2024, holiday: 'veterans-day', date: '2024-11-11', observed: '2024-11-11' },
  { year: 2024, holiday: 'thanksgiving-day', date: '2024-11-28', observed: '2024-11-28' },
  { year: 2024, holiday: 'christmas-day', date: '2024-12-25', observed: '2024-12-25' },
  { year: 2025, holiday: 'new-years-day', date: '2025-01-01', observed: '2025-01-01' },
  { year: 2025, holiday: 'birthday-of-martin-luther-king-jr', date: '2025-01-20', observed: '2025-01-20' },
  { year: 2025, holiday: 'washingtons-birthday', date: '2025-02-17', observed: '2025-02-17' },
  { year: 2025, holiday: 'memorial-day', date: '2025-05-26', observed: '2025-05-26' },
  { year: 2025, holiday: 'juneteenth', date: '2025-06-19', observed: '2025-06-19' },
  { year: 2025, holiday: 'independence-day', date: '2025-07-04', observed: '2025-07-04' },
  { year: 2025, holiday: 'labor-day', date: '2025-09-01', observed: '2025-09-01' },
  { year: 2025, holiday: 'columbus-day', date: '2025-10-13', observed: '2025-10-13' },
  { year: 2025, holiday: 'veterans-day', date: '2025-11-11', observed: '2025-11-11' },
  { year: 2025, holiday: 'thanksgiving-day', date: '2025-11-27', observed: '2025-11-27' },
  { year: 2025, holiday: 'christmas-day', date: '2025-12-25', observed: '2025-12-25' },
  { year: 2026, holiday: 'new-years-day', date: '2026-01-01', observed: '2026-01-01' },
  { year: 2026, holiday: 'birthday-of-martin-luther-king-jr', date: '2026-01-19', observed: '2026-01-19' },
  { year: 2026, holiday: 'washingtons-birthday', date: '2026-02-16', observed: '2026-02-16' },
  { year: 2026, holiday: 'memorial-day', date: '2026-05-25', observed: '2026-05-25' },
  { year: 2026, holiday: 'juneteenth', date: '2026-06-19', observed: '2026-06-19' },
  { year: 2026, holiday: 'independence-day', date: '2026-07-04', observed: '2026-07-03' },
  { year: 2026, holiday: 'labor-day', date: '2026-09-07', observed: '2026-09-07' },
  { year: 2026, holiday: 'columbus-day', date: '2026-10-12', observed: '2026-10-12' },
  { year: 2026, holiday: 'veterans-day', date: '2026-11-11', observed: '2026-11-11' },
  { year: 2026, holiday: 'thanksgiving-day', date: '2026-11-26', observed: '2026-11-26' },
  { year: 2026, holiday: 'christmas-day', date: '2026-12-25', observed: '2026-12-25' },
  { year: 2027, holiday: 'new-years-day', date: '2027-01-01', observed: '2027-01-01' },
  { year: 2027, holiday: 'birthday-of-martin-luther-king-jr', date: '2027-01-18', observed: '2027-01-18' },
  { year: 2027, holiday: 'washingtons-birthday', date: '2027-02-15', observed: '2027-02-15' },
  { year: 2027, holiday: 'memorial-day', date: '2027-05-31', observed: '2027-05-31' },
  { year: 2027, holiday: 'juneteenth', date: '2027-06-19', observed: '2027-06-18' },
  { year: 2027, holiday: 'independence-day', date: '2027-07-04', observed: '2027-07-05' },
  { year: 2027, holiday: 'labor-day', date: '2027-09-06', observed: '2027-09-06' },
  { year: 2027, holiday: 'columbus-day', date: '2027-10-11', observed: '2027-10-11' },
  { year: 2027, holiday: 'veterans-day', date: '2027-11-11', observed: '2027-11-11' },
  { year: 2027, holiday: 'thanksgiving-day', date: '2027-11-25', observed: '2027-11-25' },
  { year: 2027, holiday: 'christmas-day', date: '2027-12-25', observed: '2027-12-24' },
  { year: 2028, holiday: 'new-years-day', date: '2028-01-01', observed: '2027-12-31' },
  { year: 2028, holiday: 'birthday-of-martin-luther-king-jr', date: '2028-01-17', observed: '2028-01-17' },
  { year: 2028, holiday: 'washingtons-birthday', date: '2028-02-21', observed: '2028-02-21' },
  { year: 2028, holiday: 'memorial-day', date: '2028-05-29', observed: '2028-05-29' },
  { year: 2028, holiday: 'juneteenth', date: '2028-06-19', observed: '2028-06-19' },
  { year: 2028, holiday: 'independence-day', date: '2028-07-04', observed: '2028-07-04' },
  { year: 2028, holiday: 'labor-day', date: '2028-09-04', observed: '2028-09-04' },
  { year: 2028, holiday: 'columbus-day', date: '2028-10-09', observed: '2028-10-09' },
  { year: 2028, holiday: 'veterans-day', date: '2028-11-11', observed: '2028-11-10' },
  { year: 2028, holiday: 'thanksgiving-day', date: '2028-11-23', observed: '2028-11-23' },
  { year: 2028, holiday: 'christmas-day', date: '2028-12-25', observed: '2028-12-25' },
  { year: 2029, holiday: 'new-years-day', date: '2029-01-01', observed: '2029-01-01' },
  { year: 2029, holiday: 'birthday-of-martin-luther-king-jr', date: '2029-01-15', observed: '2029-01-15' },
  { year: 2029, holiday: 'washingtons-birthday', date: '2029-02-19', observed: '2029-02-19' },
  { year: 2029, holiday: 'memorial-day', date: '2029-05-28', observed: '2029-05-28' },
  { year: 2029, holiday: 'juneteenth', date: '2029-06-19', observed: '2029-06-19' },
  { year: 2029, holiday: 'independence-day', date: '2029-07-04', observed: '2029-07-04' },
  { year: 2029, holiday: 'labor-day', date: '2029-09-03', observed: '2029-09-03' },
  { year: 2029, holiday: 'columbus-day', date: '2029-10-08', observed: '2029-10-08' },
  { year: 2029, holiday: 'veterans-day', date: '2029-11-11', observed: '2029-11-12' },
  { year: 2029, holiday: 'thanksgiving-day', date: '2029-11-22', observed: '2029-11-22' },
  { year: 2029, holiday: 'christmas-day', date: '2029-12-25', observed: '2029-12-25' },
  { year: 2030, holiday: 'new-years-day', date: '2030-01-01', observed: '2030-01-01' },
  { year: 2030, holiday: 'birthday-of-martin-luther-king-jr', date: '2030-01-21', observed: '2030-01-21' },
  { year: 2030, holiday: 'washingtons-birthday', date: '2030-02-18', observed: '2030-02-18' },
  { year: 2030, holiday: 'memorial-day', date: '2030-05-27', observed: '2030-05-27' },
  { year: 2030, holiday: 'juneteenth', date: '2030-06-19', observed: '2030-06-19' },
  { year: 2030, holiday: 'independence-day', date: '2030-07-04', observed: '2030-07-04' },
  { year: 2030, holiday: 'labor-day', date: '2030-09-02', observed: '2030-09-02' },
  { year: 2030, holiday: 'columbus-day', date: '2030-10-14', observed: '2030-10-14' },
  { year: 2030, holiday: 'veterans-day', date: '2030-11-11', observed: '2030-11-11' },
  { year: 2030, holiday: 'thanksgiving-day', date: '2030-11-28', observed: '2030-11-28' },
  { year: 2030, holiday: 'christmas-day', date: '2030-12-25', observed: '2030-12-25' },
];

const OBSERVED = new Set(FEDERAL_HOLIDAYS.map((row) => row.observed));
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
}

function assertCovered(date: string): void {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  }
  if (!isCoveredByHolidayCalendar(date)) {
    throw new RangeError(
      `${date} is outside the federal holiday calendar (${FEDERAL_HOLIDAYS_COVER.from} to ${FEDERAL_HOLIDAYS_COVER.to})`,
    );
  }
}

/** Whether the holiday table covers this date (validation can turn "no" into a problem code). */
export function isCoveredByHolidayCalendar(date: string): boolean {
  return date >= FEDERAL_HOLIDAYS_COVER.from && date <= FEDERAL_HOLIDAYS_COVER.to;
}

export function isWeekend(date: string): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** The observed federal holiday on this date, if any. */
export function federalHolidayOn(date: string): FederalHolidayRow | undefined {
  assertCovered(date);
  return FEDERAL_HOLIDAYS.find((row) => row.observed === date);
}

/** Monday to Friday and not an observed federal holiday. Throws RangeError outside the calendar. */
export function isBusinessDay(date: string): boolean {
  assertCovered(date);
  return !isWeekend(date) && !OBSERVED.has(date);
}

/**
 * The business day `count` business days after `date` (count > 0), or before it (count < 0);
 * `date` itself is never counted. With count 0: `date` when it is a business day, else the
 * next business day on or after it.
 */
export function addBusinessDays(date: string, count: number): string {
  if (!Number.isInteger(count)) throw new RangeError(`Not a whole number of business days: ${count}`);
  assertCovered(date);
  if (count === 0) return isBusinessDay(date) ? date : addBusinessDays(date, 1);
  const step = count > 0 ? 1 : -1;
  let day = date;
  for (let left = Math.abs(count); left > 0;) {
    day = addDays(day, step);
    if (isBusinessDay(day)) left -= 1;
  }
  return day;
}

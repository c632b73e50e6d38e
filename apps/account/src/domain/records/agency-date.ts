// Calendar dates as the agency counts them: "today" is the date in the agency's time zone
// (U.S. Eastern, like the IRS's payment cutoffs), and date arithmetic is on YYYY-MM-DD
// strings through UTC so no local time zone or daylight saving can shift a day.
export const AGENCY_TIME_ZONE = 'America/New_York';

const todayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: AGENCY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The agency's calendar date at `now`, YYYY-MM-DD. */
export function agencyToday(now: Date): string {
  return todayFormat.format(now);
}

export function addDays(date: string, days: number): string {
  const time = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first date on or after `from` that falls on day `day` (1–28) of a month. */
export function nextDayOfMonth(from: string, day: number): string {
  const [year, month, today] = from.split('-').map(Number) as [number, number, number];
  const candidate = new Date(Date.UTC(year, month - 1 + (today > day ? 1 : 0), day));
  return candidate.toISOString().slice(0, 10);
}

// The IRS posting cycle of a transaction (YYYYWWDD: year, week, day), as account transcripts
// show it. Illustrative: the ISO week a week after the transaction date, day 05.

/** An illustrative posting cycle (YYYYWWDD): the ISO week a week after the date, day 05. */
export function cycleOf(date: string): string {
  const posted = new Date(Date.parse(`${date}T00:00:00Z`) + 7 * 86_400_000);
  const thursday = new Date(posted);
  thursday.setUTCDate(posted.getUTCDate() + 3 - ((posted.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000)) + 1;
  return `${year}${String(week).padStart(2, '0')}05`;
}

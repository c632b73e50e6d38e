// Dates and times on the account pages, in the person's language and the agency's time zone.
import type { Locale } from '#platform/i18n/catalog.ts';

/** A formatter for one page (building one is far costlier than using it), e.g. "Nov 25, 2026, 10:00 AM". */
export function accountDateFormat(locale: Locale): (date: Date) => string {
  const format = new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'America/New_York',
  });
  return (date) => format.format(date);
}

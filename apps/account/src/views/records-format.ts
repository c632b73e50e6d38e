// Money and calendar dates on the records pages, in the person's language. Money is always
// U.S. dollars ("$1,234.56" in English and in U.S. Spanish), formatted from exact cents
// (Intl reads the decimal string exactly, never through a float). Dates are calendar dates
// (YYYY-MM-DD) shown without any time zone shift.
import type { Locale } from '#platform/i18n/catalog.ts';
import { formatCents } from '#platform/money/decimal.ts';
import { centsToDollars } from '../domain/records/cents.ts';

export interface RecordsFormat {
  /** Cents as U.S. dollars; a bigint is formatted exactly, whatever its size. */
  money(cents: number | bigint): string;
  date(isoDate: string): string;
}

const formats = new Map<Locale, RecordsFormat>();

export function recordsFormat(locale: Locale): RecordsFormat {
  let format = formats.get(locale);
  if (!format) {
    const tag = locale === 'es' ? 'es-US' : 'en-US';
    const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'USD' });
    const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeZone: 'UTC' });
    format = {
      money: (cents) =>
        money.format((typeof cents === 'bigint' ? formatCents(cents) : centsToDollars(cents)) as `${number}`),
      date: (isoDate) => date.format(new Date(`${isoDate}T00:00:00Z`)),
    };
    formats.set(locale, format);
  }
  return format;
}

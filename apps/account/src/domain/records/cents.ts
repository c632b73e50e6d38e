// Integer cents ⇄ dollar strings ("1234.56"), exactly: the records keep cents, the money
// engine speaks dollar strings. Never a float in between.

const DOLLARS = /^(-?)(\d+)(?:\.(\d{1,2}))?$/;

/** "1234.5" → 123450; "-0.05" → -5. Throws on anything that is not a plain dollar amount. */
export function dollarsToCents(dollars: string): number {
  const match = DOLLARS.exec(dollars);
  if (!match) throw new Error(`Not a dollar amount: ${JSON.stringify(dollars)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) throw new Error(`Dollar amount out of range: ${dollars}`);
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** 123450 → "1234.50"; -5 → "-0.05". */
export function centsToDollars(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`Not a whole number of cents: ${cents}`);
  const magnitude = Math.abs(cents);
  const text = `${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
  return cents < 0 ? `-${text}` : text;
}

/** The sum of whole cents, refusing to leave the range where integers are exact. */
export function sumCents(values: readonly number[]): number {
  let total = 0;
  for (const value of values) {
    total += value;
    if (!Number.isSafeInteger(total)) throw new Error('Sum of cents out of range');
  }
  return total;
}

// ABA routing transit numbers (RTN) for a payment from a bank account (pure, no I/O).
//
// Sources:
// - Format and check digit: nine digits; the ninth is a check digit such that
//   3·(d1 + d4 + d7) + 7·(d2 + d5 + d8) + 1·(d3 + d6 + d9) ≡ 0 (mod 10).
//   American Bankers Association, "ABA Routing Number" policy (administered by the Routing Number
//   Registrar, LexisNexis Risk Solutions / formerly Accuity); Nacha Operating Rules, Appendix 3
//   (Entry Detail Record, "Check Digit": weights 3, 7, 1 repeating). [S: the rule is quoted the
//   same way in every Nacha/ABA secondary text; the primary documents are not in our reference set]
// - First two digits (the Federal Reserve "prefix"): 00 United States Government; 01–12 the twelve
//   Federal Reserve districts (banks); 21–32 the same districts plus 20 (thrift institutions);
//   61–72 the same districts plus 60 (electronic-only, ACH routing numbers); 80 traveler's cheques.
//   Everything else (13–20, 33–60, 73–79, 81–99) is unassigned or reserved. Federal Reserve
//   Financial Services, "E-Payments Routing Directory" / ABA routing number policy. [S]
//   (Not in ../shared/reference/domain.md; the issue #8 brief lists the same ranges.)
//
// Not checked here: whether the number is actually assigned to a bank, or whether that bank
// accepts ACH debits. The processor (or a routing directory, later) answers that.

export type RoutingNumberProblem =
  | 'routing_required'
  | 'routing_characters'
  | 'routing_length'
  | 'routing_prefix'
  | 'routing_zero'
  | 'routing_checksum';

export type RoutingNumberResult =
  { ok: true; routingNumber: string } | { ok: false; problem: RoutingNumberProblem };

/** Nine digits: ABA routing number format. */
export const ROUTING_NUMBER_LENGTH = 9;

/** Check-digit weights, repeating over the nine digits (ABA / Nacha). */
export const ROUTING_CHECKSUM_WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

/** Valid ranges of the first two digits (inclusive), per the Federal Reserve / ABA policy. */
export const ROUTING_PREFIX_RANGES: readonly { from: number; to: number; meaning: string }[] = [
  { from: 0, to: 12, meaning: 'U.S. Government (00) and Federal Reserve districts (01–12)' },
  { from: 21, to: 32, meaning: 'Thrift institutions' },
  { from: 61, to: 72, meaning: 'Electronic transactions (ACH only)' },
  { from: 80, to: 80, meaning: "Traveler's cheques" },
];

/** Spaces and hyphens people type between groups are ignored; anything else is refused. */
const ALLOWED = /^[0-9\s-]*$/;

export function parseRoutingNumber(input: string): RoutingNumberResult {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'routing_required' };
  if (!ALLOWED.test(text)) return { ok: false, problem: 'routing_characters' };
  const digits = text.replace(/[\s-]/g, '');
  if (digits.length !== ROUTING_NUMBER_LENGTH) return { ok: false, problem: 'routing_length' };
  // 000000000 passes both the prefix and the checksum rules but is never a bank.
  if (/^0+$/.test(digits)) return { ok: false, problem: 'routing_zero' };
  const prefix = Number(digits.slice(0, 2));
  if (!ROUTING_PREFIX_RANGES.some((range) => prefix >= range.from && prefix <= range.to)) {
    return { ok: false, problem: 'routing_prefix' };
  }
  if (!routingChecksumValid(digits)) return { ok: false, problem: 'routing_checksum' };
  return { ok: true, routingNumber: digits };
}

/** The 3-7-1 checksum over exactly nine ASCII digits. */
export function routingChecksumValid(digits: string): boolean {
  if (!/^[0-9]{9}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < ROUTING_NUMBER_LENGTH; i++) {
    sum += (digits.charCodeAt(i) - 48) * (ROUTING_CHECKSUM_WEIGHTS[i] ?? 0);
  }
  return sum % 10 === 0;
}

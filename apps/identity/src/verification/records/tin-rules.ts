// Taxpayer identification numbers typed by a person: SSN (SSA rules) or ITIN (IRS ranges), the
// shapes in docs/identity-verification-records.md. Pure: no I/O. IRSNs and ATINs have the ITIN's
// shape but cannot prove an identity here, so they get their own codes.

export type TinType = 'ssn' | 'itin';

export type TinProblemCode =
  | 'tin_format'
  | 'ssn_area_invalid'
  | 'ssn_group_invalid'
  | 'ssn_serial_invalid'
  | 'itin_range_invalid'
  | 'irsn_not_accepted'
  | 'atin_not_accepted';

export type TinResult =
  { ok: true; tin: string; type: TinType; test: boolean } | { ok: false; code: TinProblemCode };

export interface TinOptions {
  /** Development only: accept test SSNs starting with 900 or 666 (flagged `test: true`). */
  allowTestNumbers: boolean;
  /**
   * What the person said the number is. Without it the type is inferred: a 9-prefixed number is
   * never an SSN (ssa.gov), so it is read as an ITIN. With `ssn`, a 9xx area is `ssn_area_invalid`;
   * with `itin`, a number not starting with 9 is `itin_range_invalid`.
   */
  kind?: TinType;
}

/** Digits 4–5 of a valid ITIN (IRS). */
const ITIN_MIDDLE_RANGES: readonly (readonly [number, number])[] = [
  [50, 65],
  [70, 88],
  [90, 92],
  [94, 99],
];
/** Digits 4–5 of an IRS individual taxpayer number (IRSN), not valid on a return. */
const IRSN_MIDDLE_RANGES: readonly (readonly [number, number])[] = [
  [1, 10],
  [17, 19],
  [28, 29],
  [37, 39],
];
/** Digits 4–5 of an adoption taxpayer identification number (ATIN). */
const ATIN_MIDDLE = 93;

/** Prefixes of the test SSNs the development records adapter reacts to (never assigned by SSA). */
export const TEST_SSN_PREFIXES: readonly string[] = ['900', '666'];

// Three digits, two, four; one separator kind (dash or space) used twice, or none.
const TIN_SHAPE = /^(\d{3})([- ]?)(\d{2})\2(\d{4})$/;

function inRanges(value: number, ranges: readonly (readonly [number, number])[]): boolean {
  return ranges.some(([low, high]) => value >= low && value <= high);
}

export function parseTin(input: string, opts: TinOptions): TinResult {
  const match = TIN_SHAPE.exec(input.trim());
  if (!match) return { ok: false, code: 'tin_format' };
  const [, area = '', , group = '', serial = ''] = match;
  const tin = `${area}${group}${serial}`;

  if (opts.allowTestNumbers && opts.kind !== 'itin' && TEST_SSN_PREFIXES.includes(area)) {
    return { ok: true, tin, type: 'ssn', test: true };
  }

  if (opts.kind === 'ssn' && area.startsWith('9')) return { ok: false, code: 'ssn_area_invalid' };
  if (opts.kind === 'itin' && !area.startsWith('9')) return { ok: false, code: 'itin_range_invalid' };

  if (area.startsWith('9')) {
    // A 9-prefixed number is never an SSN: it is an ITIN, an IRSN or an ATIN by digits 4–5.
    const middle = Number(group);
    if (middle === ATIN_MIDDLE) return { ok: false, code: 'atin_not_accepted' };
    if (inRanges(middle, IRSN_MIDDLE_RANGES)) return { ok: false, code: 'irsn_not_accepted' };
    if (!inRanges(middle, ITIN_MIDDLE_RANGES)) return { ok: false, code: 'itin_range_invalid' };
    return { ok: true, tin, type: 'itin', test: false };
  }

  if (area === '000' || area === '666') return { ok: false, code: 'ssn_area_invalid' };
  if (group === '00') return { ok: false, code: 'ssn_group_invalid' };
  if (serial === '0000') return { ok: false, code: 'ssn_serial_invalid' };
  return { ok: true, tin, type: 'ssn', test: false };
}

/** Nine digits as `AAA-GG-SSSS` (display only; store the nine digits). */
export function formatTin(tin: string): string {
  return `${tin.slice(0, 3)}-${tin.slice(3, 5)}-${tin.slice(5)}`;
}

// Exact decimal arithmetic on BigInt, for money. No floating point anywhere.
//
// A `Decimal` is an integer count of 10^-20 units (`units / 10^20`). Twenty fraction digits is
// far more than money needs: daily compounding over decades multiplies factors of the form
// 1 + r/365 thousands of times, and rounding each product at 10^-20 leaves an error below
// 10^-15 of the amount, so a balance of a billion dollars is still right to a millionth of a cent
// before it is rounded to cents.
//
// Rounding is always explicit:
// - Products and quotients are rounded at 10^-20 half-up (ties away from zero).
// - `round(places, mode)` and `toCents()` round to a number of places. Amounts the IRS posts
//   (tax, penalties, interest) are in dollars and cents, and half a cent rounds up: the same
//   rule as the Form 1040 instructions' "rounding off to whole dollars" (50 cents and more go
//   up, less is dropped), applied at the cent. No IRS text asks for banker's rounding; that
//   half-up is also what the IRS's penalty and interest computations do at the cent is our
//   reading [U: no primary text found]. `'half-up'` (ties away from zero) is the default;
//   `'half-even'` (banker's) exists for comparisons and is not used by the money engine.
//
// Dollar strings are "1234.56": digits, optionally a point and one or two digits, optionally a
// leading minus. `parseDollars`/`formatCents` convert them to and from integer cents exactly.

export type RoundingMode = 'half-up' | 'half-even' | 'down';

/** Digits after the point that a Decimal keeps. */
export const SCALE_DIGITS = 20;
/** 10^SCALE_DIGITS: one whole unit in Decimal units. */
export const SCALE = 10n ** BigInt(SCALE_DIGITS);

const POWERS: bigint[] = [];
for (let i = 0n; i <= 40n; i++) POWERS.push(10n ** i);
const pow10 = (n: number): bigint => POWERS[n] ?? 10n ** BigInt(n);

/**
 * numerator / denominator rounded to an integer with the given mode. The denominator must be
 * positive; the numerator may be negative (ties then round away from zero for half-up).
 */
export function divRound(numerator: bigint, denominator: bigint, mode: RoundingMode = 'half-up'): bigint {
  if (denominator <= 0n) throw new RangeError('divRound: the denominator must be positive');
  // The common case, in one division: floor((2n + d) / 2d) rounds a non-negative n/d half-up.
  if (mode === 'half-up' && numerator >= 0n) return (numerator * 2n + denominator) / (denominator * 2n);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / denominator;
  const r = n - q * denominator;
  if (mode !== 'down' && r !== 0n) {
    const twice = r * 2n;
    if (twice > denominator || (twice === denominator && (mode === 'half-up' || q % 2n === 1n))) q += 1n;
  }
  return negative ? -q : q;
}

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

export class Decimal {
  static readonly ZERO = new Decimal(0n);
  static readonly ONE = new Decimal(SCALE);

  /** The value times 10^20. */
  readonly units: bigint;

  private constructor(units: bigint) {
    this.units = units;
  }

  static fromUnits(units: bigint): Decimal {
    return new Decimal(units);
  }

  static fromInteger(value: bigint | number): Decimal {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) {
      throw new RangeError(`Not a safe integer: ${value}`);
    }
    return new Decimal(BigInt(value) * SCALE);
  }

  static fromCents(cents: bigint): Decimal {
    return new Decimal(cents * pow10(SCALE_DIGITS - 2));
  }

  /** numerator / denominator, rounded at 10^-20 half-up. */
  static ratio(numerator: bigint, denominator: bigint): Decimal {
    if (denominator === 0n) throw new RangeError('Decimal.ratio: division by zero');
    const sign = denominator < 0n ? -1n : 1n;
    return new Decimal(divRound(numerator * SCALE * sign, denominator * sign));
  }

  /**
   * "12", "-0.5", "1234.56789": plain decimal notation only (no exponent, no grouping, no "+").
   * More than 20 fraction digits is refused rather than silently rounded.
   */
  static parse(text: string): Decimal {
    const match = DECIMAL.exec(text);
    if (!match) throw new SyntaxError(`Not a decimal number: ${JSON.stringify(text)}`);
    const [, sign, whole = '0', fraction = ''] = match;
    if (fraction.length > SCALE_DIGITS) {
      throw new RangeError(`More than ${SCALE_DIGITS} digits after the point: ${JSON.stringify(text)}`);
    }
    const units = BigInt(whole + fraction.padEnd(SCALE_DIGITS, '0'));
    return new Decimal(sign === '-' ? -units : units);
  }

  add(other: Decimal): Decimal {
    return new Decimal(this.units + other.units);
  }

  sub(other: Decimal): Decimal {
    return new Decimal(this.units - other.units);
  }

  /** The product, rounded at 10^-20 half-up. */
  mul(other: Decimal): Decimal {
    return new Decimal(divRound(this.units * other.units, SCALE));
  }

  /** The quotient, rounded at 10^-20 half-up. */
  div(other: Decimal): Decimal {
    if (other.units === 0n) throw new RangeError('Decimal.div: division by zero');
    const sign = other.units < 0n ? -1n : 1n;
    return new Decimal(divRound(this.units * SCALE * sign, other.units * sign));
  }

  /** this^exponent by squaring, each product rounded at 10^-20 (exponent ≥ 0). */
  pow(exponent: number): Decimal {
    if (!Number.isSafeInteger(exponent) || exponent < 0) {
      throw new RangeError(`Decimal.pow: the exponent must be a non-negative integer, not ${exponent}`);
    }
    return new Decimal(powUnits(this.units, exponent, SCALE));
  }

  neg(): Decimal {
    return new Decimal(-this.units);
  }

  abs(): Decimal {
    return this.units < 0n ? new Decimal(-this.units) : this;
  }

  cmp(other: Decimal): -1 | 0 | 1 {
    return this.units < other.units ? -1 : this.units > other.units ? 1 : 0;
  }

  eq(other: Decimal): boolean {
    return this.units === other.units;
  }

  lt(other: Decimal): boolean {
    return this.units < other.units;
  }

  gt(other: Decimal): boolean {
    return this.units > other.units;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  static max(a: Decimal, b: Decimal): Decimal {
    return a.units >= b.units ? a : b;
  }

  static min(a: Decimal, b: Decimal): Decimal {
    return a.units <= b.units ? a : b;
  }

  /** Rounded to `places` digits after the point (0–20). */
  round(places: number, mode: RoundingMode = 'half-up'): Decimal {
    if (!Number.isInteger(places) || places < 0 || places > SCALE_DIGITS) {
      throw new RangeError(`Decimal.round: places must be 0–${SCALE_DIGITS}`);
    }
    const step = pow10(SCALE_DIGITS - places);
    return new Decimal(divRound(this.units, step, mode) * step);
  }

  /** Whole cents, rounded half-up unless another mode is given. */
  toCents(mode: RoundingMode = 'half-up'): bigint {
    return divRound(this.units, pow10(SCALE_DIGITS - 2), mode);
  }

  /** Fixed notation with exactly `places` digits, rounded (half-up unless told otherwise). */
  toFixed(places: number, mode: RoundingMode = 'half-up'): string {
    const rounded = divRound(this.units, pow10(SCALE_DIGITS - places), mode);
    return formatScaled(rounded, places);
  }

  /** Every significant digit, without trailing zeros ("0.011374754…", "12", "-0.5"). */
  toString(): string {
    const text = formatScaled(this.units, SCALE_DIGITS);
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  }

  toJSON(): string {
    return this.toString();
  }
}

/** base^exponent for a fixed-point base with the given scale, by squaring; each product rounded half-up. */
export function powUnits(base: bigint, exponent: number, scale: bigint): bigint {
  let result = scale;
  let square = base;
  let e = exponent;
  while (e > 0) {
    if (e & 1) result = divRound(result * square, scale);
    e >>>= 1;
    if (e > 0) square = divRound(square * square, scale);
  }
  return result;
}

function formatScaled(value: bigint, places: number): string {
  const negative = value < 0n;
  const digits = (negative ? -value : value).toString();
  if (places === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(places + 1, '0');
  const whole = padded.slice(0, padded.length - places);
  const fraction = padded.slice(padded.length - places);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

// Dollars as integer cents — the form every posted amount takes.

const DOLLARS = /^(-?)(\d{1,15})(?:\.(\d{1,2}))?$/;

/**
 * "1234.56" → 123456n, "7" → 700n, "0.5" → 50n, "-3.10" → -310n. At most 15 digits before the
 * point and 2 after; anything else (commas, "$", exponents, a third decimal) is refused.
 */
export function parseDollars(text: string): bigint {
  const match = DOLLARS.exec(text);
  if (!match) throw new SyntaxError(`Not a dollar amount: ${JSON.stringify(text)}`);
  const [, sign, whole = '0', fraction = ''] = match;
  const cents = BigInt(whole + (fraction.length === 2 ? fraction : fraction.padEnd(2, '0')));
  return sign === '-' ? -cents : cents;
}

/** 123456n → "1234.56"; 5n → "0.05"; -310n → "-3.10". */
export function formatCents(cents: bigint): string {
  return formatScaled(cents, 2);
}

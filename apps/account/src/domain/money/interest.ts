// Interest on underpayments: IRC 6601(a) (from the last date prescribed for payment to the date
// paid), at the IRC 6621(a)(2) rate of each quarter (underpayment-rates.ts), compounded daily
// (IRC 6622(a)). A day's factor is 1 + r/365, or 1 + r/366 in a leap year — the IRS's daily
// compounding tables (Rev. Proc. 95-17; domain.md's check: 69 days at 6% in 2004 give
// (1 + 0.06/366)^69 − 1 = 0.011374754).
//
// Interest for the days (a, b] — day a itself excluded, day b included, so a payment made on the
// due date owes none and one made the next day owes one day — is the product of the daily
// factors of those days. Instead of multiplying day by day for every balance, the engine uses one
// table, built once: growth(d) = the product of every daily factor from 2019-01-01 through d, at
// the fixed scale of 10^-20, and its inverse. An amount owed from day a is then worth
// amount × growth(d) / growth(a) on day d, whatever quarters and leap years lie between: the
// rate changes are inside the table. The error of the table is below 10^-16 of an amount
// after twenty years, far below a cent.
//
// Quarters after the last row of the rate table keep the last rate (a payoff quoted for a
// future date uses today's rate; the IRS does the same until the new rate is announced), up
// to LAST_DAY.
import { divRound, powUnits, SCALE, Decimal } from '#platform/money/decimal.ts';
import { anchoredDay, dayNumber, daysInYear, civilDate } from './calendar.ts';
import { UNDERPAYMENT_RATES } from './underpayment-rates.ts';

/** The first day with a rate in the table. Earlier due dates are refused. */
export const FIRST_DAY = dayNumber(2019, 1, 1);
/** The last day the engine computes interest for. */
export const LAST_DAY = dayNumber(2040, 12, 31);
/** growth(FIRST_DAY − 1) = 1. */
const ORIGIN = FIRST_DAY - 1;
const FIRST_YEAR = 2019;

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** Whole-percent rate for each quarter from 2019-Q1, in order, checked to have no gaps. */
function quarterRates(): number[] {
  const rates: number[] = [];
  for (const row of UNDERPAYMENT_RATES) {
    const match = QUARTER.exec(row.quarter);
    const expected = FIRST_YEAR * 4 + rates.length;
    if (!match || Number(match[1]) * 4 + Number(match[2]) - 1 !== expected) {
      throw new Error(
        `Underpayment rates: ${row.quarter} is out of order (expected quarter ${rates.length + 1})`,
      );
    }
    if (!Number.isInteger(row.ratePercent) || row.ratePercent < 0 || row.ratePercent > 100) {
      throw new Error(`Underpayment rates: ${row.quarter} is not a whole percent`);
    }
    rates.push(row.ratePercent);
  }
  return rates;
}

/** The rate (whole percent) in force on a day, the last known rate after the table. */
export function ratePercentOn(dayNo: number): number {
  const rates = tables().quarterRates;
  const { year, month } = civilDate(dayNo);
  const index = (year - FIRST_YEAR) * 4 + Math.floor((month - 1) / 3);
  if (index < 0) throw new RangeError(`No underpayment rate before 2019-01-01`);
  return rates[Math.min(index, rates.length - 1)]!;
}

/** 1 + r/yearDays at scale 10^-20 (r a whole percent), rounded half-up. */
export function dailyFactorUnits(ratePercent: number, yearDays: number): bigint {
  return SCALE + divRound(SCALE * BigInt(ratePercent), 100n * BigInt(yearDays));
}

/**
 * (1 + r/yearDays)^days: the growth of one dollar over `days` days at one rate, by exponentiation
 * by squaring at scale 10^-20. Interest is this minus one.
 */
export function compoundFactor(ratePercent: number, yearDays: number, days: number): Decimal {
  return Decimal.fromUnits(powUnits(dailyFactorUnits(ratePercent, yearDays), days, SCALE));
}

interface Tables {
  quarterRates: number[];
  /** growth[d − ORIGIN], scale 10^-20. */
  growth: bigint[];
  /** 10^40 / growth: the inverse, scale 10^-20. */
  inverse: bigint[];
}

let built: Tables | undefined;

function tables(): Tables {
  if (built) return built;
  const rates = quarterRates();
  const growth: bigint[] = [SCALE];
  const inverse: bigint[] = [SCALE];
  let current = SCALE;
  // Quarter by quarter: the daily factor is fixed within a quarter (a quarter never spans two
  // years, so neither is the year length).
  for (let year = FIRST_YEAR, q = 0; ; q++) {
    if (q === 4) {
      q = 0;
      year++;
    }
    const start = dayNumber(year, q * 3 + 1, 1);
    if (start > LAST_DAY) break;
    const end = q === 3 ? dayNumber(year + 1, 1, 1) : dayNumber(year, q * 3 + 4, 1);
    const index = (year - FIRST_YEAR) * 4 + q;
    const factor = dailyFactorUnits(rates[Math.min(index, rates.length - 1)]!, daysInYear(year));
    for (let day = start; day < end && day <= LAST_DAY; day++) {
      current = divRound(current * factor, SCALE);
      growth.push(current);
      inverse.push(divRound(SCALE * SCALE, current));
    }
  }
  built = { quarterRates: rates, growth, inverse };
  return built;
}

/** growth(day): the worth on `day` of one unit owed since the end of 2018-12-31, scale 10^-20. */
export function growthUnits(dayNo: number): bigint {
  const value = tables().growth[dayNo - ORIGIN];
  if (value === undefined) throw new RangeError(`No interest table for day ${dayNo}`);
  return value;
}

/** 1 / growth(day), scale 10^-20. */
export function inverseGrowthUnits(dayNo: number): bigint {
  const value = tables().inverse[dayNo - ORIGIN];
  if (value === undefined) throw new RangeError(`No interest table for day ${dayNo}`);
  return value;
}

/** The growth factor for the days (from, to]: what one dollar owed since `from` is worth on `to`. */
export function growthBetween(from: number, to: number): Decimal {
  return Decimal.ratio(growthUnits(to), growthUnits(from));
}

// For the failure-to-pay penalty, which is charged on the same day of every month: the sums of
// inverse growth over those days, so that a run of equal monthly charges bearing interest from
// their own dates adds to the balance in one step (Σ charge / growth(day) = charge × Σ 1/growth).

const FIRST_MONTH = FIRST_YEAR * 12;

interface MonthlyDays {
  /** startDay[o]: the day after the `anchor`-th day of month FIRST_MONTH + o (its month start). */
  startDay: Int32Array;
  /** prefix[o] = Σ inverse(startDay[j]) for j < o (0 once a start is past LAST_DAY). */
  prefix: bigint[];
}

const monthly: (MonthlyDays | undefined)[] = [];

/** Month starts and inverse-growth prefix sums for months anchored on day `anchor` (1–31). */
export function monthlyDays(anchor: number): MonthlyDays {
  const cached = monthly[anchor];
  if (cached) return cached;
  const lastMonth = civilDate(LAST_DAY).year * 12 + civilDate(LAST_DAY).month - 1;
  const count = lastMonth - FIRST_MONTH + 2;
  const startDay = new Int32Array(count);
  const prefix: bigint[] = [0n];
  let sum = 0n;
  for (let o = 0; o < count; o++) {
    const start = anchoredDay(FIRST_MONTH + o, anchor) + 1;
    startDay[o] = start;
    if (start <= LAST_DAY) sum += inverseGrowthUnits(start);
    prefix.push(sum);
  }
  const result = { startDay, prefix };
  monthly[anchor] = result;
  return result;
}

/** Month offset (from 2019-01) of a day's month. */
export function monthOffset(dayNo: number): number {
  const { year, month } = civilDate(dayNo);
  return year * 12 + month - 1 - FIRST_MONTH;
}

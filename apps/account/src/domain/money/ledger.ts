// One tax module's running account: what is owed in each part, and the interest on it.
//
// Interest compounds daily on everything that bears interest (tax, penalties once they bear
// it, and interest itself — IRC 6622(a)), so the whole interest-bearing balance grows by the
// same daily factors. The ledger keeps that balance as Σ amount / growth(day it started bearing
// interest): its worth on any day d is that sum × growth(d) (interest.ts), and the interest is
// the worth less the principal. Adding an amount that bears interest from an earlier day (the
// failure-to-file penalty, from the due date) is just adding amount / growth(that day).
//
// Amounts are integer cents; the weighted sum is in cents × 10^20. Interest is rounded to the
// cent (half-up) whenever it is paid or reported, so paying the reported payoff amount on its
// date leaves exactly zero.
import { SCALE } from '#platform/money/decimal.ts';
import { growthUnits, inverseGrowthUnits } from './interest.ts';
import { applyInOrder, type Owed } from './payments.ts';

const SCALE_SQUARED = SCALE * SCALE;
const HALF_SCALE_SQUARED = SCALE_SQUARED / 2n;

export class Ledger {
  tax: bigint;
  failureToFile = 0n;
  /** Failure-to-pay charged before notice and demand: no interest yet (IRC 6601(e)(2)(A)). */
  failureToPayPending = 0n;
  failureToPayBearing = 0n;
  credit = 0n;
  /** Σ amount / growth(start day), in cents × 10^20: the interest-bearing balance, worth on 2018-12-31. */
  private weighted: bigint;

  constructor(taxCents: bigint, dueDay: number) {
    this.tax = taxCents;
    this.weighted = taxCents * inverseGrowthUnits(dueDay);
  }

  /** A charge that bears interest from `fromDay` (≤ `day`, the day it is charged). */
  chargeBearing(kind: 'failureToFile' | 'failureToPay', cents: bigint, fromDay: number, day: number): void {
    if (cents === 0n) return;
    if (kind === 'failureToFile') this.failureToFile += cents;
    else this.failureToPayBearing += cents;
    this.weighted += cents * inverseGrowthUnits(fromDay);
    this.settleCredit(day);
  }

  /**
   * `count` equal monthly failure-to-pay charges, each bearing interest from its own month start;
   * `inverseSum` is Σ 1 / growth(month start) over those months, at scale 10^-20.
   */
  chargeMonthlyBearing(cents: bigint, count: number, inverseSum: bigint, day: number): void {
    if (cents === 0n) return;
    this.failureToPayBearing += cents * BigInt(count);
    this.weighted += cents * inverseSum;
    this.settleCredit(day);
  }

  /** Failure-to-pay that bears no interest until `startPendingInterest`. */
  chargePending(cents: bigint, day: number): void {
    if (cents === 0n) return;
    this.failureToPayPending += cents;
    this.settleCredit(day);
  }

  /** What is pending starts bearing interest, counted from `fromDay`. */
  startPendingInterest(fromDay: number): void {
    if (this.failureToPayPending === 0n) return;
    this.failureToPayBearing += this.failureToPayPending;
    this.weighted += this.failureToPayPending * inverseGrowthUnits(fromDay);
    this.failureToPayPending = 0n;
  }

  /** Interest owed on `day`, to the cent (half-up). */
  interestOn(day: number): bigint {
    const principal = this.tax + this.failureToFile + this.failureToPayBearing;
    // (worth − principal) in cents × 10^40, rounded once to the cent.
    const excess = this.weighted * growthUnits(day) - principal * SCALE_SQUARED;
    return excess > 0n ? (excess + HALF_SCALE_SQUARED) / SCALE_SQUARED : 0n; // half-up
  }

  /** Everything owed on `day`, to the cent. */
  owedOn(day: number): bigint {
    return (
      this.tax +
      this.failureToFile +
      this.failureToPayPending +
      this.failureToPayBearing +
      this.interestOn(day)
    );
  }

  /** A payment or credit on `day`, applied in the order of payments.ts. */
  pay(day: number, cents: bigint): void {
    const owed: Owed = {
      tax: this.tax,
      failureToFile: this.failureToFile,
      failureToPayPending: this.failureToPayPending,
      failureToPayBearing: this.failureToPayBearing,
      interest: this.interestOn(day),
    };
    this.credit += applyInOrder(owed, cents);
    this.tax = owed.tax;
    this.failureToFile = owed.failureToFile;
    this.failureToPayPending = owed.failureToPayPending;
    this.failureToPayBearing = owed.failureToPayBearing;
    // Start again from `day`: the interest is now a posted amount, bearing interest like the rest.
    const bearing = owed.tax + owed.failureToFile + owed.failureToPayBearing + owed.interest;
    this.weighted = bearing * inverseGrowthUnits(day);
  }

  /** A credit is applied to whatever has just been charged. */
  private settleCredit(day: number): void {
    if (this.credit === 0n) return;
    const credit = this.credit;
    this.credit = 0n;
    this.pay(day, credit);
  }
}

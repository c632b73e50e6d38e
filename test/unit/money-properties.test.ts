// Properties of the money engine over many seeded random scenarios (pure; no dependency: a
// mulberry32 PRNG with fixed seeds, so a failure names a reproducible scenario):
// - paying the payoff amount on its date leaves zero (no balance, no credit);
// - no amount is ever negative, the balance due is the sum of its parts, and a credit only
//   exists with nothing due;
// - with nothing paid in between, the result as of a later date is never smaller;
// - the engine agrees to the cent with a slow day-by-day implementation of the same rules
//   (test/support/money-reference.ts).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDollars } from '#platform/money/decimal.ts';
import {
  computeBalance,
  type MoneyResult,
  type MoneyScenario,
} from '../../apps/account/src/domain/money/balance.ts';
import { referenceBalance } from '../support/money-reference.ts';
import { dayOf, isoDay, mulberry32, randomScenario } from '../support/money-random.ts';

const cents = (dollars: string) => parseDollars(dollars);
const show = (s: MoneyScenario) => JSON.stringify(s);

function scenarios(seed: number, count: number): MoneyScenario[] {
  const random = mulberry32(seed);
  return Array.from({ length: count }, () => randomScenario(random));
}

describe('money engine properties', () => {
  it('paying the payoff amount on its date leaves zero', () => {
    let checked = 0;
    for (const s of scenarios(1, 1500)) {
      const before = computeBalance(s);
      if (before.balanceDue === '0.00') continue;
      const after = computeBalance({
        ...s,
        payments: [...s.payments, { date: s.asOf, amount: before.balanceDue }],
      });
      assert.deepEqual([after.balanceDue, after.credit], ['0.00', '0.00'], show(s));
      checked += 1;
    }
    assert.ok(checked > 1000, `only ${checked} scenarios owed anything`);
  });

  it('no amount is negative; the balance is the sum of its parts; a credit only with nothing due', () => {
    let credits = 0;
    for (const s of scenarios(2, 1500)) {
      const r = computeBalance(s);
      for (const [field, value] of Object.entries(r)) {
        assert.match(value, /^\d+\.\d\d$/, `${field} in ${show(s)}`);
      }
      assert.equal(
        cents(r.balanceDue),
        cents(r.tax) + cents(r.failureToFile) + cents(r.failureToPay) + cents(r.interest),
      );
      if (r.credit !== '0.00') {
        credits += 1;
        assert.equal(r.balanceDue, '0.00', show(s));
      }
    }
    assert.ok(credits > 50, `only ${credits} scenarios with a credit`);
  });

  it('as of a later date, with nothing paid in between, the result is never smaller', () => {
    const random = mulberry32(3);
    for (const s of scenarios(3, 400)) {
      // Once without payments, once keeping only the payments made by the first date.
      const first = dayOf(s.asOf);
      const variants: MoneyScenario[] = [
        { ...s, payments: [] },
        { ...s, payments: s.payments.filter((p) => dayOf(p.date) <= first) },
      ];
      for (const variant of variants) {
        let previous: MoneyResult = computeBalance(variant);
        let day = first;
        for (let step = 0; step < 12; step++) {
          day = Math.min(dayOf('2040-12-31'), day + 1 + Math.floor(random() * 120));
          const next = computeBalance({ ...variant, asOf: isoDay(day) });
          const context = `${show(variant)} at ${isoDay(day)}`;
          assert.ok(cents(next.balanceDue) >= cents(previous.balanceDue), context);
          assert.ok(cents(next.credit) <= cents(previous.credit), context);
          if (variant.payments.length === 0) {
            for (const field of ['tax', 'failureToFile', 'failureToPay', 'interest'] as const) {
              assert.ok(cents(next[field]) >= cents(previous[field]), `${field}: ${context}`);
            }
          }
          previous = next;
        }
      }
    }
  });

  it('agrees to the cent with a day-by-day implementation of the same rules', () => {
    for (const s of scenarios(4, 400)) {
      assert.deepEqual(computeBalance(s), referenceBalance(s), show(s));
    }
  });
});

// The dishonored-payment penalty (IRC 6657, as amended by P.L. 111-198): 2% of a returned
// payment; for a payment under $1,250, $25 or the payment itself, whichever is less. The two
// rules meet at $1,250 (2% of $1,250 is exactly $25), and 2% of an amount in cents can end in
// half a cent, which rounds up. Amounts in cents, worked out by hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DISHONORED_PENALTY_RATE_BP,
  DISHONORED_SMALL_PAYMENT_BELOW_CENTS,
  DISHONORED_SMALL_PAYMENT_PENALTY_CENTS,
  dishonoredPaymentPenalty,
} from '../../apps/account/src/domain/payments/dishonored-payment.ts';

describe('dishonoredPaymentPenalty', () => {
  const cases: [bigint, bigint, string][] = [
    // [payment, penalty, why]
    [1_000n, 1_000n, '$10: under $25, the payment itself'],
    [1n, 1n, '1¢: the payment itself'],
    [2_499n, 2_499n, '$24.99: still less than $25'],
    [2_500n, 2_500n, '$25: $25 (both the same)'],
    [2_501n, 2_500n, '$25.01: $25'],
    [10_000n, 2_500n, '$100: $25'],
    [124_999n, 2_500n, '$1,249.99: under $1,250, the lesser of $25 and the payment'],
    [125_000n, 2_500n, '$1,250.00: 2% = $25.00'],
    [200_000n, 4_000n, '$2,000: 2% = $40'],
    [1_000_000n, 20_000n, '$10,000: 2% = $200'],
    [125_024n, 2_500n, '$1,250.24: 2% = 2500.48¢ → 2500¢'],
    [125_025n, 2_501n, '$1,250.25: 2% = 2500.5¢, half a cent rounds up → 2501¢'],
    [125_026n, 2_501n, '$1,250.26: 2% = 2500.52¢ → 2501¢'],
    [125_075n, 2_502n, '$1,250.75: 2% = 2501.5¢ → 2502¢'],
    [200_049n, 4_001n, '$2,000.49: 2% = 4000.98¢ → 4001¢'],
    [999_999_999n, 20_000_000n, '$9,999,999.99: 2% = 19,999,999.98¢ → $200,000.00'],
    [0n, 0n, 'nothing paid: nothing charged'],
    [-5_000n, 0n, 'a negative amount: nothing charged'],
  ];
  for (const [payment, penalty, why] of cases) {
    it(`${payment}¢ → ${penalty}¢ (${why})`, () => {
      assert.equal(dishonoredPaymentPenalty(payment), penalty);
    });
  }

  it('never more than the payment, and never less than $25 from $25 up', () => {
    for (let cents = 1n; cents <= 300_000n; cents += 997n) {
      const penalty = dishonoredPaymentPenalty(cents);
      assert.ok(penalty <= cents, `${cents}¢ → ${penalty}¢`);
      if (cents >= 2_500n) assert.ok(penalty >= 2_500n, `${cents}¢ → ${penalty}¢`);
    }
  });

  it('the law as data: 2%, under $1,250, $25', () => {
    assert.equal(DISHONORED_PENALTY_RATE_BP, 200n);
    assert.equal(DISHONORED_SMALL_PAYMENT_BELOW_CENTS, 125_000n);
    assert.equal(DISHONORED_SMALL_PAYMENT_PENALTY_CENTS, 2_500n);
  });
});

// Online Payment Agreement rules (pure): eligibility at exactly the thresholds, user fees by
// plan, channel and low income, and the monthly terms (balance ÷ 72, or sooner before the CSED).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkDueDay,
  checkProposedPayment,
  maxPlanMonths,
  monthsToPayOff,
  planEligibility,
  planTerms,
  planUserFee,
  longTermFeeKind,
  revisionFeeKind,
  shortTermPayBy,
  type FeeChannel,
  type PlanFeeKind,
} from '../../apps/account/src/domain/payments/payment-plans.ts';

describe('eligibility at the thresholds', () => {
  // [owed cents, all returns filed, short-term eligible, long-term eligible, direct debit required, reasons]
  const cases: [bigint, boolean, boolean, boolean, boolean, string[]][] = [
    [0n, true, false, false, false, ['nothing_owed']],
    [-500n, true, false, false, false, ['nothing_owed']],
    [1n, true, true, true, false, []],
    [2_500_000n, true, true, true, false, []], // exactly $25,000: direct debit not required
    [2_500_001n, true, true, true, true, []], // $25,000.01: required
    [5_000_000n, true, true, true, true, []], // exactly $50,000: long-term allowed
    [5_000_001n, true, true, false, true, ['owed_over_long_term_limit']],
    [9_999_999n, true, true, false, true, ['owed_over_long_term_limit']], // $99,999.99: short-term allowed
    [10_000_000n, true, false, false, true, ['owed_over_short_term_limit', 'owed_over_long_term_limit']],
    [100_000n, false, true, false, false, ['returns_not_filed']],
    [6_000_000n, false, true, false, true, ['owed_over_long_term_limit', 'returns_not_filed']],
  ];
  for (const [owedCents, allReturnsFiled, short, long, directDebit, reasons] of cases) {
    it(`$${owedCents} cents, returns ${allReturnsFiled ? 'filed' : 'missing'}`, () => {
      const result = planEligibility({ owedCents, allReturnsFiled });
      assert.equal(result.shortTerm.eligible, short);
      assert.equal(result.longTerm.eligible, long);
      assert.equal(result.longTerm.directDebitRequired, directDebit);
      assert.deepEqual([...new Set([...result.shortTerm.reasons, ...result.longTerm.reasons])], reasons);
    });
  }
  it('a short-term plan is paid within 180 days', () => {
    assert.equal(shortTermPayBy('2025-01-01'), '2025-06-30');
    assert.equal(shortTermPayBy('2024-01-01'), '2024-06-29'); // leap year
  });
});

describe('user fees (effective 2024-07-01)', () => {
  // [kind, channel, low income, fee cents, reduced, waived, reimbursable]
  const cases: [PlanFeeKind, FeeChannel, boolean, bigint, boolean, boolean, boolean][] = [
    ['short-term', 'online', false, 0n, false, false, false],
    ['short-term', 'assisted', true, 0n, false, false, false],
    ['long-term-direct-debit', 'online', false, 2_200n, false, false, false],
    ['long-term-direct-debit', 'online', true, 0n, true, true, false], // low income: waived
    ['long-term-direct-debit', 'assisted', false, 10_700n, false, false, false],
    ['long-term-direct-debit', 'assisted', true, 0n, true, true, false],
    ['long-term-other', 'online', false, 6_900n, false, false, false],
    ['long-term-other', 'online', true, 4_300n, true, false, true], // reduced, reimbursable
    ['long-term-other', 'assisted', false, 17_800n, false, false, false],
    ['long-term-other', 'assisted', true, 4_300n, true, false, true],
    ['revision', 'online', false, 1_000n, false, false, false],
    ['revision', 'online', true, 1_000n, false, false, true], // same $10, but reimbursable
    ['revision', 'assisted', false, 8_900n, false, false, false],
    ['revision', 'assisted', true, 4_300n, true, false, true],
    ['revision-direct-debit', 'online', false, 0n, false, false, false],
    ['revision-direct-debit', 'assisted', true, 0n, false, false, false],
  ];
  for (const [kind, channel, lowIncome, feeCents, reduced, waived, reimbursable] of cases) {
    it(`${kind}, ${channel}${lowIncome ? ', low income' : ''} → ${feeCents} cents`, () => {
      const result = planUserFee({ kind, channel, lowIncome, asOf: '2025-03-01' });
      assert.ok(result.ok);
      assert.equal(result.feeCents, feeCents);
      assert.equal(result.reduced, reduced);
      assert.equal(result.waived, waived);
      assert.equal(result.reimbursable, reimbursable);
      assert.ok(result.row.source.length > 0);
      assert.equal(result.effectiveFrom, '2024-07-01');
    });
  }
  it('the schedule starts on July 1, 2024: the day before has no schedule here', () => {
    assert.deepEqual(
      planUserFee({ kind: 'short-term', channel: 'online', lowIncome: false, asOf: '2024-06-30' }),
      {
        ok: false,
        problem: 'plan_fee_schedule_missing',
      },
    );
    assert.equal(
      planUserFee({ kind: 'short-term', channel: 'online', lowIncome: false, asOf: '2024-07-01' }).ok,
      true,
    );
  });
  it('fee kinds by payment method and by the existing plan', () => {
    assert.equal(longTermFeeKind(true), 'long-term-direct-debit');
    assert.equal(longTermFeeKind(false), 'long-term-other');
    assert.equal(revisionFeeKind(true), 'revision-direct-debit');
    assert.equal(revisionFeeKind(false), 'revision');
  });
});

describe('monthly terms', () => {
  // [owed, minimum monthly, months, final payment]
  const cases: [bigint, bigint, number, bigint][] = [
    [720_000n, 10_000n, 72, 10_000n], // $7,200 ÷ 72 = $100 exactly
    [500_000n, 6_945n, 72, 6_905n], // $5,000 ÷ 72 = $69.444… → $69.45, last payment $69.05
    [5_000_000n, 69_445n, 72, 69_405n], // $50,000
    [100n, 2n, 50, 2n], // $1: 2 cents a month pays off in 50 months, sooner than 72
    [71n, 1n, 71, 1n],
  ];
  for (const [owedCents, monthly, months, finalPayment] of cases) {
    it(`${owedCents} cents owed: minimum ${monthly} cents for ${months} months`, () => {
      const result = planTerms({ owedCents, start: '2025-01-10', dueDay: 15 });
      assert.ok(result.ok);
      assert.equal(result.maxMonths, 72);
      assert.deepEqual(result.minimum, { monthlyCents: monthly, months, finalPaymentCents: finalPayment });
      assert.equal(monthly * BigInt(months - 1) + finalPayment, owedCents);
    });
  }
  it('offers shorter terms, cheapest first, each paying off the whole amount', () => {
    const result = planTerms({ owedCents: 500_000n, start: '2025-01-10', dueDay: 15 });
    assert.ok(result.ok);
    assert.deepEqual(
      result.options.map((o) => [o.monthlyCents, o.months]),
      [
        [6_945n, 72],
        [8_334n, 60],
        [10_417n, 48],
        [13_889n, 36],
        [20_834n, 24],
        [41_667n, 12],
        [83_334n, 6],
      ],
    );
    for (const o of result.options) {
      assert.equal(o.monthlyCents * BigInt(o.months - 1) + o.finalPaymentCents, 500_000n);
      assert.ok(o.finalPaymentCents > 0n && o.finalPaymentCents <= o.monthlyCents);
    }
  });
  it('the collection statute shortens the term: payments must end by the CSED', () => {
    // Due the 15th from 2025-01-15; CSED 2026-01-14 leaves 12 payments (Jan–Dec 2025).
    assert.equal(maxPlanMonths({ start: '2025-01-10', dueDay: 15, csed: '2026-01-14' }), 12);
    assert.equal(maxPlanMonths({ start: '2025-01-10', dueDay: 15, csed: '2026-01-15' }), 13); // inclusive
    assert.equal(maxPlanMonths({ start: '2025-01-16', dueDay: 15, csed: '2026-01-15' }), 12); // first due Feb 15
    assert.equal(maxPlanMonths({ start: '2025-01-10', dueDay: 15, csed: '2040-01-01' }), 72); // capped
    assert.equal(maxPlanMonths({ start: '2024-01-30', dueDay: 28, csed: '2024-02-29' }), 1); // leap Feb 28
    const result = planTerms({ owedCents: 1_200_000n, start: '2025-01-10', dueDay: 15, csed: '2026-01-14' });
    assert.ok(result.ok);
    assert.equal(result.maxMonths, 12);
    assert.equal(result.minimum.monthlyCents, 100_000n); // $12,000 ÷ 12, not ÷ 72
    assert.deepEqual(
      result.options.map((o) => o.months),
      [12, 6],
    );
  });
  it('refuses what cannot be a plan', () => {
    assert.deepEqual(planTerms({ owedCents: 0n, start: '2025-01-10', dueDay: 15 }), {
      ok: false,
      problem: 'nothing_owed',
    });
    assert.deepEqual(planTerms({ owedCents: 100n, start: '2025-01-10', dueDay: 29 }), {
      ok: false,
      problem: 'plan_due_day_out_of_range',
    });
    assert.deepEqual(planTerms({ owedCents: 100n, start: '2025-01-10', dueDay: 15, csed: '2025-01-14' }), {
      ok: false,
      problem: 'plan_csed_passed',
    });
  });
});

describe('due day, proposed payment, months to pay off', () => {
  const days: [number, boolean][] = [
    [0, false],
    [1, true],
    [15, true],
    [28, true],
    [29, false],
    [31, false],
    [1.5, false],
  ];
  for (const [day, ok] of days) it(`due day ${day}`, () => assert.equal(checkDueDay(day).ok, ok));
  const proposals: [bigint, bigint, string][] = [
    [6_945n, 6_945n, 'ok'], // exactly the minimum
    [6_944n, 6_945n, 'plan_payment_below_minimum'],
    [0n, 6_945n, 'plan_payment_not_positive'],
    [1_000_000n, 6_945n, 'ok'], // more than owed: paid in one month
  ];
  for (const [monthlyCents, minimumCents, expected] of proposals) {
    it(`${monthlyCents} against a minimum of ${minimumCents} → ${expected}`, () => {
      const result = checkProposedPayment({ monthlyCents, minimumCents });
      assert.equal(result.ok ? 'ok' : result.problem, expected);
    });
  }
  it('months to pay off', () => {
    assert.equal(monthsToPayOff(500_000n, 20_000n), 25);
    assert.equal(monthsToPayOff(500_000n, 20_001n), 25);
    assert.equal(monthsToPayOff(500_000n, 19_999n), 26);
    assert.equal(monthsToPayOff(0n, 100n), 0);
    assert.throws(() => monthsToPayOff(100n, 0n), RangeError);
  });
});

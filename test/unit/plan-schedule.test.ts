// A payment plan's calendar (pure): the monthly payments sum exactly to the amount owed with a
// smaller last one, short-term plans must finish by their pay-by date, day 28 through February,
// the first payment 30 days out, missed payments with partial and early payments, the CP523
// warning → default transitions, and the fee kind and problems of a revision.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  DEFAULT_WARNING_RESPONSE_DAYS,
  FIRST_PAYMENT_MIN_DAYS,
  MISSED_PAYMENT_GRACE_DAYS,
  firstPaymentDate,
  missedInstallments,
  nextInstallments,
  planInstallments,
  planStatusAfterMissed,
  revisionTerms,
  type Installment,
  type PlanStatus,
  type PlanStatusAction,
  type PaymentReceived,
} from '../../apps/account/src/domain/payments/plan-schedule.ts';
import { planUserFee, shortTermPayBy } from '../../apps/account/src/domain/payments/payment-plans.ts';

function schedule(input: Parameters<typeof planInstallments>[0]): Installment[] {
  const result = planInstallments(input);
  if (!result.ok) throw new Error(`expected a schedule, got ${result.problem}`);
  return result.installments;
}

const sum = (items: readonly Installment[]): bigint => items.reduce((total, i) => total + i.amountCents, 0n);

describe('planInstallments: the payments sum exactly to the amount owed', () => {
  // [owed, monthly, day, first payment, count, last amount, last date]
  const cases: [bigint, bigint, number, string, number, bigint, string][] = [
    [1_234_567n, 50_000n, 15, '2025-03-15', 25, 34_567n, '2027-03-15'],
    [100_000n, 25_000n, 1, '2025-02-01', 4, 25_000n, '2025-05-01'], // divides evenly: the last is not smaller
    [100_001n, 25_000n, 1, '2025-02-01', 5, 1n, '2025-06-01'], // one cent left over
    [1n, 500n, 10, '2025-01-10', 1, 1n, '2025-01-10'],
    [40_000n, 90_000n, 5, '2025-04-05', 1, 40_000n, '2025-04-05'], // more than owed: one payment
    [5_000_000n, 69_445n, 28, '2025-01-28', 72, 69_405n, '2030-12-28'], // $50,000 ÷ 72 rounded up
    [7_200n, 100n, 3, '2025-01-03', 72, 100n, '2030-12-03'], // exactly 72 payments
  ];
  for (const [owedCents, monthlyCents, paymentDay, first, count, lastAmount, lastDate] of cases) {
    it(`${owedCents}¢ at ${monthlyCents}¢ a month`, () => {
      const result = planInstallments({ owedCents, monthlyCents, paymentDay, firstPaymentDate: first });
      assert.ok(result.ok);
      assert.equal(result.installments.length, count);
      assert.equal(sum(result.installments), owedCents);
      assert.equal(result.totalCents, owedCents);
      const last = result.installments[count - 1]!;
      assert.equal(last.amountCents, lastAmount);
      assert.equal(last.date, lastDate);
      assert.equal(result.lastPaymentDate, lastDate);
      for (const installment of result.installments.slice(0, -1))
        assert.equal(installment.amountCents, monthlyCents);
      assert.ok(last.amountCents > 0n && last.amountCents <= monthlyCents);
      for (const installment of result.installments)
        assert.equal(Number(installment.date.slice(8)), paymentDay);
    });
  }

  it('holds for many amounts: all but the last equal the monthly amount, the last is 1¢..monthly', () => {
    for (const owedCents of [1n, 99n, 10_000n, 123_457n, 999_999n, 2_500_001n]) {
      for (const monthlyCents of [1_000n, 2_501n, 33_333n, 100_000n]) {
        const result = planInstallments({
          owedCents,
          monthlyCents,
          paymentDay: 7,
          firstPaymentDate: '2026-02-07',
        });
        if (!result.ok) {
          assert.equal(result.problem, 'plan_term_over_max_months');
          assert.ok(owedCents > monthlyCents * 72n);
          continue;
        }
        assert.equal(sum(result.installments), owedCents);
        const last = result.installments.at(-1)!;
        assert.ok(last.amountCents >= 1n && last.amountCents <= monthlyCents);
        assert.equal(result.installments.length, Number((owedCents + monthlyCents - 1n) / monthlyCents));
      }
    }
  });

  it('day 28 falls in February, in a leap year and not', () => {
    const dates = schedule({
      owedCents: 40_000n,
      monthlyCents: 10_000n,
      paymentDay: 28,
      firstPaymentDate: '2024-01-28',
    });
    assert.deepEqual(
      dates.map((i) => i.date),
      ['2024-01-28', '2024-02-28', '2024-03-28', '2024-04-28'],
    );
    const next = schedule({
      owedCents: 30_000n,
      monthlyCents: 10_000n,
      paymentDay: 28,
      firstPaymentDate: '2025-12-28',
    });
    assert.deepEqual(
      next.map((i) => i.date),
      ['2025-12-28', '2026-01-28', '2026-02-28'],
    );
  });

  // [input overrides, problem]
  const problems: [Partial<Parameters<typeof planInstallments>[0]>, string][] = [
    [{ owedCents: 0n }, 'nothing_owed'],
    [{ owedCents: -100n }, 'nothing_owed'],
    [{ monthlyCents: 0n }, 'plan_payment_not_positive'],
    [{ monthlyCents: -5n }, 'plan_payment_not_positive'],
    [{ paymentDay: 29, firstPaymentDate: '2025-03-29' }, 'plan_due_day_out_of_range'],
    [{ paymentDay: 0 }, 'plan_due_day_out_of_range'],
    [{ paymentDay: 15.5 }, 'plan_due_day_out_of_range'],
    [{ firstPaymentDate: '2025-03-16' }, 'plan_first_payment_date_invalid'], // not on the 15th
    [{ firstPaymentDate: '2025-02-30' }, 'plan_first_payment_date_invalid'],
    [{ firstPaymentDate: 'March 15' }, 'plan_first_payment_date_invalid'],
    [{ owedCents: 7_201n, monthlyCents: 100n }, 'plan_term_over_max_months'], // 73 payments
  ];
  for (const [overrides, problem] of problems) {
    it(`refuses ${JSON.stringify(overrides, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v))}: ${problem}`, () => {
      const result = planInstallments({
        owedCents: 100_000n,
        monthlyCents: 10_000n,
        paymentDay: 15,
        firstPaymentDate: '2025-03-15',
        ...overrides,
      });
      assert.equal(result.ok, false);
      assert.equal(!result.ok && result.problem, problem);
    });
  }
});

describe('planInstallments: short-term plans pay in full by payBy', () => {
  const today = '2025-01-20';
  const payBy = shortTermPayBy(today); // 180 days
  const first = firstPaymentDate(today, 15); // 2025-03-15: due dates 03-15 … 07-15 fit, 5 of them

  it('the dates that fit before payBy', () => {
    assert.equal(payBy, '2025-07-19');
    assert.equal(first, '2025-03-15');
  });

  // [owed, monthly, ok, problem details]
  const cases: [bigint, bigint, boolean, { requiredMonthlyCents?: bigint; lastPaymentDate?: string }][] = [
    [500_000n, 100_000n, true, {}], // 5 payments, the last on 07-15
    [500_000n, 500_000n, true, {}],
    [500_000n, 99_999n, false, { requiredMonthlyCents: 100_000n, lastPaymentDate: '2025-08-15' }],
    [500_001n, 100_000n, false, { requiredMonthlyCents: 100_001n, lastPaymentDate: '2025-08-15' }],
    [9_999_999n, 10_000n, false, { requiredMonthlyCents: 2_000_000n }], // 1,000 payments: no date given
  ];
  for (const [owedCents, monthlyCents, ok, details] of cases) {
    it(`${owedCents}¢ at ${monthlyCents}¢ by ${payBy}: ${ok ? 'fits' : 'does not fit'}`, () => {
      const result = planInstallments({
        owedCents,
        monthlyCents,
        paymentDay: 15,
        firstPaymentDate: first,
        payBy,
      });
      assert.equal(result.ok, ok);
      if (result.ok) {
        assert.ok(result.lastPaymentDate <= payBy);
        assert.equal(sum(result.installments), owedCents);
      } else {
        assert.equal(result.problem, 'plan_not_paid_by_pay_by');
        assert.equal(result.requiredMonthlyCents, details.requiredMonthlyCents);
        assert.equal(result.lastPaymentDate, details.lastPaymentDate);
      }
    });
  }

  it('a payment on payBy itself counts', () => {
    const result = planInstallments({
      owedCents: 300n,
      monthlyCents: 100n,
      paymentDay: 19,
      firstPaymentDate: '2025-05-19',
      payBy: '2025-07-19',
    });
    assert.ok(result.ok);
    assert.equal(result.lastPaymentDate, '2025-07-19');
  });

  it('no due date before payBy: refused without a required amount', () => {
    const result = planInstallments({
      owedCents: 300n,
      monthlyCents: 300n,
      paymentDay: 15,
      firstPaymentDate: '2025-08-15',
      payBy,
    });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.problem, 'plan_not_paid_by_pay_by');
    assert.equal(!result.ok && result.requiredMonthlyCents, undefined);
  });
});

describe('firstPaymentDate: the payment day on or after today + 30 days', () => {
  assert.equal(FIRST_PAYMENT_MIN_DAYS, 30);
  // [today, day, first payment]
  const cases: [string, number, string][] = [
    ['2025-01-20', 15, '2025-03-15'], // +30 = 02-19, past the 15th
    ['2025-01-20', 19, '2025-02-19'], // exactly 30 days
    ['2025-01-20', 20, '2025-02-20'],
    ['2025-12-15', 1, '2026-02-01'], // +30 = 2026-01-14
    ['2024-01-30', 28, '2024-03-28'], // +30 = 2024-02-29 (leap day), past the 28th
    ['2025-01-30', 28, '2025-03-28'], // +30 = 2025-03-01
    ['2025-01-29', 28, '2025-02-28'], // +30 = 2025-02-28
  ];
  for (const [today, day, expected] of cases) {
    it(`${today}, day ${day} → ${expected}`, () => assert.equal(firstPaymentDate(today, day), expected));
  }
  it('refuses a day outside 1–28 or a bad date', () => {
    assert.throws(() => firstPaymentDate('2025-01-20', 29), RangeError);
    assert.throws(() => firstPaymentDate('2025-01-20', 0), RangeError);
    assert.throws(() => firstPaymentDate('2025-13-01', 5), RangeError);
  });
});

describe('nextInstallments', () => {
  const plan = schedule({
    owedCents: 45_000n,
    monthlyCents: 10_000n,
    paymentDay: 10,
    firstPaymentDate: '2025-01-10',
  });
  // [today, count, dates]
  const cases: [string, number, string[]][] = [
    ['2025-01-01', 2, ['2025-01-10', '2025-02-10']],
    ['2025-02-10', 2, ['2025-02-10', '2025-03-10']], // one due today is still to come
    ['2025-02-11', 3, ['2025-03-10', '2025-04-10', '2025-05-10']],
    ['2025-04-11', 5, ['2025-05-10']],
    ['2025-05-11', 3, []],
    ['2025-01-01', 0, []],
  ];
  for (const [today, count, dates] of cases) {
    it(`${today}, ${count}`, () =>
      assert.deepEqual(
        nextInstallments(plan, today, count).map((i) => i.date),
        dates,
      ));
  }
  it('keeps the smaller last amount', () =>
    assert.equal(nextInstallments(plan, '2025-05-01', 1)[0]!.amountCents, 5_000n));
});

describe('missedInstallments: payments cover the earliest unpaid installment', () => {
  // $100 on the 15th of March, April and May 2025
  const plan = schedule({
    owedCents: 30_000n,
    monthlyCents: 10_000n,
    paymentDay: 15,
    firstPaymentDate: '2025-03-15',
  });
  const pay = (date: string, cents: bigint): PaymentReceived => ({ date, amountCents: cents });

  // [name, payments, today, grace, missed as [date, paid, unpaid, daysLate][], past due]
  const cases: [string, PaymentReceived[], string, number, [string, bigint, bigint, number][], bigint][] = [
    ['within the grace days', [], '2025-03-20', 5, [], 0n],
    ['the day after the grace days', [], '2025-03-21', 5, [['2025-03-15', 0n, 10_000n, 6]], 10_000n],
    ['no grace', [], '2025-03-16', 0, [['2025-03-15', 0n, 10_000n, 1]], 10_000n],
    ['due today, no grace: not yet', [], '2025-03-15', 0, [], 0n],
    ['paid on time', [pay('2025-03-15', 10_000n)], '2025-04-01', 5, [], 0n],
    [
      'a partial payment',
      [pay('2025-03-15', 6_000n)],
      '2025-04-01',
      5,
      [['2025-03-15', 6_000n, 4_000n, 17]],
      4_000n,
    ],
    [
      'a partial payment made up late',
      [pay('2025-03-15', 6_000n), pay('2025-03-25', 4_000n)],
      '2025-03-26',
      5,
      [],
      0n,
    ],
    [
      'an extra payment covers part of the next month',
      [pay('2025-03-10', 15_000n)],
      '2025-04-21',
      5,
      [['2025-04-15', 5_000n, 5_000n, 6]],
      5_000n,
    ],
    [
      'two months missed, one partly paid',
      [pay('2025-03-15', 10_000n), pay('2025-04-15', 2_500n)],
      '2025-05-21',
      5,
      [
        ['2025-04-15', 2_500n, 7_500n, 36],
        ['2025-05-15', 0n, 10_000n, 6],
      ],
      17_500n,
    ],
    ['paid ahead in full', [pay('2025-03-01', 30_000n)], '2025-06-01', 5, [], 0n],
    [
      'a payment dated after today does not count yet',
      [pay('2025-04-30', 10_000n)],
      '2025-03-25',
      5,
      [['2025-03-15', 0n, 10_000n, 10]],
      10_000n,
    ],
    [
      'a zero or negative amount is ignored',
      [pay('2025-03-15', 0n), pay('2025-03-15', -500n)],
      '2025-03-21',
      5,
      [['2025-03-15', 0n, 10_000n, 6]],
      10_000n,
    ],
  ];
  for (const [name, paymentsReceived, today, graceDays, expected, pastDue] of cases) {
    it(name, () => {
      const result = missedInstallments({ schedule: plan, paymentsReceived, today, graceDays });
      assert.deepEqual(
        result.missed.map((m) => [m.date, m.paidCents, m.unpaidCents, m.daysLate]),
        expected,
      );
      assert.equal(result.pastDueCents, pastDue);
    });
  }

  it('uses MISSED_PAYMENT_GRACE_DAYS when graceDays is not given', () => {
    assert.equal(MISSED_PAYMENT_GRACE_DAYS, 5);
    assert.equal(
      missedInstallments({ schedule: plan, paymentsReceived: [], today: '2025-03-20' }).missed.length,
      0,
    );
    assert.equal(
      missedInstallments({ schedule: plan, paymentsReceived: [], today: '2025-03-21' }).missed.length,
      1,
    );
  });

  it('refuses negative or fractional grace days', () => {
    assert.throws(() =>
      missedInstallments({ schedule: plan, paymentsReceived: [], today: '2025-03-21', graceDays: -1 }),
    );
    assert.throws(() =>
      missedInstallments({ schedule: plan, paymentsReceived: [], today: '2025-03-21', graceDays: 1.5 }),
    );
  });
});

describe('planStatusAfterMissed: active → default warning (CP523) → defaulted', () => {
  assert.equal(DEFAULT_WARNING_RESPONSE_DAYS, 30);
  const missedOne = missedInstallments({
    schedule: [{ date: '2025-03-15', amountCents: 10_000n }],
    paymentsReceived: [],
    today: '2025-03-22',
  }).missed;
  assert.equal(missedOne.length, 1);

  // [status, missed?, today, notice date, next status, action, respond by]
  const cases: [
    PlanStatus,
    boolean,
    string,
    string | undefined,
    PlanStatus,
    PlanStatusAction,
    string | undefined,
  ][] = [
    ['active', false, '2025-03-22', undefined, 'active', 'none', undefined],
    ['active', true, '2025-03-22', undefined, 'default_warning', 'send_default_warning', '2025-04-21'],
    ['default_warning', false, '2025-04-01', '2025-03-22', 'active', 'warning_cured', undefined],
    ['default_warning', true, '2025-04-01', '2025-03-22', 'default_warning', 'none', '2025-04-21'],
    ['default_warning', true, '2025-04-21', '2025-03-22', 'default_warning', 'none', '2025-04-21'], // the 30th day
    ['default_warning', true, '2025-04-22', '2025-03-22', 'defaulted', 'default_plan', undefined],
    ['default_warning', false, '2025-05-30', '2025-03-22', 'active', 'warning_cured', undefined], // paid late but before it was checked
    ['defaulted', false, '2025-06-01', undefined, 'defaulted', 'none', undefined],
    ['defaulted', true, '2025-06-01', undefined, 'defaulted', 'none', undefined],
  ];
  for (const [status, missed, today, warningNoticeDate, next, action, respondBy] of cases) {
    it(`${status}, ${missed ? 'a payment missed' : 'nothing missed'}, ${today} → ${next}`, () => {
      const result = planStatusAfterMissed({
        status,
        missed: missed ? missedOne : [],
        today,
        ...(warningNoticeDate && { warningNoticeDate }),
      });
      assert.equal(result.status, next);
      assert.equal(result.action, action);
      assert.equal(result.respondBy, respondBy);
    });
  }

  it('a default warning needs its notice date', () => {
    assert.throws(
      () => planStatusAfterMissed({ status: 'default_warning', missed: missedOne, today: '2025-04-01' }),
      RangeError,
    );
  });

  it('end to end: a schedule, a missed month, the warning, then default', () => {
    const plan = schedule({
      owedCents: 60_000n,
      monthlyCents: 20_000n,
      paymentDay: 1,
      firstPaymentDate: '2025-02-01',
    });
    const paymentsReceived = [{ date: '2025-02-01', amountCents: 20_000n }];
    const march = missedInstallments({ schedule: plan, paymentsReceived, today: '2025-03-07' });
    assert.deepEqual(
      march.missed.map((m) => m.date),
      ['2025-03-01'],
    );
    const warned = planStatusAfterMissed({ status: 'active', missed: march.missed, today: '2025-03-07' });
    assert.equal(warned.status, 'default_warning');
    const later = missedInstallments({ schedule: plan, paymentsReceived, today: '2025-04-07' });
    assert.equal(later.pastDueCents, 40_000n);
    const ended = planStatusAfterMissed({
      status: warned.status,
      missed: later.missed,
      today: '2025-04-07',
      warningNoticeDate: '2025-03-07',
    });
    assert.deepEqual([ended.status, ended.action], ['defaulted', 'default_plan']);
  });
});

describe('revisionTerms: fee kind and problems', () => {
  const current = { monthlyCents: 20_000n, paymentDay: 15, directDebit: false, minimumCents: 15_000n };
  const directDebit = { ...current, directDebit: true };

  // [name, current, change, ok, fee kind, changes, problems]
  const cases: [
    string,
    typeof current,
    Parameters<typeof revisionTerms>[1],
    boolean,
    string,
    string[],
    string[],
  ][] = [
    ['a higher payment', current, { monthlyCents: 25_000n }, true, 'revision', ['monthly_amount'], []],
    [
      'down to exactly the minimum',
      current,
      { monthlyCents: 15_000n },
      true,
      'revision',
      ['monthly_amount'],
      [],
    ],
    [
      'below the minimum',
      current,
      { monthlyCents: 14_999n },
      false,
      'revision',
      ['monthly_amount'],
      ['plan_payment_below_minimum'],
    ],
    [
      'zero',
      current,
      { monthlyCents: 0n },
      false,
      'revision',
      ['monthly_amount'],
      ['plan_payment_not_positive'],
    ],
    ['a new day', current, { paymentDay: 28 }, true, 'revision', ['payment_day'], []],
    [
      'day 29',
      current,
      { paymentDay: 29 },
      false,
      'revision',
      ['payment_day'],
      ['plan_due_day_out_of_range'],
    ],
    [
      'convert to direct debit',
      current,
      { convertToDirectDebit: true },
      true,
      'revision',
      ['direct_debit'],
      [],
    ],
    [
      'a direct-debit plan changes its day',
      directDebit,
      { paymentDay: 3 },
      true,
      'revision-direct-debit',
      ['payment_day'],
      [],
    ],
    [
      'a direct-debit plan, already direct debit',
      directDebit,
      { convertToDirectDebit: true },
      false,
      'revision-direct-debit',
      [],
      ['plan_revision_nothing_changed'],
    ],
    ['nothing asked', current, {}, false, 'revision', [], ['plan_revision_nothing_changed']],
    [
      'the same values',
      current,
      { monthlyCents: 20_000n, paymentDay: 15, convertToDirectDebit: false },
      false,
      'revision',
      [],
      ['plan_revision_nothing_changed'],
    ],
    [
      'several changes, two problems',
      current,
      { monthlyCents: 100n, paymentDay: 31, convertToDirectDebit: true },
      false,
      'revision',
      ['monthly_amount', 'payment_day', 'direct_debit'],
      ['plan_payment_below_minimum', 'plan_due_day_out_of_range'],
    ],
  ];
  for (const [name, plan, change, ok, feeKind, changes, problems] of cases) {
    it(name, () => {
      const result = revisionTerms(plan, change);
      assert.equal(result.ok, ok);
      assert.equal(result.feeKind, feeKind);
      assert.deepEqual(result.changes, changes);
      assert.deepEqual(result.problems, problems);
    });
  }

  it('gives the terms after the change', () => {
    assert.deepEqual(revisionTerms(current, { paymentDay: 1, convertToDirectDebit: true }).next, {
      monthlyCents: 20_000n,
      paymentDay: 1,
      directDebit: true,
    });
  });

  it('the fee for the kind: $10 online, $0 for an existing direct-debit plan', () => {
    const fee = (kind: ReturnType<typeof revisionTerms>['feeKind']) => {
      const result = planUserFee({ kind, channel: 'online', lowIncome: false, asOf: '2025-06-01' });
      assert.ok(result.ok);
      return result.feeCents;
    };
    assert.equal(fee(revisionTerms(current, { paymentDay: 2 }).feeKind), 1_000n);
    assert.equal(fee(revisionTerms(directDebit, { paymentDay: 2 }).feeKind), 0n);
  });
});

// The money side of a dishonored payment, on modules built by hand: a TC 671 takes its TC 670
// out of the scenario as if never made (by payment id; without one, the latest earlier 670 of
// the same amount), a 671 that reverses nothing or a different amount is an inconsistent
// module, and the TC 280 penalty is added to the year's penalties and balance — paid first
// by any credit the year has. Scenario amounts and balances are worked out by hand.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  InconsistentModuleError,
  moduleScenario,
  type ScenarioModule,
} from '../../apps/account/src/domain/records/module-scenario.ts';
import { paymentsOf, yearBalance } from '../../apps/account/src/domain/records/account-overview.ts';
import { cycleOf } from '../../apps/account/src/domain/records/posting-cycle.ts';
import type {
  TaxModule,
  Transaction,
  TransactionCode,
} from '../../apps/account/src/domain/records/tax-records.ts';

const TAX_YEAR = 2024;
const DUE = '2025-04-15';
const FILED = '2025-04-10';

/** A transaction, amount signed as on a transcript (payments negative, 671 and 280 positive). */
function tx(code: TransactionCode, date: string, amountCents: number, paymentId?: string): Transaction {
  return {
    code,
    actionCode: null,
    date,
    cycle: cycleOf(date),
    amountCents,
    relatedTaxYear: null,
    ...(paymentId === undefined ? {} : { paymentId }),
  };
}

function module(transactions: Transaction[]): TaxModule {
  return {
    id: 'm-2024',
    taxYear: TAX_YEAR,
    form: '1040',
    dueDate: DUE,
    filedDate: FILED,
    transactions,
    returns: [],
  };
}

const scenario = (transactions: Transaction[], asOf = '2025-09-30') =>
  moduleScenario(module(transactions) as ScenarioModule, [], asOf);

/** The scenario's unpaid tax and payments, the parts a 671 changes. */
const money = (transactions: Transaction[], asOf?: string) => {
  const { tax, payments } = scenario(transactions, asOf);
  return { tax, payments };
};

describe('moduleScenario: a TC 671 takes out the payment it reverses', () => {
  it('by payment id: the 670 with that id goes, even when a later 670 has the same amount', () => {
    const result = money([
      tx(150, FILED, 100_000),
      tx(806, DUE, -100_000),
      tx(670, '2025-06-02', -30_000, 'p1'),
      tx(670, '2025-07-01', -30_000, 'p2'),
      tx(671, '2025-07-21', 30_000, 'p1'),
    ]);
    // Matching by amount would have taken the later one (July 1).
    assert.deepEqual(result, { tax: '0.00', payments: [{ date: '2025-07-01', amount: '300.00' }] });
  });

  it('without a payment id: the latest earlier 670 of the same amount', () => {
    const result = money([
      tx(150, FILED, 200_000),
      tx(670, '2025-06-02', -50_000),
      tx(670, '2025-07-01', -50_000), // ← the latest earlier one of $500
      tx(670, '2025-07-10', -20_000), // later, but $200
      tx(671, '2025-08-04', 50_000),
      tx(670, '2025-09-02', -50_000), // $500, but after the 671
    ]);
    assert.deepEqual(result, {
      tax: '2000.00',
      payments: [
        { date: '2025-06-02', amount: '500.00' },
        { date: '2025-07-10', amount: '200.00' },
        { date: '2025-09-02', amount: '500.00' },
      ],
    });
  });

  it('two 671s of the same amount reverse two different 670s', () => {
    const result = money([
      tx(150, FILED, 200_000),
      tx(670, '2025-06-02', -50_000),
      tx(670, '2025-07-01', -50_000),
      tx(671, '2025-07-15', 50_000),
      tx(671, '2025-08-04', 50_000),
    ]);
    assert.deepEqual(result, { tax: '2000.00', payments: [] });
  });

  it('input order does not matter: the transactions are sorted by date first', () => {
    const result = money([
      tx(671, '2025-08-04', 50_000),
      tx(670, '2025-07-01', -50_000),
      tx(150, FILED, 200_000),
      tx(670, '2025-06-02', -50_000),
    ]);
    assert.deepEqual(result, { tax: '2000.00', payments: [{ date: '2025-06-02', amount: '500.00' }] });
  });

  it('a timely payment reversed: the tax at the due date is unpaid again', () => {
    const transactions = [
      tx(150, FILED, 100_000),
      tx(670, '2025-04-01', -100_000, 'p1'),
      tx(671, '2025-04-21', 100_000, 'p1'),
    ];
    assert.deepEqual(money(transactions), { tax: '1000.00', payments: [] });
    // Before the 671 posted, the payment still counted.
    assert.deepEqual(money(transactions, '2025-04-18'), { tax: '0.00', payments: [] });
  });

  it('the TC 280 penalty is not an engine input', () => {
    const without = [
      tx(150, FILED, 100_000),
      tx(806, DUE, -100_000),
      tx(670, '2025-06-02', -30_000, 'p1'),
      tx(671, '2025-06-16', 30_000, 'p1'),
    ];
    const withPenalty = [...without, tx(280, '2025-06-16', 2_500, 'p1')];
    assert.deepEqual(money(withPenalty), { tax: '0.00', payments: [] });
    assert.deepEqual(scenario(withPenalty), scenario(without));
  });
});

describe('moduleScenario: a TC 671 that does not fit the module is refused', () => {
  const rows: [string, Transaction[], RegExp][] = [
    [
      'a 671 with no 670 at all',
      [tx(150, FILED, 100_000), tx(671, '2025-07-21', 30_000)],
      /reverses no payment/,
    ],
    [
      'a 671 whose payment id matches no 670',
      [tx(150, FILED, 100_000), tx(670, '2025-06-02', -30_000, 'p1'), tx(671, '2025-07-21', 30_000, 'p9')],
      /reverses no payment/,
    ],
    [
      'a 671 without an id and no 670 of its amount',
      [tx(150, FILED, 100_000), tx(670, '2025-06-02', -30_000), tx(671, '2025-07-21', 30_001)],
      /reverses no payment/,
    ],
    [
      'a 671 dated before its 670',
      [tx(150, FILED, 100_000), tx(670, '2025-07-01', -30_000, 'p1'), tx(671, '2025-06-20', 30_000, 'p1')],
      /reverses no payment/,
    ],
    [
      'the same payment dishonored twice',
      [
        tx(150, FILED, 100_000),
        tx(670, '2025-06-02', -30_000, 'p1'),
        tx(671, '2025-06-16', 30_000, 'p1'),
        tx(671, '2025-06-30', 30_000, 'p1'),
      ],
      /reverses no payment/,
    ],
    [
      'a 671 for a cent more than its 670',
      [tx(150, FILED, 100_000), tx(670, '2025-06-02', -30_000, 'p1'), tx(671, '2025-07-21', 30_001, 'p1')],
      /differs from the payment it reverses/,
    ],
    [
      'a 671 for less than its 670',
      [tx(150, FILED, 100_000), tx(670, '2025-06-02', -30_000, 'p1'), tx(671, '2025-07-21', 10_000, 'p1')],
      /differs from the payment it reverses/,
    ],
  ];
  for (const [why, transactions, message] of rows) {
    it(why, () => {
      assert.throws(
        () => scenario(transactions),
        (error: unknown) =>
          error instanceof InconsistentModuleError &&
          message.test(error.message) &&
          error.message.startsWith(`Tax year ${TAX_YEAR}:`),
      );
    });
  }

  it('a 671 dated after asOf is not looked at yet', () => {
    const transactions = [tx(150, FILED, 100_000), tx(671, '2025-07-21', 30_000)];
    assert.deepEqual(money(transactions, '2025-07-20'), { tax: '1000.00', payments: [] });
  });
});

describe('yearBalance: the TC 280 penalty in the year balance', () => {
  it('owed tax, no credit: the penalty adds to the penalties and the balance', () => {
    // $1,000 assessed, $600 withheld; a $200 payment in March dishonored (penalty: $25,
    // the lesser of $25 and the payment, it being under $1,250). As of the due date: no
    // penalty or interest has run yet, so $400 of tax + $25.
    const year = yearBalance(
      module([
        tx(150, FILED, 100_000),
        tx(806, DUE, -60_000),
        tx(670, '2025-03-03', -20_000, 'p1'),
        tx(671, '2025-03-17', 20_000, 'p1'),
        tx(280, '2025-03-17', 2_500, 'p1'),
      ]),
      [],
      DUE,
    );
    assert.deepEqual(year, {
      taxYear: TAX_YEAR,
      dueDate: DUE,
      filedDate: FILED,
      taxCents: 40_000,
      failureToFileCents: 0,
      failureToPayCents: 0,
      dishonoredPaymentCents: 2_500,
      penaltiesCents: 2_500,
      interestCents: 0,
      balanceCents: 42_500,
      creditCents: 0,
    });
  });

  it('two dishonored payments: both penalties ($40 on $2,000, $25 on $100)', () => {
    const year = yearBalance(
      module([
        tx(150, FILED, 100_000),
        tx(806, DUE, -100_000),
        tx(670, '2025-06-02', -200_000, 'p1'),
        tx(671, '2025-06-16', 200_000, 'p1'),
        tx(280, '2025-06-16', 4_000, 'p1'),
        tx(670, '2025-07-01', -10_000, 'p2'),
        tx(671, '2025-07-15', 10_000, 'p2'),
        tx(280, '2025-07-15', 2_500, 'p2'),
      ]),
      [],
      '2025-08-01',
    );
    assert.equal(year.taxCents, 0);
    assert.equal(year.dishonoredPaymentCents, 6_500);
    assert.equal(year.penaltiesCents, 6_500);
    assert.equal(year.balanceCents, 6_500);
    assert.equal(year.creditCents, 0);
  });

  const overpaid = [
    tx(150, FILED, 100_000),
    tx(806, DUE, -100_000),
    tx(670, '2025-06-02', -30_000, 'p1'), // $300 more than owed: a credit
    tx(670, '2025-07-01', -50_000, 'p2'),
    tx(671, '2025-07-21', 50_000, 'p2'),
    tx(280, '2025-07-21', 2_500, 'p2'),
  ];

  it('a credit larger than the penalty pays it: nothing owed, the credit less $25', () => {
    const year = yearBalance(module(overpaid), [], '2025-08-01');
    assert.equal(year.taxCents, 0);
    assert.equal(year.dishonoredPaymentCents, 2_500);
    assert.equal(year.penaltiesCents, 2_500, 'still shown as assessed');
    assert.equal(year.balanceCents, 0);
    assert.equal(year.creditCents, 27_500); // $300 − $25; the dishonored $500 is not a credit
  });

  it('a credit smaller than the penalty pays part of it', () => {
    const year = yearBalance(
      module([
        tx(150, FILED, 100_000),
        tx(806, DUE, -100_000),
        tx(670, '2025-06-02', -1_000, 'p1'), // $10 more than owed
        tx(670, '2025-07-01', -50_000, 'p2'),
        tx(671, '2025-07-21', 50_000, 'p2'),
        tx(280, '2025-07-21', 2_500, 'p2'),
      ]),
      [],
      '2025-08-01',
    );
    assert.equal(year.dishonoredPaymentCents, 2_500);
    assert.equal(year.balanceCents, 1_500); // $25 − $10
    assert.equal(year.creditCents, 0);
  });

  it('a credit exactly the penalty: both come to zero', () => {
    const year = yearBalance(
      module([
        tx(150, FILED, 100_000),
        tx(806, DUE, -102_500), // $25 over-withheld
        tx(670, '2025-07-01', -50_000, 'p2'),
        tx(671, '2025-07-21', 50_000, 'p2'),
        tx(280, '2025-07-21', 2_500, 'p2'),
      ]),
      [],
      '2025-08-01',
    );
    assert.equal(year.balanceCents, 0);
    assert.equal(year.creditCents, 0);
    assert.equal(year.dishonoredPaymentCents, 2_500);
  });

  it('before the 671 and the 280 post: both payments are a credit, no penalty', () => {
    const year = yearBalance(module(overpaid), [], '2025-07-15');
    assert.equal(year.dishonoredPaymentCents, 0);
    assert.equal(year.penaltiesCents, 0);
    assert.equal(year.balanceCents, 0);
    assert.equal(year.creditCents, 80_000);
  });

  it('with failure-to-pay and interest running, the penalties are their sum', () => {
    // $400 unpaid at the due date (a $200 payment dishonored before it). As of April 16, the
    // first day of month 1: failure to pay 0.5% × $400 = $2.00; interest one day at the
    // 7% rate of Q2 2025: $400 × 0.07 / 365 = 7.67¢ → 8¢.
    const year = yearBalance(
      module([
        tx(150, FILED, 100_000),
        tx(806, DUE, -60_000),
        tx(670, '2025-03-03', -20_000, 'p1'),
        tx(671, '2025-03-17', 20_000, 'p1'),
        tx(280, '2025-03-17', 2_500, 'p1'),
      ]),
      [],
      '2025-04-16',
    );
    assert.equal(year.taxCents, 40_000);
    assert.equal(year.failureToFileCents, 0);
    assert.equal(year.failureToPayCents, 200);
    assert.equal(year.interestCents, 8);
    assert.equal(year.penaltiesCents, 200 + 2_500);
    assert.equal(year.balanceCents, 40_000 + 200 + 8 + 2_500);
  });
});

describe('paymentsOf: a payment the bank returned is not listed as money received', () => {
  it('lists the payment that stood, not the one reversed by TC 671', () => {
    const records = {
      taxpayerId: 't',
      modules: [
        module([
          tx(150, '2025-05-12', 300_000),
          tx(670, '2025-06-02', -50_000, 'returned'),
          tx(671, '2025-06-04', 50_000, 'returned'),
          tx(280, '2025-06-04', 2_500),
          tx(670, '2025-06-10', -40_000, 'good'),
        ]),
      ],
      informationReturns: [],
      notices: [],
      paymentPlan: undefined,
    };
    assert.deepEqual(
      paymentsOf(records, '2025-09-30').map((p) => [p.date, p.amountCents]),
      [['2025-06-10', 40_000]],
    );
  });
});

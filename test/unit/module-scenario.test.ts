// From a tax module's transactions to the money engine's scenario: one row per rule of
// apps/account/src/domain/records/module-scenario.ts, then every demo module checked by the
// engine's own input validation on several dates.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  InconsistentModuleError,
  moduleScenario,
  type ScenarioModule,
} from '../../apps/account/src/domain/records/module-scenario.ts';
import { dollarsToCents } from '../../apps/account/src/domain/records/cents.ts';
import type {
  Notice,
  Transaction,
  TransactionCode,
} from '../../apps/account/src/domain/records/tax-records.ts';
import { computeBalance, parseMoneyScenario } from '../../apps/account/src/domain/money/balance.ts';
import { DEMO_TAXPAYERS } from '../../apps/account/src/seed/demo-taxpayers.ts';
import { withAssessments } from '../../apps/account/src/seed/seed-account.ts';

const DUE = '2024-04-15';
const AS_OF = '2026-01-31';

/** A transaction; `dollars` signed as on a transcript (credits negative). */
function t(
  code: TransactionCode,
  date: string,
  dollars: string,
  more: Partial<Transaction> = {},
): Transaction {
  return {
    code,
    actionCode: null,
    date,
    cycle: '20241605',
    amountCents: dollarsToCents(dollars),
    relatedTaxYear: null,
    ...more,
  };
}
const ac = (code: 971 | 972, actionCode: string, date: string) => t(code, date, '0', { actionCode });
const n = (code: Notice['code'], issuedDate: string) => ({ code, issuedDate });

interface Row {
  name: string;
  transactions: Transaction[];
  filedDate?: string | null;
  notices?: { code: Notice['code']; issuedDate: string }[];
  asOf?: string;
  expect: {
    tax: string;
    payments?: { date: string; amount: string }[];
    installmentAgreement?: { from: string; to: string | null };
    noticeDate?: string | null;
    levyNoticeDate?: string | null;
    filedDate?: string | null;
  };
}

const ROWS: Row[] = [
  {
    name: '150 with 806 covering it: nothing unpaid',
    transactions: [t(150, '2024-03-18', '5000.00'), t(806, DUE, '-5000.00')],
    expect: { tax: '0.00', payments: [] },
  },
  {
    name: '150 less 806: the unpaid tax at the due date',
    transactions: [t(150, '2024-05-20', '5000.00'), t(806, DUE, '-4000.00')],
    expect: { tax: '1000.00', payments: [] },
  },
  {
    name: '610 with a timely return is taken off the tax',
    transactions: [t(150, '2024-04-29', '3000.00'), t(610, '2024-04-10', '-1200.00')],
    expect: { tax: '1800.00', payments: [] },
  },
  {
    name: '670 on the due date counts as timely',
    transactions: [t(150, '2024-04-29', '3000.00'), t(670, DUE, '-3000.00')],
    expect: { tax: '0.00', payments: [] },
  },
  {
    name: '610 and 670 after the due date are payments on their dates',
    transactions: [
      t(150, '2024-06-03', '3000.00'),
      t(610, '2024-05-20', '-1000.00'),
      t(670, '2025-01-10', '-500.00'),
    ],
    filedDate: '2024-05-20',
    expect: {
      tax: '3000.00',
      filedDate: '2024-05-20',
      payments: [
        { date: '2024-05-20', amount: '1000.00' },
        { date: '2025-01-10', amount: '500.00' },
      ],
    },
  },
  {
    name: 'overpaid and not yet refunded: the excess stays as a payment on the due date (a credit)',
    transactions: [t(150, '2024-03-18', '5000.00'), t(806, DUE, '-5600.00')],
    expect: { tax: '0.00', payments: [{ date: DUE, amount: '600.00' }] },
  },
  {
    name: '846 before the due date reduces the credits at the due date',
    transactions: [t(150, '2024-03-18', '5000.00'), t(846, '2024-03-22', '600.00'), t(806, DUE, '-5600.00')],
    expect: { tax: '0.00', payments: [] },
  },
  {
    name: '846 after the due date takes back the excess',
    transactions: [t(150, '2024-03-18', '5000.00'), t(806, DUE, '-5600.00'), t(846, '2024-05-03', '600.00')],
    expect: { tax: '0.00', payments: [] },
  },
  {
    name: '846 after the due date takes back the latest payment before it, not a later one',
    transactions: [
      t(150, '2024-05-20', '1000.00'),
      t(670, '2024-06-01', '-1300.00'),
      t(846, '2024-07-01', '300.00'),
      t(670, '2024-08-01', '-50.00'),
    ],
    expect: {
      tax: '1000.00',
      payments: [
        { date: '2024-06-01', amount: '1000.00' },
        { date: '2024-08-01', amount: '50.00' },
      ],
    },
  },
  {
    name: '826 (offset out to another year) before the due date, like a refund',
    transactions: [t(150, '2024-03-18', '7100.00'), t(826, '2024-03-31', '1850.00'), t(806, DUE, '-8950.00')],
    expect: { tax: '0.00', payments: [] },
  },
  {
    name: '706 (credit in from another year) is a payment on its date',
    transactions: [
      t(150, '2024-05-20', '2200.00'),
      t(706, '2025-03-31', '-1850.00', { relatedTaxYear: 2024 }),
    ],
    expect: { tax: '2200.00', payments: [{ date: '2025-03-31', amount: '1850.00' }] },
  },
  {
    name: '290 adds tax due on the original due date; a refund issued before leaves it all unpaid',
    transactions: [
      t(150, '2024-03-18', '5400.00'),
      t(846, '2024-03-22', '800.00'),
      t(806, DUE, '-6200.00'),
      t(670, '2025-02-10', '-1300.00'),
      t(290, '2025-03-24', '1300.00'),
    ],
    expect: { tax: '1300.00', payments: [{ date: '2025-02-10', amount: '1300.00' }] },
  },
  {
    name: '291 abates tax as if never assessed',
    transactions: [t(150, '2024-05-20', '3000.00'), t(291, '2025-01-06', '-1000.00')],
    expect: { tax: '2000.00', payments: [] },
  },
  {
    name: '291 after the tax was paid leaves a credit',
    transactions: [t(150, '2024-05-20', '3000.00'), t(806, DUE, '-3000.00'), t(291, '2025-01-06', '-400.00')],
    expect: { tax: '0.00', payments: [{ date: DUE, amount: '400.00' }] },
  },
  {
    name: '166, 276 and 196 are not inputs (the engine recomputes them)',
    transactions: [
      t(150, '2024-05-20', '1000.00'),
      t(166, '2024-05-20', '45.00'),
      t(276, '2024-05-20', '5.00'),
      t(196, '2024-05-20', '3.10'),
    ],
    expect: { tax: '1000.00', payments: [] },
  },
  {
    name: '971 AC 043 (pending) does not start a plan; 971 AC 063 does',
    transactions: [
      t(150, '2024-05-20', '6400.00'),
      ac(971, '043', '2024-06-10'),
      ac(971, '063', '2024-07-01'),
    ],
    expect: { tax: '6400.00', installmentAgreement: { from: '2024-07-01', to: null } },
  },
  {
    name: '972 AC 063 ends the plan',
    transactions: [
      t(150, '2024-05-20', '6400.00'),
      ac(971, '063', '2024-07-01'),
      ac(972, '063', '2025-03-01'),
    ],
    expect: { tax: '6400.00', installmentAgreement: { from: '2024-07-01', to: '2025-03-01' } },
  },
  {
    name: 'a plan established again after an end: the latest one counts',
    transactions: [
      t(150, '2024-05-20', '6400.00'),
      ac(971, '063', '2024-07-01'),
      ac(972, '063', '2025-03-01'),
      ac(971, '063', '2025-06-02'),
    ],
    expect: { tax: '6400.00', installmentAgreement: { from: '2025-06-02', to: null } },
  },
  {
    name: 'other 971 action codes change nothing',
    transactions: [t(150, '2024-05-20', '100.00'), ac(971, '010', '2024-06-10')],
    expect: { tax: '100.00', payments: [] },
  },
  {
    name: 'notices: the first notice and demand, and the first notice of intent to levy',
    transactions: [t(150, '2024-05-20', '3320.00')],
    notices: [
      n('CP501', '2024-06-24'),
      n('CP14', '2024-05-20'),
      n('CP504', '2024-09-02'),
      n('CP14', '2024-11-04'),
      n('LT11', '2025-01-06'),
    ],
    expect: { tax: '3320.00', noticeDate: '2024-05-20', levyNoticeDate: '2024-09-02' },
  },
  {
    name: 'notices before the due date or after asOf are left out',
    transactions: [t(150, '2024-05-20', '100.00')],
    notices: [n('CP14', '2024-03-01'), n('CP504', '2026-06-01')],
    expect: { tax: '100.00', noticeDate: null, levyNoticeDate: null },
  },
  {
    name: 'as of an earlier date: later transactions, filing and notices do not exist yet (withholding does)',
    transactions: [
      t(806, DUE, '-2000.00'),
      t(150, '2025-02-24', '7350.00'),
      t(670, '2025-03-20', '-1200.00'),
    ],
    filedDate: '2025-01-21',
    notices: [n('CP14', '2025-02-24')],
    asOf: '2024-12-31',
    expect: { tax: '0.00', payments: [{ date: DUE, amount: '2000.00' }], filedDate: null, noticeDate: null },
  },
  {
    name: 'as of a date before the withholding’s conventional date, a refund already issued comes out of it',
    transactions: [t(150, '2024-03-04', '8420.00'), t(846, '2024-03-08', '1190.00'), t(806, DUE, '-9610.00')],
    asOf: '2024-03-31',
    expect: { tax: '0.00', payments: [] },
  },
];

describe('moduleScenario: from transactions to the money engine’s scenario', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const module: ScenarioModule = {
        taxYear: 2023,
        dueDate: DUE,
        filedDate: row.filedDate === undefined ? '2024-04-10' : row.filedDate,
        transactions: row.transactions,
      };
      const asOf = row.asOf ?? AS_OF;
      const scenario = moduleScenario(module, row.notices ?? [], asOf);
      assert.equal(scenario.dueDate, DUE);
      assert.equal(scenario.asOf, asOf);
      assert.equal(scenario.tax, row.expect.tax);
      if (row.expect.payments) assert.deepEqual(scenario.payments, row.expect.payments);
      assert.deepEqual(scenario.installmentAgreement, row.expect.installmentAgreement);
      if (row.expect.noticeDate !== undefined) assert.equal(scenario.noticeDate, row.expect.noticeDate);
      if (row.expect.levyNoticeDate !== undefined)
        assert.equal(scenario.levyNoticeDate, row.expect.levyNoticeDate);
      if (row.expect.filedDate !== undefined) assert.equal(scenario.filedDate, row.expect.filedDate);
      // Whatever the row, the engine accepts the scenario as it is.
      assert.deepEqual(parseMoneyScenario(JSON.parse(JSON.stringify(scenario))), {
        ...scenario,
        noticeDate: scenario.noticeDate ?? null,
        levyNoticeDate: scenario.levyNoticeDate ?? null,
      });
    });
  }

  it('the input is not changed', () => {
    const transactions = [t(670, '2025-01-10', '-500.00'), t(150, '2024-05-20', '3000.00')];
    const copy = structuredClone(transactions);
    moduleScenario({ taxYear: 2023, dueDate: DUE, filedDate: DUE, transactions }, [], AS_OF);
    assert.deepEqual(transactions, copy);
  });

  const BAD: [string, Transaction[], RegExp][] = [
    ['a negative assessment', [t(150, '2024-05-20', '-10.00')], /TC 150 must not be negative/],
    [
      'a positive payment',
      [t(150, '2024-05-20', '10.00'), t(670, '2025-01-10', '5.00')],
      /TC 670 must not be positive/,
    ],
    ['an amount on a 971', [t(971, '2024-07-01', '1.00', { actionCode: '063' })], /TC 971 carries no amount/],
    [
      'abatements beyond the tax',
      [t(150, '2024-05-20', '10.00'), t(291, '2025-01-10', '-20.00')],
      /abatements exceed/,
    ],
    [
      'a refund with nothing to refund',
      [t(150, '2024-05-20', '10.00'), t(846, '2025-01-10', '5.00')],
      /refunds and offsets exceed/,
    ],
    [
      'a refund before the due date beyond the credits',
      [t(150, '2024-03-01', '10.00'), t(846, '2024-03-05', '15.00'), t(806, DUE, '-10.00')],
      /refunds and offsets exceed/,
    ],
  ];
  for (const [name, transactions, message] of BAD) {
    it(`refuses inconsistent records: ${name}`, () => {
      assert.throws(
        () => moduleScenario({ taxYear: 2023, dueDate: DUE, filedDate: DUE, transactions }, [], AS_OF),
        (error: unknown) =>
          error instanceof InconsistentModuleError &&
          message.test(error.message) &&
          /2023/.test(error.message),
      );
    });
  }
});

describe('every demo module maps to a scenario the engine accepts, on any date', () => {
  const dates = ['2022-01-01', '2023-06-30', '2024-04-15', '2025-03-31', '2026-11-25', '2027-11-25'];
  for (const person of DEMO_TAXPAYERS) {
    it(`${person.givenName} ${person.familyName}`, () => {
      for (const module of person.modules) {
        const notices = person.notices.filter((x) => x.taxYear === module.taxYear);
        const transactions = withAssessments(module, notices);
        for (const asOf of dates) {
          const scenario = moduleScenario({ ...module, transactions }, notices, asOf);
          parseMoneyScenario(JSON.parse(JSON.stringify(scenario)));
          const result = computeBalance(scenario);
          assert.ok(!result.balanceDue.startsWith('-'), `${module.taxYear} on ${asOf}`);
        }
      }
    });
  }
});

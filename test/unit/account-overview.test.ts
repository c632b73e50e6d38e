// The home page's figures from a taxpayer's records (pure): the payment plan's status from
// TC 971/972, payments newest first, the payoff as the sum of the engine's balances, and the
// exact cents and agency-date helpers underneath.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  accountOverview,
  paymentsOf,
  planStatus,
  yearBalance,
} from '../../apps/account/src/domain/records/account-overview.ts';
import {
  addDays,
  agencyToday,
  daysBetween,
  nextDayOfMonth,
} from '../../apps/account/src/domain/records/agency-date.ts';
import { centsToDollars, dollarsToCents, sumCents } from '../../apps/account/src/domain/records/cents.ts';
import { computeBalance } from '../../apps/account/src/domain/money/balance.ts';
import type {
  TaxModule,
  TaxpayerRecords,
  Transaction,
  TransactionCode,
} from '../../apps/account/src/domain/records/tax-records.ts';

const t = (
  code: TransactionCode,
  date: string,
  cents: number,
  more: Partial<Transaction> = {},
): Transaction => ({
  code,
  actionCode: null,
  date,
  cycle: '20250105',
  amountCents: cents,
  relatedTaxYear: null,
  ...more,
});
const ac = (code: 971 | 972, actionCode: string, date: string) => t(code, date, 0, { actionCode });

const module = (taxYear: number, dueDate: string, transactions: Transaction[]): TaxModule => ({
  id: `m-${taxYear}`,
  taxYear,
  form: '1040',
  dueDate,
  filedDate: dueDate,
  transactions,
  returns: [],
});

const records = (modules: TaxModule[], more: Partial<TaxpayerRecords> = {}): TaxpayerRecords => ({
  taxpayerId: 't',
  modules,
  informationReturns: [],
  notices: [],
  paymentPlan: undefined,
  ...more,
});

describe('planStatus: the installment agreement from TC 971/972 action codes', () => {
  const terms = { planType: 'long_term' as const, monthlyPaymentCents: 15000, paymentDay: 15 };
  const rows: [string, Transaction[][], ReturnType<typeof planStatus>][] = [
    ['no 971 codes: no plan', [[t(150, '2024-05-20', 100_00)]], { state: 'none' }],
    ['971 AC 043: pending', [[ac(971, '043', '2024-06-10')]], { state: 'pending', since: '2024-06-10' }],
    [
      '972 AC 043: a pending request closed',
      [[ac(971, '043', '2024-06-10'), ac(972, '043', '2024-07-10')]],
      { state: 'none' },
    ],
    [
      '971 AC 063 on two modules: one active plan for both years',
      [[ac(971, '043', '2024-06-10'), ac(971, '063', '2024-07-01')], [ac(971, '063', '2024-07-01')]],
      { state: 'active', since: '2024-07-01', terms, nextPaymentDate: '2026-12-15', taxYears: [2023, 2022] },
    ],
    [
      '972 AC 063 on every module: ended',
      [[ac(971, '063', '2024-07-01'), ac(972, '063', '2025-09-01')]],
      { state: 'ended', since: '2024-07-01', ended: '2025-09-01' },
    ],
    [
      '972 AC 063 on one of two modules: still active for the other',
      [[ac(971, '063', '2024-07-01'), ac(972, '063', '2025-09-01')], [ac(971, '063', '2024-07-01')]],
      { state: 'active', since: '2024-07-01', terms, nextPaymentDate: '2026-12-15', taxYears: [2022] },
    ],
    [
      'codes after the date do not count yet',
      [[ac(971, '043', '2024-06-10'), ac(971, '063', '2027-01-01')]],
      { state: 'pending', since: '2024-06-10' },
    ],
  ];
  for (const [name, perModule, expected] of rows) {
    it(name, () => {
      const modules = perModule.map((transactions, i) => module(2023 - i, '2024-04-15', transactions));
      assert.deepEqual(planStatus(records(modules, { paymentPlan: terms }), '2026-11-25', 1000_00), expected);
    });
  }
  it('no next payment once nothing is owed, and none without terms on file', () => {
    const modules = [module(2023, '2024-04-15', [ac(971, '063', '2024-07-01')])];
    const paid = planStatus(records(modules, { paymentPlan: terms }), '2026-11-25', 0);
    assert.equal(paid.state === 'active' && paid.nextPaymentDate, undefined);
    const noTerms = planStatus(records(modules), '2026-11-25', 100);
    assert.ok(
      noTerms.state === 'active' && noTerms.terms === undefined && noTerms.nextPaymentDate === undefined,
    );
  });
});

describe('paymentsOf and accountOverview', () => {
  const r = records(
    [
      module(2024, '2025-04-15', [
        t(150, '2025-05-12', 6950_00),
        t(806, '2025-04-15', -5100_00),
        t(670, '2025-07-01', -500_00),
        t(706, '2025-08-01', -100_00, { relatedTaxYear: 2025 }),
      ]),
      module(2023, '2024-04-15', [t(150, '2024-05-01', 1000_00), t(610, '2024-04-10', -1000_00)]),
    ],
    {
      notices: [
        { code: 'CP14', issuedDate: '2025-05-12', taxYear: 2024, amountDueCents: null },
        { code: 'CP501', issuedDate: '2025-06-16', taxYear: 2024, amountDueCents: null },
        { code: 'CP503', issuedDate: '2025-07-21', taxYear: 2024, amountDueCents: null },
        { code: 'CP504', issuedDate: '2025-08-25', taxYear: 2024, amountDueCents: null },
      ],
    },
  );

  it('lists payments (610, 670, 706; not withholding) newest first, as positive amounts', () => {
    assert.deepEqual(
      paymentsOf(r, '2026-01-01').map((p) => [p.date, p.code, p.taxYear, p.amountCents, p.relatedTaxYear]),
      [
        ['2025-08-01', 706, 2024, 100_00, 2025],
        ['2025-07-01', 670, 2024, 500_00, null],
        ['2024-04-10', 610, 2023, 1000_00, null],
      ],
    );
    assert.equal(paymentsOf(r, '2025-07-15').length, 2, 'nothing after the date');
  });

  it('the payoff is the sum of the engine’s balance due of each year; the latest notices first', () => {
    const asOf = '2026-01-31';
    const overview = accountOverview(r, asOf, { payments: 2, notices: 3 });
    const engine = r.modules.map((m) =>
      yearBalance(
        m,
        r.notices.filter((n) => n.taxYear === m.taxYear),
        asOf,
      ),
    );
    assert.equal(overview.payoffCents, sumCents(engine.map((y) => y.balanceCents)));
    assert.ok(overview.payoffCents > 1350_00);
    assert.equal(overview.recentPayments.length, 2);
    assert.deepEqual(
      overview.latestNotices.map((n) => n.code),
      ['CP504', 'CP503', 'CP501'],
    );
    const y2024 = overview.years.find((y) => y.taxYear === 2024)!;
    assert.equal(y2024.penaltiesCents, y2024.failureToFileCents + y2024.failureToPayCents);
    assert.equal(y2024.balanceCents, y2024.taxCents + y2024.penaltiesCents + y2024.interestCents);
    assert.equal(
      centsToDollars(y2024.balanceCents),
      computeBalance({
        dueDate: '2025-04-15',
        filedDate: '2025-04-15',
        tax: '1850.00',
        payments: [
          { date: '2025-07-01', amount: '500.00' },
          { date: '2025-08-01', amount: '100.00' },
        ],
        noticeDate: '2025-05-12',
        levyNoticeDate: '2025-08-25',
        asOf,
      }).balanceDue,
    );
  });
});

describe('exact cents', () => {
  const rows: [string, number][] = [
    ['0', 0],
    ['0.5', 50],
    ['0.05', 5],
    ['1234.56', 123456],
    ['-12.30', -1230],
    ['-0.00', 0],
    ['90071992547409.91', 9007199254740991],
  ];
  for (const [dollars, cents] of rows) {
    it(`${dollars} ⇄ ${cents}`, () => {
      assert.equal(dollarsToCents(dollars), cents);
      assert.equal(dollarsToCents(centsToDollars(cents)), cents);
    });
  }
  it('formats two decimals', () => {
    assert.equal(centsToDollars(5), '0.05');
    assert.equal(centsToDollars(-123456), '-1234.56');
  });
  for (const bad of ['', '1.234', '1,000.00', '$5', ' 5', '1e3', '90071992547409.92']) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.throws(() => dollarsToCents(bad)));
  }
  it('refuses fractions of a cent and sums beyond exact integers', () => {
    assert.throws(() => centsToDollars(0.5));
    assert.throws(() => sumCents([Number.MAX_SAFE_INTEGER, 1]));
  });
});

describe('agency dates', () => {
  it('today is the date in U.S. Eastern time', () => {
    assert.equal(agencyToday(new Date('2026-11-26T03:00:00Z')), '2026-11-25');
    assert.equal(agencyToday(new Date('2026-11-26T06:00:00Z')), '2026-11-26');
    assert.equal(agencyToday(new Date('2026-07-01T03:59:00Z')), '2026-06-30');
  });
  it('adds days across months, leap days and years', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2026-11-25', 365), '2027-11-25');
    assert.equal(addDays('2026-01-01', -1), '2025-12-31');
    assert.equal(daysBetween('2024-01-01', '2025-01-01'), 366);
  });
  it('the next payment day on or after a date', () => {
    assert.equal(nextDayOfMonth('2026-11-25', 28), '2026-11-28');
    assert.equal(nextDayOfMonth('2026-11-28', 28), '2026-11-28');
    assert.equal(nextDayOfMonth('2026-11-29', 28), '2026-12-28');
    assert.equal(nextDayOfMonth('2026-12-29', 1), '2027-01-01');
  });
});

// Interest (pure): the rate data and its sources, daily compounding with 365/366-day years,
// quarterly rate changes, and interest on tax as the engine reports it. Expected amounts were
// computed independently: the product of (1 + r/yearDays) over each day, at 60 significant
// digits (Python's decimal module), then rounded half-up to the cent.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '#platform/money/decimal.ts';
import { computeBalance, type MoneyScenario } from '../../apps/account/src/domain/money/balance.ts';
import {
  compoundFactor,
  growthBetween,
  ratePercentOn,
} from '../../apps/account/src/domain/money/interest.ts';
import { UNDERPAYMENT_RATES } from '../../apps/account/src/domain/money/underpayment-rates.ts';
import { FAILURE_TO_FILE_MINIMUMS } from '../../apps/account/src/domain/money/failure-to-file-minimums.ts';
import { parseIsoDate } from '../../apps/account/src/domain/money/calendar.ts';

const day = (iso: string) => parseIsoDate(iso)!;

describe('rate data', () => {
  it('has every quarter from 2019-Q1 through 2026-Q4, in order, each with a source', () => {
    const quarters = UNDERPAYMENT_RATES.map((r) => r.quarter);
    const expected: string[] = [];
    for (let year = 2019; year <= 2026; year++) for (let q = 1; q <= 4; q++) expected.push(`${year}-Q${q}`);
    assert.deepEqual(quarters, expected);
    for (const row of UNDERPAYMENT_RATES) {
      assert.ok(row.source.length > 10, row.quarter);
      assert.ok(Number.isInteger(row.ratePercent), row.quarter);
    }
  });
  it('marks what could not be confirmed as such, in the source too', () => {
    const unconfirmed = UNDERPAYMENT_RATES.filter((r) => r.confidence === 'unconfirmed');
    assert.deepEqual(
      unconfirmed.map((r) => r.quarter),
      ['2026-Q2', '2026-Q3', '2026-Q4'],
    );
    for (const row of unconfirmed) assert.match(row.source, /^NOT CONFIRMED/);
  });
  it('matches domain.md for the periods it gives', () => {
    const periods: [string, string, number][] = [
      ['2019-01-01', '2019-06-30', 6],
      ['2019-07-01', '2020-06-30', 5],
      ['2020-07-01', '2022-03-31', 3],
      ['2022-04-01', '2022-06-30', 4],
      ['2022-07-01', '2022-09-30', 5],
      ['2022-10-01', '2022-12-31', 6],
      ['2023-01-01', '2023-09-30', 7],
      ['2023-10-01', '2024-12-31', 8],
      ['2025-01-01', '2026-03-31', 7],
      ['2026-04-01', '2026-06-30', 6],
    ];
    for (const [from, to, rate] of periods) {
      for (let d = day(from); d <= day(to); d++) assert.equal(ratePercentOn(d), rate, `${from}…${to}`);
    }
  });
  it('keeps the last rate after the table (a future payoff uses the rate now known)', () => {
    assert.equal(ratePercentOn(day('2027-01-01')), 6);
    assert.equal(ratePercentOn(day('2040-12-31')), 6);
  });
  it('has the minimum failure-to-file penalty for every due year from 2018 to 2026', () => {
    assert.deepEqual(
      FAILURE_TO_FILE_MINIMUMS.map((r) => [r.dueYear, r.dollars]),
      [
        [2018, 210],
        [2019, 210],
        [2020, 435],
        [2021, 435],
        [2022, 435],
        [2023, 450],
        [2024, 485],
        [2025, 510],
        [2026, 525],
      ],
    );
  });
});

describe('daily compounding', () => {
  it('69 days at 6% in 2004 (a leap year): factor − 1 = 0.011374754 (domain.md)', () => {
    assert.equal(compoundFactor(6, 366, 69).sub(Decimal.ONE).toFixed(9), '0.011374754');
  });
  it('the same days in a 365-day year give more (0.011406093, computed independently)', () => {
    assert.equal(compoundFactor(6, 365, 69).sub(Decimal.ONE).toFixed(9), '0.011406093');
  });
  it('the table equals the product of the per-quarter closed forms across rate changes and a leap year', () => {
    // 2023-09-15 → 2024-04-10: 15 days of 2023-Q3 at 7%/365, 92 days of 2023-Q4 at 8%/365,
    // 91 days of 2024-Q1 at 8%/366, 10 days of 2024-Q2 at 8%/366.
    const expected = compoundFactor(7, 365, 15)
      .mul(compoundFactor(8, 365, 92))
      .mul(compoundFactor(8, 366, 91))
      .mul(compoundFactor(8, 366, 10));
    const table = growthBetween(day('2023-09-15'), day('2024-04-10'));
    assert.ok(table.sub(expected).abs().lt(Decimal.parse('0.0000000000000001')));
    assert.equal(table.toFixed(12), expected.toFixed(12));
  });
  it('counts the days after the start through the end: one day is one day of interest', () => {
    assert.equal(growthBetween(day('2020-07-15'), day('2020-07-15')).toString(), '1');
    assert.equal(
      growthBetween(day('2020-07-15'), day('2020-07-16')).toFixed(20),
      Decimal.ONE.add(Decimal.ratio(3n, 36600n)).toFixed(20),
    );
  });
});

describe('interest on tax, as the engine reports it', () => {
  // Filed on time; the notice and demand lies after asOf, so the failure-to-pay penalty bears
  // no interest yet (IRC 6601(e)(2)(A)) and all interest is on the tax.
  const cases: [name: string, dueDate: string, asOf: string, tax: string, interest: string][] = [
    ['one rate, 91 days in a leap year (8%/366)', '2024-04-15', '2024-07-15', '10000.00', '200.88'],
    [
      'four rates: 2022-Q2 4%, Q3 5%, Q4 6%, 2023-Q1 7% (365-day years)',
      '2022-04-18',
      '2023-01-31',
      '10000.00',
      '425.48',
    ],
    [
      'into a leap year: 30 days at 8%/365 then 61 at 8%/366',
      '2023-12-01',
      '2024-03-01',
      '10000.00',
      '201.06',
    ],
    ['seven years, every rate from 2019-Q2 to 2026-Q1', '2019-04-15', '2026-04-15', '10000.00', '4843.14'],
    ['a single day at 3%/366 in 2020', '2020-07-15', '2020-07-16', '10000.00', '0.82'],
    ['30 days at 7%/365', '2023-04-18', '2023-05-18', '1000.00', '5.77'],
    ['none on the due date itself', '2024-04-15', '2024-04-15', '10000.00', '0.00'],
  ];
  for (const [name, dueDate, asOf, tax, interest] of cases) {
    it(name, () => {
      const scenario: MoneyScenario = {
        dueDate,
        filedDate: dueDate,
        tax,
        payments: [],
        noticeDate: '2040-01-01',
        asOf,
      };
      assert.equal(computeBalance(scenario).interest, interest);
    });
  }
});

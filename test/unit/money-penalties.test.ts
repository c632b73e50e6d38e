// The failure-to-file and failure-to-pay penalties (pure): monthly charges, the caps and how
// the two interact, the minimum failure-to-file penalty, the rate under an installment
// agreement and after a notice of intent to levy, what payments do to the base, and interest
// on the penalties. Penalty amounts below are worked out by hand in each case's name or
// comment; interest amounts were computed independently (Python decimal, 60 digits) from
// g = 1 + 0.08/366, the daily factor for every day of 2024-Q2 and Q3.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeBalance,
  type MoneyResult,
  type MoneyScenario,
} from '../../apps/account/src/domain/money/balance.ts';

type Input = Partial<MoneyScenario> & Pick<MoneyScenario, 'dueDate' | 'tax' | 'asOf'>;
const balance = (input: Input): MoneyResult => computeBalance({ filedDate: null, payments: [], ...input });
const penalties = (input: Input) => {
  const r = balance(input);
  return [r.failureToFile, r.failureToPay];
};

describe('failure to file and failure to pay together: caps and interaction', () => {
  // $10,000 due 2021-05-17, never filed, never paid. Months begin on the 18th. Each month of
  // lateness: 5% = $500 failure to file, less the $50 failure to pay of the same month = $450.
  const cases: [asOf: string, failureToFile: string, failureToPay: string, why: string][] = [
    ['2021-05-17', '0.00', '0.00', 'on the due date'],
    ['2021-05-18', '450.00', '50.00', 'the first day of month 1: the whole month is charged'],
    ['2021-06-17', '450.00', '50.00', 'the last day of month 1'],
    ['2021-06-18', '900.00', '100.00', 'month 2'],
    ['2021-09-18', '2250.00', '250.00', 'month 5: failure to file reaches 22.5% (25% less 2.5%)'],
    ['2021-10-18', '2250.00', '300.00', 'month 6: failure to file stays; failure to pay goes on'],
    ['2025-06-17', '2250.00', '2450.00', 'month 49'],
    ['2025-06-18', '2250.00', '2500.00', 'month 50: failure to pay reaches 25%; together 47.5%'],
    ['2030-01-01', '2250.00', '2500.00', 'and stays there'],
  ];
  for (const [asOf, failureToFile, failureToPay, why] of cases) {
    it(`${asOf}: ${why}`, () => {
      assert.deepEqual(penalties({ dueDate: '2021-05-17', tax: '10000.00', asOf }), [
        failureToFile,
        failureToPay,
      ]);
    });
  }
  it('filing stops failure to file, not failure to pay', () => {
    // Filed 2021-07-01, in month 2: two months of failure to file.
    assert.deepEqual(
      penalties({ dueDate: '2021-05-17', filedDate: '2021-07-01', tax: '10000.00', asOf: '2022-05-18' }),
      ['900.00', '650.00'],
    );
  });
  it('a return filed on or before the due date has no failure-to-file penalty', () => {
    for (const filedDate of ['2021-05-17', '2021-03-01']) {
      assert.deepEqual(penalties({ dueDate: '2021-05-17', filedDate, tax: '10000.00', asOf: '2021-08-01' }), [
        '0.00',
        '150.00',
      ]);
    }
  });
  it('months end on the last day of shorter months (due January 31)', () => {
    // Months begin 2023-02-01, 2023-03-01 (after February 28), 2023-04-01, 2023-05-01 …
    const at = (asOf: string) => penalties({ dueDate: '2023-01-31', tax: '1000.00', asOf })[1];
    assert.equal(at('2023-02-28'), '5.00');
    assert.equal(at('2023-03-01'), '10.00');
    assert.equal(at('2023-03-31'), '10.00');
    assert.equal(at('2023-04-01'), '15.00');
  });
  it('each month is charged to the cent, half-up (0.5% of $1,234.57 = $6.17285 → $6.17)', () => {
    assert.equal(
      balance({ dueDate: '2024-04-15', filedDate: '2024-04-15', tax: '1234.57', asOf: '2024-04-16' })
        .failureToPay,
      '6.17',
    );
    assert.equal(
      balance({ dueDate: '2024-04-15', filedDate: '2024-04-15', tax: '1234.70', asOf: '2024-04-16' })
        .failureToPay,
      '6.17', // 6.1735 → 6.17
    );
    assert.equal(
      balance({ dueDate: '2024-04-15', filedDate: '2024-04-15', tax: '1235.00', asOf: '2024-04-16' })
        .failureToPay,
      '6.18', // 6.175 → 6.18
    );
  });
});

describe('the minimum failure-to-file penalty (more than 60 days late)', () => {
  // $1,000 due in year Y, not filed: by day 61 two months have begun, 2 × $45 = $90 — below
  // every minimum, so the minimum shows on day 61 and not on day 60.
  const years: [dueDate: string, day60: string, day61: string, minimum: string][] = [
    ['2019-04-15', '2019-06-14', '2019-06-15', '210.00'],
    ['2020-07-15', '2020-09-13', '2020-09-14', '435.00'],
    ['2022-04-18', '2022-06-17', '2022-06-18', '435.00'],
    ['2023-04-18', '2023-06-17', '2023-06-18', '450.00'],
    ['2024-04-15', '2024-06-14', '2024-06-15', '485.00'],
    ['2025-04-15', '2025-06-14', '2025-06-15', '510.00'],
    ['2026-04-15', '2026-06-14', '2026-06-15', '525.00'],
  ];
  for (const [dueDate, day60, day61, minimum] of years) {
    it(`due ${dueDate}: $90 on day 60, ${minimum} from day 61`, () => {
      assert.equal(balance({ dueDate, tax: '1000.00', asOf: day60 }).failureToFile, '90.00');
      assert.equal(balance({ dueDate, tax: '1000.00', asOf: day61 }).failureToFile, minimum);
    });
  }
  const filed: [tax: string, filedDate: string, failureToFile: string, why: string][] = [
    ['300.00', '2024-06-14', '27.00', 'filed 60 days late: no minimum; 2 × (15.00 − 1.50)'],
    ['300.00', '2024-06-15', '300.00', 'filed 61 days late: the lesser of $485 and 100% of the tax'],
    ['5000.00', '2024-06-15', '485.00', 'monthly 2 × (250 − 25) = 450 is below the minimum'],
    ['5000.00', '2024-06-16', '675.00', 'a third month begins: 675 is above the minimum'],
    ['0.00', '2025-01-01', '0.00', 'nothing due, no minimum'],
  ];
  for (const [tax, filedDate, failureToFile, why] of filed) {
    it(`$${tax} due 2024-04-15, filed ${filedDate}: ${failureToFile} (${why})`, () => {
      assert.equal(
        balance({ dueDate: '2024-04-15', filedDate, tax, asOf: '2025-01-01' }).failureToFile,
        failureToFile,
      );
    });
  }
  it('applies even when the tax was paid after the due date (its base is the tax at the due date)', () => {
    // $1,000 paid in full on 2024-04-20; filed 2024-07-20. Months 1–4: 45 + 50 + 50 + 50 = 195,
    // below the minimum of $485 (less than 100% of $1,000).
    const r = balance({
      dueDate: '2024-04-15',
      filedDate: '2024-07-20',
      tax: '1000.00',
      payments: [{ date: '2024-04-20', amount: '1000.00' }],
      asOf: '2024-07-20',
    });
    assert.equal(r.tax, '0.00');
    assert.equal(r.failureToFile, '485.00');
    assert.equal(r.failureToPay, '5.00');
  });
});

describe('failure to pay under an installment agreement', () => {
  // $10,000 due 2024-04-15; months begin on the 16th. As of 2025-04-16, 13 months have begun.
  const plan = (from: string, to: string | null, filedDate = '2024-04-10') =>
    penalties({
      dueDate: '2024-04-15',
      filedDate,
      tax: '10000.00',
      installmentAgreement: { from, to },
      asOf: '2025-04-16',
    })[1];
  it('0.25% for the months that begin while it is in effect, for an on-time filer', () => {
    // 3 months at 0.5% (Apr, May, Jun 16) + 10 at 0.25% (Jul 16 … Apr 16) = 150 + 250.
    assert.equal(plan('2024-07-01', null), '400.00');
    assert.equal(plan('2024-07-16', null), '400.00'); // in effect on the day the month begins
    assert.equal(plan('2024-07-17', null), '425.00'); // one month later: 4 × 50 + 9 × 25
  });
  it('back to 0.5% for months beginning after it ends', () => {
    // Jul, Aug, Sep 16 at 0.25%; the other 10 months at 0.5%: 75 + 500.
    assert.equal(plan('2024-07-01', '2024-10-01'), '575.00');
    assert.equal(plan('2024-07-01', '2024-10-16'), '550.00'); // ends on a month's first day: that month still reduced
  });
  it('no reduction for a return filed late (IRC 6651(h))', () => {
    assert.equal(plan('2024-07-01', null, '2024-05-01'), '650.00'); // 13 × 50
    assert.equal(plan('2024-07-01', null, '2024-04-15'), '400.00'); // filed on the due date is on time
  });
});

describe('failure to pay after a notice of intent to levy', () => {
  // $10,000 due 2023-04-18, filed on time; months begin on the 19th.
  const levy = (levyNoticeDate: string, asOf: string, extra: Partial<MoneyScenario> = {}) =>
    penalties({
      dueDate: '2023-04-18',
      filedDate: '2023-04-18',
      tax: '10000.00',
      levyNoticeDate,
      asOf,
      ...extra,
    })[1];
  it('1% for months beginning more than 10 days after the notice', () => {
    // Notice 2024-01-05: day 10 is 2024-01-15; months from 2024-01-19 at 1%.
    // 2023-04-19 … 2023-12-19: 9 months × 50; 2024-01-19 … 2024-04-19: 4 months × 100.
    assert.equal(levy('2024-01-05', '2024-04-19'), '850.00');
  });
  it('a month beginning on the 10th day after the notice is still at 0.5%', () => {
    // Notice 2024-01-09: day 10 is 2024-01-19, so 1% starts with the month beginning 2024-02-19.
    assert.equal(levy('2024-01-09', '2024-04-19'), '800.00');
  });
  it('reaches the 25% cap sooner, charging only what is left in the last month', () => {
    // Notice on the due date: month 1 at 0.5%, then 1% a month. After month 25: 24.5%;
    // month 26 (beginning 2025-05-19) adds the remaining 0.5%.
    assert.equal(levy('2023-04-18', '2025-05-18'), '2450.00');
    assert.equal(levy('2023-04-18', '2025-05-19'), '2500.00');
    assert.equal(levy('2023-04-18', '2027-01-01'), '2500.00');
  });
  it('an installment agreement in effect keeps 0.25% (no levy while it is in effect, IRC 6331(k)(2))', () => {
    // Notice 2024-01-05; agreement from 2024-03-01: months from 2024-03-19 at 0.25%.
    // 9 × 50 + 2 × 100 (Jan 19, Feb 19) + 2 × 25 (Mar 19, Apr 19) = 700.
    assert.equal(
      levy('2024-01-05', '2024-04-19', { installmentAgreement: { from: '2024-03-01', to: null } }),
      '700.00',
    );
  });
});

describe('payments and the penalty base', () => {
  const base = { dueDate: '2024-04-15', filedDate: '2024-04-15', tax: '1000.00', asOf: '2024-06-16' };
  it('a payment during a month lowers the base from the next month, even on its first day', () => {
    // $400 on 2024-05-16, the first day of month 2: months 1 and 2 on $1,000, month 3 on $600.
    const r = balance({ ...base, payments: [{ date: '2024-05-16', amount: '400.00' }] });
    assert.equal(r.failureToPay, '13.00');
    assert.equal(r.tax, '600.00');
  });
  it('a payment by the last day of a month lowers the next month', () => {
    const r = balance({ ...base, payments: [{ date: '2024-05-15', amount: '400.00' }] });
    assert.equal(r.failureToPay, '11.00'); // 5 + 3 + 3
  });
  it('paying the tax stops the failure-to-pay penalty', () => {
    const r = balance({ ...base, asOf: '2025-06-16', payments: [{ date: '2024-05-20', amount: '1000.00' }] });
    assert.equal(r.tax, '0.00');
    assert.equal(r.failureToPay, '10.00'); // months 1 and 2, still owed: payments went to tax first
  });
  it('paying on the due date avoids both penalties, even before filing (a timely payment, IRC 6651(b)(1))', () => {
    const r = balance({
      ...base,
      filedDate: null,
      payments: [{ date: '2024-04-15', amount: '1000.00' }],
      asOf: '2024-09-01',
    });
    assert.deepEqual(
      [r.tax, r.failureToFile, r.failureToPay, r.balanceDue],
      ['0.00', '0.00', '0.00', '0.00'],
    );
  });
  it('part paid on the due date: failure to file on the rest only', () => {
    const r = balance({
      ...base,
      filedDate: null,
      payments: [{ date: '2024-04-15', amount: '600.00' }],
      asOf: '2024-05-01',
    });
    assert.deepEqual([r.tax, r.failureToFile, r.failureToPay], ['400.00', '18.00', '2.00']); // 20 − 2, 0.5% of 400
  });
});

describe('interest on the penalties', () => {
  it('on failure to file from the due date, even for months charged later', () => {
    // $1,000 due 2024-04-15, not filed; notice after asOf, so failure to pay bears none.
    // As of 2024-06-10: failure to file 2 × 45 = 90; interest (1,000 + 90) × (g^56 − 1) = 13.42.
    const r = balance({
      dueDate: '2024-04-15',
      tax: '1000.00',
      noticeDate: '2030-01-01',
      asOf: '2024-06-10',
    });
    assert.deepEqual([r.failureToFile, r.failureToPay, r.interest], ['90.00', '10.00', '13.42']);
  });
  const notice = {
    dueDate: '2024-04-15',
    filedDate: '2024-04-15',
    tax: '10000.00',
    noticeDate: '2024-05-01',
  };
  it('on failure to pay charged before the notice: from the notice date, once 21 days pass unpaid', () => {
    // Month 1 ($50, 2024-04-16) was charged before the notice of 2024-05-01; month 2 ($50,
    // 2024-05-16) after it, so it bears interest from its own date.
    // 2024-05-22 (day 21): 10,000 × (g^37 − 1) + 50 × (g^6 − 1) = 81.26.
    // 2024-05-23: 10,000 × (g^38 − 1) + 50 × (g^7 − 1) + 50 × (g^22 − 1) = 83.71.
    assert.equal(balance({ ...notice, asOf: '2024-05-22' }).interest, '81.26');
    assert.equal(balance({ ...notice, asOf: '2024-05-23' }).interest, '83.71');
    // 2024-06-30: 10,000 × (g^76 − 1) + 50 × (g^60 − 1) + 50 × (g^45 − 1) + 50 × (g^14 − 1) = 168.80.
    assert.equal(balance({ ...notice, asOf: '2024-06-30' }).interest, '168.80');
  });
  it('none on failure to pay paid within the 21 days', () => {
    const owed = balance({ ...notice, asOf: '2024-05-20' });
    const paid = balance({
      ...notice,
      payments: [{ date: '2024-05-20', amount: owed.balanceDue }],
      asOf: '2024-07-01',
    });
    // Month 2 was charged on 2024-05-16, before the payment; month 3 never begins unpaid.
    assert.deepEqual([paid.balanceDue, paid.credit], ['0.00', '0.00']);
  });
  it('10 business days instead of 21 days for a notice of $100,000 or more', () => {
    // $200,000; notice Wednesday 2024-05-01; 10 business days end Wednesday 2024-05-15.
    // 2024-05-15: 200,000 × (g^30 − 1) = 1315.64 (month 1's $1,000 bears none yet).
    // 2024-05-16: 200,000 × (g^31 − 1) + 1,000 × (g^15 − 1) = 1362.93 (with 21 days: 1359.64).
    const big = { ...notice, tax: '200000.00' };
    assert.equal(balance({ ...big, asOf: '2024-05-15' }).interest, '1315.64');
    assert.equal(balance({ ...big, asOf: '2024-05-16' }).interest, '1362.93');
  });
  it('without a notice date, on each month of failure to pay from the day it is charged', () => {
    // $1,000 due 2023-04-18: 2023-05-18 is 30 days; tax 5.77 + month 1's $5 for 29 days at 7%.
    assert.equal(
      balance({ dueDate: '2023-04-18', filedDate: '2023-04-18', tax: '1000.00', asOf: '2023-05-18' })
        .interest,
      '5.80',
    );
  });
});

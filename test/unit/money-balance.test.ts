// The money engine end to end (pure): a worked example computed by hand, the order payments
// apply in, credits, what "as of" means, and malformed scenarios refused with the field named.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  computeBalance,
  MoneyInputError,
  parseMoneyScenario,
  type MoneyScenario,
} from '../../apps/account/src/domain/money/balance.ts';

describe('a worked example, by hand', () => {
  // $2,000 due Monday 2024-04-15. Filed 2024-06-20 (66 days late). Notice and demand (CP14)
  // 2024-07-01. $1,000 paid 2024-07-26. As of 2024-08-15. The rate is 8% for every day
  // involved (2024-Q2 and Q3), a leap year: g = 1 + 0.08/366 per day.
  //
  // Months of lateness begin 04-16, 05-16, 06-16, 07-16 (08-16 is after asOf).
  // Failure to pay: 0.5% × $2,000 = $10.00 in each of the 4 months (the payment on 07-26 comes
  //   after the 4th begins) = $40.00. Months 1–3 were charged by the notice date: "pending",
  //   no interest until 21 days after the notice pass unpaid (07-22); from 07-23 they bear
  //   interest from 07-01. Month 4 (after the notice) bears interest from 07-16.
  // Failure to file: filed in month 3 → 3 months × ($100.00 − $10.00 failure to pay) = $270.00.
  //   More than 60 days late, so at least min($485 for a 2024 return, 100% of $2,000) = $485.00.
  //   It bears interest from the due date.
  // Interest to the payment, 2024-07-26:
  //   tax and failure to file, 102 days (04-16 … 07-26): 2,485 × (g^102 − 1)
  //     = 2,485 × 0.022542983497… = 56.019313990…
  //   failure to pay months 1–3, from 07-01 (25 days): 30 × (g^25 − 1) = 30 × 0.005478837986… = 0.164365139…
  //   failure to pay month 4, from 07-16 (10 days): 10 × (g^10 − 1) = 10 × 0.002187943563… = 0.021879435…
  //   total 56.205558565… → $56.21 (to the cent, when the payment is applied).
  // The payment of $1,000 goes to tax first: tax $1,000.00 left; penalties and interest unpaid.
  // Interest from 07-26 to 08-15 (20 days) on everything owed, interest included:
  //   (1,000 + 485 + 40 + 56.21) × (g^20 − 1) = 1,581.21 × 0.004380674223… = 6.926765888…
  //   interest 56.21 + 6.926765888… = 63.136765888… → $63.14.
  // Balance due: 1,000.00 + 485.00 + 40.00 + 63.14 = $1,588.14.
  const scenario: MoneyScenario = {
    dueDate: '2024-04-15',
    filedDate: '2024-06-20',
    tax: '2000.00',
    payments: [{ date: '2024-07-26', amount: '1000.00' }],
    noticeDate: '2024-07-01',
    asOf: '2024-08-15',
  };
  it('matches the hand computation', () => {
    assert.deepEqual(computeBalance(scenario), {
      tax: '1000.00',
      failureToFile: '485.00',
      failureToPay: '40.00',
      interest: '63.14',
      balanceDue: '1588.14',
      credit: '0.00',
    });
  });
  it('and paying that amount on 2024-08-15 settles it', () => {
    const paid = computeBalance({
      ...scenario,
      payments: [...scenario.payments, { date: '2024-08-15', amount: '1588.14' }],
    });
    assert.deepEqual([paid.balanceDue, paid.credit, paid.interest], ['0.00', '0.00', '0.00']);
  });
});

describe('payments apply to tax, then penalties, then interest', () => {
  it('a payment larger than the tax pays penalties next and leaves the interest', () => {
    // $1,000 due 2024-04-15, filed on time. On 2024-06-01: tax 1,000, failure to pay 2 × $5,
    // interest 1,000 × (g^47 − 1) + 5 × (g^46 − 1) + 5 × (g^16 − 1) = 10.39. $1,005 pays the tax
    // and $5 of the penalty.
    const r = computeBalance({
      dueDate: '2024-04-15',
      filedDate: '2024-04-15',
      tax: '1000.00',
      payments: [{ date: '2024-06-01', amount: '1005.00' }],
      asOf: '2024-06-01',
    });
    assert.deepEqual(r, {
      tax: '0.00',
      failureToFile: '0.00',
      failureToPay: '5.00',
      interest: '10.39',
      balanceDue: '15.39',
      credit: '0.00',
    });
  });
  it('several payments on one day add up', () => {
    const one = computeBalance({
      dueDate: '2024-04-15',
      filedDate: '2024-04-15',
      tax: '1000.00',
      payments: [{ date: '2024-06-01', amount: '1005.00' }],
      asOf: '2024-09-01',
    });
    const two = computeBalance({
      dueDate: '2024-04-15',
      filedDate: '2024-04-15',
      tax: '1000.00',
      payments: [
        { date: '2024-06-01', amount: '1000.00' },
        { date: '2024-06-01', amount: '5.00' },
      ],
      asOf: '2024-09-01',
    });
    assert.deepEqual(one, two);
  });
  it('payments may come in any order', () => {
    const base = { dueDate: '2024-04-15', filedDate: null, tax: '5000.00', asOf: '2025-01-01' };
    const a = { date: '2024-05-20', amount: '1000.00' };
    const b = { date: '2024-09-03', amount: '2500.00' };
    assert.deepEqual(
      computeBalance({ ...base, payments: [a, b] }),
      computeBalance({ ...base, payments: [b, a] }),
    );
  });
});

describe('credits', () => {
  it('an overpayment is a credit; the balance due is zero, never negative', () => {
    const r = computeBalance({
      dueDate: '2024-04-15',
      filedDate: '2024-04-01',
      tax: '100.00',
      payments: [{ date: '2024-04-15', amount: '150.00' }],
      asOf: '2025-04-15',
    });
    assert.deepEqual(r, {
      tax: '0.00',
      failureToFile: '0.00',
      failureToPay: '0.00',
      interest: '0.00',
      balanceDue: '0.00',
      credit: '50.00',
    });
  });
  it('a credit pays penalties charged after it', () => {
    // $100 due 2024-04-15; $150 paid 2024-04-16; the return is still not filed. g = 1 + 0.08/366.
    // 04-16: month 1 begins: failure to pay 0.50, failure to file 5.00 − 0.50 = 4.50. Then the
    //   payment: interest 100 × (g − 1) + 4.50 × (g − 1) = 0.0228 → 0.02; it pays 100 + 4.50 +
    //   0.50 + 0.02 = 105.02 and leaves a credit of 44.98. The tax is paid: no more failure to pay.
    // 05-16: month 2: failure to file 5.00, with interest since 04-15: 5 × (g^31 − 1) = 0.034 →
    //   0.03. The credit pays both: 39.95 left.
    // 06-15: day 61, the minimum: 100% of $100 (less than $485), so 100 − 9.50 = 90.50 more, with
    //   interest since 04-15: 90.50 × (g^61 − 1) = 1.2146 → 1.21. The credit pays 39.95 of the
    //   penalty: 50.55 of it and 1.21 of interest are left; no credit.
    // 06-16: month 3: 14.50 in monthly charges, still below the minimum: nothing more.
    // 07-01: interest 1.21 + (50.55 + 1.21) × (g^16 − 1) = 1.3913 → 1.39.
    const r = computeBalance({
      dueDate: '2024-04-15',
      filedDate: null,
      tax: '100.00',
      payments: [{ date: '2024-04-16', amount: '150.00' }],
      asOf: '2024-07-01',
    });
    assert.deepEqual(r, {
      tax: '0.00',
      failureToFile: '50.55',
      failureToPay: '0.00',
      interest: '1.39',
      balanceDue: '51.94',
      credit: '0.00',
    });
  });
});

describe('as of a date', () => {
  const base = { dueDate: '2024-04-15', filedDate: '2024-04-15', tax: '1000.00', payments: [] };
  it('before the due date: the tax alone', () => {
    assert.deepEqual(computeBalance({ ...base, asOf: '2024-03-01' }), {
      tax: '1000.00',
      failureToFile: '0.00',
      failureToPay: '0.00',
      interest: '0.00',
      balanceDue: '1000.00',
      credit: '0.00',
    });
  });
  it('leaves out payments dated after asOf (scheduled payments)', () => {
    const scheduled = computeBalance({
      ...base,
      payments: [{ date: '2024-12-01', amount: '1000.00' }],
      asOf: '2024-06-01',
    });
    assert.deepEqual(scheduled, computeBalance({ ...base, asOf: '2024-06-01' }));
  });
  it('a filing date after asOf is a return not yet filed as of then', () => {
    const late = { ...base, filedDate: '2024-09-01' };
    assert.equal(computeBalance({ ...late, asOf: '2024-05-01' }).failureToFile, '45.00');
    assert.equal(computeBalance({ ...late, filedDate: null, asOf: '2024-05-01' }).failureToFile, '45.00');
  });
  it('works into the future with the last known rate, up to 2040-12-31', () => {
    const r = computeBalance({ ...base, asOf: '2040-12-31' });
    assert.equal(r.failureToPay, '250.00');
    assert.ok(Number(r.interest) > 1000);
  });
});

describe('malformed scenarios name the field', () => {
  const good = {
    dueDate: '2024-04-15',
    filedDate: null,
    tax: '1000.00',
    payments: [{ date: '2024-05-01', amount: '10.00' }],
    asOf: '2024-06-01',
  };
  it('accepts a good one, with null for missing optional fields, and returns only known fields', () => {
    const parsed = parseMoneyScenario({
      ...good,
      noticeDate: null,
      levyNoticeDate: null,
      installmentAgreement: null,
    });
    assert.deepEqual(parsed, { ...good, noticeDate: null, levyNoticeDate: null });
    assert.deepEqual(
      parseMoneyScenario({ ...good, installmentAgreement: { from: '2024-05-01' } }).installmentAgreement,
      { from: '2024-05-01', to: null },
    );
  });
  const without = (key: string) => Object.fromEntries(Object.entries(good).filter(([k]) => k !== key));
  const bad: [input: unknown, field: string, problem: RegExp][] = [
    [null, 'scenario', /JSON object/],
    [[], 'scenario', /JSON object/],
    [without('dueDate'), 'dueDate', /missing/],
    [{ ...good, dueDate: '2024-02-30' }, 'dueDate', /not a date/],
    [{ ...good, dueDate: '15/04/2024' }, 'dueDate', /not a date/],
    [{ ...good, dueDate: 20240415 }, 'dueDate', /must be a date/],
    [{ ...good, dueDate: '2018-04-17' }, 'dueDate', /before 2019-01-01/],
    [without('filedDate'), 'filedDate', /missing/],
    [{ ...good, filedDate: '2024-13-01' }, 'filedDate', /not a date/],
    [{ ...good, tax: 1000 }, 'tax', /string/],
    [{ ...good, tax: '1000.001' }, 'tax', /dollar amount/],
    [{ ...good, tax: '-5.00' }, 'tax', /negative/],
    [without('payments'), 'payments', /missing/],
    [{ ...good, payments: {} }, 'payments', /list/],
    [{ ...good, payments: ['x'] }, 'payments[0]', /object/],
    [{ ...good, payments: [{ date: '2024-05-01' }] }, 'payments[0].amount', /dollar amount/],
    [
      { ...good, payments: [good.payments[0], { date: '2024-04-01', amount: '1' }] },
      'payments[1].date',
      /before dueDate/,
    ],
    [{ ...good, payments: [{ date: '2024-05-01', amount: '0.00' }] }, 'payments[0].amount', /more than 0/],
    [{ ...good, payments: [{ date: '2024-05-01', amount: '1', memo: 'x' }] }, 'payments[0].memo', /unknown/],
    [{ ...good, installmentAgreement: 'yes' }, 'installmentAgreement', /object/],
    [
      { ...good, installmentAgreement: { from: 'soon', to: null } },
      'installmentAgreement.from',
      /not a date/,
    ],
    [
      { ...good, installmentAgreement: { from: '2024-05-01', to: '2024-04-30' } },
      'installmentAgreement.to',
      /before/,
    ],
    [{ ...good, noticeDate: '2024-04-14' }, 'noticeDate', /before dueDate/],
    [{ ...good, levyNoticeDate: 'tomorrow' }, 'levyNoticeDate', /not a date/],
    [{ ...good, asOf: '2041-01-01' }, 'asOf', /after 2040-12-31/],
    [{ ...good, noticedate: '2024-05-01' }, 'noticedate', /unknown field/],
  ];
  for (const [input, field, problem] of bad) {
    it(`${field}: ${problem.source}`, () => {
      assert.throws(
        () => parseMoneyScenario(input),
        (error: unknown) =>
          error instanceof MoneyInputError && error.field === field && problem.test(error.message),
      );
    });
  }
  it('computeBalance refuses a bad scenario the same way', () => {
    assert.throws(
      () => computeBalance({ ...good, tax: 'lots' } as MoneyScenario),
      (error: unknown) =>
        error instanceof MoneyInputError && error.field === 'tax' && error.message.startsWith('tax: '),
    );
  });
});

// The first step of "make a payment" (pure): the return due date (April 15 of the next year,
// moved past weekends and legal holidays, IRC 7503), amounts typed as money, the tax years each
// reason may go to on each side of that due date, and the checks of the details form —
// every problem code, the largest payment, and the over-balance confirmation of a balance-due
// payment. Expected values are worked out by hand from the rules in the source's header.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_PAYMENT_CENTS,
  PAYMENT_REASONS,
  checkPaymentDetails,
  parseAmount,
  returnDueDate,
  taxYearsFor,
  type DetailsInput,
  type PaymentReason,
  type YearsOnFile,
} from '../../apps/account/src/domain/payments/payment-reasons.ts';
import { FEDERAL_HOLIDAYS } from '../../apps/account/src/domain/payments/federal-holidays.ts';

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const dayName = (date: string) => DAY_NAMES[new Date(`${date}T00:00:00Z`).getUTCDay()];

describe('returnDueDate: April 15 after the tax year, or the next business day (IRC 7503)', () => {
  // April 15 on a weekday that is no holiday: the date itself. Weekdays worked out from
  // January 1 of each year (2024 Mon, 2025 Wed, 2026 Thu, 2027 Fri, 2030 Tue, 2031 Wed, 2032 Thu).
  const weekdays: [number, string, string][] = [
    [2023, '2024-04-15', 'Monday'],
    [2024, '2025-04-15', 'Tuesday'],
    [2025, '2026-04-15', 'Wednesday'],
    [2026, '2027-04-15', 'Thursday'],
    [2029, '2030-04-15', 'Monday'],
    [2030, '2031-04-15', 'Tuesday'], // after the holiday table: weekends only
    [2031, '2032-04-15', 'Thursday'],
  ];
  for (const [taxYear, expected, weekday] of weekdays) {
    it(`tax year ${taxYear}: ${expected}, a ${weekday}`, () => {
      assert.equal(dayName(expected), weekday); // the hand-worked weekday
      assert.equal(returnDueDate(taxYear), expected);
    });
  }

  it('no observed federal holiday falls between April 15 and April 18 in the table', () => {
    // So, on the federal calendar alone, only a weekend can move the due date.
    const april = FEDERAL_HOLIDAYS.filter((row) => /-04-1[5-8]$/.test(row.observed));
    assert.deepEqual(april, []);
    assert.equal(
      FEDERAL_HOLIDAYS.some((row) => row.observed.slice(5, 7) === '04'),
      false,
      'no federal holiday in April at all',
    );
  });

  it('a weekend April 15 always moves to a later weekday, at most three days on', () => {
    for (const [taxYear, april15] of [
      [2027, '2028-04-15'],
      [2028, '2029-04-15'],
    ] as const) {
      assert.ok(['Saturday', 'Sunday'].includes(dayName(april15)!), april15);
      const due = returnDueDate(taxYear);
      assert.ok(due > april15 && due <= `${april15.slice(0, 8)}18`, `${taxYear}: ${due}`);
      assert.ok(!['Saturday', 'Sunday'].includes(dayName(due)!), `${taxYear}: ${due} is a weekend`);
    }
  });

  // IRC 7503: "legal holiday" includes a legal holiday in the District of Columbia. DC
  // Emancipation Day (April 16) is observed the Friday before when it falls on a Saturday and
  // the Monday after when it falls on a Sunday (Rev. Rul. 2015-13; the IRS moved Tax Day to
  // April 17, 2018 and April 18, 2017 and 2023 for it). federal-holidays.ts has no DC holiday,
  // so every year where April 15 is a weekend comes out one day early.
  const emancipationDay: [number, string, string][] = [
    [2027, '2028-04-18', 'April 15 Sat, 16 Sun → Emancipation Day observed Mon 17 → Tue 18'],
    [2028, '2029-04-17', 'April 15 Sun, Emancipation Day Mon 16 → Tue 17'],
    [2022, '2023-04-18', 'the IRS due date for 2022 returns (before the table: weekends only)'],
    [2032, '2033-04-18', 'April 16 Sat → Emancipation Day observed Fri 15 → Mon 18'],
  ];
  for (const [taxYear, expected, why] of emancipationDay) {
    it(`tax year ${taxYear}: ${expected} (${why})`, () => {
      assert.equal(returnDueDate(taxYear), expected);
    });
  }
});

describe('parseAmount: dollars and cents as people type them', () => {
  const accepted: [string, bigint][] = [
    ['1,250.00', 125_000n],
    ['$1,250', 125_000n],
    ['1250.5', 125_050n],
    ['0.01', 1n],
    ['1250', 125_000n],
    ['$ 12.30', 1_230n],
    ['  42.10  ', 4_210n],
    ['1,234,567.89', 123_456_789n],
    ['999', 99_900n],
    ['0', 0n], // an amount (refused later as not positive)
  ];
  for (const [raw, cents] of accepted) {
    it(`${JSON.stringify(raw)} → ${cents}¢`, () => {
      assert.equal(parseAmount(raw), cents);
    });
  }
  const refused: [string, string][] = [
    ['1,25.00', 'a group of two digits after a comma'],
    ['12,34', 'a comma that is not a thousands separator'],
    ['1,2345', 'a group of four digits'],
    ['12.345', 'three decimal places'],
    ['-5', 'negative'],
    ['abc', 'words'],
    ['', 'empty'],
    ['   ', 'blank'],
    ['1e3', 'exponent notation'],
    [' 1 000', 'a space as a thousands separator'],
    ['1.250,00', 'European separators'],
    ['$$5', 'two dollar signs'],
    ['5$', 'a trailing dollar sign'],
    ['١٢', 'non-ASCII digits'],
  ];
  for (const [raw, why] of refused) {
    it(`${JSON.stringify(raw)} is refused: ${why}`, () => {
      assert.equal(parseAmount(raw), undefined);
    });
  }
});

const modules = (...rows: [number, boolean, bigint][]): YearsOnFile => ({
  modules: rows.map(([taxYear, filed, balanceCents]) => ({ taxYear, filed, balanceCents })),
});

describe('taxYearsFor: the years each reason may go to, around the return due date', () => {
  // 2025 filed and owing, 2024 filed and paid, 2023 unfiled and owing (a substitute assessment).
  const onFile = modules([2025, true, 150_000n], [2024, true, 0n], [2023, false, 9_900n]);
  const nothingFiled = modules([2024, true, 5_000n]); // no 2025 return yet
  const rows: [PaymentReason, string, YearsOnFile, number[], string][] = [
    // Due date of 2025 returns: Wednesday 2026-04-15.
    [
      'estimated_tax',
      '2026-01-10',
      onFile,
      [2026, 2025],
      'January: the 4th installment still counts for 2025',
    ],
    ['estimated_tax', '2026-04-15', onFile, [2026, 2025], 'on the due date, the previous year still offered'],
    ['estimated_tax', '2026-04-16', onFile, [2026], 'the day after: the current year only'],
    ['estimated_tax', '2026-12-31', onFile, [2026], 'December'],
    ['extension', '2026-04-15', nothingFiled, [2025], '2025 not filed yet, on the due date'],
    ['extension', '2026-02-01', nothingFiled, [2025], '2025 not filed yet, before the due date'],
    ['extension', '2026-04-16', nothingFiled, [], 'after the due date: too late for an extension'],
    ['extension', '2026-03-01', onFile, [], '2025 already filed: nothing to extend'],
    ['extension', '2026-03-01', modules([2025, false, 0n]), [2025], 'a 2025 module without a return'],
    ['balance_due', '2026-03-01', onFile, [2025, 2023], 'years owing, filed or not; 2024 (paid) left out'],
    ['balance_due', '2026-03-01', modules([2025, true, 0n]), [], 'nothing owed: no year'],
    ['balance_due', '2026-03-01', modules([2025, true, -100n]), [], 'a credit is not a balance'],
    ['balance_due', '2026-03-01', modules([2025, true, 1n]), [2025], 'one cent owed'],
    ['amended_return', '2026-03-01', onFile, [2025, 2024], 'filed years only, paid or not'],
    ['amended_return', '2026-03-01', modules([2025, false, 5n]), [], 'no return: nothing to amend'],
  ];
  for (const [reason, today, years, expected, why] of rows) {
    it(`${reason} on ${today}: [${expected.join(', ')}] — ${why}`, () => {
      assert.deepEqual(taxYearsFor(reason, today, years), expected);
    });
  }

  it('April 18, 2028 is still within the 2027 due date (April 15 a Saturday, Emancipation Day Monday)', () => {
    assert.deepEqual(taxYearsFor('extension', '2028-04-18', modules()), [2027]);
    assert.deepEqual(taxYearsFor('estimated_tax', '2028-04-18', modules()), [2028, 2027]);
  });
});

describe('checkPaymentDetails: the first step of the payment form', () => {
  // 10 a.m. Eastern (EST) on Tuesday, March 10, 2026.
  const NOW = new Date('2026-03-10T15:00:00Z');
  const TODAY = '2026-03-10';
  const onFile = modules([2025, true, 150_000n], [2024, true, 0n]);
  const input = (more: Partial<DetailsInput> = {}): DetailsInput => ({
    reason: 'balance_due',
    taxYear: '2025',
    amount: '1,500.00',
    paymentDate: '2026-04-01',
    confirmOverBalance: false,
    ...more,
  });
  /** A balance of $1,500.00 for 2025, recording what it was asked. */
  function balances(cents = 150_000n) {
    const calls: [number, string][] = [];
    const balanceOn = (taxYear: number, date: string) => {
      calls.push([taxYear, date]);
      return cents;
    };
    return { calls, balanceOn };
  }
  const check = (more: Partial<DetailsInput>, balanceOn = balances().balanceOn) =>
    checkPaymentDetails(input(more), NOW, TODAY, onFile, balanceOn);

  it('exactly the balance: accepted, nothing to confirm', () => {
    const { calls, balanceOn } = balances();
    const result = check({}, balanceOn);
    assert.deepEqual(result, {
      ok: true,
      details: {
        reason: 'balance_due',
        taxYear: 2025,
        amountCents: 150_000n,
        paymentDate: '2026-04-01',
        overBalanceConfirmed: false,
      },
    });
    assert.deepEqual(calls, [[2025, '2026-04-01']], 'the balance on the payment date, not today');
  });

  it('trims the year and the date, and reads "$1,250" as cents', () => {
    const result = check({ taxYear: ' 2025 ', paymentDate: ' 2026-03-10 ', amount: '$1,250' });
    assert.ok(
      result.ok,
      JSON.stringify(result, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)),
    );
    assert.equal(result.details.taxYear, 2025);
    assert.equal(result.details.paymentDate, '2026-03-10');
    assert.equal(result.details.amountCents, 125_000n);
  });

  const problems: [string, Partial<DetailsInput>, Record<string, string>][] = [
    ['no reason', { reason: '' }, { reason: 'reason_missing' }],
    ['an unknown reason', { reason: 'gift' }, { reason: 'reason_missing' }],
    ['no tax year', { taxYear: '' }, { taxYear: 'tax_year_missing' }],
    ['a two-digit year', { taxYear: '25' }, { taxYear: 'tax_year_missing' }],
    ['a year with nothing owed', { taxYear: '2024' }, { taxYear: 'tax_year_not_allowed' }],
    ['a year not on file', { taxYear: '2019' }, { taxYear: 'tax_year_not_allowed' }],
    [
      'estimated tax for a past year after its due date window',
      { reason: 'estimated_tax', taxYear: '2024' },
      { taxYear: 'tax_year_not_allowed' },
    ],
    ['an extension for a filed year', { reason: 'extension' }, { taxYear: 'tax_year_not_allowed' }],
    ['words for the amount', { amount: 'abc' }, { amount: 'amount_invalid' }],
    ['three decimals', { amount: '12.345' }, { amount: 'amount_invalid' }],
    ['a negative amount', { amount: '-5' }, { amount: 'amount_invalid' }],
    ['zero', { amount: '0.00' }, { amount: 'amount_not_positive' }],
    ['one cent more than the largest payment', { amount: '10,000,000.00' }, { amount: 'amount_too_large' }],
    ['far more than the largest payment', { amount: '99999999999999999999' }, { amount: 'amount_too_large' }],
    ['yesterday', { paymentDate: '2026-03-09' }, { paymentDate: 'payment_date_past' }],
    ['366 days ahead', { paymentDate: '2027-03-11' }, { paymentDate: 'payment_date_too_far' }],
    ['not a date', { paymentDate: 'next week' }, { paymentDate: 'payment_date_invalid' }],
    ['February 30', { paymentDate: '2026-02-30' }, { paymentDate: 'payment_date_invalid' }],
    [
      'everything wrong at once: every field reported',
      { reason: '', taxYear: 'x', amount: '', paymentDate: '' },
      {
        reason: 'reason_missing',
        taxYear: 'tax_year_missing',
        amount: 'amount_invalid',
        paymentDate: 'payment_date_invalid',
      },
    ],
    [
      'a bad amount and a bad date together',
      { amount: '0', paymentDate: '2026-01-01' },
      { amount: 'amount_not_positive', paymentDate: 'payment_date_past' },
    ],
  ];
  for (const [why, more, expected] of problems) {
    it(`${why}: ${Object.values(expected).join(', ')}`, () => {
      const { calls, balanceOn } = balances();
      const result = check(more, balanceOn);
      assert.equal(result.ok, false);
      assert.deepEqual(!result.ok && result.problems, expected);
      assert.equal(!result.ok && result.overBalance, undefined);
      assert.deepEqual(calls, [], 'the balance is not asked when a field is wrong');
    });
  }

  it('365 days ahead is still accepted', () => {
    const result = check({ paymentDate: '2027-03-10' });
    assert.equal(result.ok, true);
  });

  describe('the largest single payment, $9,999,999.99', () => {
    it('MAX_PAYMENT_CENTS is $9,999,999.99', () => {
      assert.equal(MAX_PAYMENT_CENTS, 999_999_999n);
    });
    for (const amount of ['9,999,999.99', '9999999.99', '$9,999,999.99']) {
      it(`${amount} is accepted (estimated tax: no balance to exceed)`, () => {
        const result = check({ reason: 'estimated_tax', taxYear: '2026', amount });
        assert.ok(result.ok);
        assert.equal(result.details.amountCents, 999_999_999n);
      });
    }
  });

  describe('paying more than the balance: confirmed, or asked again', () => {
    it('unconfirmed: one problem on confirmOverBalance, with the balance to show', () => {
      const { calls, balanceOn } = balances();
      const result = check({ amount: '1,500.01' }, balanceOn);
      assert.deepEqual(result, {
        ok: false,
        problems: { confirmOverBalance: 'over_balance_unconfirmed' },
        overBalance: { balanceCents: 150_000n },
      });
      assert.deepEqual(calls, [[2025, '2026-04-01']]);
    });

    it('confirmed: accepted, and the confirmation is recorded', () => {
      const result = check({ amount: '1,500.01', confirmOverBalance: true });
      assert.ok(result.ok);
      assert.equal(result.details.overBalanceConfirmed, true);
      assert.equal(result.details.amountCents, 150_001n);
    });

    it('confirmed but not over the balance: overBalanceConfirmed stays false', () => {
      const result = check({ amount: '1,499.99', confirmOverBalance: true });
      assert.ok(result.ok);
      assert.equal(result.details.overBalanceConfirmed, false);
    });

    it('the balance used is the one on the payment date', () => {
      // $1,500 today, $1,520.37 by June 1 (interest): $1,510 on June 1 is not over it.
      const balanceOn = (_year: number, date: string) => (date >= '2026-06-01' ? 152_037n : 150_000n);
      const later = checkPaymentDetails(
        input({ amount: '1,510.00', paymentDate: '2026-06-01' }),
        NOW,
        TODAY,
        onFile,
        balanceOn,
      );
      assert.ok(later.ok);
      assert.equal(later.details.overBalanceConfirmed, false);
      const sooner = checkPaymentDetails(
        input({ amount: '1,510.00', paymentDate: '2026-03-20' }),
        NOW,
        TODAY,
        onFile,
        balanceOn,
      );
      assert.deepEqual(!sooner.ok && sooner.overBalance, { balanceCents: 150_000n });
    });

    const otherReasons: [PaymentReason, string][] = [
      ['estimated_tax', '2026'],
      ['amended_return', '2024'],
      ['extension', '2025'],
    ];
    for (const [reason, taxYear] of otherReasons) {
      it(`${reason}: no balance asked, nothing to confirm`, () => {
        const { calls, balanceOn } = balances(0n);
        const unfiled2025 = modules([2025, false, 150_000n], [2024, true, 0n]);
        const result = checkPaymentDetails(
          input({ reason, taxYear, amount: '5,000.00' }),
          NOW,
          TODAY,
          reason === 'extension' ? unfiled2025 : onFile,
          balanceOn,
        );
        assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
        assert.equal(result.details.reason, reason);
        assert.equal(result.details.overBalanceConfirmed, false);
        assert.deepEqual(calls, []);
      });
    }
  });

  it('every reason is offered by the form', () => {
    assert.deepEqual([...PAYMENT_REASONS].sort(), [
      'amended_return',
      'balance_due',
      'estimated_tax',
      'extension',
    ]);
  });

  it('an extension payment scheduled after the return due date is refused', () => {
    // Header: an extension payment is "only up to that due date" (Form 4868: "pay by the
    // regular due date"). Today 2026-03-10 is before 2026-04-15, but the payment is dated
    // 2026-05-01, after it.
    const result = checkPaymentDetails(
      input({ reason: 'extension', taxYear: '2025', amount: '100.00', paymentDate: '2026-05-01' }),
      NOW,
      TODAY,
      modules([2025, false, 0n]),
      balances().balanceOn,
    );
    assert.equal(result.ok, false);
  });
});

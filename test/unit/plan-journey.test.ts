// The payment plan journey (pure): its step graph, what the records mean for a plan (amount
// owed, years, returns filed, collection statute, eligibility), the checks of the options form
// field by field (every problem names its field and, where it matters, the amount or date), the
// terms of a new plan (minimum payment, schedule, user fee by type and low income) and of a
// revision (the $10 fee, $0 for a direct debit plan, nothing changed).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveStep } from '#platform/flows/step-graph.ts';
import {
  addYears,
  centsToField,
  checkNewPlanOptions,
  checkRevisionOptions,
  minimumMonthly,
  needsBank,
  newPlanTerms,
  PLAN_STEPS,
  planSituation,
  revisedFirstPaymentDate,
  type PlanBeingRevised,
  type PlanJourneyState,
  type PlanSituation,
  type StoredPlanOptions,
} from '../../apps/account/src/plans/plan-journey.ts';
import { planEligibility } from '../../apps/account/src/domain/payments/payment-plans.ts';
import type {
  TaxModule,
  TaxpayerRecords,
  Transaction,
  TransactionCode,
} from '../../apps/account/src/domain/records/tax-records.ts';

const TODAY = '2025-03-10';

const t = (code: TransactionCode, date: string, cents: number): Transaction => ({
  code,
  actionCode: null,
  date,
  cycle: '20250105',
  amountCents: cents,
  relatedTaxYear: null,
});

const module = (taxYear: number, taxCents: number, filed = true): TaxModule => ({
  id: `m-${taxYear}`,
  taxYear,
  form: '1040',
  dueDate: `${taxYear + 1}-04-15`,
  filedDate: filed ? `${taxYear + 1}-04-10` : null,
  transactions: filed ? [t(150, `${taxYear + 1}-05-20`, taxCents)] : [],
  returns: [],
});

const records = (modules: TaxModule[]): TaxpayerRecords => ({
  taxpayerId: 't',
  modules,
  informationReturns: [],
  notices: [],
  paymentPlan: undefined,
});

/** A situation with exactly `owedCents` owed (no CSED unless given). */
function situation(owedCents: bigint, more: Partial<PlanSituation> = {}): PlanSituation {
  const allReturnsFiled = more.allReturnsFiled ?? true;
  return {
    today: TODAY,
    owedCents,
    taxYears: [2023],
    allReturnsFiled,
    csed: undefined,
    eligibility: planEligibility({ owedCents, allReturnsFiled }),
    ...more,
  };
}

const form = (
  values: Partial<Record<'planType' | 'monthlyAmount' | 'paymentDay' | 'payMethod' | 'lowIncome', string>>,
) => ({
  planType: 'long_term',
  monthlyAmount: '200.00',
  paymentDay: '15',
  payMethod: 'self',
  lowIncome: '',
  ...values,
});

describe('the step graph: options → bank (direct debit) → review', () => {
  const options: StoredPlanOptions = {
    planKind: 'long_term',
    monthlyCents: '20000',
    paymentDay: 15,
    directDebit: false,
    lowIncome: false,
  };
  const bank = { routingNumber: '021000021', accountNumber: '123456789', accountType: 'checking' as const };
  const rows: [string, PlanJourneyState, 'options' | 'bank' | 'review', string][] = [
    ['a new journey', { mode: 'new' }, 'review', 'options'],
    ['paying by themselves: no bank step', { mode: 'new', options }, 'bank', 'review'],
    [
      'direct debit without an account',
      { mode: 'new', options: { ...options, directDebit: true } },
      'review',
      'bank',
    ],
    [
      'direct debit with the account',
      { mode: 'new', options: { ...options, directDebit: true }, bank },
      'review',
      'review',
    ],
    [
      'revising a direct-debit plan keeps its account',
      { mode: 'revise', planId: 'p', currentDirectDebit: true, options: { ...options, directDebit: true } },
      'review',
      'review',
    ],
    [
      'converting to direct debit asks for the account',
      { mode: 'revise', planId: 'p', currentDirectDebit: false, options: { ...options, directDebit: true } },
      'review',
      'bank',
    ],
  ];
  for (const [name, state, requested, expected] of rows)
    it(`${name}: ${requested} → ${expected}`, () =>
      assert.equal(resolveStep(PLAN_STEPS, state, requested), expected));

  it('needsBank only for a new direct debit', () => {
    assert.equal(needsBank({ mode: 'new' }), false);
    assert.equal(needsBank({ mode: 'new', options: { ...options, directDebit: true } }), true);
  });
});

describe('planSituation: what the records mean for a plan', () => {
  it('adds up the years with a balance, newest first, and finds the earliest collection statute date', () => {
    const s = planSituation(records([module(2023, 500_000), module(2022, 300_000), module(2021, 0)]), TODAY);
    assert.deepEqual(s.taxYears, [2023, 2022]);
    assert.ok(s.owedCents > 800_000n, 'penalties and interest are included');
    assert.equal(s.allReturnsFiled, true);
    assert.equal(s.csed, '2033-05-20');
    assert.equal(s.eligibility.longTerm.eligible, true);
    assert.equal(s.eligibility.longTerm.directDebitRequired, false);
  });

  it('a year past its due date without a return: not all returns filed, so no long-term plan', () => {
    const s = planSituation(records([module(2023, 500_000), module(2022, 0, false)]), TODAY);
    assert.equal(s.allReturnsFiled, false);
    assert.deepEqual(s.eligibility.longTerm.reasons, ['returns_not_filed']);
    assert.equal(s.eligibility.shortTerm.eligible, true);
  });

  it('a year not yet due does not count as unfiled', () => {
    const s = planSituation(records([module(2023, 500_000), module(2024, 0, false)]), TODAY);
    assert.equal(s.allReturnsFiled, true);
  });

  it('nothing owed: nothing is available', () => {
    const s = planSituation(records([module(2023, 0)]), TODAY);
    assert.equal(s.owedCents, 0n);
    assert.deepEqual(s.eligibility.shortTerm.reasons, ['nothing_owed']);
  });

  it('addYears keeps the day, and February 29 becomes February 28', () => {
    assert.equal(addYears('2024-05-20', 10), '2034-05-20');
    assert.equal(addYears('2024-02-29', 10), '2034-02-28');
    assert.equal(addYears('2020-02-29', 4), '2024-02-29');
  });
});

describe('checkNewPlanOptions: every field checked, what was wrong said per field', () => {
  const s = situation(720_000n);

  it('empty form: one problem per field', () => {
    const result = checkNewPlanOptions(
      form({ planType: '', monthlyAmount: '', paymentDay: '', payMethod: '' }),
      s,
    );
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(Object.fromEntries(Object.entries(result.problems).map(([f, p]) => [f, p?.key])), {
      planType: 'acct.plan.error.plan_type_missing',
      monthlyAmount: 'acct.plan.error.monthly_missing',
      paymentDay: 'acct.plan.error.payment_day_missing',
      payMethod: 'acct.plan.error.pay_method_missing',
    });
  });

  const bad: [string, Partial<Record<string, string>>, string, string][] = [
    [
      'an amount that is not money',
      { monthlyAmount: '12,34.5' },
      'monthlyAmount',
      'acct.plan.error.monthly_invalid',
    ],
    ['a zero amount', { monthlyAmount: '0' }, 'monthlyAmount', 'acct.plan.error.monthly_not_positive'],
    ['day 29', { paymentDay: '29' }, 'paymentDay', 'acct.plan.error.payment_day_range'],
    ['day 0', { paymentDay: '0' }, 'paymentDay', 'acct.plan.error.payment_day_range'],
    [
      'a day that is not a number',
      { paymentDay: 'fifth' },
      'paymentDay',
      'acct.plan.error.payment_day_range',
    ],
    ['an unknown plan type', { planType: 'forever' }, 'planType', 'acct.plan.error.plan_type_missing'],
  ];
  for (const [name, values, field, key] of bad)
    it(`${name} → ${field}: ${key}`, () => {
      const result = checkNewPlanOptions(form(values), s);
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.problems[field as 'planType']?.key, key);
    });

  it('long-term below owed ÷ 72: the minimum is named', () => {
    const result = checkNewPlanOptions(form({ monthlyAmount: '99.99' }), s);
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.deepEqual(result.problems.monthlyAmount, {
      key: 'acct.plan.error.monthly_below_minimum',
      amountCents: 10_000n,
    });
  });

  it('long-term at the minimum: 72 payments, first one 30+ days out, $69 fee paying by themselves', () => {
    const result = checkNewPlanOptions(form({ monthlyAmount: '$100' }), s);
    assert.equal(result.ok, true);
    if (!result.ok) return;
    assert.equal(result.options.monthlyCents, '10000');
    assert.equal(result.terms.installments.length, 72);
    assert.equal(result.terms.firstPaymentDate, '2025-04-15');
    assert.equal(result.terms.planType, 'long_term');
    assert.deepEqual([result.terms.fee.kind, result.terms.fee.cents], ['long-term-other', 6_900n]);
  });

  it('fees: direct debit $22, low income waives it; other method low income $43 (reimbursable); short-term $0', () => {
    const dd = checkNewPlanOptions(form({ payMethod: 'direct_debit' }), s);
    const ddLow = checkNewPlanOptions(form({ payMethod: 'direct_debit', lowIncome: 'yes' }), s);
    const otherLow = checkNewPlanOptions(form({ lowIncome: 'yes' }), s);
    const short = checkNewPlanOptions(form({ planType: 'short_term', monthlyAmount: '1500' }), s);
    assert.ok(dd.ok && ddLow.ok && otherLow.ok && short.ok);
    assert.equal(dd.terms.fee.cents, 2_200n);
    assert.equal(dd.terms.planType, 'long_term_direct_debit');
    assert.deepEqual([ddLow.terms.fee.cents, ddLow.terms.fee.waived], [0n, true]);
    assert.deepEqual([otherLow.terms.fee.cents, otherLow.terms.fee.reimbursable], [4_300n, true]);
    assert.deepEqual([short.terms.fee.cents, short.terms.planType], [0n, 'short_term']);
  });

  it('short-term too low to pay by day 180: the amount that does and the date are named', () => {
    const result = checkNewPlanOptions(form({ planType: 'short_term', monthlyAmount: '500' }), s);
    assert.equal(result.ok, false);
    if (result.ok) return;
    // Payments on the 15th from 2025-04-15 through 2025-09-06 (today + 180): 5 of them.
    assert.deepEqual(result.problems.monthlyAmount, {
      key: 'acct.plan.error.short_term_too_low',
      amountCents: 144_000n,
      date: '2025-09-06',
    });
  });

  it('over $25,000 a long-term plan must be paid by direct debit', () => {
    const result = checkNewPlanOptions(form({ monthlyAmount: '1000' }), situation(3_000_000n));
    assert.equal(result.ok, false);
    if (!result.ok)
      assert.deepEqual(result.problems.payMethod, {
        key: 'acct.plan.error.direct_debit_required',
        amountCents: 2_500_000n,
      });
    assert.equal(
      checkNewPlanOptions(form({ monthlyAmount: '1000', payMethod: 'direct_debit' }), situation(3_000_000n))
        .ok,
      true,
    );
  });

  it('ineligible plan types are refused with the reason', () => {
    const over50k = checkNewPlanOptions(form({ monthlyAmount: '5000' }), situation(6_000_000n));
    assert.ok(!over50k.ok && over50k.problems.planType?.key === 'acct.plan.error.long_term_over_limit');
    const over100k = checkNewPlanOptions(
      form({ planType: 'short_term', monthlyAmount: '50000' }),
      situation(10_000_000n),
    );
    assert.ok(!over100k.ok && over100k.problems.planType?.key === 'acct.plan.error.short_term_over_limit');
    const unfiled = checkNewPlanOptions(form({}), situation(720_000n, { allReturnsFiled: false }));
    assert.ok(!unfiled.ok && unfiled.problems.planType?.key === 'acct.plan.error.returns_not_filed');
  });

  it('a collection statute close by raises the minimum (pay before it expires)', () => {
    const result = minimumMonthly({
      kind: 'long_term',
      owedCents: 720_000n,
      first: '2025-04-15',
      paymentDay: 15,
      payBy: undefined,
      csed: '2026-03-20',
    });
    assert.deepEqual(result, { ok: true, cents: 60_000n });
  });

  it('newPlanTerms gives the same terms from the stored options (acceptance recomputes them)', () => {
    const checked = checkNewPlanOptions(form({}), s);
    assert.ok(checked.ok);
    const again = newPlanTerms(checked.options, s);
    assert.ok(again.ok);
    assert.deepEqual(again.terms, checked.terms);
  });
});

describe('checkRevisionOptions: a new amount, day or direct debit; the revision fee', () => {
  const s = situation(720_000n);
  const current: PlanBeingRevised = {
    planType: 'long_term',
    monthlyCents: 20_000n,
    paymentDay: 15,
    directDebit: false,
    payBy: null,
    lowIncome: false,
  };
  const revise = (
    values: Partial<Record<'monthlyAmount' | 'paymentDay' | 'convertToDirectDebit' | 'lowIncome', string>>,
    plan = current,
  ) =>
    checkRevisionOptions(
      { monthlyAmount: '200.00', paymentDay: '15', convertToDirectDebit: '', lowIncome: '', ...values },
      plan,
      s,
    );

  it('nothing changed: said on the form', () => {
    const result = revise({});
    assert.ok(!result.ok && result.problems.form?.key === 'acct.plan.error.nothing_changed');
  });

  it('a new amount: $10 online; the first payment at least 3 days away', () => {
    const result = revise({ monthlyAmount: '300' });
    assert.ok(result.ok);
    assert.deepEqual([result.terms.fee.kind, result.terms.fee.cents], ['revision', 1_000n]);
    assert.equal(result.terms.firstPaymentDate, revisedFirstPaymentDate(TODAY, 15));
    assert.equal(result.terms.firstPaymentDate, '2025-03-15');
  });

  it('a new day on a direct-debit plan: free', () => {
    const result = revise(
      { paymentDay: '3' },
      { ...current, directDebit: true, planType: 'long_term_direct_debit' },
    );
    assert.ok(result.ok);
    assert.deepEqual(
      [result.terms.fee.kind, result.terms.fee.cents, result.terms.directDebit],
      ['revision-direct-debit', 0n, true],
    );
    assert.equal(result.terms.firstPaymentDate, '2025-04-03');
  });

  it('converting to direct debit is a change (and the plan type follows)', () => {
    const result = revise({ convertToDirectDebit: 'yes' });
    assert.ok(result.ok);
    assert.deepEqual(
      [result.terms.planType, result.terms.directDebit, result.terms.fee.cents],
      ['long_term_direct_debit', true, 1_000n],
    );
  });

  it('below the minimum for the balance now: the minimum is named', () => {
    const result = revise({ monthlyAmount: '50' });
    assert.ok(!result.ok && result.problems.monthlyAmount?.amountCents === 10_000n);
  });

  it('bad fields are reported per field and the rest is not checked', () => {
    const result = revise({ monthlyAmount: 'abc', paymentDay: '31' });
    assert.ok(!result.ok);
    assert.equal(result.problems.monthlyAmount?.key, 'acct.plan.error.monthly_invalid');
    assert.equal(result.problems.paymentDay?.key, 'acct.plan.error.payment_day_range');
  });

  it('centsToField writes dollars for the form', () => {
    assert.equal(centsToField(20_000n), '200.00');
    assert.equal(centsToField('1005'), '10.05');
  });
});

// From a tax module's records (its transactions, and the notices about it) to the money
// engine's scenario, as of a date. Pure; the engine then computes penalties and interest.
//
// How each transaction code maps (transactions and notices dated after `asOf` are left out,
// so a past date gives the balance as it was then — except withholding, dated the due date by
// convention but withheld during the year, so a refund issued before the due date has
// something to come out of):
//
// | TC        | Meaning                          | In the scenario                                                  |
// | --------- | -------------------------------- | ---------------------------------------------------------------- |
// | 150       | return filed, tax assessed       | adds to the liability                                            |
// | 290       | additional tax assessed          | adds to the liability: it was due on the original due date       |
// |           |                                  | (interest runs from then, IRC 6601(a))                           |
// | 291       | tax abated                       | takes off the liability, as if never assessed                    |
// | 806       | withholding                      | a credit deemed paid on the due date (IRC 6513(b))               |
// | 610, 670  | payments                         | on or before the due date: a credit at the due date;             |
// |           |                                  | after it: a payment on its date                                  |
// | 706       | credit from another year (826)   | like a payment, on its date                                      |
// | 846, 826  | refund, offset to another year   | on or before the due date: less credit at the due date; after    |
// |           |                                  | it: the last money in before it goes back (latest payments first)|
// | 166, 276, | penalties and interest assessed  | not inputs: the engine computes failure-to-file, failure-to-pay  |
// | 196       |                                  | and interest from the dates; these postings are what had been    |
// |           |                                  | charged as of their dates (shown on the year page)               |
// | 671       | a dishonored payment             | the payment it reverses (same payment id; without one, the       |
// |           |                                  | latest 670 of the same amount) is left out, as if never made     |
// | 280       | dishonored-payment penalty       | not an engine input: added to the year's penalties as assessed   |
// | 971 AC 063| installment agreement in force   | installmentAgreement.from (the latest one)                       |
// | 972 AC 063| that agreement reversed (ended)  | installmentAgreement.to                                          |
// | 971 AC 043| agreement pending                | nothing (the reduced rate needs an agreement in force)           |
//
// `tax` is the unpaid tax at the due date: the liability less the credits on or before it;
// credits beyond the liability stay as a payment on the due date (the engine reports them as
// a credit). Notices: `noticeDate` is the first notice and demand (CP14, CP11, CP22E) and
// `levyNoticeDate` the first notice of intent to levy (CP504, LT11, Letter 1058), each on or
// after the due date.
//
// Known simplifications: the engine takes one installment agreement period, so only the
// latest one lowers the failure-to-pay rate; tax assessed later by TC 290 is charged the
// failure-to-pay penalty from the due date like the tax on the original return (IRC
// 6651(a)(3)'s 21 days after notice for tax not shown on a return is not modelled);
// interest on overpayments (TC 776) is not modelled.
import type { MoneyScenario } from '../money/balance.ts';
import { centsToDollars } from './cents.ts';
import {
  ACTION_CODES,
  CREDIT_CODES,
  DEBIT_CODES,
  INTENT_TO_LEVY,
  NOTICE_AND_DEMAND,
  type Notice,
  type TaxModule,
} from './tax-records.ts';

export type ScenarioModule = Pick<TaxModule, 'taxYear' | 'dueDate' | 'filedDate' | 'transactions'>;

export class InconsistentModuleError extends Error {
  constructor(taxYear: number, problem: string) {
    super(`Tax year ${taxYear}: ${problem}`);
  }
}

/**
 * The transactions without each dishonored payment (TC 671) and the payment it reverses: by
 * the payment's id, else the latest earlier 670 of the same amount. Sorted input, sorted output.
 */
export function withoutDishonored<T extends ScenarioModule['transactions'][number]>(
  transactions: readonly T[],
  fail: (problem: string) => never,
): T[] {
  const reversed = new Set<T>();
  for (const reversal of transactions) {
    if (reversal.code !== 671) continue;
    const candidates = transactions.filter(
      (t) =>
        t.code === 670 &&
        !reversed.has(t) &&
        t.date <= reversal.date &&
        (reversal.paymentId !== undefined
          ? t.paymentId === reversal.paymentId
          : t.amountCents === -reversal.amountCents),
    );
    const original = candidates[candidates.length - 1];
    if (!original) fail('a dishonored payment (TC 671) reverses no payment');
    else if (original.amountCents !== -reversal.amountCents)
      fail('a dishonored payment (TC 671) differs from the payment it reverses');
    else reversed.add(original);
    reversed.add(reversal);
  }
  return reversed.size === 0 ? [...transactions] : transactions.filter((t) => !reversed.has(t));
}

/** The notices about this module (callers pass the taxpayer's notices for its tax year). */
export function moduleScenario(
  module: ScenarioModule,
  notices: readonly Pick<Notice, 'code' | 'issuedDate'>[],
  asOf: string,
): MoneyScenario {
  const fail = (problem: string): never => {
    throw new InconsistentModuleError(module.taxYear, problem);
  };
  const transactions = withoutDishonored(
    module.transactions
      .filter((t) => t.code === 806 || t.date <= asOf)
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    fail,
  );
  let liability = 0;
  let timelyCredits = 0;
  const takenBack: { date: string; cents: number }[] = [];
  const later: { date: string; cents: number }[] = [];
  let plan: { from: string; to: string | null } | undefined;
  for (const t of transactions) {
    if (!Number.isSafeInteger(t.amountCents)) fail(`TC ${t.code} amount is not whole cents`);
    if (DEBIT_CODES.includes(t.code) && t.amountCents < 0) fail(`TC ${t.code} must not be negative`);
    if (CREDIT_CODES.includes(t.code) && t.amountCents > 0) fail(`TC ${t.code} must not be positive`);
    switch (t.code) {
      case 150:
      case 290:
      case 291:
        liability += t.amountCents;
        break;
      case 806:
        timelyCredits -= t.amountCents;
        break;
      case 610:
      case 670:
      case 706:
        if (t.date <= module.dueDate) timelyCredits -= t.amountCents;
        else later.push({ date: t.date, cents: -t.amountCents });
        break;
      case 826:
      case 846:
        if (t.date <= module.dueDate) timelyCredits -= t.amountCents;
        else takenBack.push({ date: t.date, cents: t.amountCents });
        break;
      case 971:
      case 972:
        if (t.amountCents !== 0) fail(`TC ${t.code} carries no amount`);
        if (t.actionCode === ACTION_CODES.installmentAgreementEstablished) {
          if (t.code === 971 && (!plan || plan.to !== null)) plan = { from: t.date, to: null };
          else if (t.code === 972 && plan && plan.to === null) plan = { ...plan, to: t.date };
        }
        break;
      case 166:
      case 196:
      case 276:
      case 280:
      case 671:
        break;
    }
  }
  if (liability < 0) fail('abatements exceed the tax assessed');
  if (timelyCredits < 0) fail('refunds and offsets exceed the credits');
  const payments: { date: string; cents: number }[] = [];
  const excess = timelyCredits - liability;
  if (excess > 0) payments.push({ date: module.dueDate, cents: excess });
  payments.push(...later);
  // A refund or an offset after the due date returns the last money that came in before it.
  for (const out of takenBack) {
    let left = out.cents;
    for (let i = payments.length - 1; i >= 0 && left > 0; i--) {
      const payment = payments[i]!;
      if (payment.date > out.date) continue;
      const taken = Math.min(left, payment.cents);
      payment.cents -= taken;
      left -= taken;
    }
    if (left > 0) fail('refunds and offsets exceed the credits');
  }
  const firstNotice = (codes: readonly string[]) =>
    notices
      .filter((n) => codes.includes(n.code) && n.issuedDate >= module.dueDate && n.issuedDate <= asOf)
      .map((n) => n.issuedDate)
      .sort()[0] ?? null;
  return {
    dueDate: module.dueDate,
    filedDate: module.filedDate !== null && module.filedDate <= asOf ? module.filedDate : null,
    tax: centsToDollars(Math.max(0, liability - timelyCredits)),
    payments: payments
      .filter((p) => p.cents > 0)
      .map((p) => ({ date: p.date, amount: centsToDollars(p.cents) })),
    ...(plan ? { installmentAgreement: plan } : {}),
    noticeDate: firstNotice(NOTICE_AND_DEMAND),
    levyNoticeDate: firstNotice(INTENT_TO_LEVY),
    asOf,
  };
}

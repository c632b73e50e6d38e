// Changing or cancelling a scheduled payment: allowed for a bank payment still scheduled,
// until 11:59 p.m. Eastern two business days before its date (domain/payments/scheduling.ts).
// Card payments are cancelled with the card processor only (domain.md, "Payments"). The
// worker may be debiting the payment at the same moment: the status guard decides who wins,
// and a loser gets a clear answer rather than a half-done change.
import { checkChangeOrCancel, checkPaymentDate, type ChangeCutoff } from '../domain/payments/scheduling.ts';
import { MAX_PAYMENT_CENTS, parseAmount } from '../domain/payments/payment-reasons.ts';
import type { PaymentRecord, PaymentsRepo } from '../db/payments-repo.ts';
import type { PaymentEmailKind } from './payment-processing.ts';

export type ChangeRefusal =
  | { problem: 'not_found' }
  | { problem: 'card_payment' }
  | { problem: 'not_scheduled'; payment: PaymentRecord }
  | { problem: 'cutoff_passed'; payment: PaymentRecord; cutoff: ChangeCutoff };

export type CheckResult =
  { ok: true; payment: PaymentRecord; cutoff: ChangeCutoff } | ({ ok: false } & ChangeRefusal);

export interface ChangeDeps {
  payments: PaymentsRepo;
  now: () => Date;
  notify: (paymentId: string, kind: PaymentEmailKind) => Promise<void>;
}

export function changePayment(deps: ChangeDeps) {
  async function check(taxpayerId: string, paymentId: string): Promise<CheckResult> {
    const payment = await deps.payments.find(taxpayerId, paymentId);
    if (!payment) return { ok: false, problem: 'not_found' };
    if (payment.method === 'card') return { ok: false, problem: 'card_payment' };
    const verdict = checkChangeOrCancel(
      { status: payment.status === 'scheduled' ? 'scheduled' : 'pending', paymentDate: payment.paymentDate },
      deps.now(),
    );
    if (verdict.ok) return { ok: true, payment, cutoff: verdict.cutoff };
    if (verdict.problem === 'payment_change_cutoff_passed' && verdict.cutoff)
      return { ok: false, problem: 'cutoff_passed', payment, cutoff: verdict.cutoff };
    return { ok: false, problem: 'not_scheduled', payment };
  }

  async function cancel(taxpayerId: string, paymentId: string): Promise<CheckResult> {
    const checked = await check(taxpayerId, paymentId);
    if (!checked.ok) return checked;
    if (
      !(await deps.payments.transition(
        paymentId,
        'scheduled',
        'cancelled',
        deps.now(),
        {},
        'cancelled by the taxpayer',
      ))
    ) {
      const payment = (await deps.payments.find(taxpayerId, paymentId)) ?? checked.payment;
      return { ok: false, problem: 'not_scheduled', payment };
    }
    await deps.notify(paymentId, 'cancelled');
    return checked;
  }

  type ChangeProblems = Partial<Record<'amount' | 'paymentDate', string>>;

  async function change(
    taxpayerId: string,
    paymentId: string,
    input: { amount: string; paymentDate: string },
  ): Promise<
    CheckResult | { ok: false; problem: 'invalid'; problems: ChangeProblems; payment: PaymentRecord }
  > {
    const checked = await check(taxpayerId, paymentId);
    if (!checked.ok) return checked;
    const problems: ChangeProblems = {};
    const amount = parseAmount(input.amount);
    if (amount === undefined) problems.amount = 'amount_invalid';
    else if (amount <= 0n) problems.amount = 'amount_not_positive';
    else if (amount > MAX_PAYMENT_CENTS) problems.amount = 'amount_too_large';
    const date = checkPaymentDate(input.paymentDate, deps.now());
    if (!date.ok) problems.paymentDate = date.problem;
    if (amount === undefined || !date.ok || Object.keys(problems).length > 0)
      return { ok: false, problem: 'invalid', problems, payment: checked.payment };
    if (!(await deps.payments.reschedule(paymentId, date.date, amount, deps.now()))) {
      const payment = (await deps.payments.find(taxpayerId, paymentId)) ?? checked.payment;
      return { ok: false, problem: 'not_scheduled', payment };
    }
    await deps.notify(paymentId, 'changed');
    return { ...checked, payment: (await deps.payments.find(taxpayerId, paymentId)) ?? checked.payment };
  }

  return { check, cancel, change };
}

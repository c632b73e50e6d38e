// What the payment worker does to one payment. Each step is safe to run twice, or to be
// interrupted anywhere (its process killed) and run again — delivery of jobs is at least once:
//
// - initiate (a scheduled bank payment on or after its date): submit the ACH debit with the
//   payment's id as the idempotency key (the bank rails answer a repeat with the first
//   answer), then, in ONE transaction, move scheduled → pending and post the payment to the
//   ledger (TC 670, dated the payment date). A second run finds it pending and does nothing.
// - confirm (a pending payment): ask the rails (or, for a card, wait for the next business
//   day) whether it settled; on a return (e.g. R01 insufficient funds), in ONE transaction,
//   pending → returned, reverse the posting (TC 671) and charge the dishonored-payment
//   penalty (TC 280, IRC 6657).
// - a card charge left "processing" (the server died between asking the processor and
//   recording its answer) is settled by asking the processor what it did with that key.
//
// The ledger's unique index on (payment_id, posting) makes a double posting impossible even
// if this logic were wrong; the status update guarded by the status read makes it a no-op.
import type { Database, Queryable } from '#platform/db/database.ts';
import { agencyToday } from '../domain/records/agency-date.ts';
import { addBusinessDays, isCoveredByHolidayCalendar } from '../domain/payments/federal-holidays.ts';
import { dishonoredPaymentPenalty } from '../domain/payments/dishonored-payment.ts';
import type { PaymentRecord, PaymentsRepo } from '../db/payments-repo.ts';
import type { BankRails } from './bank-rails.ts';
import type { CardProcessor } from './card-processor.ts';

export type PaymentEmailKind = 'received' | 'scheduled' | 'cancelled' | 'changed' | 'returned' | 'declined';

export interface ProcessingDeps {
  db: Database;
  paymentsOn: (q: Queryable) => PaymentsRepo;
  rails: BankRails;
  processor: CardProcessor;
  now: () => Date;
  /** Queue an email about a payment (the receipt, a return…). */
  notify: (paymentId: string, kind: PaymentEmailKind) => Promise<void>;
  /**
   * Test hooks (the worker kill test): after the vendor's answer, before the transaction that
   * records it; and inside that transaction, after its writes, before it commits.
   */
  hooks?: {
    afterVendor?: (payment: PaymentRecord) => Promise<void>;
    beforeCommit?: (payment: PaymentRecord) => Promise<void>;
  };
}

export type StepOutcome = 'done' | 'not_due' | 'nothing_to_do' | 'waiting';

/** Thrown when a vendor could not be reached: the job is retried. */
export class VendorUnavailableError extends Error {}

export function paymentProcessing(deps: ProcessingDeps) {
  const payments = deps.paymentsOn(deps.db);

  async function initiate(paymentId: string): Promise<StepOutcome> {
    const payment = await payments.findById(paymentId);
    if (!payment || payment.status !== 'scheduled' || payment.method !== 'bank') return 'nothing_to_do';
    const now = deps.now();
    if (payment.paymentDate > agencyToday(now)) return 'not_due';
    const bank = await payments.bankDetails(paymentId);
    if (!bank) throw new Error('Bank payment without bank details');
    const submission = await deps.rails.submitDebit({
      idempotencyKey: payment.id,
      routingNumber: bank.routingNumber,
      accountNumber: bank.accountNumber,
      accountType: bank.accountType,
      amountCents: payment.amountCents,
      effectiveDate: payment.paymentDate,
    });
    if (submission.outcome === 'error') throw new VendorUnavailableError(submission.reason);
    await deps.hooks?.afterVendor?.(payment);
    if (submission.outcome === 'rejected') {
      // Refused before any money moved: nothing was posted, so nothing to reverse or charge.
      const moved = await payments.transition(
        payment.id,
        'scheduled',
        'returned',
        deps.now(),
        { returnCode: submission.reason },
        'rejected by the bank rails',
      );
      if (moved) await deps.notify(payment.id, 'returned');
      return moved ? 'done' : 'nothing_to_do';
    }
    const moved = await deps.db.transaction(async (q) => {
      const repo = deps.paymentsOn(q);
      if (
        !(await repo.transition(payment.id, 'scheduled', 'pending', deps.now(), {
          railsTrace: submission.traceNumber,
        }))
      )
        return false;
      await repo.post({
        paymentId: payment.id,
        posting: 'payment',
        code: 670,
        amountCents: -payment.amountCents,
        date: payment.paymentDate,
      });
      await deps.hooks?.beforeCommit?.(payment);
      return true;
    });
    return moved ? 'done' : 'nothing_to_do';
  }

  async function returnPayment(payment: PaymentRecord, returnCode: string): Promise<boolean> {
    const today = agencyToday(deps.now());
    const moved = await deps.db.transaction(async (q) => {
      const repo = deps.paymentsOn(q);
      if (
        !(await repo.transition(
          payment.id,
          'pending',
          'returned',
          deps.now(),
          { returnCode },
          `returned ${returnCode}`,
        ))
      )
        return false;
      await repo.post({
        paymentId: payment.id,
        posting: 'reversal',
        code: 671,
        amountCents: payment.amountCents,
        date: today,
      });
      await repo.post({
        paymentId: payment.id,
        posting: 'dishonored_penalty',
        code: 280,
        amountCents: dishonoredPaymentPenalty(payment.amountCents),
        date: today,
      });
      return true;
    });
    if (moved) await deps.notify(payment.id, 'returned');
    return moved;
  }

  async function confirm(paymentId: string): Promise<StepOutcome> {
    const payment = await payments.findById(paymentId);
    if (!payment || payment.status !== 'pending') return 'nothing_to_do';
    const today = agencyToday(deps.now());
    if (payment.method === 'card') {
      // An approved card charge is guaranteed to the agency by the processor; it settles
      // on the next business day.
      const settles = isCoveredByHolidayCalendar(payment.paymentDate)
        ? addBusinessDays(payment.paymentDate, 1)
        : payment.paymentDate;
      if (today < settles) return 'waiting';
      return (await payments.transition(payment.id, 'pending', 'settled', deps.now()))
        ? 'done'
        : 'nothing_to_do';
    }
    if (!payment.railsTrace) throw new Error('Pending bank payment without a trace number');
    const status = await deps.rails.status(payment.railsTrace, today);
    if (status.state === 'pending') return 'waiting';
    await deps.hooks?.afterVendor?.(payment);
    if (status.state === 'settled')
      return (await payments.transition(payment.id, 'pending', 'settled', deps.now()))
        ? 'done'
        : 'nothing_to_do';
    return (await returnPayment(payment, status.returnCode)) ? 'done' : 'nothing_to_do';
  }

  /** A card charge whose answer was never recorded: ask the processor what happened to its key. */
  async function recoverCardCharge(paymentId: string): Promise<StepOutcome> {
    const payment = await payments.findById(paymentId);
    if (!payment || payment.status !== 'processing') return 'nothing_to_do';
    const result = await deps.processor.lookup(payment.id);
    if (result?.outcome === 'approved')
      return (await recordApproval(payment, result.chargeId)) ? 'done' : 'nothing_to_do';
    const reason = result?.outcome === 'declined' ? result.reason : 'processor_unavailable';
    const moved = await payments.transition(payment.id, 'processing', 'declined', deps.now(), {
      declineReason: reason,
    });
    if (moved) await deps.notify(payment.id, 'declined');
    return moved ? 'done' : 'nothing_to_do';
  }

  /** processing → pending with the payment posted (TC 670 on the day it was charged). */
  async function recordApproval(payment: PaymentRecord, chargeId: string): Promise<boolean> {
    return deps.db.transaction(async (q) => {
      const repo = deps.paymentsOn(q);
      if (
        !(await repo.transition(payment.id, 'processing', 'pending', deps.now(), {
          processorReference: chargeId,
        }))
      )
        return false;
      await repo.post({
        paymentId: payment.id,
        posting: 'payment',
        code: 670,
        amountCents: -payment.amountCents,
        date: payment.paymentDate,
      });
      return true;
    });
  }

  return { initiate, confirm, recoverCardCharge, recordApproval };
}

export type PaymentProcessing = ReturnType<typeof paymentProcessing>;

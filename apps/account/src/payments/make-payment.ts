// Submitting a payment from the review step: exactly one payment per idempotency key (the
// journey's), whatever the number of clicks, reloads or retries.
//
// - Bank account (Direct Pay): the payment is recorded as scheduled; the worker debits it on
//   its date (today's at once). Free.
// - Card: charged now through the card processor, with the processor's fee disclosed before.
//   The payment row is written first ("processing", with the key), then the processor is asked
//   with the same key, then its answer is recorded. A crash in between leaves a "processing"
//   row that the worker resolves by asking the processor about the key; a second submission
//   with the same key asks the processor again, which answers the first answer (it never
//   charges twice). The card number is used for the charge and never stored.
import type { Database, Queryable } from '#platform/db/database.ts';
import { parseCardNumber } from '../domain/payments/card-number.ts';
import { discloseProcessorFee, type CardKind } from '../domain/payments/processor-fees.ts';
import type { PaymentDetails } from '../domain/payments/payment-reasons.ts';
import type { BankDetails, PaymentRecord, PaymentsRepo } from '../db/payments-repo.ts';
import type { CardDetails, CardDeclineReason, CardProcessor } from './card-processor.ts';
import type { PaymentEmailKind, PaymentProcessing } from './payment-processing.ts';

export interface MakePaymentDeps {
  db: Database;
  paymentsOn: (q: Queryable) => PaymentsRepo;
  processor: CardProcessor;
  processing: PaymentProcessing;
  now: () => Date;
  notify: (paymentId: string, kind: PaymentEmailKind) => Promise<void>;
  /** Ask the worker to debit a bank payment due today without waiting for its next sweep. */
  initiateSoon: (paymentId: string) => Promise<void>;
}

export type PaymentMethodInput =
  { kind: 'bank'; bank: BankDetails } | { kind: 'card'; card: CardDetails; cardKind: CardKind };

export type SubmitResult =
  | { outcome: 'accepted'; payment: PaymentRecord; duplicate: boolean }
  | { outcome: 'declined'; payment: PaymentRecord; reason: CardDeclineReason | string }
  | { outcome: 'processor_unavailable'; payment: PaymentRecord }
  | { outcome: 'fee_unknown' };

export function makePayment(deps: MakePaymentDeps) {
  const payments = deps.paymentsOn(deps.db);

  async function submit(input: {
    taxpayerId: string;
    idempotencyKey: string;
    details: PaymentDetails;
    method: PaymentMethodInput;
    email: string | undefined;
    locale: 'en' | 'es';
  }): Promise<SubmitResult> {
    const { details, method } = input;
    const base = {
      taxpayerId: input.taxpayerId,
      idempotencyKey: input.idempotencyKey,
      taxYear: details.taxYear,
      reason: details.reason,
      amountCents: details.amountCents,
      paymentDate: details.paymentDate,
      locale: input.locale,
      ...(input.email ? { email: input.email } : {}),
    };
    if (method.kind === 'bank') {
      const { created, payment } = await payments.insert(
        { ...base, feeCents: 0n, status: 'scheduled', bank: method.bank },
        deps.now(),
      );
      if (created) {
        await deps.notify(payment.id, 'scheduled');
        await deps.initiateSoon(payment.id);
      }
      return { outcome: 'accepted', payment, duplicate: !created };
    }
    const fee = discloseProcessorFee({
      processorId: deps.processor.name,
      cardKind: method.cardKind,
      amountCents: details.amountCents,
    });
    if (!fee.ok) return { outcome: 'fee_unknown' };
    const parsed = parseCardNumber(method.card.number);
    const brand = parsed.ok ? parsed.brand : 'unknown';
    const last4 = method.card.number.replace(/\D/g, '').slice(-4);
    const { created, payment } = await payments.insert(
      {
        ...base,
        feeCents: fee.feeCents,
        status: 'processing',
        card: { brand, last4, processor: deps.processor.name },
      },
      deps.now(),
    );
    if (payment.status === 'declined')
      return { outcome: 'declined', payment, reason: payment.declineReason ?? 'card_declined' };
    if (payment.status !== 'processing') return { outcome: 'accepted', payment, duplicate: !created };
    const result = await deps.processor.charge({
      idempotencyKey: payment.id,
      amountCents: payment.amountCents,
      feeCents: payment.feeCents,
      card: method.card,
      description: `Tax payment ${payment.taxYear} ${payment.reason}`,
    });
    if (result.outcome === 'error') return { outcome: 'processor_unavailable', payment };
    if (result.outcome === 'declined') {
      await payments.transition(payment.id, 'processing', 'declined', deps.now(), {
        declineReason: result.reason,
      });
      const after = (await payments.findById(payment.id)) ?? payment;
      return { outcome: 'declined', payment: after, reason: after.declineReason ?? result.reason };
    }
    if (await deps.processing.recordApproval(payment, result.chargeId))
      await deps.notify(payment.id, 'received');
    const after = (await payments.findById(payment.id)) ?? payment;
    return { outcome: 'accepted', payment: after, duplicate: !created };
  }

  return { submit };
}

// The emails about a payment — the receipt when it is scheduled or received, and a notice
// when it is changed, cancelled, returned by the bank or declined — in the language the
// person used. Built from the stored payment (never from the form), so a retried job sends
// the same message. Card and account numbers appear by their last four digits only.
import { translator, type MessageKey } from '#platform/i18n/catalog.ts';
import type { EmailSender } from '#platform/mail/email-port.ts';
import type { PaymentRecord, PaymentsRepo } from '../db/payments-repo.ts';
import { recordsFormat } from '../views/records-format.ts';
import type { EmailJob } from './payment-worker.ts';

const k = (key: string) => key as MessageKey;

export function paymentEmailText(payment: PaymentRecord, job: EmailJob, baseUrl: string) {
  const t = translator(payment.locale);
  const f = recordsFormat(payment.locale);
  const brand = { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' }[
    payment.cardBrand ?? ''
  ];
  const method =
    payment.method === 'bank'
      ? t('acct.pay.method.bank', {
          type: t(k(`acct.pay.accountType.${payment.accountType ?? 'checking'}`)),
          last4: payment.accountLast4 ?? '',
        })
      : t('acct.pay.method.card', { brand: brand ?? '', last4: payment.cardLast4 ?? '' });
  return {
    subject: t(k(`acct.pay.email.${job.kind}.subject`), { number: payment.confirmationNumber }),
    text: t('acct.pay.email.body', {
      headline: t(k(`acct.pay.email.headline.${job.kind}`)),
      number: payment.confirmationNumber,
      amount: f.money(payment.amountCents),
      fee: f.money(payment.feeCents),
      year: payment.taxYear,
      reason: t(k(`acct.pay.reason.${payment.reason}`)),
      date: f.date(payment.paymentDate),
      method,
      status: t(k(`acct.pay.status.${payment.status}`)),
      url: `${baseUrl}/payments/${payment.id}`,
    }),
  };
}

export function paymentEmails(deps: {
  payments: PaymentsRepo;
  email: EmailSender;
  baseUrl: string;
  now: () => Date;
}) {
  return async function send(job: EmailJob): Promise<void> {
    const payment = await deps.payments.findById(job.paymentId);
    if (!payment) return;
    const to = await deps.payments.receiptEmail(payment.id);
    if (!to) return;
    const { subject, text } = paymentEmailText(payment, job, deps.baseUrl);
    await deps.email.send({ to, subject, text, kind: `payment-${job.kind}` });
    if (job.kind === 'scheduled' || job.kind === 'received')
      await deps.payments.markReceiptSent(payment.id, deps.now());
  };
}

// Payments in the tax account: the history, the "make a payment" journey (a persisted step
// graph: details → method → review, the card entered on the review step), submission with the
// journey's idempotency key, a payment's page, change and cancel. Every read of taxpayer data
// is audited; every form carries a CSRF token (the server's preHandler checks it).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#platform/errors/app-error.ts';
import { formFields } from '#platform/http/form-fields.ts';
import { hashToken } from '#platform/crypto/tokens.ts';
import { resolveStep } from '#platform/flows/step-graph.ts';
import type { Database, Queryable } from '#platform/db/database.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { JourneysRepo, Journey } from '../db/journeys-repo.ts';
import type { PaymentsRepo } from '../db/payments-repo.ts';
import { addDays } from '../domain/records/agency-date.ts';
import { noticesFor, yearBalance } from '../domain/records/account-overview.ts';
import type { TaxpayerRecords } from '../domain/records/tax-records.ts';
import {
  checkPaymentDetails,
  PAYMENT_REASONS,
  taxYearsFor,
  type PaymentReason,
  type YearsOnFile,
} from '../domain/payments/payment-reasons.ts';
import { changeCutoff, SCHEDULE_MAX_DAYS_AHEAD } from '../domain/payments/scheduling.ts';
import { CARD_PROCESSORS, discloseProcessorFee } from '../domain/payments/processor-fees.ts';
import {
  checkCard,
  checkMethod,
  loadDetails,
  PAYMENT_STEPS,
  storeDetails,
  type PaymentJourneyState,
  type PaymentStep,
} from '../payments/payment-journey.ts';
import { makePayment } from '../payments/make-payment.ts';
import { changePayment } from '../payments/change-payment.ts';
import type { CardProcessor } from '../payments/card-processor.ts';
import type { PaymentProcessing } from '../payments/payment-processing.ts';
import type { PaymentEmailKind } from '../payments/payment-processing.ts';
import { signedInHelpers, type SignedInDeps } from './signed-in.ts';
import {
  CancelPage,
  ChangePage,
  ChangeRefusedPage,
  DeclinedPage,
  DetailsStepPage,
  MethodStepPage,
  PaymentDetailPage,
  PaymentsPage,
  ProcessorUnavailablePage,
  ReviewStepPage,
} from '../views/payment-pages.tsx';

/** A journey lives this long after its last step (the session's own idle limit is shorter). */
export const JOURNEY_TTL_SECONDS = 60 * 60;

export interface PaymentRouteDeps extends SignedInDeps {
  db: Database;
  payments: PaymentsRepo;
  paymentsOn: (q: Queryable) => PaymentsRepo;
  journeys: JourneysRepo;
  audit: AuditRepo;
  processor: CardProcessor;
  processing: PaymentProcessing;
  notify: (paymentId: string, kind: PaymentEmailKind) => Promise<void>;
  initiateSoon: (paymentId: string) => Promise<void>;
  now: () => Date;
}

const STEPS: readonly PaymentStep[] = ['details', 'method', 'review'];

function yearsOnFile(records: TaxpayerRecords, date: string): YearsOnFile {
  return {
    modules: records.modules.map((m) => ({
      taxYear: m.taxYear,
      filed: m.filedDate !== null,
      balanceCents: BigInt(yearBalance(m, noticesFor(records, m.taxYear), date).balanceCents),
    })),
  };
}

function balanceOn(records: TaxpayerRecords) {
  return (taxYear: number, date: string): bigint => {
    const module = records.modules.find((m) => m.taxYear === taxYear);
    return module ? BigInt(yearBalance(module, noticesFor(records, taxYear), date).balanceCents) : 0n;
  };
}

export function registerPaymentRoutes(app: FastifyInstance, deps: PaymentRouteDeps): void {
  const { signedInTaxpayer, signedInRecords } = signedInHelpers(deps);
  const toHome = (reply: FastifyReply) => () => void reply.redirect('/', 303);
  const sessionHash = (req: FastifyRequest) => hashToken(deps.cookies.read(req) ?? '');
  const useCases = () => ({
    make: makePayment(deps),
    change: changePayment({ payments: deps.payments, now: deps.now, notify: deps.notify }),
  });

  async function journeyFor(
    req: FastifyRequest,
    id: string,
  ): Promise<Journey<PaymentJourneyState> | undefined> {
    return deps.journeys.find<PaymentJourneyState>(id, sessionHash(req), 'payment', deps.now());
  }

  // ---- history ---------------------------------------------------------------------------

  app.get('/payments', async (req, reply) => {
    const signed = await signedInTaxpayer(req, reply, deps.now(), toHome(reply));
    if (!signed) return reply;
    const payments = await deps.payments.listForTaxpayer(signed.taxpayerId);
    await deps.audit.record({
      subject: signed.session.subject,
      action: 'view_payments',
      requestId: String(req.id),
      detail: { taxpayer: signed.taxpayerId },
    });
    return reply.page((ctx) => PaymentsPage(ctx, { payments }));
  });

  app.post('/payments/new', async (req, reply) => {
    const signed = await signedInTaxpayer(req, reply, deps.now(), toHome(reply));
    if (!signed) return reply;
    const journey = await deps.journeys.start<PaymentJourneyState>(
      sessionHash(req),
      'payment',
      {},
      deps.now(),
      JOURNEY_TTL_SECONDS,
    );
    return reply.redirect(`/payments/j/${journey.id}/details`, 303);
  });

  // ---- the journey -------------------------------------------------------------------------

  app.get<{ Params: { id: string; step: string } }>('/payments/j/:id/:step', async (req, reply) => {
    const now = deps.now();
    const requested = STEPS.find((s) => s === req.params.step);
    if (!requested) throw new AppError('E404', 404, 'error.notFound');
    const signed = await signedInRecords(req, reply, now, toHome(reply), { action: 'view_payment_form' });
    if (!signed) return reply;
    const journey = await journeyFor(req, req.params.id);
    if (!journey) return reply.redirect('/payments', 303);
    if (journey.state.paymentId) return reply.redirect(`/payments/${journey.state.paymentId}`, 303);
    const step = resolveStep(PAYMENT_STEPS, journey.state, requested);
    if (step !== requested) return reply.redirect(`/payments/j/${journey.id}/${step}`, 303);
    return renderStep(reply, journey, step, signed.records, signed.today, now, {});
  });

  function renderStep(
    reply: FastifyReply,
    journey: Journey<PaymentJourneyState>,
    step: PaymentStep,
    records: TaxpayerRecords,
    today: string,
    now: Date,
    extra: {
      values?: Record<string, string>;
      problems?: Partial<Record<string, string>>;
      overBalance?: { balanceCents: bigint; year: number; date: string };
    },
  ) {
    const state = journey.state;
    const problems = extra.problems ?? {};
    const status = Object.keys(problems).length > 0 ? 400 : 200;
    if (step === 'details') {
      const onFile = yearsOnFile(records, today);
      const yearsByReason = Object.fromEntries(
        PAYMENT_REASONS.map((r) => [r, taxYearsFor(r, today, onFile)]),
      ) as Record<PaymentReason, number[]>;
      const d = state.details;
      return reply.code(status).page((ctx) =>
        DetailsStepPage(ctx, {
          journeyId: journey.id,
          values: {
            reason: extra.values?.['reason'] ?? d?.reason ?? '',
            taxYear: extra.values?.['taxYear'] ?? (d ? String(d.taxYear) : ''),
            amount: extra.values?.['amount'] ?? (d ? (Number(d.amountCents) / 100).toFixed(2) : ''),
            paymentDate: extra.values?.['paymentDate'] ?? d?.paymentDate ?? today,
          },
          yearsByReason,
          balances: Object.fromEntries(onFile.modules.map((m) => [m.taxYear, m.balanceCents])),
          today,
          latest: addDays(today, SCHEDULE_MAX_DAYS_AHEAD),
          problems,
          ...(extra.overBalance ? { overBalance: extra.overBalance } : {}),
        }),
      );
    }
    const details = state.details!;
    if (step === 'method') {
      const m = state.method;
      return reply.code(status).page((ctx) =>
        MethodStepPage(ctx, {
          journeyId: journey.id,
          paymentIsToday: details.paymentDate === today,
          values: {
            method: extra.values?.['method'] ?? m?.kind ?? '',
            routingNumber: extra.values?.['routingNumber'] ?? (m?.kind === 'bank' ? m.routingNumber : ''),
            accountType: extra.values?.['accountType'] ?? (m?.kind === 'bank' ? m.accountType : ''),
            accountNumber: extra.values?.['accountNumber'] ?? (m?.kind === 'bank' ? m.accountNumber : ''),
            cardKind: extra.values?.['cardKind'] ?? (m?.kind === 'card' ? m.cardKind : ''),
          },
          problems,
        }),
      );
    }
    const method = state.method!;
    const amountCents = BigInt(details.amountCents);
    const base = {
      journeyId: journey.id,
      idempotencyKey: journey.idempotencyKey,
      reason: details.reason,
      taxYear: details.taxYear,
      amountCents,
      paymentDate: details.paymentDate,
    };
    if (method.kind === 'bank') {
      return reply.code(status).page((ctx) =>
        ReviewStepPage(ctx, {
          ...base,
          bank: {
            routingNumber: method.routingNumber,
            accountLast4: method.accountNumber.slice(-4),
            accountType: method.accountType,
            cutoffDate: changeCutoff(details.paymentDate).date,
          },
        }),
      );
    }
    const fee = discloseProcessorFee({
      processorId: deps.processor.name,
      cardKind: method.cardKind,
      amountCents,
    });
    if (!fee.ok) return reply.code(409).page((ctx) => ReviewStepPage(ctx, { ...base, feeUnknown: true }));
    const processor = CARD_PROCESSORS.find((p) => p.id === fee.processorId);
    return reply.code(status).page((ctx) =>
      ReviewStepPage(ctx, {
        ...base,
        card: {
          processorName: fee.processorName,
          development: processor?.certainty === 'development',
          feeCents: fee.feeCents,
          totalCents: fee.totalCents,
          values: {
            expMonth: extra.values?.['expMonth'] ?? '',
            expYear: extra.values?.['expYear'] ?? '',
            nameOnCard: extra.values?.['nameOnCard'] ?? '',
            postalCode: extra.values?.['postalCode'] ?? '',
          },
          problems,
        },
      }),
    );
  }

  app.post<{ Params: { id: string } }>('/payments/j/:id/details', async (req, reply) => {
    const now = deps.now();
    const signed = await signedInRecords(req, reply, now, toHome(reply), { action: 'view_payment_form' });
    if (!signed) return reply;
    const journey = await journeyFor(req, req.params.id);
    if (!journey) return reply.redirect('/payments', 303);
    const form = formFields(
      req.body,
      ['reason', 'taxYear', 'amount', 'paymentDate', 'confirmOverBalance'],
      64,
    );
    const result = checkPaymentDetails(
      { ...form, confirmOverBalance: form.confirmOverBalance === 'yes' },
      now,
      signed.today,
      yearsOnFile(signed.records, signed.today),
      balanceOn(signed.records),
    );
    if (!result.ok) {
      const problems = Object.fromEntries(
        Object.entries(result.problems).map(([field, problem]) => [field, `acct.pay.error.${problem}`]),
      );
      return renderStep(reply, journey, 'details', signed.records, signed.today, now, {
        values: form,
        problems,
        ...(result.overBalance
          ? {
              overBalance: {
                balanceCents: result.overBalance.balanceCents,
                year: Number(form.taxYear),
                date: form.paymentDate.trim(),
              },
            }
          : {}),
      });
    }
    const method =
      journey.state.method?.kind === 'card' && result.details.paymentDate !== signed.today
        ? undefined
        : journey.state.method;
    await deps.journeys.save<PaymentJourneyState>(
      journey.id,
      { details: storeDetails(result.details), ...(method ? { method } : {}) },
      now,
      JOURNEY_TTL_SECONDS,
    );
    return reply.redirect(`/payments/j/${journey.id}/method`, 303);
  });

  app.post<{ Params: { id: string } }>('/payments/j/:id/method', async (req, reply) => {
    const now = deps.now();
    const signed = await signedInRecords(req, reply, now, toHome(reply), { action: 'view_payment_form' });
    if (!signed) return reply;
    const journey = await journeyFor(req, req.params.id);
    if (!journey) return reply.redirect('/payments', 303);
    if (!journey.state.details) return reply.redirect(`/payments/j/${journey.id}/details`, 303);
    const form = formFields(
      req.body,
      ['method', 'routingNumber', 'accountType', 'accountNumber', 'accountNumberAgain', 'cardKind'],
      64,
    );
    const result = checkMethod(form, journey.state.details.paymentDate === signed.today);
    if (!result.ok)
      return renderStep(reply, journey, 'method', signed.records, signed.today, now, {
        values: { ...form, accountNumberAgain: '' },
        problems: result.problems,
      });
    await deps.journeys.save<PaymentJourneyState>(
      journey.id,
      { ...journey.state, method: result.method },
      now,
      JOURNEY_TTL_SECONDS,
    );
    return reply.redirect(`/payments/j/${journey.id}/review`, 303);
  });

  app.post<{ Params: { id: string } }>('/payments/j/:id/submit', async (req, reply) => {
    const now = deps.now();
    const signed = await signedInRecords(req, reply, now, toHome(reply), { action: 'submit_payment' });
    if (!signed) return reply;
    const form = formFields(
      req.body,
      ['idempotencyKey', 'cardNumber', 'expMonth', 'expYear', 'securityCode', 'nameOnCard', 'postalCode'],
      128,
    );
    // A second click, a reload or a retry after the first one finished: show that payment.
    const earlier = form.idempotencyKey ? await deps.payments.findByKey(form.idempotencyKey) : undefined;
    if (
      earlier &&
      earlier.taxpayerId === signed.taxpayerId &&
      earlier.status !== 'processing' &&
      earlier.status !== 'declined'
    )
      return reply.redirect(`/payments/${earlier.id}?submitted=duplicate`, 303);
    const journey = await journeyFor(req, req.params.id);
    if (!journey) return reply.redirect('/payments', 303);
    const { details: stored, method } = journey.state;
    if (!stored || !method) return reply.redirect(`/payments/j/${journey.id}/details`, 303);
    if (form.idempotencyKey !== journey.idempotencyKey)
      return reply.redirect(`/payments/j/${journey.id}/review`, 303);
    const details = loadDetails(stored);
    const { make } = useCases();
    let paymentMethod: Parameters<typeof make.submit>[0]['method'];
    if (method.kind === 'bank') {
      paymentMethod = {
        kind: 'bank',
        bank: {
          routingNumber: method.routingNumber,
          accountNumber: method.accountNumber,
          accountType: method.accountType,
        },
      };
    } else {
      const card = checkCard(form, signed.today);
      if (!card.ok) {
        const { cardNumber: _n, securityCode: _c, ...kept } = form;
        return renderStep(reply, journey, 'review', signed.records, signed.today, now, {
          values: kept,
          problems: card.problems,
        });
      }
      paymentMethod = { kind: 'card', card: card.card, cardKind: method.cardKind };
    }
    const result = await make.submit({
      taxpayerId: signed.taxpayerId,
      idempotencyKey: journey.idempotencyKey,
      details,
      method: paymentMethod,
      email: signed.session.claims.email,
      locale: req.locale,
    });
    await deps.audit.record({
      subject: signed.session.subject,
      action: 'submit_payment',
      requestId: String(req.id),
      detail: {
        taxpayer: signed.taxpayerId,
        outcome: result.outcome,
        ...('payment' in result ? { payment: result.payment.id } : {}),
      },
    });
    switch (result.outcome) {
      case 'accepted':
        // Kept (with the payment) so Back and reloads show the payment, not a form to resubmit.
        await deps.journeys.save<PaymentJourneyState>(
          journey.id,
          { ...journey.state, paymentId: result.payment.id },
          now,
          JOURNEY_TTL_SECONDS,
        );
        return reply.redirect(
          `/payments/${result.payment.id}?submitted=${result.duplicate ? 'duplicate' : 'yes'}`,
          303,
        );
      case 'declined':
        await deps.journeys.newKey(journey.id);
        return reply
          .code(402)
          .page((ctx) => DeclinedPage(ctx, { journeyId: journey.id, reason: result.reason }));
      case 'processor_unavailable':
        return reply.code(503).page((ctx) => ProcessorUnavailablePage(ctx, { journeyId: journey.id }));
      case 'fee_unknown':
        return renderStep(reply, journey, 'review', signed.records, signed.today, now, {});
    }
  });

  // ---- one payment -------------------------------------------------------------------------

  async function ownPayment(
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    action: string,
  ) {
    const signed = await signedInTaxpayer(req, reply, deps.now(), toHome(reply));
    if (!signed) return undefined;
    const payment = await deps.payments.find(signed.taxpayerId, req.params.id);
    if (!payment) throw new AppError('E404', 404, 'error.notFound');
    await deps.audit.record({
      subject: signed.session.subject,
      action,
      requestId: String(req.id),
      detail: { taxpayer: signed.taxpayerId, payment: payment.id },
    });
    return { signed, payment };
  }

  app.get<{ Params: { id: string }; Querystring: { submitted?: string; done?: string } }>(
    '/payments/:id',
    async (req, reply) => {
      const found = await ownPayment(req, reply, 'view_payment');
      if (!found) return reply;
      const { signed, payment } = found;
      const check = await useCases().change.check(signed.taxpayerId, payment.id);
      const events = await deps.payments.events(payment.id);
      const submitted = req.query.submitted;
      const done = req.query.done;
      return reply.page((ctx) =>
        PaymentDetailPage(ctx, {
          payment,
          events,
          today: signed.today,
          change: check.ok
            ? { allowed: true, cutoffDate: check.cutoff.date, cutoffTime: '23:59' }
            : {
                allowed: false,
                reason:
                  check.problem === 'cutoff_passed'
                    ? 'cutoff'
                    : check.problem === 'card_payment'
                      ? 'card'
                      : 'status',
                ...(check.problem === 'cutoff_passed' ? { cutoffDate: check.cutoff.date } : {}),
              },
          ...(submitted === 'yes' || submitted === 'duplicate'
            ? { justSubmitted: { email: signed.session.claims.email, duplicate: submitted === 'duplicate' } }
            : {}),
          ...(done === 'cancelled'
            ? { notice: 'acct.pay.cancel.done' as const }
            : done === 'changed'
              ? { notice: 'acct.pay.change.done' as const }
              : {}),
        }),
      );
    },
  );

  function refused(
    reply: FastifyReply,
    check: Awaited<ReturnType<ReturnType<typeof changePayment>['check']>>,
  ) {
    if (check.ok) return undefined;
    if (check.problem === 'not_found') throw new AppError('E404', 404, 'error.notFound');
    if (check.problem === 'card_payment') throw new AppError('E404', 404, 'error.notFound');
    const payment = check.payment;
    return reply.code(409).page((ctx) =>
      ChangeRefusedPage(ctx, {
        payment,
        reason: check.problem === 'cutoff_passed' ? 'cutoff' : 'status',
        ...(check.problem === 'cutoff_passed' ? { cutoffDate: check.cutoff.date } : {}),
      }),
    );
  }

  app.get<{ Params: { id: string } }>('/payments/:id/cancel', async (req, reply) => {
    const found = await ownPayment(req, reply, 'view_payment');
    if (!found) return reply;
    const check = await useCases().change.check(found.signed.taxpayerId, found.payment.id);
    if (!check.ok) return refused(reply, check);
    return reply.page((ctx) => CancelPage(ctx, found.payment));
  });

  app.post<{ Params: { id: string } }>('/payments/:id/cancel', async (req, reply) => {
    const found = await ownPayment(req, reply, 'cancel_payment');
    if (!found) return reply;
    const result = await useCases().change.cancel(found.signed.taxpayerId, found.payment.id);
    if (!result.ok) return refused(reply, result);
    return reply.redirect(`/payments/${found.payment.id}?done=cancelled`, 303);
  });

  app.get<{ Params: { id: string } }>('/payments/:id/change', async (req, reply) => {
    const found = await ownPayment(req, reply, 'view_payment');
    if (!found) return reply;
    const check = await useCases().change.check(found.signed.taxpayerId, found.payment.id);
    if (!check.ok) return refused(reply, check);
    const today = found.signed.today;
    return reply.page((ctx) =>
      ChangePage(ctx, {
        payment: found.payment,
        values: {
          amount: (Number(found.payment.amountCents) / 100).toFixed(2),
          paymentDate: found.payment.paymentDate,
        },
        problems: {},
        today,
        latest: addDays(today, SCHEDULE_MAX_DAYS_AHEAD),
      }),
    );
  });

  app.post<{ Params: { id: string } }>('/payments/:id/change', async (req, reply) => {
    const found = await ownPayment(req, reply, 'change_payment');
    if (!found) return reply;
    const form = formFields(req.body, ['amount', 'paymentDate'], 64);
    const result = await useCases().change.change(found.signed.taxpayerId, found.payment.id, form);
    if (!result.ok && result.problem === 'invalid') {
      const today = found.signed.today;
      return reply.code(400).page((ctx) =>
        ChangePage(ctx, {
          payment: found.payment,
          values: form,
          problems: result.problems,
          today,
          latest: addDays(today, SCHEDULE_MAX_DAYS_AHEAD),
        }),
      );
    }
    if (!result.ok) return refused(reply, result);
    return reply.redirect(`/payments/${found.payment.id}?done=changed`, 303);
  });
}

// Payment plans in the tax account: the plan in force (or what the person may apply for), the
// journeys that set one up or revise it (a persisted step graph: options → bank account when a
// direct debit needs one → review and accept), the agreement PDF to review, acceptance with the
// journey's idempotency key, and the accepted agreement (rendered again from the stored terms,
// its SHA-256 checked against the one accepted). Every read of taxpayer data is audited; every
// form carries a CSRF token (the server's preHandler checks it).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '#platform/errors/app-error.ts';
import { formFields, queryParam } from '#platform/http/form-fields.ts';
import { hashToken } from '#platform/crypto/tokens.ts';
import { resolveStep } from '#platform/flows/step-graph.ts';
import type { Database, Queryable } from '#platform/db/database.ts';
import type { EmailSender } from '#platform/mail/email-port.ts';
import type { Logger } from '#platform/log/logger.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { Journey, JourneysRepo } from '../db/journeys-repo.ts';
import type { PaymentsRepo } from '../db/payments-repo.ts';
import { CURRENT_PLAN_STATUSES, type PlanAgreement, type PlansRepo } from '../db/plans-repo.ts';
import { payoffOn, planStatus } from '../domain/records/account-overview.ts';
import { addDays } from '../domain/records/agency-date.ts';
import type { TaxpayerRecords } from '../domain/records/tax-records.ts';
import { shortTermPayBy, revisionFeeKind, planUserFee } from '../domain/payments/payment-plans.ts';
import {
  DEFAULT_WARNING_RESPONSE_DAYS,
  missedInstallments,
  nextInstallments,
  planInstallments,
} from '../domain/payments/plan-schedule.ts';
import { checkMethod } from '../payments/payment-journey.ts';
import {
  centsToField,
  checkNewPlanOptions,
  checkRevisionOptions,
  minimumsForHint,
  needsBank,
  newPlanTerms,
  PLAN_STEP_NAMES,
  PLAN_STEPS,
  planSituation,
  revisedPlanTerms,
  type ComputedTerms,
  type OptionsProblems,
  type PlanJourneyState,
  type PlanProblem,
  type PlanSituation,
  type PlanStep,
} from '../plans/plan-journey.ts';
import {
  createPlan,
  DEFAULT_AGENCY_NAME,
  renderAcceptedAgreement,
  renderAgreement,
  termsFromJourney,
  type PlanUseCaseDeps,
} from '../plans/create-plan.ts';
import { revisePlan } from '../plans/revise-plan.ts';
import { paymentsReceived } from '../plans/plan-checks.ts';
import { signedInHelpers, type SignedInDeps } from './signed-in.ts';
import {
  BankStepPage,
  OptionsStepPage,
  PlanPage,
  ReviewStepPage,
  type EligibilityView,
  type PlanDone,
} from '../views/plan-pages.tsx';

/** A journey lives this long after its last step (the session's own idle limit is shorter). */
export const PLAN_JOURNEY_TTL_SECONDS = 60 * 60;
/** How many of the next payments the plan page lists. */
export const NEXT_PAYMENTS_SHOWN = 6;

export interface PlanRouteDeps extends SignedInDeps {
  db: Database;
  plans: PlansRepo;
  plansOn: (q: Queryable) => PlansRepo;
  paymentsOn: (q: Queryable) => PaymentsRepo;
  journeys: JourneysRepo;
  audit: AuditRepo;
  /** Where the emails about a plan go out (the agreement's summary). */
  email: EmailSender;
  /** The tax account's public URL, for links in emails. */
  baseUrl: string;
  /** The agency's name on the agreement (default DEFAULT_AGENCY_NAME). */
  agencyName?: string;
  now: () => Date;
  logger?: Logger;
}

type Problems = Partial<Record<string, PlanProblem>>;

function eligibilityView(situation: PlanSituation): EligibilityView {
  return {
    owedCents: situation.owedCents,
    today: situation.today,
    payBy: shortTermPayBy(situation.today),
    taxYears: situation.taxYears,
    shortTerm: situation.eligibility.shortTerm,
    longTerm: situation.eligibility.longTerm,
    minimums: minimumsForHint(situation),
  };
}

/** The plan on the records (TC 971 AC 063) when it was not made online. */
function legacyPlan(records: TaxpayerRecords, today: string) {
  const status = planStatus(records, today, payoffOn(records, today).payoffCents);
  return status.state === 'active'
    ? { terms: status.terms, since: status.since, taxYears: status.taxYears }
    : undefined;
}

const DONE: readonly PlanDone[] = ['created', 'revised', 'duplicate', 'refused'];

export function registerPlanRoutes(app: FastifyInstance, deps: PlanRouteDeps): void {
  const { signedInTaxpayer, signedInRecords } = signedInHelpers(deps);
  const agencyName = deps.agencyName ?? DEFAULT_AGENCY_NAME;
  const toHome = (reply: FastifyReply) => () => void reply.redirect('/', 303);
  const sessionHash = (req: FastifyRequest) => hashToken(deps.cookies.read(req) ?? '');
  const useCaseDeps: PlanUseCaseDeps = {
    db: deps.db,
    plansOn: deps.plansOn,
    paymentsOn: deps.paymentsOn,
    email: deps.email,
    baseUrl: deps.baseUrl,
    ...(deps.logger ? { logger: deps.logger } : {}),
  };
  const create = createPlan(useCaseDeps);
  const revise = revisePlan(useCaseDeps);

  function journeyFor(req: FastifyRequest, id: string): Promise<Journey<PlanJourneyState> | undefined> {
    return deps.journeys.find<PlanJourneyState>(id, sessionHash(req), 'plan', deps.now());
  }

  // ---- the plan page -----------------------------------------------------------------------

  app.get<{ Querystring: { done?: string; id?: string } }>('/plan', async (req, reply) => {
    const now = deps.now();
    const signed = await signedInRecords(req, reply, now, toHome(reply), { action: 'view_plan' });
    if (!signed) return reply;
    const { records, today, taxpayerId } = signed;
    const doneParam = queryParam(req.query, 'done');
    const done = DONE.find((d) => d === doneParam);
    const email = signed.session.claims.email;
    const current = await deps.plans.current(taxpayerId);
    if (current) {
      const schedule = planInstallments({
        owedCents: current.owedCents,
        monthlyCents: current.monthlyCents,
        paymentDay: current.paymentDay,
        firstPaymentDate: current.firstPaymentDate,
        ...(current.payBy ? { payBy: current.payBy } : {}),
      });
      const installments = schedule.ok ? schedule.installments : [];
      let pastDue: { cents: bigint; respondBy: string | undefined } | undefined;
      if (current.status === 'default_warning') {
        const missed = missedInstallments({
          schedule: installments,
          paymentsReceived: paymentsReceived(current, records, await deps.plans.payments(current.id)),
          today,
        });
        const notice = records.notices
          .filter((n) => n.code === 'CP523')
          .sort((a, b) => (a.issuedDate < b.issuedDate ? -1 : 1))
          .pop();
        pastDue = {
          // What the notice said when nothing is missed on today's reckoning (the check ran later in the day).
          cents:
            missed.pastDueCents > 0n || notice === undefined || notice.amountDueCents === null
              ? missed.pastDueCents
              : BigInt(notice.amountDueCents),
          respondBy: notice ? addDays(notice.issuedDate, DEFAULT_WARNING_RESPONSE_DAYS) : undefined,
        };
      }
      const bank = current.directDebit ? await deps.plans.bankDetails(current.id) : undefined;
      const history = await deps.plans.history(taxpayerId);
      return reply.page((ctx) =>
        PlanPage(ctx, {
          current: {
            agreement: current,
            accountType: bank?.accountType,
            next: nextInstallments(installments, today, NEXT_PAYMENTS_SHOWN),
            ...(pastDue ? { pastDue } : {}),
            history,
          },
          ...(done ? { done } : {}),
          ...(email ? { email } : {}),
        }),
      );
    }
    const legacy = legacyPlan(records, today);
    if (legacy) return reply.page((ctx) => PlanPage(ctx, { legacy, ...(done ? { done } : {}) }));
    const last = (await deps.plans.history(taxpayerId))[0];
    const ended = last && (last.status === 'defaulted' || last.status === 'completed') ? last : undefined;
    return reply.page((ctx) =>
      PlanPage(ctx, {
        eligibility: eligibilityView(planSituation(records, today)),
        ...(ended ? { ended } : {}),
        ...(done ? { done } : {}),
      }),
    );
  });

  app.post('/plan/new', async (req, reply) => {
    const now = deps.now();
    const signed = await signedInRecords(req, reply, now, toHome(reply), { action: 'start_plan' });
    if (!signed) return reply;
    if ((await deps.plans.current(signed.taxpayerId)) || legacyPlan(signed.records, signed.today))
      return reply.redirect('/plan', 303);
    const { eligibility } = planSituation(signed.records, signed.today);
    if (!eligibility.shortTerm.eligible && !eligibility.longTerm.eligible)
      return reply.redirect('/plan', 303);
    const journey = await deps.journeys.start<PlanJourneyState>(
      sessionHash(req),
      'plan',
      { mode: 'new' },
      now,
      PLAN_JOURNEY_TTL_SECONDS,
    );
    return reply.redirect(`/plan/j/${journey.id}/options`, 303);
  });

  app.post('/plan/revise', async (req, reply) => {
    const now = deps.now();
    const signed = await signedInTaxpayer(req, reply, now, toHome(reply));
    if (!signed) return reply;
    const current = await deps.plans.current(signed.taxpayerId);
    await deps.audit.record({
      subject: signed.session.subject,
      action: 'start_plan_revision',
      requestId: String(req.id),
      detail: { taxpayer: signed.taxpayerId, ...(current ? { plan: current.id } : {}) },
    });
    if (!current) return reply.redirect('/plan', 303);
    const journey = await deps.journeys.start<PlanJourneyState>(
      sessionHash(req),
      'plan',
      { mode: 'revise', planId: current.id, currentDirectDebit: current.directDebit },
      now,
      PLAN_JOURNEY_TTL_SECONDS,
    );
    return reply.redirect(`/plan/j/${journey.id}/options`, 303);
  });

  // ---- the journey -------------------------------------------------------------------------

  interface Loaded {
    journey: Journey<PlanJourneyState>;
    signed: NonNullable<Awaited<ReturnType<typeof signedInRecords>>>;
    situation: PlanSituation;
    /** Revise: the plan being revised, still in force. */
    current: PlanAgreement | undefined;
    now: Date;
  }

  /** The signed-in person, their journey and (revising) the plan still in force; otherwise the reply is sent. */
  async function load(
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    action: string,
  ): Promise<Loaded | undefined> {
    const now = deps.now();
    const signed = await signedInRecords(req, reply, now, toHome(reply), { action });
    if (!signed) return undefined;
    const journey = await journeyFor(req, req.params.id);
    if (!journey) {
      void reply.redirect('/plan', 303);
      return undefined;
    }
    let current: PlanAgreement | undefined;
    if (journey.state.mode === 'revise') {
      current = journey.state.planId
        ? await deps.plans.find(signed.taxpayerId, journey.state.planId)
        : undefined;
      if (!current || !CURRENT_PLAN_STATUSES.includes(current.status)) {
        await deps.journeys.end(journey.id);
        void reply.redirect('/plan', 303);
        return undefined;
      }
    }
    return { journey, signed, situation: planSituation(signed.records, signed.today), current, now };
  }

  function termsOf(l: Loaded): { ok: true; terms: ComputedTerms } | { ok: false; problems: OptionsProblems } {
    const options = l.journey.state.options;
    if (!options) return { ok: false, problems: {} };
    return l.current ? revisedPlanTerms(options, l.current, l.situation) : newPlanTerms(options, l.situation);
  }

  function renderOptions(
    reply: FastifyReply,
    l: Loaded,
    extra: { values?: Record<string, string>; problems?: Problems },
  ) {
    const state = l.journey.state;
    const o = state.options;
    const problems = extra.problems ?? {};
    const v = extra.values;
    const current = l.current;
    const revisionFeeCents = current
      ? (() => {
          const fee = planUserFee({
            kind: revisionFeeKind(current.directDebit),
            channel: 'online',
            lowIncome: o?.lowIncome ?? current.lowIncome,
            asOf: l.signed.today,
          });
          return fee.ok ? fee.feeCents : undefined;
        })()
      : undefined;
    return reply.code(Object.keys(problems).length > 0 ? 400 : 200).page((ctx) =>
      OptionsStepPage(ctx, {
        journeyId: l.journey.id,
        mode: state.mode,
        values: {
          planType: v?.['planType'] ?? o?.planKind ?? '',
          monthlyAmount:
            v?.['monthlyAmount'] ??
            (o ? centsToField(o.monthlyCents) : current ? centsToField(current.monthlyCents) : ''),
          paymentDay:
            v?.['paymentDay'] ?? (o ? String(o.paymentDay) : current ? String(current.paymentDay) : ''),
          payMethod: v?.['payMethod'] ?? (o ? (o.directDebit ? 'direct_debit' : 'self') : ''),
          lowIncome: v ? v['lowIncome'] === 'yes' : (o?.lowIncome ?? current?.lowIncome ?? false),
          convertToDirectDebit: v
            ? v['convertToDirectDebit'] === 'yes'
            : o?.directDebit === true && !current?.directDebit,
        },
        problems,
        ...(current ? { current } : { eligibility: eligibilityView(l.situation) }),
        ...(revisionFeeCents !== undefined ? { revisionFeeCents } : {}),
      }),
    );
  }

  function renderBank(
    reply: FastifyReply,
    l: Loaded,
    extra: { values?: Record<string, string>; problems?: Problems },
  ) {
    const b = l.journey.state.bank;
    const problems = extra.problems ?? {};
    return reply.code(Object.keys(problems).length > 0 ? 400 : 200).page((ctx) =>
      BankStepPage(ctx, {
        journeyId: l.journey.id,
        values: {
          routingNumber: extra.values?.['routingNumber'] ?? b?.routingNumber ?? '',
          accountType: extra.values?.['accountType'] ?? b?.accountType ?? '',
          accountNumber: extra.values?.['accountNumber'] ?? b?.accountNumber ?? '',
        },
        problems,
      }),
    );
  }

  /** The bank account the agreement names: the one entered, or (revising a direct-debit plan) the plan's. */
  async function bankOf(l: Loaded) {
    if (l.journey.state.bank) return l.journey.state.bank;
    if (l.current?.directDebit) return deps.plans.bankDetails(l.current.id);
    return undefined;
  }

  /** The agreement for the journey's terms, in `locale`, prepared today. */
  async function agreementFor(l: Loaded, terms: ComputedTerms, locale: 'en' | 'es') {
    const party = await deps.plans.party(l.signed.taxpayerId);
    if (!party) throw new AppError('E404', 404, 'error.notFound');
    const bank = await bankOf(l);
    return renderAgreement({
      terms: termsFromJourney(terms, terms.directDebit ? bank : undefined),
      party,
      language: locale,
      preparedOn: l.signed.today,
      agencyName,
    });
  }

  /** Records what was shown, so acceptance can check it is what is accepted. */
  async function remember(l: Loaded, sha256: string, locale: 'en' | 'es') {
    const reviewed = { sha256, preparedOn: l.signed.today, locale };
    const r = l.journey.state.reviewed;
    if (
      r &&
      r.sha256 === reviewed.sha256 &&
      r.preparedOn === reviewed.preparedOn &&
      r.locale === reviewed.locale
    )
      return;
    l.journey.state = { ...l.journey.state, reviewed };
    await deps.journeys.save<PlanJourneyState>(
      l.journey.id,
      l.journey.state,
      l.now,
      PLAN_JOURNEY_TTL_SECONDS,
    );
  }

  async function renderReview(
    req: FastifyRequest,
    reply: FastifyReply,
    l: Loaded,
    extra: { problems?: Problems; termsChanged?: boolean; status?: number } = {},
  ) {
    const terms = termsOf(l);
    if (!terms.ok) return renderOptions(reply, l, { problems: terms.problems });
    const { sha256 } = await agreementFor(l, terms.terms, req.locale);
    await remember(l, sha256, req.locale);
    const bank = terms.terms.directDebit ? await bankOf(l) : undefined;
    const problems = extra.problems ?? {};
    return reply.code(extra.status ?? (Object.keys(problems).length > 0 ? 400 : 200)).page((ctx) =>
      ReviewStepPage(ctx, {
        journeyId: l.journey.id,
        mode: l.journey.state.mode,
        idempotencyKey: l.journey.idempotencyKey,
        terms: terms.terms,
        bank: bank ? { last4: bank.accountNumber.slice(-4), accountType: bank.accountType } : undefined,
        agreementSha256: sha256,
        problems,
        ...(extra.termsChanged ? { termsChanged: true } : {}),
        showBankStep: needsBank(l.journey.state),
      }),
    );
  }

  app.get<{ Params: { id: string } }>('/plan/j/:id/agreement.pdf', async (req, reply) => {
    const l = await load(req, reply, 'view_plan_agreement_draft');
    if (!l) return reply;
    if (resolveStep(PLAN_STEPS, l.journey.state, 'review') !== 'review')
      return reply.redirect(`/plan/j/${l.journey.id}/options`, 303);
    const terms = termsOf(l);
    if (!terms.ok) return reply.redirect(`/plan/j/${l.journey.id}/options`, 303);
    const { pdf, sha256 } = await agreementFor(l, terms.terms, req.locale);
    await remember(l, sha256, req.locale);
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', 'inline; filename="payment-plan-agreement.pdf"')
      .header('x-agreement-sha256', sha256)
      .type('application/pdf')
      .send(pdf);
  });

  app.get<{ Params: { id: string; step: string } }>('/plan/j/:id/:step', async (req, reply) => {
    const requested = PLAN_STEP_NAMES.find((s) => s === req.params.step);
    if (!requested) throw new AppError('E404', 404, 'error.notFound');
    const l = await load(req, reply, 'view_plan_form');
    if (!l) return reply;
    const step: PlanStep = resolveStep(PLAN_STEPS, l.journey.state, requested);
    if (step !== requested) return reply.redirect(`/plan/j/${l.journey.id}/${step}`, 303);
    if (step === 'options') return renderOptions(reply, l, {});
    if (step === 'bank') return renderBank(reply, l, {});
    return renderReview(req, reply, l);
  });

  app.post<{ Params: { id: string } }>('/plan/j/:id/options', async (req, reply) => {
    const l = await load(req, reply, 'view_plan_form');
    if (!l) return reply;
    const form = formFields(
      req.body,
      ['planType', 'monthlyAmount', 'paymentDay', 'payMethod', 'lowIncome', 'convertToDirectDebit'],
      64,
    );
    const result = l.current
      ? checkRevisionOptions(form, l.current, l.situation)
      : checkNewPlanOptions(form, l.situation);
    if (!result.ok) return renderOptions(reply, l, { values: form, problems: result.problems });
    const state: PlanJourneyState = {
      mode: l.journey.state.mode,
      ...(l.journey.state.planId ? { planId: l.journey.state.planId } : {}),
      ...(l.journey.state.currentDirectDebit !== undefined
        ? { currentDirectDebit: l.journey.state.currentDirectDebit }
        : {}),
      options: result.options,
    };
    // A bank account already entered is kept while a direct debit still needs it.
    if (needsBank(state) && l.journey.state.bank) state.bank = l.journey.state.bank;
    await deps.journeys.save<PlanJourneyState>(l.journey.id, state, l.now, PLAN_JOURNEY_TTL_SECONDS);
    return reply.redirect(`/plan/j/${l.journey.id}/${needsBank(state) ? 'bank' : 'review'}`, 303);
  });

  app.post<{ Params: { id: string } }>('/plan/j/:id/bank', async (req, reply) => {
    const l = await load(req, reply, 'view_plan_form');
    if (!l) return reply;
    if (resolveStep(PLAN_STEPS, l.journey.state, 'bank') !== 'bank')
      return reply.redirect(`/plan/j/${l.journey.id}/options`, 303);
    const form = formFields(
      req.body,
      ['routingNumber', 'accountType', 'accountNumber', 'accountNumberAgain'],
      64,
    );
    const result = checkMethod({ ...form, method: 'bank', cardKind: '' }, false);
    if (!result.ok || result.method.kind !== 'bank') {
      const problems: Problems = {};
      if (!result.ok)
        for (const [field, key] of Object.entries(result.problems)) if (key) problems[field] = { key };
      // What was typed is kept, except the account number's confirmation.
      return renderBank(reply, l, { values: { ...form, accountNumberAgain: '' }, problems });
    }
    const { routingNumber, accountNumber, accountType } = result.method;
    await deps.journeys.save<PlanJourneyState>(
      l.journey.id,
      { ...l.journey.state, bank: { routingNumber, accountNumber, accountType }, reviewed: undefined },
      l.now,
      PLAN_JOURNEY_TTL_SECONDS,
    );
    return reply.redirect(`/plan/j/${l.journey.id}/review`, 303);
  });

  app.post<{ Params: { id: string } }>('/plan/j/:id/accept', async (req, reply) => {
    const now = deps.now();
    const form = formFields(req.body, ['idempotencyKey', 'agree'], 128);
    // A second click, a reload or a retry after the first one finished: show the plan.
    const earlier = form.idempotencyKey ? await deps.plans.findByKey(form.idempotencyKey) : undefined;
    if (earlier) {
      const signed = await signedInTaxpayer(req, reply, now, toHome(reply));
      if (!signed) return reply;
      if (earlier.taxpayerId === signed.taxpayerId) return reply.redirect('/plan?done=duplicate', 303);
    }
    const l = await load(req, reply, 'accept_plan');
    if (!l) return reply;
    if (resolveStep(PLAN_STEPS, l.journey.state, 'review') !== 'review')
      return reply.redirect(`/plan/j/${l.journey.id}/options`, 303);
    if (form.idempotencyKey !== l.journey.idempotencyKey)
      return reply.redirect(`/plan/j/${l.journey.id}/review`, 303);
    if (form.agree !== 'yes')
      return renderReview(req, reply, l, { problems: { agree: { key: 'acct.plan.error.agree_missing' } } });
    const terms = termsOf(l);
    if (!terms.ok) return renderOptions(reply, l, { problems: terms.problems });
    const reviewed = l.journey.state.reviewed;
    const locale = reviewed?.locale ?? req.locale;
    const { sha256 } = await agreementFor(l, terms.terms, locale);
    // What is accepted must be what was shown: a balance, a date or the language changed since.
    if (!reviewed || reviewed.sha256 !== sha256 || reviewed.preparedOn !== l.signed.today)
      return renderReview(req, reply, l, { termsChanged: true, status: 409 });
    const bank = terms.terms.directDebit ? l.journey.state.bank : undefined;
    const input = {
      taxpayerId: l.signed.taxpayerId,
      idempotencyKey: l.journey.idempotencyKey,
      terms: terms.terms,
      bank,
      agreementSha256: sha256,
      locale,
      email: l.signed.session.claims.email,
      acceptedAt: l.now,
      today: l.signed.today,
    };
    const result = l.current
      ? await revise.submit({ ...input, previousId: l.current.id })
      : await create.submit(input);
    await deps.audit.record({
      subject: l.signed.session.subject,
      action: l.current ? 'revise_plan' : 'create_plan',
      requestId: String(req.id),
      detail: {
        taxpayer: l.signed.taxpayerId,
        outcome: result.outcome,
        ...('plan' in result ? { plan: result.plan.id, version: result.plan.version } : {}),
      },
    });
    await deps.journeys.end(l.journey.id);
    switch (result.outcome) {
      case 'created':
      case 'revised':
      case 'duplicate':
        return reply.redirect(`/plan?done=${result.outcome}`, 303);
      case 'already_has_plan':
      case 'not_current':
        return reply.redirect('/plan?done=refused', 303);
    }
  });

  // ---- the accepted agreement --------------------------------------------------------------

  app.get<{ Querystring: { id?: string } }>('/plan/agreement.pdf', async (req, reply) => {
    const signed = await signedInTaxpayer(req, reply, deps.now(), toHome(reply));
    if (!signed) return reply;
    const id = queryParam(req.query, 'id');
    const plan = id
      ? await deps.plans.find(signed.taxpayerId, id)
      : ((await deps.plans.current(signed.taxpayerId)) ?? (await deps.plans.history(signed.taxpayerId))[0]);
    if (!plan) throw new AppError('E404', 404, 'error.notFound');
    const party = await deps.plans.party(signed.taxpayerId);
    if (!party) throw new AppError('E404', 404, 'error.notFound');
    const bank = plan.directDebit ? await deps.plans.bankDetails(plan.id) : undefined;
    const { pdf, verified } = await renderAcceptedAgreement({ plan, bank, party, agencyName });
    await deps.audit.record({
      subject: signed.session.subject,
      action: 'view_plan_agreement',
      requestId: String(req.id),
      detail: { taxpayer: signed.taxpayerId, plan: plan.id, verified },
    });
    if (!verified)
      deps.logger?.error({ plan: plan.id }, 'accepted agreement re-rendered with a different SHA-256');
    return reply
      .header('cache-control', 'no-store')
      .header('content-disposition', `inline; filename="payment-plan-agreement-v${plan.version}.pdf"`)
      .header('x-agreement-sha256', `${plan.agreementSha256}; ${verified ? 'verified' : 'mismatch'}`)
      .type('application/pdf')
      .send(pdf);
  });
}

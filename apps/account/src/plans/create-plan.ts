// Accepting a new payment plan: exactly one agreement per idempotency key (the journey's),
// whatever the number of clicks, reloads or retries. In ONE transaction: the agreement row
// (version 1, 'active'), TC 971 AC 063 dated today on every tax year with a balance (the money
// engine lowers the failure-to-pay rate to 0.25% from then on), and the terms row the home page
// reads (payment_plans). Then an email with the agreement's summary (at most once: only the
// request that created the plan sends it).
//
// Also what creating and revising share: the agreement PDF's input from computed or stored
// terms (the same bytes either way, so the stored SHA-256 can be checked later) and the emails
// about a plan.
import type { Database, Queryable } from '#platform/db/database.ts';
import type { EmailSender } from '#platform/mail/email-port.ts';
import type { Logger } from '#platform/log/logger.ts';
import { translator, type MessageKey } from '#platform/i18n/catalog.ts';
import { enPlans } from '#platform/i18n/messages/en-plans.ts';
import { esPlans } from '#platform/i18n/messages/es-plans.ts';
import type { AgreementParty, PlanAgreement, PlansRepo } from '../db/plans-repo.ts';
import type { BankDetails, PaymentsRepo } from '../db/payments-repo.ts';
import type { AccountType } from '../domain/payments/bank-account.ts';
import type { PlanFeeKind } from '../domain/payments/payment-plans.ts';
import { planInstallments, type Installment } from '../domain/payments/plan-schedule.ts';
import { agencyToday } from '../domain/records/agency-date.ts';
import type { PlanType } from '../domain/records/tax-records.ts';
import { recordsFormat } from '../views/records-format.ts';
import { agreementSha256, renderAgreementPdf, type AgreementPdfInput } from './agreement-pdf.ts';
import type { ComputedTerms } from './plan-journey.ts';

/** The version of the agreement's wording (agreement-text.ts); printed on the agreement. */
export const AGREEMENT_WORDING_VERSION = '2025-01';
/** The agency's name on the agreement when the composition root does not give one. */
export const DEFAULT_AGENCY_NAME = 'Tax Agency';

type PlanKey = keyof typeof enPlans;
const k = (key: string) => key as MessageKey;

/**
 * Text for the agreement and the emails in `locale`: the plan messages (en-plans.ts, es-plans.ts)
 * read directly, anything else from the catalog.
 */
export function planTranslator(locale: 'en' | 'es') {
  const own: Record<string, string> = locale === 'es' ? esPlans : enPlans;
  const catalog = translator(locale);
  return (key: PlanKey | MessageKey, params: Record<string, string | number> = {}): string => {
    const text = own[key];
    if (text === undefined) return catalog(key as MessageKey, params);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in params ? String(params[name]) : whole,
    );
  };
}

// ---------------------------------------------------------------------------------------------
// The agreement

/** What the agreement states, from the journey (computed) or from the stored agreement. */
export interface AgreementTerms {
  planType: PlanType;
  taxYears: readonly number[];
  owedCents: bigint;
  monthlyCents: bigint;
  paymentDay: number;
  firstPaymentDate: string;
  payBy: string | undefined;
  directDebit: { bankLast4: string; accountType: AccountType } | null;
  userFeeCents: bigint;
  feeKind: PlanFeeKind;
  lowIncome: boolean;
  installments: readonly Installment[];
}

export function termsFromJourney(
  terms: ComputedTerms,
  bank: { accountNumber: string; accountType: AccountType } | undefined,
): AgreementTerms {
  return {
    planType: terms.planType,
    taxYears: terms.taxYears,
    owedCents: terms.owedCents,
    monthlyCents: terms.monthlyCents,
    paymentDay: terms.paymentDay,
    firstPaymentDate: terms.firstPaymentDate,
    payBy: terms.payBy,
    directDebit:
      terms.directDebit && bank
        ? { bankLast4: bank.accountNumber.slice(-4), accountType: bank.accountType }
        : null,
    userFeeCents: terms.fee.cents,
    feeKind: terms.fee.kind,
    lowIncome: terms.lowIncome,
    installments: terms.installments,
  };
}

/** The stored agreement's terms; its schedule is computed again from them. */
export function termsFromAgreement(plan: PlanAgreement, bank: BankDetails | undefined): AgreementTerms {
  const schedule = planInstallments({
    owedCents: plan.owedCents,
    monthlyCents: plan.monthlyCents,
    paymentDay: plan.paymentDay,
    firstPaymentDate: plan.firstPaymentDate,
    ...(plan.payBy ? { payBy: plan.payBy } : {}),
  });
  return {
    planType: plan.planType,
    taxYears: plan.taxYears,
    owedCents: plan.owedCents,
    monthlyCents: plan.monthlyCents,
    paymentDay: plan.paymentDay,
    firstPaymentDate: plan.firstPaymentDate,
    payBy: plan.payBy ?? undefined,
    directDebit:
      plan.directDebit && bank
        ? { bankLast4: bank.accountNumber.slice(-4), accountType: bank.accountType }
        : null,
    userFeeCents: plan.userFeeCents,
    feeKind: plan.feeKind,
    lowIncome: plan.lowIncome,
    installments: schedule.ok ? schedule.installments : [],
  };
}

/** "long-term plan, direct debit, online", in the agreement's language. */
export function feeKindLabel(kind: PlanFeeKind, language: 'en' | 'es'): string {
  return planTranslator(language)(k(`acct.plan.feeKind.${kind.replace(/-/g, '_')}`));
}

export function agreementPdfInput(input: {
  terms: AgreementTerms;
  party: AgreementParty;
  language: 'en' | 'es';
  /** The day the agreement was prepared (and accepted), YYYY-MM-DD. */
  preparedOn: string;
  agencyName: string;
}): AgreementPdfInput {
  const { terms } = input;
  return {
    language: input.language,
    agencyName: input.agencyName,
    taxpayerName: input.party.name,
    tinLast4: input.party.tinLast4,
    tinType: input.party.tinType,
    planType: terms.planType === 'short_term' ? 'short-term' : 'long-term',
    taxYears: terms.taxYears,
    owedCents: terms.owedCents,
    monthlyCents: terms.monthlyCents,
    paymentDay: terms.paymentDay,
    firstPaymentDate: terms.firstPaymentDate,
    ...(terms.payBy ? { payBy: terms.payBy } : {}),
    directDebit: terms.directDebit,
    userFeeCents: terms.userFeeCents,
    feeKindLabel: feeKindLabel(terms.feeKind, input.language),
    lowIncome: terms.lowIncome,
    installments: terms.installments,
    version: AGREEMENT_WORDING_VERSION,
    createdOn: input.preparedOn,
  };
}

export async function renderAgreement(
  input: Parameters<typeof agreementPdfInput>[0],
): Promise<{ pdf: Buffer; sha256: string }> {
  const pdf = await renderAgreementPdf(agreementPdfInput(input));
  return { pdf, sha256: agreementSha256(pdf) };
}

/** The stored agreement rendered again, and whether its SHA-256 is the one accepted. */
export async function renderAcceptedAgreement(input: {
  plan: PlanAgreement;
  bank: BankDetails | undefined;
  party: AgreementParty;
  agencyName: string;
}): Promise<{ pdf: Buffer; sha256: string; verified: boolean }> {
  const { pdf, sha256 } = await renderAgreement({
    terms: termsFromAgreement(input.plan, input.bank),
    party: input.party,
    language: input.plan.locale,
    preparedOn: agencyToday(input.plan.acceptedAt),
    agencyName: input.agencyName,
  });
  return { pdf, sha256, verified: sha256 === input.plan.agreementSha256 };
}

// ---------------------------------------------------------------------------------------------
// Emails about a plan

export type PlanEmailKind = 'created' | 'revised' | 'default_warning' | 'defaulted' | 'completed';

export interface PlanEmailDeps {
  email: EmailSender;
  baseUrl: string;
  logger?: Logger;
}

export function planEmailText(
  plan: PlanAgreement,
  kind: PlanEmailKind,
  baseUrl: string,
  extra: { pastDueCents?: bigint; respondBy?: string } = {},
): { subject: string; text: string } {
  const t = planTranslator(plan.locale);
  const f = recordsFormat(plan.locale);
  const url = `${baseUrl}/plan`;
  const subject = t(k(`acct.plan.email.${kind}.subject`));
  if (kind === 'created' || kind === 'revised') {
    const method = plan.directDebit
      ? t('acct.plan.method.directDebitEnding', { last4: plan.accountLast4 ?? '' })
      : t('acct.plan.method.self');
    return {
      subject,
      text: t('acct.plan.email.terms', {
        headline: t(k(`acct.plan.email.${kind}.headline`)),
        type: t(k(`acct.plan.type.${plan.planType}`)),
        amount: f.money(plan.monthlyCents),
        day: plan.paymentDay,
        first: f.date(plan.firstPaymentDate),
        method,
        fee: f.money(plan.userFeeCents),
        years: [...plan.taxYears].sort((a, b) => a - b).join(', '),
        sha: plan.agreementSha256,
        url,
      }),
    };
  }
  if (kind === 'default_warning')
    return {
      subject,
      text: t('acct.plan.email.default_warning.body', {
        amount: f.money(extra.pastDueCents ?? 0n),
        date: f.date(extra.respondBy ?? plan.firstPaymentDate),
        url,
      }),
    };
  return { subject, text: t(k(`acct.plan.email.${kind}.body`), { url }) };
}

/** Sends an email about the plan to the address kept with it; a failure is logged, not thrown. */
export async function sendPlanEmail(
  deps: PlanEmailDeps,
  plansRepo: PlansRepo,
  plan: PlanAgreement,
  kind: PlanEmailKind,
  extra: { pastDueCents?: bigint; respondBy?: string } = {},
): Promise<void> {
  try {
    const to = await plansRepo.email(plan.id);
    if (!to) return;
    const { subject, text } = planEmailText(plan, kind, deps.baseUrl, extra);
    await deps.email.send({ to, subject, text, kind: `plan-${kind}` });
  } catch (error) {
    deps.logger?.error({ err: error, plan: plan.id, kind }, 'plan email not sent');
  }
}

// ---------------------------------------------------------------------------------------------
// Creating

export interface PlanUseCaseDeps extends PlanEmailDeps {
  db: Database;
  plansOn: (q: Queryable) => PlansRepo;
  paymentsOn: (q: Queryable) => PaymentsRepo;
}

export interface AcceptInput {
  taxpayerId: string;
  /** The journey's key: the same for every try. */
  idempotencyKey: string;
  terms: ComputedTerms;
  /** A direct-debit plan's bank account (revising a direct-debit plan: omitted, the old one is kept). */
  bank: BankDetails | undefined;
  agreementSha256: string;
  locale: 'en' | 'es';
  /** Where the emails about the plan go (the verified email of the session). */
  email: string | undefined;
  /** The time of acceptance; `today` is its agency date. */
  acceptedAt: Date;
  today: string;
}

export type CreateResult =
  | { outcome: 'created' | 'duplicate'; plan: PlanAgreement }
  /** Another plan is in force (made by another journey). */
  | { outcome: 'already_has_plan' };

export function createPlan(deps: PlanUseCaseDeps) {
  const plans = deps.plansOn(deps.db);

  async function submit(input: AcceptInput): Promise<CreateResult> {
    const earlier = await plans.findByKey(input.idempotencyKey);
    if (earlier) {
      if (earlier.taxpayerId !== input.taxpayerId)
        throw new Error('Idempotency key belongs to another taxpayer');
      return { outcome: 'duplicate', plan: earlier };
    }
    const { terms } = input;
    if (terms.directDebit && !input.bank) throw new Error('A direct-debit plan needs a bank account');
    const result = await deps.db.transaction(async (tx): Promise<CreateResult> => {
      const repo = deps.plansOn(tx);
      const { created, plan } = await repo.insert(
        {
          taxpayerId: input.taxpayerId,
          idempotencyKey: input.idempotencyKey,
          planType: terms.planType,
          taxYears: terms.taxYears,
          owedCents: terms.owedCents,
          monthlyCents: terms.monthlyCents,
          paymentDay: terms.paymentDay,
          firstPaymentDate: terms.firstPaymentDate,
          payBy: terms.payBy ?? null,
          bank: terms.directDebit ? input.bank : undefined,
          userFeeCents: terms.fee.cents,
          feeKind: terms.fee.kind,
          lowIncome: terms.lowIncome,
          agreementSha256: input.agreementSha256,
          locale: input.locale,
          email: input.email,
        },
        1,
        input.acceptedAt,
      );
      if (!plan) return { outcome: 'already_has_plan' };
      if (!created) return { outcome: 'duplicate', plan };
      for (const taxYear of terms.taxYears)
        await repo.postIndicator({
          planId: plan.id,
          taxpayerId: input.taxpayerId,
          taxYear,
          posting: 'plan_in_force',
          date: input.today,
        });
      await repo.upsertTerms(input.taxpayerId, {
        planType: terms.planType,
        monthlyCents: terms.monthlyCents,
        paymentDay: terms.paymentDay,
      });
      return { outcome: 'created', plan };
    });
    if (result.outcome === 'created') await sendPlanEmail(deps, plans, result.plan, 'created');
    return result;
  }

  return { submit };
}

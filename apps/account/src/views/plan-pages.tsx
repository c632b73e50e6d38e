// The payment plan pages: the plan in force (terms, status, the next payments, the agreement,
// Revise) or, without one, what the person may apply for today; the steps of setting up or
// revising a plan (options, bank account, review and accept). Stable hooks for the browser
// tests are data-* attributes (listed in each page's comment).
import type { ComponentChildren } from 'preact';
import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import type { enPlans } from '#platform/i18n/messages/en-plans.ts';
import { Alert, CsrfField, ErrorSummary, TextField } from '#platform/ui/components.tsx';
import type { PlanAgreement } from '../db/plans-repo.ts';
import type { AccountType } from '../domain/payments/bank-account.ts';
import type { EligibilityReason } from '../domain/payments/payment-plans.ts';
import type { Installment } from '../domain/payments/plan-schedule.ts';
import type { PaymentPlanTerms } from '../domain/records/tax-records.ts';
import { agencyToday } from '../domain/records/agency-date.ts';
import {
  eligibilityErrorKey,
  type ComputedTerms,
  type PlanKind,
  type PlanProblem,
} from '../plans/plan-journey.ts';
import {
  BankAccountFields,
  FieldErrorText,
  RadioGroup,
  SignedInPage,
  type RadioOption,
} from './form-parts.tsx';
import { recordsFormat } from './records-format.ts';

type Problems = Partial<Record<string, PlanProblem>>;

const k = (key: string) => key as MessageKey;
/** The translator, typed with the plan messages too (en-plans.ts). */
type PlanKey = keyof typeof enPlans;
const tr =
  (ctx: PageContext) =>
  (key: PlanKey | MessageKey, params?: Record<string, string | number>): string =>
    ctx.t(key as MessageKey, params);
const money = (ctx: PageContext, cents: bigint | number) => recordsFormat(ctx.locale).money(cents);
const day = (ctx: PageContext, iso: string) => recordsFormat(ctx.locale).date(iso);

function message(ctx: PageContext, problem: PlanProblem): string {
  return tr(ctx)(k(problem.key), {
    ...(problem.amountCents !== undefined ? { amount: money(ctx, problem.amountCents) } : {}),
    ...(problem.date !== undefined ? { date: day(ctx, problem.date) } : {}),
  });
}

/** The error summary's entries: one per field (a problem with the whole form has its own alert). */
function errorsOf(ctx: PageContext, problems: Problems) {
  return Object.entries(problems)
    .filter((e): e is [string, PlanProblem] => e[1] !== undefined && e[0] !== 'form')
    .map(([field, problem]) => ({ field, message: message(ctx, problem) }));
}

const errorText = (ctx: PageContext, problems: Problems, name: string) => {
  const problem = problems[name];
  return problem ? message(ctx, problem) : undefined;
};

function FieldError({ ctx, name, problems }: { ctx: PageContext; name: string; problems: Problems }) {
  return <FieldErrorText name={name} error={errorText(ctx, problems, name)} />;
}

function Radios(props: {
  ctx: PageContext;
  name: string;
  legend: string;
  hint?: string;
  options: RadioOption[];
  value: string | undefined;
  problems: Problems;
}) {
  return <RadioGroup {...props} error={errorText(props.ctx, props.problems, props.name)} />;
}

function Checkbox({
  ctx,
  name,
  label,
  description,
  checked,
  problems,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  description?: string;
  checked: boolean;
  problems: Problems;
}) {
  const error = problems[name];
  return (
    <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`} id={name}>
      <FieldError ctx={ctx} name={name} problems={problems} />
      <div class="usa-checkbox">
        <input
          class="usa-checkbox__input"
          id={`${name}-input`}
          type="checkbox"
          name={name}
          value="yes"
          checked={checked}
          aria-describedby={error ? `${name}-error` : undefined}
        />
        <label class="usa-checkbox__label" for={`${name}-input`}>
          {label}
          {description ? <span class="usa-checkbox__label-description">{description}</span> : null}
        </label>
      </div>
    </div>
  );
}

const Page = SignedInPage;

export function planTypeLabel(ctx: PageContext, planType: PlanAgreement['planType']): string {
  return tr(ctx)(k(`acct.plan.type.${planType}`));
}

function methodText(
  ctx: PageContext,
  directDebit: boolean,
  last4: string | null,
  accountType?: AccountType,
): string {
  if (!directDebit) return tr(ctx)('acct.plan.method.self');
  return accountType
    ? tr(ctx)('acct.plan.method.directDebitAccount', {
        type: tr(ctx)(k(`acct.pay.accountType.${accountType}`)).toLowerCase(),
        last4: last4 ?? '',
      })
    : tr(ctx)('acct.plan.method.directDebitEnding', { last4: last4 ?? '' });
}

function feeText(
  ctx: PageContext,
  fee: { cents: bigint; reduced: boolean; waived: boolean; reimbursable: boolean },
  lowIncome: boolean,
): string {
  const base = money(ctx, fee.cents);
  if (fee.cents === 0n && !fee.waived) return tr(ctx)('acct.plan.fee.none');
  if (fee.waived) return tr(ctx)('acct.plan.fee.waived');
  if (lowIncome && fee.reduced)
    return fee.reimbursable
      ? tr(ctx)('acct.plan.fee.reducedReimbursable', { fee: base })
      : tr(ctx)('acct.plan.fee.reduced', { fee: base });
  return base;
}

function InstallmentsTable({
  ctx,
  installments,
  caption,
}: {
  ctx: PageContext;
  installments: readonly Installment[];
  caption: string;
}) {
  const t = tr(ctx);
  return (
    <table class="usa-table usa-table--borderless" data-next-payments>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('acct.plan.col.due')}</th>
          <th scope="col" class="text-right">
            {t('acct.plan.col.amount')}
          </th>
        </tr>
      </thead>
      <tbody>
        {installments.map((i) => (
          <tr key={i.date} data-installment={i.date}>
            <th scope="row">{day(ctx, i.date)}</th>
            <td class="text-right text-tabular">{money(ctx, i.amountCents)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// ---------------------------------------------------------------------------------------------
// GET /plan
//
// Hooks: [data-plan-page="current"|"apply"|"legacy"]; current plan: [data-plan-status=<status>],
// [data-plan-type], [data-plan-monthly], [data-plan-day], [data-plan-method], [data-plan-fee],
// [data-plan-version], table[data-next-payments] tr[data-installment=<YYYY-MM-DD>],
// a[data-agreement-link], button[data-revise-plan], [data-plan-done=<created|revised|duplicate|refused>],
// [data-default-warning]; no plan: [data-plan-owed], [data-eligibility=<short_term|long_term>]
// with data-eligible="yes|no", button[data-apply-plan].

export interface CurrentPlanView {
  agreement: PlanAgreement;
  accountType: AccountType | undefined;
  next: Installment[];
  /** While default_warning: what is past due and the last day to pay it. */
  pastDue?: { cents: bigint; respondBy: string | undefined };
  history: PlanAgreement[];
}

export interface EligibilityView {
  owedCents: bigint;
  today: string;
  payBy: string;
  taxYears: number[];
  shortTerm: { eligible: boolean; reasons: EligibilityReason[] };
  longTerm: { eligible: boolean; reasons: EligibilityReason[]; directDebitRequired: boolean };
  minimums: Partial<Record<PlanKind, bigint>>;
}

export type PlanDone = 'created' | 'revised' | 'duplicate' | 'refused';

export interface PlanPageData {
  current?: CurrentPlanView;
  /** A plan in force on the records that was not made online (no agreement here). */
  legacy?: { terms: PaymentPlanTerms | undefined; since: string; taxYears: number[] };
  eligibility?: EligibilityView;
  /** The latest agreement that ended (defaulted or completed), when there is no current plan. */
  ended?: PlanAgreement;
  done?: PlanDone;
  email?: string;
}

function DoneAlert({ ctx, done, email }: { ctx: PageContext; done: PlanDone; email: string | undefined }) {
  const t = tr(ctx);
  if (done === 'refused')
    return (
      <div data-plan-done="refused">
        <Alert kind="error">{t('acct.plan.done.refused')}</Alert>
      </div>
    );
  return (
    <div class="usa-alert usa-alert--success" role="status" data-plan-done={done}>
      <div class="usa-alert__body">
        <h2 class="usa-alert__heading">{t(k(`acct.plan.done.${done}`))}</h2>
        {email && done !== 'duplicate' ? (
          <p class="usa-alert__text">{t('acct.plan.done.email', { email })}</p>
        ) : null}
      </div>
    </div>
  );
}

export function PlanPage(ctx: PageContext, data: PlanPageData) {
  const t = tr(ctx);
  return (
    <Page ctx={ctx} title={t('acct.plan.title')}>
      <h1>{t('acct.plan.title')}</h1>
      {data.done ? <DoneAlert ctx={ctx} done={data.done} email={data.email} /> : null}
      {data.current ? (
        <CurrentPlan ctx={ctx} view={data.current} />
      ) : data.legacy ? (
        <LegacyPlan ctx={ctx} legacy={data.legacy} />
      ) : data.eligibility ? (
        <Apply ctx={ctx} view={data.eligibility} ended={data.ended} />
      ) : null}
      <p class="margin-top-4">
        <a href="/payments">{t('acct.plan.link.payments')}</a>
        {' · '}
        <a href="/">{t('acct.plan.link.home')}</a>
      </p>
    </Page>
  );
}

const STATUS_TAG: Record<PlanAgreement['status'], string> = {
  active: 'bg-green',
  default_warning: 'bg-secondary-dark',
  defaulted: 'bg-secondary-darker',
  superseded: 'bg-base-dark',
  completed: 'bg-primary',
};

function CurrentPlan({ ctx, view }: { ctx: PageContext; view: CurrentPlanView }) {
  const t = tr(ctx);
  const a = view.agreement;
  return (
    <div data-plan-page="current">
      {a.status === 'default_warning' && view.pastDue ? (
        <div class="usa-alert usa-alert--warning" role="status" data-default-warning>
          <div class="usa-alert__body">
            <h2 class="usa-alert__heading">{t('acct.plan.warning.title')}</h2>
            <p class="usa-alert__text">
              {view.pastDue.respondBy
                ? t('acct.plan.warning.text', {
                    amount: money(ctx, view.pastDue.cents),
                    date: day(ctx, view.pastDue.respondBy),
                  })
                : t('acct.plan.warning.textNoDate', { amount: money(ctx, view.pastDue.cents) })}
            </p>
            <p class="usa-alert__text">
              <a href="/payments">{t('acct.plan.warning.pay')}</a>
            </p>
          </div>
        </div>
      ) : null}
      <p class="usa-intro">{t('acct.plan.current.lead', { date: day(ctx, agencyToday(a.acceptedAt)) })}</p>
      <dl class="payment-summary" data-plan-summary>
        <dt class="text-bold">{t('acct.plan.field.status')}</dt>
        <dd>
          <span class={`usa-tag ${STATUS_TAG[a.status]}`} data-plan-status={a.status}>
            {t(k(`acct.plan.status.${a.status}`))}
          </span>
        </dd>
        <dt class="text-bold">{t('acct.plan.field.type')}</dt>
        <dd data-plan-type={a.planType}>{planTypeLabel(ctx, a.planType)}</dd>
        <dt class="text-bold">{t('acct.plan.field.monthly')}</dt>
        <dd data-plan-monthly>{money(ctx, a.monthlyCents)}</dd>
        <dt class="text-bold">{t('acct.plan.field.day')}</dt>
        <dd data-plan-day={String(a.paymentDay)}>{t('acct.plan.dayOfMonth', { day: a.paymentDay })}</dd>
        {a.payBy ? (
          <>
            <dt class="text-bold">{t('acct.plan.field.payBy')}</dt>
            <dd>{day(ctx, a.payBy)}</dd>
          </>
        ) : null}
        <dt class="text-bold">{t('acct.plan.field.method')}</dt>
        <dd data-plan-method={a.directDebit ? 'direct_debit' : 'self'}>
          {methodText(ctx, a.directDebit, a.accountLast4, view.accountType)}
        </dd>
        <dt class="text-bold">{t('acct.plan.field.fee')}</dt>
        <dd data-plan-fee>
          {a.userFeeCents === 0n ? t('acct.plan.fee.none') : money(ctx, a.userFeeCents)}
          {a.lowIncome ? ` ${t('acct.plan.fee.lowIncomeApplied')}` : ''}
        </dd>
        <dt class="text-bold">{t('acct.plan.field.years')}</dt>
        <dd>{[...a.taxYears].sort((x, y) => x - y).join(', ')}</dd>
        <dt class="text-bold">{t('acct.plan.field.owed')}</dt>
        <dd>{money(ctx, a.owedCents)}</dd>
        <dt class="text-bold">{t('acct.plan.field.version')}</dt>
        <dd data-plan-version={String(a.version)}>{a.version}</dd>
      </dl>
      <p>{t('acct.plan.current.accrues')}</p>
      <h2>{t('acct.plan.next.title')}</h2>
      {view.next.length === 0 ? (
        <p>{t('acct.plan.next.none')}</p>
      ) : (
        <InstallmentsTable ctx={ctx} installments={view.next} caption={t('acct.plan.next.caption')} />
      )}
      {a.directDebit ? <p>{t('acct.plan.next.directDebit')}</p> : <p>{t('acct.plan.next.self')}</p>}
      <h2>{t('acct.plan.agreement.title')}</h2>
      <p>
        <a href="/plan/agreement.pdf" data-agreement-link>
          {t('acct.plan.agreement.link')}
        </a>
      </p>
      <h2>{t('acct.plan.revise.title')}</h2>
      <p>{t(a.directDebit ? 'acct.plan.revise.leadDirectDebit' : 'acct.plan.revise.lead')}</p>
      <form method="post" action="/plan/revise">
        <CsrfField token={ctx.csrfToken} />
        <button class="usa-button" type="submit" data-revise-plan>
          {t('acct.plan.revise.button')}
        </button>
      </form>
      {view.history.length > 1 ? (
        <>
          <h2>{t('acct.plan.history.title')}</h2>
          <table class="usa-table usa-table--borderless" data-plan-history>
            <caption class="usa-sr-only">{t('acct.plan.history.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('acct.plan.field.version')}</th>
                <th scope="col">{t('acct.plan.history.accepted')}</th>
                <th scope="col">{t('acct.plan.field.monthly')}</th>
                <th scope="col">{t('acct.plan.field.status')}</th>
                <th scope="col">{t('acct.plan.history.agreement')}</th>
              </tr>
            </thead>
            <tbody>
              {view.history.map((h) => (
                <tr key={h.id} data-plan-history-version={String(h.version)}>
                  <th scope="row">{h.version}</th>
                  <td>{day(ctx, agencyToday(h.acceptedAt))}</td>
                  <td class="text-tabular">{money(ctx, h.monthlyCents)}</td>
                  <td>{t(k(`acct.plan.status.${h.status}`))}</td>
                  <td>
                    <a href={`/plan/agreement.pdf?id=${h.id}`}>
                      {t('acct.plan.history.pdf', { version: h.version })}
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}

function LegacyPlan({ ctx, legacy }: { ctx: PageContext; legacy: NonNullable<PlanPageData['legacy']> }) {
  const t = tr(ctx);
  return (
    <div data-plan-page="legacy">
      <p class="usa-intro">{t('acct.plan.legacy.lead', { date: day(ctx, legacy.since) })}</p>
      {legacy.terms ? (
        <p>
          {t('acct.plan.legacy.terms', {
            type: planTypeLabel(ctx, legacy.terms.planType),
            amount: money(ctx, legacy.terms.monthlyPaymentCents),
            day: legacy.terms.paymentDay,
          })}
        </p>
      ) : null}
      <p>{t('acct.plan.legacy.years', { years: [...legacy.taxYears].sort((a, b) => a - b).join(', ') })}</p>
      <p>{t('acct.plan.legacy.change')}</p>
    </div>
  );
}

function EligibilityCard({
  ctx,
  kind,
  eligible,
  reasons,
  children,
}: {
  ctx: PageContext;
  kind: PlanKind;
  eligible: boolean;
  reasons: EligibilityReason[];
  children: ComponentChildren;
}) {
  const t = tr(ctx);
  return (
    <li class="usa-card tablet:grid-col-6" data-eligibility={kind} data-eligible={eligible ? 'yes' : 'no'}>
      <div class="usa-card__container">
        <div class="usa-card__header">
          <h2 class="usa-card__heading">{t(k(`acct.plan.kind.${kind}`))}</h2>
        </div>
        <div class="usa-card__body">
          <p class="text-bold">
            {eligible ? t('acct.plan.apply.eligible') : t('acct.plan.apply.notEligible')}
          </p>
          {eligible ? (
            children
          ) : (
            <ul class="usa-list">
              {reasons.map((r) => (
                <li key={r}>{t(k(eligibilityErrorKey(r)))}</li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </li>
  );
}

function Apply({
  ctx,
  view,
  ended,
}: {
  ctx: PageContext;
  view: EligibilityView;
  ended: PlanAgreement | undefined;
}) {
  const t = tr(ctx);
  const any = view.shortTerm.eligible || view.longTerm.eligible;
  return (
    <div data-plan-page="apply">
      {ended ? (
        <Alert kind={ended.status === 'defaulted' ? 'warning' : 'info'}>
          {t(k(`acct.plan.ended.${ended.status === 'defaulted' ? 'defaulted' : 'completed'}`), {
            date: day(ctx, agencyToday(ended.statusChangedAt)),
          })}
        </Alert>
      ) : null}
      {view.owedCents > 0n ? (
        <p class="usa-intro">
          {t('acct.plan.apply.owed', { date: day(ctx, view.today) })}{' '}
          <strong data-plan-owed>{money(ctx, view.owedCents)}</strong>
        </p>
      ) : (
        <p class="usa-intro" data-plan-owed="0">
          {t('acct.plan.apply.nothingOwed')}
        </p>
      )}
      {view.owedCents > 0n ? (
        <>
          <p>{t('acct.plan.apply.lead')}</p>
          <ul class="usa-card-group">
            <EligibilityCard
              ctx={ctx}
              kind="short_term"
              eligible={view.shortTerm.eligible}
              reasons={view.shortTerm.reasons}
            >
              <p>{t('acct.plan.apply.shortTerm', { date: day(ctx, view.payBy) })}</p>
              <p>{t('acct.plan.apply.shortTermFee')}</p>
            </EligibilityCard>
            <EligibilityCard
              ctx={ctx}
              kind="long_term"
              eligible={view.longTerm.eligible}
              reasons={view.longTerm.reasons}
            >
              <p>
                {view.minimums.long_term !== undefined
                  ? t('acct.plan.apply.longTerm', { amount: money(ctx, view.minimums.long_term) })
                  : t('acct.plan.apply.longTermNoMinimum')}
              </p>
              <p>{t('acct.plan.apply.longTermFee')}</p>
              {view.longTerm.directDebitRequired ? <p>{t('acct.plan.apply.directDebitRequired')}</p> : null}
            </EligibilityCard>
          </ul>
          {any ? (
            <form method="post" action="/plan/new" class="margin-top-3">
              <CsrfField token={ctx.csrfToken} />
              <button class="usa-button usa-button--big" type="submit" data-apply-plan>
                {t('acct.plan.apply.button')}
              </button>
            </form>
          ) : (
            <p>{t('acct.plan.apply.otherOptions')}</p>
          )}
        </>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 1: options
//
// Hooks: form[data-plan-options=<new|revise>]; fields by label (Plan type radios, "Monthly
// payment", "Payment day", "How you will pay" radios, the low-income checkbox); errors in
// .usa-error-message#<field>-error and the summary.

export interface OptionsForm {
  journeyId: string;
  mode: 'new' | 'revise';
  values: {
    planType: string;
    monthlyAmount: string;
    paymentDay: string;
    payMethod: string;
    lowIncome: boolean;
    convertToDirectDebit: boolean;
  };
  problems: Problems;
  /** New plans: what is available. */
  eligibility?: EligibilityView;
  /** Revisions: the plan being changed. */
  current?: PlanAgreement;
  /** Revisions: the fee for the change. */
  revisionFeeCents?: bigint;
}

function LowIncome({ ctx, checked, problems }: { ctx: PageContext; checked: boolean; problems: Problems }) {
  const t = tr(ctx);
  return (
    <fieldset class="usa-fieldset margin-top-3">
      <legend class="usa-legend">{t('acct.plan.lowIncome.legend')}</legend>
      <Checkbox
        ctx={ctx}
        name="lowIncome"
        label={t('acct.plan.lowIncome.label')}
        description={t('acct.plan.lowIncome.hint')}
        checked={checked}
        problems={problems}
      />
    </fieldset>
  );
}

export function OptionsStepPage(ctx: PageContext, form: OptionsForm) {
  const t = tr(ctx);
  const title = form.mode === 'new' ? t('acct.plan.options.title') : t('acct.plan.revise.formTitle');
  const e = form.eligibility;
  const formProblem = form.problems['form'];
  return (
    <Page ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary title={t('acct.plan.error.title')} errors={errorsOf(ctx, form.problems)} />
      {formProblem ? <Alert kind="error">{message(ctx, formProblem)}</Alert> : null}
      {form.mode === 'new' && e ? (
        <p class="usa-intro">
          {t('acct.plan.options.lead', {
            amount: money(ctx, e.owedCents),
            years: [...e.taxYears].sort((a, b) => a - b).join(', '),
          })}
        </p>
      ) : null}
      {form.mode === 'revise' && form.current ? (
        <p class="usa-intro" data-revising={String(form.current.version)}>
          {t('acct.plan.revise.formLead', {
            type: planTypeLabel(ctx, form.current.planType),
            amount: money(ctx, form.current.monthlyCents),
            day: form.current.paymentDay,
          })}
        </p>
      ) : null}
      <form
        method="post"
        action={`/plan/j/${form.journeyId}/options`}
        class="usa-form usa-form--large"
        novalidate
        data-plan-options={form.mode}
      >
        <CsrfField token={ctx.csrfToken} />
        {form.mode === 'new' && e ? (
          <Radios
            ctx={ctx}
            name="planType"
            legend={t('acct.plan.options.planType')}
            value={form.values.planType}
            problems={form.problems}
            options={[
              {
                value: 'short_term',
                label: t('acct.plan.kind.short_term'),
                hint: e.shortTerm.eligible
                  ? t('acct.plan.options.shortTermHint', { date: day(ctx, e.payBy) })
                  : t(k(eligibilityErrorKey(e.shortTerm.reasons[0] ?? 'nothing_owed'))),
                disabled: !e.shortTerm.eligible,
              },
              {
                value: 'long_term',
                label: t('acct.plan.kind.long_term'),
                hint: e.longTerm.eligible
                  ? t('acct.plan.options.longTermHint')
                  : t(k(eligibilityErrorKey(e.longTerm.reasons[0] ?? 'nothing_owed'))),
                disabled: !e.longTerm.eligible,
              },
            ]}
          />
        ) : null}
        <TextField
          name="monthlyAmount"
          label={t('acct.plan.options.monthly')}
          hint={
            form.mode === 'new' && e
              ? [
                  e.minimums.short_term !== undefined && e.shortTerm.eligible
                    ? t('acct.plan.options.monthlyHintShort', { amount: money(ctx, e.minimums.short_term) })
                    : '',
                  e.minimums.long_term !== undefined && e.longTerm.eligible
                    ? t('acct.plan.options.monthlyHintLong', { amount: money(ctx, e.minimums.long_term) })
                    : '',
                  t('acct.plan.options.monthlyHint'),
                ]
                  .filter(Boolean)
                  .join(' ')
              : t('acct.plan.options.monthlyHint')
          }
          value={form.values.monthlyAmount}
          error={errorText(ctx, form.problems, 'monthlyAmount')}
          maxLength={20}
        />
        <TextField
          name="paymentDay"
          label={t('acct.plan.options.day')}
          hint={t(form.mode === 'new' ? 'acct.plan.options.dayHint' : 'acct.plan.options.dayHintRevise')}
          value={form.values.paymentDay}
          error={errorText(ctx, form.problems, 'paymentDay')}
          inputMode="numeric"
          maxLength={2}
        />
        {form.mode === 'new' && e ? (
          <Radios
            ctx={ctx}
            name="payMethod"
            legend={t('acct.plan.options.method')}
            {...(e.longTerm.directDebitRequired ? { hint: t('acct.plan.options.methodHintRequired') } : {})}
            value={form.values.payMethod}
            problems={form.problems}
            options={[
              {
                value: 'direct_debit',
                label: t('acct.plan.options.directDebit'),
                hint: t('acct.plan.options.directDebitHint'),
              },
              { value: 'self', label: t('acct.plan.options.self'), hint: t('acct.plan.options.selfHint') },
            ]}
          />
        ) : null}
        {form.mode === 'revise' && form.current && !form.current.directDebit ? (
          <fieldset class="usa-fieldset margin-top-3">
            <legend class="usa-legend">{t('acct.plan.options.method')}</legend>
            <Checkbox
              ctx={ctx}
              name="convertToDirectDebit"
              label={t('acct.plan.revise.convert')}
              description={t('acct.plan.revise.convertHint')}
              checked={form.values.convertToDirectDebit}
              problems={form.problems}
            />
          </fieldset>
        ) : null}
        <LowIncome ctx={ctx} checked={form.values.lowIncome} problems={form.problems} />
        {form.mode === 'new' ? (
          <p>{t('acct.plan.options.feeNote')}</p>
        ) : form.revisionFeeCents !== undefined ? (
          <p data-revision-fee>
            {form.revisionFeeCents === 0n
              ? t('acct.plan.revise.feeNone')
              : t('acct.plan.revise.fee', { fee: money(ctx, form.revisionFeeCents) })}
          </p>
        ) : null}
        <div class="margin-top-3">
          <button class="usa-button" type="submit">
            {t('acct.plan.continue')}
          </button>
          <a class="usa-button usa-button--unstyled margin-left-2" href="/plan">
            {t('acct.plan.cancel')}
          </a>
        </div>
      </form>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 2: bank account (direct debit)
//
// Hooks: form[data-plan-bank]; fields by label ("Routing number", "Checking"/"Savings",
// "Account number", "Account number again").

export interface BankForm {
  journeyId: string;
  values: { routingNumber: string; accountType: string; accountNumber: string };
  problems: Problems;
}

export function BankStepPage(ctx: PageContext, form: BankForm) {
  const t = tr(ctx);
  return (
    <Page ctx={ctx} title={t('acct.plan.bank.title')}>
      <h1>{t('acct.plan.bank.title')}</h1>
      <ErrorSummary title={t('acct.plan.error.title')} errors={errorsOf(ctx, form.problems)} />
      <p class="usa-intro">{t('acct.plan.bank.lead')}</p>
      <form
        method="post"
        action={`/plan/j/${form.journeyId}/bank`}
        class="usa-form usa-form--large"
        novalidate
        data-plan-bank
      >
        <CsrfField token={ctx.csrfToken} />
        <BankAccountFields
          ctx={ctx}
          values={form.values}
          error={(field) => errorText(ctx, form.problems, field)}
        />
        <div class="margin-top-3">
          <a class="usa-button usa-button--outline" href={`/plan/j/${form.journeyId}/options`}>
            {t('acct.plan.back')}
          </a>
          <button class="usa-button" type="submit">
            {t('acct.plan.continue')}
          </button>
        </div>
      </form>
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------
// Step 3: review and accept
//
// Hooks: [data-review] (the terms), [data-review-monthly], [data-review-fee], a[data-agreement-pdf]
// (the PDF to review), table[data-next-payments], the checkbox labelled "I agree…" (#agree-input,
// name "agree"), button[data-accept-plan], [data-terms-changed] when the terms changed since shown.

export interface ReviewData {
  journeyId: string;
  mode: 'new' | 'revise';
  idempotencyKey: string;
  terms: ComputedTerms;
  bank: { last4: string; accountType: AccountType } | undefined;
  agreementSha256: string;
  problems: Problems;
  termsChanged?: boolean;
  showBankStep: boolean;
}

export function ReviewStepPage(ctx: PageContext, data: ReviewData) {
  const t = tr(ctx);
  const terms = data.terms;
  const change = (step: string) => (
    <a href={`/plan/j/${data.journeyId}/${step}`} class="margin-left-1">
      {t('acct.plan.review.change')}
    </a>
  );
  const title = data.mode === 'new' ? t('acct.plan.review.title') : t('acct.plan.review.titleRevise');
  return (
    <Page ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary title={t('acct.plan.error.title')} errors={errorsOf(ctx, data.problems)} />
      {data.termsChanged ? (
        <div data-terms-changed>
          <Alert kind="warning">{t('acct.plan.review.termsChanged')}</Alert>
        </div>
      ) : null}
      <p class="usa-intro">{t('acct.plan.review.lead')}</p>
      <dl class="payment-summary" data-review>
        <dt class="text-bold">{t('acct.plan.field.type')}</dt>
        <dd>
          {planTypeLabel(ctx, terms.planType)}
          {change('options')}
        </dd>
        <dt class="text-bold">{t('acct.plan.field.owed')}</dt>
        <dd>{money(ctx, terms.owedCents)}</dd>
        <dt class="text-bold">{t('acct.plan.field.years')}</dt>
        <dd>{[...terms.taxYears].sort((a, b) => a - b).join(', ')}</dd>
        <dt class="text-bold">{t('acct.plan.field.monthly')}</dt>
        <dd data-review-monthly>{money(ctx, terms.monthlyCents)}</dd>
        <dt class="text-bold">{t('acct.plan.field.day')}</dt>
        <dd>{t('acct.plan.dayOfMonth', { day: terms.paymentDay })}</dd>
        <dt class="text-bold">{t('acct.plan.field.first')}</dt>
        <dd>{day(ctx, terms.firstPaymentDate)}</dd>
        {terms.payBy ? (
          <>
            <dt class="text-bold">{t('acct.plan.field.payBy')}</dt>
            <dd>{day(ctx, terms.payBy)}</dd>
          </>
        ) : null}
        <dt class="text-bold">{t('acct.plan.field.count')}</dt>
        <dd>{terms.installments.length}</dd>
        <dt class="text-bold">{t('acct.plan.field.method')}</dt>
        <dd>
          {methodText(ctx, terms.directDebit, data.bank?.last4 ?? null, data.bank?.accountType)}
          {data.showBankStep ? change('bank') : null}
        </dd>
        <dt class="text-bold">{t('acct.plan.field.fee')}</dt>
        <dd data-review-fee>{feeText(ctx, terms.fee, terms.lowIncome)}</dd>
      </dl>
      {terms.lowIncome ? <p>{t('acct.plan.lowIncome.verified')}</p> : null}
      <p>{t('acct.plan.current.accrues')}</p>
      <InstallmentsTable
        ctx={ctx}
        installments={terms.installments.slice(0, 6)}
        caption={t('acct.plan.review.scheduleCaption', { count: Math.min(6, terms.installments.length) })}
      />
      <h2>{t('acct.plan.review.agreementTitle')}</h2>
      <p>{t('acct.plan.review.agreementLead')}</p>
      <p>
        <a
          class="usa-button usa-button--outline"
          href={`/plan/j/${data.journeyId}/agreement.pdf`}
          data-agreement-pdf
        >
          {t('acct.plan.review.agreementLink')}
        </a>
      </p>
      <p class="text-base font-mono-3xs" data-agreement-sha256={data.agreementSha256}>
        {t('acct.plan.review.fingerprint', { sha: data.agreementSha256 })}
      </p>
      <form
        method="post"
        action={`/plan/j/${data.journeyId}/accept`}
        class="usa-form usa-form--large"
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={data.idempotencyKey} />
        <Checkbox
          ctx={ctx}
          name="agree"
          label={t('acct.plan.review.agree')}
          checked={false}
          problems={data.problems}
        />
        <button class="usa-button usa-button--big margin-top-3" type="submit" data-accept-plan>
          {data.mode === 'new' ? t('acct.plan.review.accept') : t('acct.plan.review.acceptRevise')}
        </button>
        <a class="usa-button usa-button--unstyled margin-left-2 margin-top-3" href="/plan">
          {t('acct.plan.cancel')}
        </a>
      </form>
    </Page>
  );
}

// The payment pages: history, the three steps of making a payment (details, method, review
// with the card entered last), the declined and processor-unavailable pages, a payment's own
// page (confirmation, history, change and cancel), cancel confirmation, change form, refusal.
import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { Alert, CsrfField, ErrorSummary, TextField } from '#platform/ui/components.tsx';
import type { PaymentEvent, PaymentRecord } from '../db/payments-repo.ts';
import type { PaymentReason } from '../domain/payments/payment-reasons.ts';
import type { CardKind } from '../domain/payments/processor-fees.ts';
import {
  BankAccountFields,
  FieldErrorText,
  RadioGroup,
  SignedInPage,
  type RadioOption,
} from './form-parts.tsx';
import { recordsFormat } from './records-format.ts';

type Problems = Partial<Record<string, string>>;

const money = (ctx: PageContext, cents: bigint) => recordsFormat(ctx.locale).money(cents);
const day = (ctx: PageContext, iso: string) => recordsFormat(ctx.locale).date(iso);
const k = (key: string) => key as MessageKey;

function errorsOf(ctx: PageContext, problems: Problems) {
  return Object.entries(problems)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([field, key]) => ({ field, message: ctx.t(k(key)) }));
}

function FieldError({ ctx, name, problems }: { ctx: PageContext; name: string; problems: Problems }) {
  const key = problems[name];
  return <FieldErrorText name={name} error={key ? ctx.t(k(key)) : undefined} />;
}

function Radios(props: {
  ctx: PageContext;
  name: string;
  legend: string;
  options: RadioOption[];
  value: string | undefined;
  problems: Problems;
}) {
  const key = props.problems[props.name];
  return <RadioGroup {...props} error={key ? props.ctx.t(k(key)) : undefined} />;
}

function StepHeading({ ctx, n, title }: { ctx: PageContext; n: number; title: string }) {
  return (
    <>
      <p class="text-base margin-bottom-0">{ctx.t('acct.pay.step', { n })}</p>
      <h1 class="margin-top-05">{title}</h1>
    </>
  );
}

const Page = SignedInPage;

export function statusLabel(ctx: PageContext, status: PaymentRecord['status']): string {
  return ctx.t(k(`acct.pay.status.${status}`));
}

export function methodLabel(ctx: PageContext, p: PaymentRecord): string {
  return p.method === 'bank'
    ? ctx.t('acct.pay.method.bank', {
        type: ctx.t(k(`acct.pay.accountType.${p.accountType ?? 'checking'}`)),
        last4: p.accountLast4 ?? '',
      })
    : ctx.t('acct.pay.method.card', { brand: brandName(p.cardBrand), last4: p.cardLast4 ?? '' });
}

function brandName(brand: string | null): string {
  return (
    { visa: 'Visa', mastercard: 'Mastercard', amex: 'American Express', discover: 'Discover' }[brand ?? ''] ??
    ''
  );
}

const STATUS_TAG: Record<PaymentRecord['status'], string> = {
  processing: 'bg-base',
  scheduled: 'bg-primary',
  pending: 'bg-accent-warm-dark',
  settled: 'bg-green',
  cancelled: 'bg-base-dark',
  returned: 'bg-secondary-dark',
  declined: 'bg-secondary-dark',
};

function StatusTag({ ctx, status }: { ctx: PageContext; status: PaymentRecord['status'] }) {
  return (
    <span class={`usa-tag ${STATUS_TAG[status]}`} data-status={status}>
      {statusLabel(ctx, status)}
    </span>
  );
}

// ---------------------------------------------------------------------------------------------

export function PaymentsPage(ctx: PageContext, data: { payments: PaymentRecord[]; notice?: MessageKey }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t('acct.pay.history.title')}>
      {data.notice ? <Alert kind="success">{t(data.notice)}</Alert> : null}
      <h1>{t('acct.pay.history.title')}</h1>
      <p class="usa-intro">{t('acct.pay.history.lead')}</p>
      <form method="post" action="/payments/new" class="display-inline-block margin-right-2">
        <CsrfField token={ctx.csrfToken} />
        <button class="usa-button" type="submit">
          {t('acct.pay.history.make')}
        </button>
      </form>
      <a class="usa-button usa-button--outline" href="/plan">
        {t('acct.pay.history.plan')}
      </a>
      {data.payments.length === 0 ? (
        <p>{t('acct.pay.history.none')}</p>
      ) : (
        <table class="usa-table usa-table--borderless usa-table--stacked width-full">
          <caption>{t('acct.pay.history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('acct.pay.col.date')}</th>
              <th scope="col">{t('acct.pay.col.year')}</th>
              <th scope="col">{t('acct.pay.col.reason')}</th>
              <th scope="col">{t('acct.pay.col.method')}</th>
              <th scope="col" class="text-right">
                {t('acct.pay.col.amount')}
              </th>
              <th scope="col">{t('acct.pay.col.status')}</th>
              <th scope="col">{t('acct.pay.col.confirmation')}</th>
            </tr>
          </thead>
          <tbody>
            {data.payments.map((p) => (
              <tr key={p.id} data-payment={p.confirmationNumber}>
                <th scope="row" data-label={t('acct.pay.col.date')}>
                  {day(ctx, p.paymentDate)}
                </th>
                <td data-label={t('acct.pay.col.year')}>{p.taxYear}</td>
                <td data-label={t('acct.pay.col.reason')}>{t(k(`acct.pay.reason.${p.reason}`))}</td>
                <td data-label={t('acct.pay.col.method')}>{methodLabel(ctx, p)}</td>
                <td data-label={t('acct.pay.col.amount')} class="text-right text-tabular">
                  {money(ctx, p.amountCents)}
                </td>
                <td data-label={t('acct.pay.col.status')}>
                  <StatusTag ctx={ctx} status={p.status} />
                </td>
                <td data-label={t('acct.pay.col.confirmation')}>
                  <a href={`/payments/${p.id}`}>{p.confirmationNumber}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------

export interface DetailsForm {
  journeyId: string;
  values: { reason: string; taxYear: string; amount: string; paymentDate: string };
  yearsByReason: Record<PaymentReason, number[]>;
  balances: Record<number, bigint>;
  today: string;
  latest: string;
  problems: Problems;
  overBalance?: { balanceCents: bigint; year: number; date: string };
}

export function DetailsStepPage(ctx: PageContext, form: DetailsForm) {
  const { t } = ctx;
  const reasons = Object.keys(form.yearsByReason) as PaymentReason[];
  const allYears = [...new Set(reasons.flatMap((r) => form.yearsByReason[r]))].sort((a, b) => b - a);
  const yearError = form.problems['taxYear'];
  return (
    <Page ctx={ctx} title={t('acct.pay.details.title')}>
      <StepHeading ctx={ctx} n={1} title={t('acct.pay.details.title')} />
      <ErrorSummary title={t('acct.pay.error.title')} errors={errorsOf(ctx, form.problems)} />
      <form
        method="post"
        action={`/payments/j/${form.journeyId}/details`}
        class="usa-form usa-form--large"
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <Radios
          ctx={ctx}
          name="reason"
          legend={t('acct.pay.details.reason')}
          value={form.values.reason}
          problems={form.problems}
          options={reasons.map((r) => ({
            value: r,
            label: t(k(`acct.pay.reason.${r}`)),
            hint: t(k(`acct.pay.details.reasonHint.${r}`)),
            disabled: form.yearsByReason[r].length === 0,
          }))}
        />
        <div class={`usa-form-group${yearError ? ' usa-form-group--error' : ''}`}>
          <label class="usa-label" for="taxYear">
            {t('acct.pay.details.taxYear')}
          </label>
          <div class="usa-hint" id="taxYear-hint">
            {t('acct.pay.details.taxYearHint')}
          </div>
          <FieldError ctx={ctx} name="taxYear" problems={form.problems} />
          <select
            class="usa-select"
            id="taxYear"
            name="taxYear"
            aria-describedby={`taxYear-hint${yearError ? ' taxYear-error' : ''}`}
          >
            <option value="">- {t('acct.pay.details.taxYear')} -</option>
            {allYears.map((year) => (
              <option value={String(year)} selected={form.values.taxYear === String(year)} key={year}>
                {(form.balances[year] ?? 0n) > 0n
                  ? t('acct.pay.details.taxYearBalance', {
                      year,
                      amount: money(ctx, form.balances[year] ?? 0n),
                    })
                  : t('acct.pay.details.taxYearOption', { year })}
              </option>
            ))}
          </select>
        </div>
        <TextField
          name="amount"
          label={t('acct.pay.details.amount')}
          hint={t('acct.pay.details.amountHint')}
          value={form.values.amount}
          error={form.problems['amount'] ? t(k(form.problems['amount'])) : undefined}
          inputMode="text"
          maxLength={20}
        />
        <TextField
          name="paymentDate"
          label={t('acct.pay.details.date')}
          hint={t('acct.pay.details.dateHint', { today: form.today, latest: form.latest })}
          value={form.values.paymentDate}
          error={form.problems['paymentDate'] ? t(k(form.problems['paymentDate'])) : undefined}
          maxLength={10}
        />
        {form.overBalance ? (
          <div class="usa-alert usa-alert--warning" role="status">
            <div class="usa-alert__body">
              <h2 class="usa-alert__heading">
                {t('acct.pay.details.overBalanceTitle', { year: form.overBalance.year })}
              </h2>
              <p class="usa-alert__text">
                {t('acct.pay.details.overBalance', {
                  year: form.overBalance.year,
                  date: day(ctx, form.overBalance.date),
                  balance: money(ctx, form.overBalance.balanceCents),
                })}
              </p>
              <div class="usa-checkbox" id="confirmOverBalance">
                <input
                  class="usa-checkbox__input"
                  id="confirmOverBalance-input"
                  type="checkbox"
                  name="confirmOverBalance"
                  value="yes"
                />
                <label class="usa-checkbox__label" for="confirmOverBalance-input">
                  {t('acct.pay.details.confirmOverBalance', { amount: form.values.amount })}
                </label>
              </div>
            </div>
          </div>
        ) : null}
        <button class="usa-button margin-top-3" type="submit">
          {t('acct.pay.continue')}
        </button>
      </form>
    </Page>
  );
}

export interface MethodForm {
  journeyId: string;
  paymentIsToday: boolean;
  values: Record<'method' | 'routingNumber' | 'accountType' | 'accountNumber' | 'cardKind', string>;
  problems: Problems;
}

export function MethodStepPage(ctx: PageContext, form: MethodForm) {
  const { t } = ctx;
  const error = (name: string) => (form.problems[name] ? t(k(form.problems[name])) : undefined);
  return (
    <Page ctx={ctx} title={t('acct.pay.method.title')}>
      <StepHeading ctx={ctx} n={2} title={t('acct.pay.method.title')} />
      <ErrorSummary title={t('acct.pay.error.title')} errors={errorsOf(ctx, form.problems)} />
      <form
        method="post"
        action={`/payments/j/${form.journeyId}/method`}
        class="usa-form usa-form--large"
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <Radios
          ctx={ctx}
          name="method"
          legend={t('acct.pay.method.choose')}
          value={form.values.method}
          problems={form.problems}
          options={[
            { value: 'bank', label: t('acct.pay.method.bankOption'), hint: t('acct.pay.method.bankHint') },
            {
              value: 'card',
              label: t('acct.pay.method.cardOption'),
              hint: form.paymentIsToday ? t('acct.pay.method.cardHint') : t('acct.pay.method.cardFutureDate'),
              disabled: !form.paymentIsToday,
            },
          ]}
        />
        <fieldset class="usa-fieldset margin-top-3">
          <legend class="usa-legend usa-legend--large">{t('acct.pay.bank.legend')}</legend>
          <BankAccountFields ctx={ctx} values={form.values} error={error} />
        </fieldset>
        {form.paymentIsToday ? (
          <Radios
            ctx={ctx}
            name="cardKind"
            legend={`${t('acct.pay.card.kind')} (${t('acct.pay.method.cardOption')})`}
            value={form.values.cardKind}
            problems={form.problems}
            options={(['personal-debit', 'credit', 'commercial'] as CardKind[]).map((kind) => ({
              value: kind,
              label: t(k(`acct.pay.card.kind.${kind.replace('-', '_')}`)),
            }))}
          />
        ) : null}
        <div class="margin-top-3">
          <a class="usa-button usa-button--outline" href={`/payments/j/${form.journeyId}/details`}>
            {t('acct.pay.back')}
          </a>
          <button class="usa-button" type="submit">
            {t('acct.pay.continue')}
          </button>
        </div>
      </form>
    </Page>
  );
}

export interface ReviewData {
  journeyId: string;
  idempotencyKey: string;
  reason: PaymentReason;
  taxYear: number;
  amountCents: bigint;
  paymentDate: string;
  bank?: { routingNumber: string; accountLast4: string; accountType: string; cutoffDate: string };
  card?: {
    processorName: string;
    development: boolean;
    feeCents: bigint;
    totalCents: bigint;
    values: Record<'expMonth' | 'expYear' | 'nameOnCard' | 'postalCode', string>;
    problems: Problems;
  };
  feeUnknown?: boolean;
}

export function ReviewStepPage(ctx: PageContext, data: ReviewData) {
  const { t } = ctx;
  const change = (step: string) => (
    <a href={`/payments/j/${data.journeyId}/${step}`} class="margin-left-1">
      {t('acct.pay.review.change')}
    </a>
  );
  const cardProblems = data.card?.problems ?? {};
  const error = (name: string) => (cardProblems[name] ? t(k(cardProblems[name])) : undefined);
  return (
    <Page ctx={ctx} title={t('acct.pay.review.title')}>
      <StepHeading ctx={ctx} n={3} title={t('acct.pay.review.title')} />
      <ErrorSummary title={t('acct.pay.error.title')} errors={errorsOf(ctx, cardProblems)} />
      <p class="usa-intro">{t('acct.pay.review.lead')}</p>
      <h2>{t('acct.pay.review.summary')}</h2>
      <dl class="payment-summary" data-review>
        <dt class="text-bold">{t('acct.pay.review.reason')}</dt>
        <dd>
          {t(k(`acct.pay.reason.${data.reason}`))}
          {change('details')}
        </dd>
        <dt class="text-bold">{t('acct.pay.review.year')}</dt>
        <dd>{data.taxYear}</dd>
        <dt class="text-bold">{t('acct.pay.review.amount')}</dt>
        <dd data-amount>{money(ctx, data.amountCents)}</dd>
        <dt class="text-bold">{t('acct.pay.review.date')}</dt>
        <dd>{day(ctx, data.paymentDate)}</dd>
        <dt class="text-bold">{t('acct.pay.review.from')}</dt>
        <dd>
          {data.bank
            ? t('acct.pay.review.bankFrom', {
                type: t(k(`acct.pay.accountType.${data.bank.accountType}`)),
                last4: data.bank.accountLast4,
                routing: data.bank.routingNumber,
              })
            : t('acct.pay.method.cardOption')}
          {change('method')}
        </dd>
      </dl>
      {data.feeUnknown ? <Alert kind="error">{t('acct.pay.error.fee_unknown')}</Alert> : null}
      {data.bank ? (
        <form method="post" action={`/payments/j/${data.journeyId}/submit`}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="idempotencyKey" value={data.idempotencyKey} />
          <p>
            {t('acct.pay.review.bankTerms', {
              amount: money(ctx, data.amountCents),
              date: day(ctx, data.paymentDate),
              cutoff: day(ctx, data.bank.cutoffDate),
            })}
          </p>
          <button class="usa-button usa-button--big" type="submit" data-submit-payment>
            {t('acct.pay.review.submitBank', { amount: money(ctx, data.amountCents) })}
          </button>
        </form>
      ) : null}
      {data.card ? (
        <>
          <div class="usa-summary-box margin-y-3" role="region" aria-labelledby="fee-title">
            <div class="usa-summary-box__body">
              <h2 class="usa-summary-box__heading" id="fee-title">
                {t('acct.pay.review.feeTitle')}
              </h2>
              <p class="usa-summary-box__text" data-fee>
                {t('acct.pay.review.feeText', {
                  processor: data.card.processorName,
                  fee: money(ctx, data.card.feeCents),
                  total: money(ctx, data.card.totalCents),
                })}
              </p>
              {data.card.development ? (
                <p class="usa-summary-box__text">
                  {t('acct.pay.review.feeDev')} <a href="/dev/payments">{t('acct.pay.review.testCards')}</a>
                </p>
              ) : null}
            </div>
          </div>
          <form
            method="post"
            action={`/payments/j/${data.journeyId}/submit`}
            class="usa-form usa-form--large"
            novalidate
            autocomplete="off"
          >
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="idempotencyKey" value={data.idempotencyKey} />
            <fieldset class="usa-fieldset">
              <legend class="usa-legend usa-legend--large">{t('acct.pay.card.legend')}</legend>
              <TextField
                name="cardNumber"
                label={t('acct.pay.card.number')}
                error={error('cardNumber')}
                inputMode="numeric"
                maxLength={40}
                autocomplete="cc-number"
              />
              <TextField
                name="expMonth"
                label={t('acct.pay.card.expMonth')}
                hint={t('acct.pay.card.expMonthHint')}
                value={data.card.values.expMonth}
                error={error('expMonth')}
                inputMode="numeric"
                maxLength={2}
                autocomplete="cc-exp-month"
              />
              <TextField
                name="expYear"
                label={t('acct.pay.card.expYear')}
                hint={t('acct.pay.card.expYearHint')}
                value={data.card.values.expYear}
                error={error('expYear')}
                inputMode="numeric"
                maxLength={4}
                autocomplete="cc-exp-year"
              />
              <TextField
                name="securityCode"
                label={t('acct.pay.card.securityCode')}
                hint={t('acct.pay.card.securityCodeHint')}
                error={error('securityCode')}
                inputMode="numeric"
                maxLength={4}
                autocomplete="cc-csc"
              />
              <TextField
                name="nameOnCard"
                label={t('acct.pay.card.name')}
                value={data.card.values.nameOnCard}
                error={error('nameOnCard')}
                maxLength={100}
                autocomplete="cc-name"
              />
              <TextField
                name="postalCode"
                label={t('acct.pay.card.postalCode')}
                value={data.card.values.postalCode}
                error={error('postalCode')}
                inputMode="numeric"
                maxLength={10}
                autocomplete="postal-code"
              />
            </fieldset>
            <button class="usa-button usa-button--big margin-top-3" type="submit" data-submit-payment>
              {t('acct.pay.review.submitCard', { total: money(ctx, data.card.totalCents) })}
            </button>
          </form>
        </>
      ) : null}
    </Page>
  );
}

// ---------------------------------------------------------------------------------------------

export function DeclinedPage(ctx: PageContext, data: { journeyId: string; reason: string }) {
  const { t } = ctx;
  const known = [
    'card_declined',
    'insufficient_funds',
    'expired_card',
    'incorrect_security_code',
    'over_limit',
    'processor_unavailable',
  ];
  const reason = t(k(`acct.pay.declined.${known.includes(data.reason) ? data.reason : 'card_declined'}`));
  return (
    <Page ctx={ctx} title={t('acct.pay.declined.title')}>
      <h1>{t('acct.pay.declined.title')}</h1>
      <Alert kind="error">{t('acct.pay.declined.lead', { reason })}</Alert>
      <h2>{t('acct.pay.declined.options')}</h2>
      <ul class="usa-list">
        <li>
          <a href={`/payments/j/${data.journeyId}/review`}>{t('acct.pay.declined.tryAgain')}</a>
        </li>
        <li>
          <a href={`/payments/j/${data.journeyId}/method`}>{t('acct.pay.declined.payByBank')}</a>
        </li>
        <li>
          <a href="/plan">{t('acct.pay.declined.plan')}</a>
        </li>
      </ul>
    </Page>
  );
}

export function ProcessorUnavailablePage(ctx: PageContext, data: { journeyId: string }) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t('acct.pay.unavailable.title')}>
      <h1>{t('acct.pay.unavailable.title')}</h1>
      <Alert kind="warning">{t('acct.pay.unavailable.lead')}</Alert>
      <p>
        <a class="usa-button" href={`/payments/j/${data.journeyId}/review`}>
          {t('acct.pay.unavailable.retry')}
        </a>
        <a class="usa-button usa-button--outline" href={`/payments/j/${data.journeyId}/method`}>
          {t('acct.pay.declined.payByBank')}
        </a>
      </p>
    </Page>
  );
}

export interface PaymentDetailData {
  payment: PaymentRecord;
  events: PaymentEvent[];
  change:
    | { allowed: true; cutoffDate: string; cutoffTime: string }
    | { allowed: false; reason: 'cutoff' | 'status' | 'card'; cutoffDate?: string };
  justSubmitted?: { email: string | undefined; duplicate: boolean };
  notice?: MessageKey;
  /** The agency's today (a bank payment dated today is taken today, not "scheduled"). */
  today: string;
}

export function PaymentDetailPage(ctx: PageContext, data: PaymentDetailData) {
  const { t } = ctx;
  const p = data.payment;
  const f = recordsFormat(ctx.locale);
  const time = new Intl.DateTimeFormat(ctx.locale === 'es' ? 'es-US' : 'en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'America/New_York',
  });
  const scheduled = p.status === 'scheduled';
  return (
    <Page ctx={ctx} title={t('acct.pay.detail.title', { number: p.confirmationNumber })}>
      {data.notice ? <Alert kind="success">{t(data.notice)}</Alert> : null}
      {data.justSubmitted ? (
        <div class="usa-alert usa-alert--success" role="status">
          <div class="usa-alert__body">
            <h1 class="usa-alert__heading">{t('acct.pay.done.title')}</h1>
            <p class="usa-alert__text">
              {scheduled && p.paymentDate === data.today
                ? t('acct.pay.done.today', { amount: money(ctx, p.amountCents) })
                : scheduled
                  ? t('acct.pay.done.scheduled', {
                      amount: money(ctx, p.amountCents),
                      date: day(ctx, p.paymentDate),
                    })
                  : t('acct.pay.done.received', { amount: money(ctx, p.amountCents) })}
            </p>
            {data.justSubmitted.duplicate ? (
              <p class="usa-alert__text">{t('acct.pay.done.duplicate')}</p>
            ) : null}
            {data.justSubmitted.email ? (
              <p class="usa-alert__text">{t('acct.pay.done.email', { email: data.justSubmitted.email })}</p>
            ) : null}
          </div>
        </div>
      ) : (
        <h1>{t('acct.pay.detail.title', { number: p.confirmationNumber })}</h1>
      )}
      <div class="usa-summary-box margin-y-3" role="region" aria-labelledby="confirmation-title">
        <div class="usa-summary-box__body">
          <h2 class="usa-summary-box__heading" id="confirmation-title">
            {t('acct.pay.done.confirmation')}
          </h2>
          <p class="font-mono-lg text-bold margin-y-1" data-confirmation>
            {p.confirmationNumber}
          </p>
          <p class="margin-0">{t('acct.pay.done.keep')}</p>
        </div>
      </div>
      <dl>
        <dt class="text-bold">{t('acct.pay.col.status')}</dt>
        <dd>
          <StatusTag ctx={ctx} status={p.status} />
        </dd>
        <dt class="text-bold">{t('acct.pay.col.amount')}</dt>
        <dd>{money(ctx, p.amountCents)}</dd>
        {p.feeCents > 0n ? (
          <>
            <dt class="text-bold">{t('acct.pay.detail.fee')}</dt>
            <dd>{money(ctx, p.feeCents)}</dd>
          </>
        ) : null}
        <dt class="text-bold">{t('acct.pay.col.date')}</dt>
        <dd>{day(ctx, p.paymentDate)}</dd>
        <dt class="text-bold">{t('acct.pay.col.year')}</dt>
        <dd>{p.taxYear}</dd>
        <dt class="text-bold">{t('acct.pay.col.reason')}</dt>
        <dd>{t(k(`acct.pay.reason.${p.reason}`))}</dd>
        <dt class="text-bold">{t('acct.pay.col.method')}</dt>
        <dd>{methodLabel(ctx, p)}</dd>
      </dl>
      {p.status === 'returned' ? (
        <Alert kind="warning">{t('acct.pay.detail.returned', { code: p.returnCode ?? '' })}</Alert>
      ) : null}
      {data.change.allowed ? (
        <>
          <p data-cutoff>
            {t('acct.pay.detail.changeUntil', { time: '11:59 p.m.', date: f.date(data.change.cutoffDate) })}
          </p>
          <p>
            <a class="usa-button usa-button--outline" href={`/payments/${p.id}/change`}>
              {t('acct.pay.detail.change')}
            </a>
            <a class="usa-button usa-button--secondary" href={`/payments/${p.id}/cancel`}>
              {t('acct.pay.detail.cancel')}
            </a>
          </p>
        </>
      ) : scheduled && data.change.reason === 'cutoff' && data.change.cutoffDate ? (
        <p data-cutoff>{t('acct.pay.detail.cutoffPassed', { date: f.date(data.change.cutoffDate) })}</p>
      ) : p.method === 'card' && p.status === 'pending' ? (
        <p>{t('acct.pay.detail.cardNoCancel')}</p>
      ) : null}
      <h2>{t('acct.pay.detail.history')}</h2>
      <table class="usa-table usa-table--borderless">
        <caption class="usa-sr-only">{t('acct.pay.detail.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('acct.pay.col.when')}</th>
            <th scope="col">{t('acct.pay.col.what')}</th>
          </tr>
        </thead>
        <tbody>
          {data.events.map((e, i) => (
            <tr key={i}>
              <td>{time.format(e.occurredAt)}</td>
              <td>
                {e.fromStatus === null
                  ? t('acct.pay.event.created')
                  : e.fromStatus === e.toStatus
                    ? t('acct.pay.event.changed')
                    : statusLabel(ctx, e.toStatus)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href="/payments">{t('acct.pay.history.title')}</a>
      </p>
    </Page>
  );
}

export function CancelPage(ctx: PageContext, p: PaymentRecord) {
  const { t } = ctx;
  return (
    <Page ctx={ctx} title={t('acct.pay.cancel.title')}>
      <h1>{t('acct.pay.cancel.title')}</h1>
      <p>{t('acct.pay.cancel.lead', { amount: money(ctx, p.amountCents), date: day(ctx, p.paymentDate) })}</p>
      <form method="post" action={`/payments/${p.id}/cancel`}>
        <CsrfField token={ctx.csrfToken} />
        <button class="usa-button usa-button--secondary" type="submit">
          {t('acct.pay.cancel.confirm')}
        </button>
        <a class="usa-button usa-button--outline" href={`/payments/${p.id}`}>
          {t('acct.pay.cancel.keep')}
        </a>
      </form>
    </Page>
  );
}

export function ChangePage(
  ctx: PageContext,
  data: {
    payment: PaymentRecord;
    values: { amount: string; paymentDate: string };
    problems: Problems;
    today: string;
    latest: string;
  },
) {
  const { t } = ctx;
  const error = (name: string) =>
    data.problems[name] ? t(k(`acct.pay.error.${data.problems[name]}`)) : undefined;
  const problems = Object.fromEntries(
    Object.entries(data.problems).map(([f, p]) => [f, `acct.pay.error.${p}`]),
  );
  return (
    <Page ctx={ctx} title={t('acct.pay.change.title')}>
      <h1>{t('acct.pay.change.title')}</h1>
      <ErrorSummary title={t('acct.pay.error.title')} errors={errorsOf(ctx, problems)} />
      <form
        method="post"
        action={`/payments/${data.payment.id}/change`}
        class="usa-form usa-form--large"
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="amount"
          label={t('acct.pay.details.amount')}
          hint={t('acct.pay.details.amountHint')}
          value={data.values.amount}
          error={error('amount')}
          maxLength={20}
        />
        <TextField
          name="paymentDate"
          label={t('acct.pay.details.date')}
          hint={t('acct.pay.details.dateHint', { today: data.today, latest: data.latest })}
          value={data.values.paymentDate}
          error={error('paymentDate')}
          maxLength={10}
        />
        <button class="usa-button margin-top-3" type="submit">
          {t('acct.pay.change.submit')}
        </button>
        <a class="usa-button usa-button--outline margin-top-3" href={`/payments/${data.payment.id}`}>
          {t('acct.pay.back')}
        </a>
      </form>
    </Page>
  );
}

export function ChangeRefusedPage(
  ctx: PageContext,
  data: { payment: PaymentRecord; reason: 'cutoff' | 'status' | 'card'; cutoffDate?: string },
) {
  const { t } = ctx;
  const text =
    data.reason === 'cutoff'
      ? t('acct.pay.refused.cutoff', { date: day(ctx, data.cutoffDate ?? data.payment.paymentDate) })
      : data.reason === 'card'
        ? t('acct.pay.refused.card')
        : t('acct.pay.refused.status', { status: statusLabel(ctx, data.payment.status).toLowerCase() });
  return (
    <Page ctx={ctx} title={t('acct.pay.refused.title')}>
      <h1>{t('acct.pay.refused.title')}</h1>
      <Alert kind="error">
        <span data-refusal={data.reason}>{text}</span>
      </Alert>
      <p>
        <a class="usa-button" href={`/payments/${data.payment.id}`}>
          {t('acct.pay.detail.title', { number: data.payment.confirmationNumber })}
        </a>
      </p>
    </Page>
  );
}

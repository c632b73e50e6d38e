import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { Alert } from '#platform/ui/components.tsx';
import type { IdentityClaims } from '../db/sessions-repo.ts';
import type { AccountOverview, PaymentLine } from '../domain/records/account-overview.ts';
import { AccountLayout } from './account-layout.tsx';
import { BalanceTable, NoticesTable, PayoffDateForm } from './records-pages.tsx';
import { recordsFormat } from './records-format.ts';

export function SignedOutHomePage(ctx: PageContext, notice?: MessageKey) {
  const { t } = ctx;
  return (
    <AccountLayout ctx={ctx} title={t('acct.home.title')} signedIn={false}>
      {notice ? <Alert kind="warning">{t(notice)}</Alert> : null}
      <h1>{t('acct.home.title')}</h1>
      <p class="usa-intro">{t('acct.home.lead')}</p>
      <p>{t('acct.home.signInLead')}</p>
      <p>
        <a class="usa-button usa-button--big" href="/sign-in">
          {t('acct.nav.signIn')}
        </a>
      </p>
    </AccountLayout>
  );
}

export interface SignedInHomeData {
  claims: IdentityClaims;
  overview: AccountOverview;
  /** The latest date the "what if" form accepts (today + 365 days). */
  latestPayoffDate: string;
}

const PAYMENT_KIND: Record<PaymentLine['code'], MessageKey> = {
  610: 'acct.records.payments.withReturn',
  670: 'acct.records.payments.payment',
  706: 'acct.records.payments.credit',
};

/**
 * The signed-in home page: the payoff amount today, the balance of each tax year (each
 * opening its detail page), "what if I pay on …", payments, the payment plan, the latest
 * notices and the security reminder.
 */
export function SignedInHomePage(ctx: PageContext, data: SignedInHomeData) {
  const { t } = ctx;
  const f = recordsFormat(ctx.locale);
  const { claims, overview } = data;
  const name = claims.given_name ?? claims.name ?? '';
  const { plan } = overview;
  return (
    <AccountLayout ctx={ctx} title={t('acct.home.title')} signedIn>
      <h1>{t('acct.home.greeting', { name })}</h1>
      {claims.email ? <p class="usa-intro">{t('acct.home.signedInAs', { email: claims.email })}</p> : null}

      <div class="usa-summary-box" role="region" aria-labelledby="payoff-title">
        <div class="usa-summary-box__body">
          <h2 class="usa-summary-box__heading" id="payoff-title">
            {t('acct.records.payoff.title')}
          </h2>
          <div class="usa-summary-box__text">
            <p class="font-sans-xl text-bold margin-y-1" data-payoff-today>
              {f.money(overview.payoffCents)}
            </p>
            <p class="margin-bottom-0">
              {overview.payoffCents > 0
                ? t('acct.records.payoff.asOf', { date: f.date(overview.asOf) })
                : t('acct.records.payoff.none')}
            </p>
            {overview.creditCents > 0 ? (
              <p class="margin-bottom-0">
                {t('acct.records.credit', { amount: f.money(overview.creditCents) })}
              </p>
            ) : null}
            <p class="margin-top-2 margin-bottom-0">
              <a class="usa-button" href="/payments" data-home-pay>
                {t('acct.pay.home.pay')}
              </a>
              {overview.payoffCents > 0 && plan.state !== 'active' ? (
                <a class="usa-button usa-button--outline" href="/plan" data-home-plan>
                  {t('acct.pay.home.plan')}
                </a>
              ) : null}
            </p>
          </div>
        </div>
      </div>

      <h2>{t('acct.records.years.title')}</h2>
      {overview.years.length === 0 ? (
        <p>{t('acct.records.years.none')}</p>
      ) : (
        <BalanceTable ctx={ctx} years={overview.years} asOf={overview.asOf} linkYears />
      )}

      <h2 id="what-if">{t('acct.records.whatIf.title')}</h2>
      <p>{t('acct.records.whatIf.lead')}</p>
      <PayoffDateForm
        ctx={ctx}
        today={overview.asOf}
        latest={data.latestPayoffDate}
        state={{ value: '', error: undefined }}
      />

      <h2>{t('acct.records.payments.title')}</h2>
      {overview.recentPayments.length === 0 ? (
        <p>{t('acct.records.payments.none')}</p>
      ) : (
        <table class="usa-table usa-table--borderless width-full" data-payments>
          <caption>{t('acct.records.payments.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('acct.records.col.date')}</th>
              <th scope="col">{t('acct.records.col.kind')}</th>
              <th scope="col">{t('acct.records.col.appliedTo')}</th>
              <th scope="col" class="text-right">
                {t('acct.records.col.amount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.recentPayments.map((p, index) => (
              <tr key={index}>
                <td>{f.date(p.date)}</td>
                <td>{t(PAYMENT_KIND[p.code], { year: p.relatedTaxYear ?? '' })}</td>
                <td>{t('acct.records.taxYear', { year: p.taxYear })}</td>
                <td class="text-right text-tabular">{f.money(p.amountCents)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.state === 'active' && plan.terms && plan.nextPaymentDate ? (
        <>
          <h3>{t('acct.records.payments.scheduledTitle')}</h3>
          <p data-scheduled-payment>
            {t('acct.records.payments.scheduled', {
              amount: f.money(plan.terms.monthlyPaymentCents),
              date: f.date(plan.nextPaymentDate),
            })}
          </p>
        </>
      ) : null}
      <p>{t('acct.records.payments.note')}</p>
      <p>
        <a href="/payments">{t('acct.pay.home.allPayments')}</a>
      </p>

      <h2>{t('acct.records.plan.title')}</h2>
      <div data-plan={plan.state}>
        {plan.state === 'none' ? <p>{t('acct.records.plan.none')}</p> : null}
        {plan.state === 'pending' ? (
          <p>{t('acct.records.plan.pending', { date: f.date(plan.since) })}</p>
        ) : null}
        {plan.state === 'ended' ? <p>{t('acct.records.plan.ended', { date: f.date(plan.ended) })}</p> : null}
        {plan.state === 'active' ? (
          <>
            <p>{t('acct.records.plan.active', { date: f.date(plan.since) })}</p>
            <p>{t('acct.records.plan.years', { years: plan.taxYears.join(', ') })}</p>
            {plan.terms ? (
              <p>
                {t('acct.records.plan.terms', {
                  type: t(`acct.records.plan.type.${plan.terms.planType}`),
                  amount: f.money(plan.terms.monthlyPaymentCents),
                  day: plan.terms.paymentDay,
                })}
              </p>
            ) : null}
            <p>{t('acct.records.plan.reduced')}</p>
          </>
        ) : null}
        <p>
          <a href="/plan">{t('acct.pay.home.planDetails')}</a>
        </p>
      </div>

      <h2>{t('acct.records.notices.title')}</h2>
      {overview.latestNotices.length === 0 ? (
        <p>{t('acct.records.notices.none')}</p>
      ) : (
        <NoticesTable ctx={ctx} notices={overview.latestNotices} />
      )}

      <Alert kind="info" heading={t('acct.records.security.title')}>
        <p class="margin-0">{t('acct.records.security.body')}</p>
      </Alert>
    </AccountLayout>
  );
}

export function SignedOutPage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <AccountLayout ctx={ctx} title={t('acct.signedOut.title')} signedIn={false}>
      <h1>{t('acct.signedOut.title')}</h1>
      <p class="usa-intro">{t('acct.signedOut.body')}</p>
      <p>
        <a class="usa-button" href="/sign-in">
          {t('acct.signedOut.again')}
        </a>
      </p>
    </AccountLayout>
  );
}

/**
 * The identity provider signed the person in but could not vouch for a verified identity
 * (or this sign-in's authentication level): what that means, how to verify, and every other
 * way to get help. Also the page registered as the tax account's failure_url.
 */
export function IdentityNotVerifiedPage(
  ctx: PageContext,
  props: { verificationAvailable: boolean; code?: number | undefined },
) {
  const { t } = ctx;
  return (
    <AccountLayout ctx={ctx} title={t('acct.unverified.title')} signedIn={false}>
      <h1>{t('acct.unverified.title')}</h1>
      {props.code ? (
        <Alert kind="warning">{t('acct.unverified.stoppedWithCode', { code: props.code })}</Alert>
      ) : null}
      <p class="usa-intro">{t('acct.unverified.lead')}</p>
      <p>{t('acct.unverified.why')}</p>
      <h2>{t('acct.unverified.howTitle')}</h2>
      <p>{t('acct.unverified.how')}</p>
      {props.verificationAvailable ? null : <Alert kind="info">{t('acct.unverified.howUnavailable')}</Alert>}
      <h2>{t('acct.unverified.otherTitle')}</h2>
      <ul class="usa-list">
        <li>{t('acct.unverified.otherPhone')}</li>
        <li>{t('acct.unverified.otherMail')}</li>
        <li>{t('acct.unverified.otherInPerson')}</li>
      </ul>
      <p>
        <a class="usa-button usa-button--outline" href="/sign-in">
          {t('acct.unverified.tryAgain')}
        </a>
      </p>
    </AccountLayout>
  );
}

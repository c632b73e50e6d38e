// The benefits agency's pages: home, signed in (what the agency received), signed out, the
// registered failure_url, and a sign-in problem page that always offers a way on.
import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { CsrfField } from '#platform/ui/components.tsx';
import type { ReceivedClaims } from '../oidc/identity-provider-client.ts';
import { BenefitsLayout } from './benefits-layout.tsx';

export function HomePage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <BenefitsLayout ctx={ctx} title={t('benefits.home.title')} signedIn={false}>
      <h1>{t('benefits.home.title')}</h1>
      <p class="usa-intro">{t('benefits.home.lead')}</p>
      <p>{t('benefits.home.asks')}</p>
      <p>{t('benefits.home.pairwise')}</p>
      <p>
        <a class="usa-button usa-button--big" href="/sign-in" data-sign-in>
          {t('benefits.home.signIn')}
        </a>
      </p>
    </BenefitsLayout>
  );
}

export function SignedInPage(ctx: PageContext, claims: ReceivedClaims, sessionMinutes: number) {
  const { t } = ctx;
  const missing = <em>{t('benefits.claim.missing')}</em>;
  const value = (text: string | undefined) => (text ? <code>{text}</code> : missing);
  const greeting = claims.email
    ? t('benefits.signedIn.greeting', { email: claims.email })
    : t('benefits.signedIn.greetingNoEmail');
  return (
    <BenefitsLayout ctx={ctx} title={greeting} signedIn>
      <h1>{greeting}</h1>
      <p class="usa-intro">{t('benefits.signedIn.lead')}</p>
      <h2>{t('benefits.signedIn.receivedTitle')}</h2>
      <p>{t('benefits.signedIn.receivedLead')}</p>
      <dl class="app-definitions" data-received-claims>
        <dt>{t('benefits.claim.sub')}</dt>
        <dd data-claim="sub">
          {value(claims.sub)}
          <br />
          {t('benefits.claim.subHelp')}
        </dd>
        <dt>{t('benefits.claim.ial')}</dt>
        <dd data-claim="ial">{value(claims.ial)}</dd>
        <dt>{t('benefits.claim.aal')}</dt>
        <dd data-claim="aal">{value(claims.aal)}</dd>
        <dt>{t('benefits.claim.acr')}</dt>
        <dd data-claim="acr">{value(claims.acr)}</dd>
        <dt>{t('benefits.claim.email')}</dt>
        <dd data-claim="email">{claims.email ?? missing}</dd>
      </dl>
      <p>{t('benefits.signedIn.expires', { minutes: sessionMinutes })}</p>
      <form method="post" action="/sign-out">
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="usa-button">
          {t('benefits.nav.signOut')}
        </button>
      </form>
      <p>{t('benefits.signedIn.signOutNote')}</p>
    </BenefitsLayout>
  );
}

export function SignedOutPage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <BenefitsLayout ctx={ctx} title={t('benefits.signedOut.title')} signedIn={false}>
      <h1>{t('benefits.signedOut.title')}</h1>
      <p class="usa-intro">{t('benefits.signedOut.body')}</p>
      <p>
        <a class="usa-button" href="/sign-in">
          {t('benefits.signedOut.again')}
        </a>
      </p>
    </BenefitsLayout>
  );
}

/** The failure_url registered with the identity provider: the identity could not be confirmed. */
export function IdentityNotConfirmedPage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <BenefitsLayout ctx={ctx} title={t('benefits.failed.title')} signedIn={false}>
      <h1>{t('benefits.failed.title')}</h1>
      <p class="usa-intro">{t('benefits.failed.lead')}</p>
      <h2>{t('benefits.failed.optionsTitle')}</h2>
      <ul class="usa-list">
        <li>{t('benefits.failed.tryAgain')}</li>
        <li>{t('benefits.failed.phone')}</li>
        <li>{t('benefits.failed.office')}</li>
        <li>{t('benefits.failed.paper')}</li>
      </ul>
      <p>
        <a class="usa-button" href="/sign-in">
          {t('benefits.problem.tryAgain')}
        </a>
      </p>
    </BenefitsLayout>
  );
}

/** A sign-in that did not work: what happened in plain language, and ways on. */
export function SignInProblemPage(ctx: PageContext, problem: { code: string; messageKey: MessageKey }) {
  const { t } = ctx;
  return (
    <BenefitsLayout ctx={ctx} title={t('benefits.problem.title')} signedIn={false}>
      <h1>{t('benefits.problem.title')}</h1>
      <p class="usa-intro" data-problem={problem.code}>
        {t(problem.messageKey)}
      </p>
      <p class="app-error-code">{t('common.errorCode', { code: problem.code })}</p>
      <h2>{t('benefits.problem.whatNext')}</h2>
      <div class="app-button-row">
        <a class="usa-button" href="/sign-in">
          {t('benefits.problem.tryAgain')}
        </a>
        <a class="usa-button usa-button--outline" href="/">
          {t('benefits.problem.goHome')}
        </a>
      </div>
      <p>
        <a href="/failed">{t('benefits.problem.otherWays')}</a>
      </p>
    </BenefitsLayout>
  );
}

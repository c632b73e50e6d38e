import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { Alert } from '#platform/ui/components.tsx';
import type { IdentityClaims } from '../db/sessions-repo.ts';
import { AccountLayout } from './account-layout.tsx';

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

export function SignedInHomePage(ctx: PageContext, claims: IdentityClaims) {
  const { t } = ctx;
  const name = claims.given_name ?? claims.name ?? '';
  return (
    <AccountLayout ctx={ctx} title={t('acct.home.title')} signedIn>
      <h1>{t('acct.home.greeting', { name })}</h1>
      {claims.email ? <p class="usa-intro">{t('acct.home.signedInAs', { email: claims.email })}</p> : null}
      <p>{t('acct.home.comingSoon')}</p>
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
export function IdentityNotVerifiedPage(ctx: PageContext, props: { verificationAvailable: boolean }) {
  const { t } = ctx;
  return (
    <AccountLayout ctx={ctx} title={t('acct.unverified.title')} signedIn={false}>
      <h1>{t('acct.unverified.title')}</h1>
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

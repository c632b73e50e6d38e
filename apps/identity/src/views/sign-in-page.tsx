import type { PageContext } from '#platform/ui/page-context.ts';
import { Alert, CsrfField } from '#platform/ui/components.tsx';
import { IdentityLayout } from './identity-layout.tsx';
import { SecurityReminder } from './security-reminder.tsx';
import { SignInFields } from './sign-in-fields.tsx';

export interface SignInPageProps {
  action: string;
  signUpHref: string;
  agencyName: string;
  email?: string;
  failed?: boolean;
  limitedMinutes?: number | undefined;
}

export function SignInPage(ctx: PageContext, props: SignInPageProps) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.signIn.title')}>
      <h1>{t('idp.signIn.title')}</h1>
      <p class="usa-intro">{t('idp.signIn.lead', { agency: props.agencyName })}</p>
      {props.failed ? <Alert kind="error">{t('idp.signIn.failed')}</Alert> : null}
      {props.limitedMinutes ? (
        <Alert kind="error">{t('idp.limit.password', { minutes: props.limitedMinutes })}</Alert>
      ) : null}
      <form class="usa-form usa-form--large" method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SignInFields ctx={ctx} email={props.email} />
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.signIn.submit')}
        </button>
      </form>
      <p>
        <a href="/forgot-password">{t('idp.signIn.forgotPassword')}</a>
      </p>
      <p>
        {t('idp.signIn.noAccount')} <a href={props.signUpHref}>{t('idp.signIn.createAccount')}</a>
      </p>
      <SecurityReminder ctx={ctx} />
    </IdentityLayout>
  );
}

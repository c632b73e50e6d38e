// Sign-up: email first, then the emailed link, then name and password.
import type { PageContext } from '#platform/ui/page-context.ts';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '#platform/ui/components.tsx';
import { IdentityLayout } from './identity-layout.tsx';
import { NewPasswordFields } from './new-password-fields.tsx';

export function SignUpEmailPage(
  ctx: PageContext,
  props: { action: string; signInHref?: string | undefined; email?: string; error?: string | undefined },
) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.signUp.title')}>
      <h1>{t('idp.signUp.title')}</h1>
      <p class="usa-intro">{t('idp.signUp.lead')}</p>
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={props.error ? [{ field: 'email', message: props.error }] : []}
      />
      <form class="usa-form usa-form--large" method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="email"
          type="email"
          label={t('idp.signIn.email')}
          hint={t('idp.signUp.emailHint')}
          value={props.email}
          error={props.error}
          autocomplete="email"
          required
          maxLength={254}
        />
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.signUp.submit')}
        </button>
      </form>
      {props.signInHref ? (
        <p>
          {t('idp.signUp.haveAccount')} <a href={props.signInHref}>{t('idp.signIn.submit')}</a>
        </p>
      ) : null}
    </IdentityLayout>
  );
}

export function CheckEmailPage(ctx: PageContext, props: { email: string; backHref: string }) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.checkEmail.title')}>
      <h1>{t('idp.checkEmail.title')}</h1>
      <p class="usa-intro">{t('idp.checkEmail.body', { email: props.email })}</p>
      <p>
        {t('idp.checkEmail.notReceived')} <a href={props.backHref}>{t('common.back')}</a>
      </p>
    </IdentityLayout>
  );
}

export function InvalidLinkPage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.confirm.invalid')}>
      <h1>{t('idp.signUp.title')}</h1>
      <Alert kind="warning">{t('idp.confirm.invalid')}</Alert>
      <p>
        <a class="usa-button" href="/sign-up">
          {t('idp.confirm.startAgain')}
        </a>
      </p>
    </IdentityLayout>
  );
}

export interface PasswordPageProps {
  action: string;
  email: string;
  givenName?: string;
  familyName?: string;
  errors: FieldError[];
}

export function CreatePasswordPage(ctx: PageContext, props: PasswordPageProps) {
  const { t } = ctx;
  const errorFor = (field: string) => props.errors.find((e) => e.field === field)?.message;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.password.title')} scripts={['/assets/password-strength.js']}>
      <h1>{t('idp.password.title')}</h1>
      <p class="usa-intro">{t('idp.password.lead', { email: props.email })}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={props.errors} />
      <form class="usa-form usa-form--large" method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="givenName"
          label={t('idp.password.givenName')}
          value={props.givenName}
          error={errorFor('givenName')}
          autocomplete="given-name"
          required
          maxLength={100}
        />
        <TextField
          name="familyName"
          label={t('idp.password.familyName')}
          value={props.familyName}
          error={errorFor('familyName')}
          autocomplete="family-name"
          required
          maxLength={100}
        />
        <NewPasswordFields
          ctx={ctx}
          errorFor={errorFor}
          labels={{ password: t('idp.password.password'), confirm: t('idp.password.confirm') }}
        />
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.password.submit')}
        </button>
      </form>
    </IdentityLayout>
  );
}

export function AccountReadyPage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.ready.title')}>
      <h1>{t('idp.ready.title')}</h1>
      <Alert kind="success">{t('idp.ready.body')}</Alert>
    </IdentityLayout>
  );
}

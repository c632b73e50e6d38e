// Recovery pages: forgot password, choose a new password, account reset (request, wait,
// choose, cancel), and deleting an account. Every dead end offers a way forward.
import type { PageContext } from '#platform/ui/page-context.ts';
import { Alert, CsrfField, ErrorSummary, TextField, type FieldError } from '#platform/ui/components.tsx';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { IdentityLayout } from './identity-layout.tsx';
import { MessagePage } from './message-page.tsx';
import { CurrentPasswordField, SignInFields } from './sign-in-fields.tsx';
import { NewPasswordFields } from './new-password-fields.tsx';

export function ForgotPasswordPage(
  ctx: PageContext,
  props: { email?: string | undefined; error?: string | undefined; limitedMinutes?: number | undefined },
) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.recovery.forgot.title')}>
      <h1>{t('idp.recovery.forgot.title')}</h1>
      <p class="usa-intro">{t('idp.recovery.forgot.lead')}</p>
      {props.limitedMinutes ? (
        <Alert kind="error">{t('idp.recovery.forgot.limited', { minutes: props.limitedMinutes })}</Alert>
      ) : null}
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={props.error ? [{ field: 'email', message: props.error }] : []}
      />
      <form class="usa-form usa-form--large" method="post" action="/forgot-password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="email"
          type="email"
          label={t('idp.signIn.email')}
          value={props.email}
          error={props.error}
          autocomplete="username"
          required
          maxLength={254}
        />
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.recovery.forgot.submit')}
        </button>
      </form>
      <p>
        <a href="/sign-in">{t('idp.recovery.forgot.backToSignIn')}</a>
      </p>
    </IdentityLayout>
  );
}

export function ResetEmailSentPage(ctx: PageContext, props: { email: string; minutes: number }) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.recovery.sent.title')}>
      <h1>{t('idp.recovery.sent.title')}</h1>
      <p class="usa-intro">{t('idp.recovery.sent.body', { email: props.email, minutes: props.minutes })}</p>
      <p>
        {t('idp.recovery.sent.notReceived')} <a href="/forgot-password">{t('idp.recovery.sent.again')}</a>.
      </p>
    </IdentityLayout>
  );
}

export function NewPasswordPage(
  ctx: PageContext,
  props: { token: string; email: string; errors: FieldError[] },
) {
  const { t } = ctx;
  const errorFor = (field: string) => props.errors.find((e) => e.field === field)?.message;
  return (
    <IdentityLayout
      ctx={ctx}
      title={t('idp.recovery.newPassword.title')}
      scripts={['/assets/password-strength.js']}
    >
      <h1>{t('idp.recovery.newPassword.title')}</h1>
      <p class="usa-intro">{t('idp.recovery.newPassword.lead', { email: props.email })}</p>
      <p>{t('idp.recovery.newPassword.keepsMethods')}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={props.errors} />
      <form class="usa-form usa-form--large" method="post" action="/reset-password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <NewPasswordFields
          ctx={ctx}
          errorFor={errorFor}
          labels={{
            password: t('idp.recovery.newPassword.password'),
            confirm: t('idp.recovery.newPassword.confirm'),
          }}
        />
        <p>{t('idp.recovery.newPassword.signOutNote')}</p>
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.recovery.newPassword.submit')}
        </button>
      </form>
    </IdentityLayout>
  );
}

export function PasswordChangedPage(ctx: PageContext) {
  return MessagePage(ctx, {
    title: 'idp.recovery.changed.title',
    kind: 'success',
    body: 'idp.recovery.changed.body',
    action: { href: '/sign-in', label: 'idp.signIn.submit' },
  });
}

export type ResetLinkProblem = 'unknown' | 'expired' | 'used' | 'replaced';

const RESET_PROBLEM: Record<ResetLinkProblem, { title: MessageKey; body: MessageKey }> = {
  unknown: { title: 'idp.recovery.link.unknown.title', body: 'idp.recovery.link.unknown.body' },
  expired: { title: 'idp.recovery.link.expired.title', body: 'idp.recovery.link.expired.body' },
  used: { title: 'idp.recovery.link.used.title', body: 'idp.recovery.link.used.body' },
  replaced: { title: 'idp.recovery.link.replaced.title', body: 'idp.recovery.link.replaced.body' },
};

export function ResetLinkProblemPage(
  ctx: PageContext,
  props: { problem: ResetLinkProblem; minutes: number },
) {
  const { t } = ctx;
  const { title, body } = RESET_PROBLEM[props.problem];
  return (
    <IdentityLayout ctx={ctx} title={t(title)}>
      <h1>{t(title)}</h1>
      <Alert kind="warning">{t(body, { minutes: props.minutes })}</Alert>
      <p>
        <a class="usa-button" href="/forgot-password">
          {t('idp.recovery.link.sendNew')}
        </a>
        {props.problem === 'used' ? (
          <a class="usa-button usa-button--outline" href="/sign-in">
            {t('idp.signIn.submit')}
          </a>
        ) : null}
      </p>
    </IdentityLayout>
  );
}

export interface AccountResetStartProps {
  /** The signed-in account's email (password step done), or undefined to ask for it. */
  signedInEmail?: string | undefined;
  email?: string | undefined;
  failed?: boolean;
  /** Wrong passwords: wait this long. */
  limitedMinutes?: number | undefined;
  /** Too many emails to the address: wait this long. */
  emailLimitedMinutes?: number | undefined;
  hours: number;
  cancelHref: string;
}

export function AccountResetStartPage(ctx: PageContext, props: AccountResetStartProps) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.recovery.reset.title')}>
      <h1>{t('idp.recovery.reset.title')}</h1>
      <p class="usa-intro">{t('idp.recovery.reset.lead')}</p>
      <h2>{t('idp.recovery.reset.stepsTitle')}</h2>
      <ol class="usa-process-list">
        <li class="usa-process-list__item">{t('idp.recovery.reset.step1')}</li>
        <li class="usa-process-list__item">{t('idp.recovery.reset.step2', { hours: props.hours })}</li>
        <li class="usa-process-list__item">{t('idp.recovery.reset.step3')}</li>
      </ol>
      {props.failed ? <Alert kind="error">{t('idp.signIn.failed')}</Alert> : null}
      {props.limitedMinutes ? (
        <Alert kind="error">
          {t('idp.recovery.reset.passwordLimited', { minutes: props.limitedMinutes })}
        </Alert>
      ) : null}
      {props.emailLimitedMinutes ? (
        <Alert kind="error">{t('idp.recovery.forgot.limited', { minutes: props.emailLimitedMinutes })}</Alert>
      ) : null}
      <form class="usa-form usa-form--large" method="post" action="/account-reset" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {props.signedInEmail ? (
          <p>{t('idp.recovery.reset.signedInAs', { email: props.signedInEmail })}</p>
        ) : (
          <>
            <p>{t('idp.recovery.reset.confirmLead')}</p>
            <SignInFields ctx={ctx} email={props.email} />
          </>
        )}
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.recovery.reset.submit')}
        </button>
      </form>
      <p>
        <a href={props.cancelHref}>{t('common.cancel')}</a>
      </p>
    </IdentityLayout>
  );
}

export function AccountResetRequestedPage(ctx: PageContext, props: { email: string; time: string }) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.recovery.requested.title')}>
      <h1>{t('idp.recovery.requested.title')}</h1>
      <p class="usa-intro">{t('idp.recovery.requested.body', { email: props.email })}</p>
      <Alert kind="info">{t('idp.recovery.requested.when', { time: props.time })}</Alert>
      <p>{t('idp.recovery.requested.notYou')}</p>
    </IdentityLayout>
  );
}

export function AccountResetWaitPage(ctx: PageContext, props: { time: string; hours: number }) {
  const { t } = ctx;
  const title = t('idp.recovery.wait.title', { time: props.time });
  return (
    <IdentityLayout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <p class="usa-intro">{t('idp.recovery.wait.body', { time: props.time, hours: props.hours })}</p>
    </IdentityLayout>
  );
}

export function AccountResetChoosePage(ctx: PageContext, props: { token: string; email: string }) {
  const { t } = ctx;
  const choice = (
    value: 'remove-methods' | 'delete',
    title: MessageKey,
    body: MessageKey,
    submit: MessageKey,
    danger: boolean,
  ) => (
    <section class="margin-top-4">
      <h2>{t(title)}</h2>
      <p>{t(body)}</p>
      <form method="post" action="/account-reset/continue">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <input type="hidden" name="choice" value={value} />
        <button class={danger ? 'usa-button usa-button--secondary' : 'usa-button'} type="submit">
          {t(submit)}
        </button>
      </form>
    </section>
  );
  return (
    <IdentityLayout ctx={ctx} title={t('idp.recovery.choose.title')}>
      <h1>{t('idp.recovery.choose.title')}</h1>
      <p class="usa-intro">{t('idp.recovery.choose.lead', { email: props.email })}</p>
      {choice(
        'remove-methods',
        'idp.recovery.choose.methods.title',
        'idp.recovery.choose.methods.body',
        'idp.recovery.choose.methods.submit',
        false,
      )}
      {choice(
        'delete',
        'idp.recovery.choose.delete.title',
        'idp.recovery.choose.delete.body',
        'idp.recovery.delete.submit',
        true,
      )}
    </IdentityLayout>
  );
}

export type AccountLinkProblem = 'unknown' | 'expired' | 'used' | 'cancelled';

const ACCOUNT_PROBLEM: Record<AccountLinkProblem, { title: MessageKey; body: MessageKey }> = {
  unknown: { title: 'idp.recovery.link.unknown.title', body: 'idp.recovery.accountLink.unknown.body' },
  expired: { title: 'idp.recovery.link.expired.title', body: 'idp.recovery.accountLink.expired.body' },
  used: { title: 'idp.recovery.link.used.title', body: 'idp.recovery.accountLink.used.body' },
  cancelled: {
    title: 'idp.recovery.accountLink.cancelled.title',
    body: 'idp.recovery.accountLink.cancelled.body',
  },
};

export function AccountLinkProblemPage(
  ctx: PageContext,
  props: { problem: AccountLinkProblem; hours: number },
) {
  const { t } = ctx;
  const { title, body } = ACCOUNT_PROBLEM[props.problem];
  return (
    <IdentityLayout ctx={ctx} title={t(title)}>
      <h1>{t(title)}</h1>
      <Alert kind="warning">{t(body, { hours: props.hours })}</Alert>
      <p>
        {props.problem === 'used' ? (
          <a class="usa-button" href="/sign-in">
            {t('idp.signIn.submit')}
          </a>
        ) : (
          <a class="usa-button" href="/account-reset">
            {t('idp.recovery.accountLink.startNew')}
          </a>
        )}
      </p>
    </IdentityLayout>
  );
}

export function AccountResetCancelPage(ctx: PageContext, props: { token: string }) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.recovery.cancel.title')}>
      <h1>{t('idp.recovery.cancel.title')}</h1>
      <p class="usa-intro">{t('idp.recovery.cancel.lead')}</p>
      <form method="post" action="/account-reset/cancel">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="token" value={props.token} />
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.recovery.cancel.submit')}
        </button>
      </form>
    </IdentityLayout>
  );
}

export function AccountResetCancelledPage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.recovery.cancelled.title')}>
      <h1>{t('idp.recovery.cancelled.title')}</h1>
      <Alert kind="success">{t('idp.recovery.cancelled.body')}</Alert>
      <p>
        {t('idp.recovery.cancelled.notYou')}{' '}
        <a href="/forgot-password">{t('idp.recovery.cancelled.resetPassword')}</a>
      </p>
    </IdentityLayout>
  );
}

export function MethodsRemovedPage(ctx: PageContext) {
  return MessagePage(ctx, {
    title: 'idp.recovery.methodsRemoved.title',
    kind: 'success',
    body: 'idp.recovery.methodsRemoved.body',
    action: { href: '/sign-in', label: 'idp.signIn.submit' },
  });
}

export function DeleteAccountPage(ctx: PageContext, props: { error?: string | undefined }) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.recovery.delete.title')} signedIn>
      <h1>{t('idp.recovery.delete.title')}</h1>
      <Alert kind="warning" heading={t('idp.recovery.delete.warningTitle')}>
        {t('idp.recovery.delete.warning')}
      </Alert>
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={props.error ? [{ field: 'password', message: props.error }] : []}
      />
      <form class="usa-form usa-form--large" method="post" action="/account/delete" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <p>{t('idp.recovery.delete.lead')}</p>
        <CurrentPasswordField ctx={ctx} error={props.error} />
        <button class="usa-button usa-button--secondary usa-button--big" type="submit">
          {t('idp.recovery.delete.submit')}
        </button>
      </form>
      <p>
        <a href="/account">{t('idp.recovery.delete.keep')}</a>
      </p>
    </IdentityLayout>
  );
}

export function AccountDeletedPage(ctx: PageContext) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.recovery.deleted.title')}>
      <h1>{t('idp.recovery.deleted.title')}</h1>
      <Alert kind="success">{t('idp.recovery.deleted.body')}</Alert>
      <p>
        {t('idp.recovery.deleted.again')} <a href="/sign-up">{t('idp.signIn.createAccount')}</a>
      </p>
    </IdentityLayout>
  );
}

// The last pages: re-enter the password (seals the verified profile), the personal key shown once,
// done; and, outside the journey, unlocking the profile with the password (for single sign-on) or
// with the personal key after a password reset.
import type { PageContext } from '#platform/ui/page-context.ts';
import { Alert, CsrfField, ErrorSummary, RequiredCheckbox, TextField } from '#platform/ui/components.tsx';
import { IdvFrame } from './idv-frame.tsx';

/** A page that asks for the password once: sealing the profile, or unlocking it for an agency. */
function PasswordOnlyPage({
  ctx,
  title,
  lead,
  action,
  submit,
  error,
  stage,
}: {
  ctx: PageContext;
  title: string;
  lead: string;
  action: string;
  submit: string;
  error: string | undefined;
  stage?: number;
}) {
  const { t } = ctx;
  return (
    <IdvFrame ctx={ctx} title={title} stage={stage}>
      <h1>{title}</h1>
      <p class="usa-intro">{lead}</p>
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={error ? [{ field: 'password', message: error }] : []}
      />
      <form class="usa-form" method="post" action={action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="password"
          type="password"
          label={t('idv.password.label')}
          error={error}
          autocomplete="current-password"
          maxLength={128}
        />
        <button class="usa-button usa-button--big" type="submit">
          {submit}
        </button>
      </form>
    </IdvFrame>
  );
}

export function IdvPasswordPage(ctx: PageContext, props: { error?: string | undefined }) {
  const { t } = ctx;
  return (
    <PasswordOnlyPage
      ctx={ctx}
      title={t('idv.password.title')}
      lead={t('idv.password.lead')}
      action="/verify/password"
      submit={t('idv.password.submit')}
      error={props.error}
      stage={4}
    />
  );
}

export function IdvPersonalKeyPage(
  ctx: PageContext,
  props: { personalKey: string | undefined; error?: boolean; action?: string },
) {
  const { t } = ctx;
  const error = props.error ? t('idv.personalKey.acknowledgeRequired') : undefined;
  return (
    <IdvFrame ctx={ctx} title={t('idv.personalKey.title')} stage={props.action ? undefined : 4}>
      <h1>{t('idv.personalKey.title')}</h1>
      <p class="usa-intro">{t('idv.personalKey.lead')}</p>
      {props.personalKey ? (
        <div class="idv-personal-key" role="group" aria-labelledby="personal-key-label">
          <p id="personal-key-label" class="text-bold">
            {t('idv.personalKey.keyLabel')}
          </p>
          <p class="idv-personal-key__value" data-personal-key>
            {props.personalKey}
          </p>
        </div>
      ) : (
        <Alert kind="info">{t('idv.personalKey.gone')}</Alert>
      )}
      <p>{t('idv.personalKey.howToKeep')}</p>
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={error ? [{ field: 'acknowledged', message: error }] : []}
      />
      <form class="usa-form" method="post" action={props.action ?? '/verify/personal-key'} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RequiredCheckbox name="acknowledged" label={t('idv.personalKey.acknowledge')} error={error} />
        <button class="usa-button usa-button--big" type="submit">
          {t('idv.continue')}
        </button>
      </form>
    </IdvFrame>
  );
}

export function IdvDonePage(
  ctx: PageContext,
  props: { facialMatch: boolean; agencyName?: string | undefined; returnAction?: string | undefined },
) {
  const { t } = ctx;
  return (
    <IdvFrame ctx={ctx} title={t('idv.done.title')}>
      <Alert kind="success" heading={t('idv.done.title')}>
        <p>{t('idv.done.body')}</p>
        {props.facialMatch ? <p>{t('idv.done.facialMatch')}</p> : null}
      </Alert>
      <h1 class="usa-sr-only">{t('idv.done.title')}</h1>
      {props.returnAction && props.agencyName ? (
        <p>
          <a class="usa-button usa-button--big" href={props.returnAction}>
            {t('idv.done.toAgency', { agency: props.agencyName })}
          </a>
        </p>
      ) : (
        <p>
          <a class="usa-button usa-button--big" href="/account">
            {t('idv.done.toAccount')}
          </a>
        </p>
      )}
    </IdvFrame>
  );
}

export function IdvUnlockPage(
  ctx: PageContext,
  props: { action: string; agencyName: string; error?: string | undefined },
) {
  const { t } = ctx;
  return (
    <PasswordOnlyPage
      ctx={ctx}
      title={t('idv.unlock.title')}
      lead={t('idv.unlock.lead', { agency: props.agencyName })}
      action={props.action}
      submit={t('idv.unlock.submit')}
      error={props.error}
    />
  );
}

export function IdvReactivatePage(
  ctx: PageContext,
  props: { error?: string | undefined; key?: string | undefined },
) {
  const { t } = ctx;
  const errors = props.error ? [{ field: 'personalKey', message: props.error }] : [];
  return (
    <IdvFrame ctx={ctx} title={t('idv.reactivate.title')}>
      <h1>{t('idv.reactivate.title')}</h1>
      <p class="usa-intro">{t('idv.reactivate.lead')}</p>
      <ErrorSummary title={t('common.fixErrors')} errors={errors} />
      <form class="usa-form" method="post" action="/verify/reactivate" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="personalKey"
          label={t('idv.reactivate.key')}
          hint={t('idv.reactivate.keyHint')}
          error={props.error}
          value={props.key}
          autocomplete="off"
          maxLength={24}
        />
        <TextField
          name="password"
          type="password"
          label={t('idv.reactivate.password')}
          autocomplete="current-password"
          maxLength={128}
        />
        <button class="usa-button usa-button--big" type="submit">
          {t('idv.reactivate.submit')}
        </button>
      </form>
      <p>{t('idv.reactivate.lost')}</p>
      <form method="post" action="/verify/reverify">
        <CsrfField token={ctx.csrfToken} />
        <button class="usa-button usa-button--outline" type="submit">
          {t('idv.reactivate.verifyAgain')}
        </button>
      </form>
    </IdvFrame>
  );
}

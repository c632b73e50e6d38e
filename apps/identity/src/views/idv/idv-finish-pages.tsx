// The last pages: re-enter the password (seals the verified profile), the personal key shown once,
// done; and, outside the journey, unlocking the profile with the password (for single sign-on) or
// with the personal key after a password reset.
import type { PageContext } from '#platform/ui/page-context.ts';
import { Alert, CsrfField, ErrorSummary, TextField } from '#platform/ui/components.tsx';
import { IdvFrame } from './idv-frame.tsx';

export function IdvPasswordPage(ctx: PageContext, props: { error?: string | undefined }) {
  const { t } = ctx;
  return (
    <IdvFrame ctx={ctx} title={t('idv.password.title')} stage={4}>
      <h1>{t('idv.password.title')}</h1>
      <p class="usa-intro">{t('idv.password.lead')}</p>
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={props.error ? [{ field: 'password', message: props.error }] : []}
      />
      <form class="usa-form" method="post" action="/verify/password" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="password"
          type="password"
          label={t('idv.password.label')}
          error={props.error}
          autocomplete="current-password"
          maxLength={128}
        />
        <button class="usa-button usa-button--big" type="submit">
          {t('idv.password.submit')}
        </button>
      </form>
    </IdvFrame>
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
        <div class={`usa-form-group${error ? ' usa-form-group--error' : ''}`}>
          {error ? (
            <span class="usa-error-message" id="acknowledged-error" role="alert">
              {error}
            </span>
          ) : null}
          <div class="usa-checkbox">
            <input
              class="usa-checkbox__input"
              id="acknowledged"
              type="checkbox"
              name="acknowledged"
              value="yes"
              aria-describedby={error ? 'acknowledged-error' : undefined}
            />
            <label class="usa-checkbox__label" for="acknowledged">
              {t('idv.personalKey.acknowledge')}
            </label>
          </div>
        </div>
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
    <IdvFrame ctx={ctx} title={t('idv.unlock.title')}>
      <h1>{t('idv.unlock.title')}</h1>
      <p class="usa-intro">{t('idv.unlock.lead', { agency: props.agencyName })}</p>
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={props.error ? [{ field: 'password', message: props.error }] : []}
      />
      <form class="usa-form" method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="password"
          type="password"
          label={t('idv.password.label')}
          error={props.error}
          autocomplete="current-password"
          maxLength={128}
        />
        <button class="usa-button usa-button--big" type="submit">
          {t('idv.unlock.submit')}
        </button>
      </form>
    </IdvFrame>
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

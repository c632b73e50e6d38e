// Second-factor pages: choose a method, enter a code, set up a method.
import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { Alert, CsrfField, ErrorSummary, TextField } from '#platform/ui/components.tsx';
import type { MfaKind, MfaMethod } from '../db/mfa-methods-repo.ts';
import { METHOD_TRAITS, SETUP_ORDER } from '../auth/mfa/method-traits.ts';
import { IdentityLayout } from './identity-layout.tsx';
import { RememberDeviceField, type RememberOffer } from './remember-device-field.tsx';

export function PhishingTag({ ctx, kind }: { ctx: PageContext; kind: MfaKind }) {
  return METHOD_TRAITS[kind].phishingResistant ? (
    <span class="usa-tag bg-green">{ctx.t('idp.mfa.phishingResistant')}</span>
  ) : (
    <span class="usa-tag bg-base-dark">{ctx.t('idp.mfa.notPhishingResistant')}</span>
  );
}

/** The 6-digit code field (authentication app, text, voice and email codes). */
export function OneTimeCodeField({ ctx, error }: { ctx: PageContext; error?: string | undefined }) {
  return (
    <TextField
      name="code"
      label={ctx.t('idp.mfa.verify.codeLabel')}
      hint={ctx.t('idp.mfa.verify.codeHint')}
      error={error}
      autocomplete="one-time-code"
      inputMode="numeric"
      maxLength={8}
      required
    />
  );
}

export function MfaChoosePage(
  ctx: PageContext,
  props: { base: string; methods: MfaMethod[]; notice?: MessageKey },
) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.mfa.choose.title')}>
      <h1>{t('idp.mfa.choose.title')}</h1>
      {props.notice ? <Alert kind="info">{t(props.notice)}</Alert> : null}
      <p class="usa-intro">{t('idp.mfa.choose.lead')}</p>
      <form method="post" action={`${props.base}/mfa/start`} class="usa-form usa-form--large">
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="usa-fieldset">
          <legend class="usa-legend">{t('idp.mfa.choose.legend')}</legend>
          {props.methods.map((method, index) => (
            <div class="usa-radio" key={method.id}>
              <input
                class="usa-radio__input usa-radio__input--tile"
                id={`method-${method.id}`}
                type="radio"
                name="methodId"
                value={method.id}
                checked={index === 0}
              />
              <label class="usa-radio__label" for={`method-${method.id}`}>
                {method.label}{' '}
                <span class="usa-radio__label-description">{t(METHOD_TRAITS[method.kind].nameKey)}</span>
              </label>
            </div>
          ))}
        </fieldset>
        <button class="usa-button usa-button--big" type="submit">
          {t('common.continue')}
        </button>
      </form>
      <p>
        {t('idp.mfa.noneAvailable')} <a href="/account-reset">{t('idp.mfa.resetAccount')}</a>
      </p>
    </IdentityLayout>
  );
}

export interface MfaVerifyProps {
  base: string;
  method: MfaMethod;
  challengeId?: string | undefined;
  destination?: string | undefined;
  error?: string | undefined;
  otherMethods: boolean;
  /** "Remember this browser", inside the request of an agency that accepts AAL1. */
  remember?: RememberOffer | undefined;
}

export function MfaVerifyPage(ctx: PageContext, props: MfaVerifyProps) {
  const { t } = ctx;
  const { method } = props;
  const isBackup = method.kind === 'backup_codes';
  const leadKey: MessageKey =
    method.kind === 'totp'
      ? 'idp.mfa.verify.totpLead'
      : isBackup
        ? 'idp.mfa.verify.backupLead'
        : 'idp.mfa.verify.codeLead';
  return (
    <IdentityLayout ctx={ctx} title={t('idp.mfa.verify.title')}>
      <h1>{t('idp.mfa.verify.title')}</h1>
      <p class="usa-intro">{t(leadKey, { destination: props.destination ?? '' })}</p>
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={props.error ? [{ field: 'code', message: props.error }] : []}
      />
      <form
        method="post"
        action={`${props.base}/mfa/${method.id}`}
        class="usa-form usa-form--large"
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        {props.challengeId ? <input type="hidden" name="challengeId" value={props.challengeId} /> : null}
        <TextField
          name="code"
          label={t(isBackup ? 'idp.mfa.verify.backupLabel' : 'idp.mfa.verify.codeLabel')}
          hint={t(isBackup ? 'idp.mfa.verify.backupHint' : 'idp.mfa.verify.codeHint')}
          error={props.error}
          autocomplete="one-time-code"
          inputMode={isBackup ? 'text' : 'numeric'}
          required
          maxLength={isBackup ? 20 : 8}
        />
        <RememberDeviceField ctx={ctx} offer={props.remember} />
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.mfa.verify.submit')}
        </button>
      </form>
      {METHOD_TRAITS[method.kind].sendsCode ? (
        <form method="post" action={`${props.base}/mfa/start`}>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="methodId" value={method.id} />
          {props.challengeId ? <input type="hidden" name="challengeId" value={props.challengeId} /> : null}
          <button class="usa-button usa-button--outline" type="submit">
            {t('idp.mfa.verify.resend')}
          </button>
        </form>
      ) : null}
      {props.otherMethods ? (
        <p>
          <a href={`${props.base}/mfa`}>{t('idp.mfa.verify.chooseAnother')}</a>
        </p>
      ) : null}
    </IdentityLayout>
  );
}

export function MfaSetupChoosePage(
  ctx: PageContext,
  props: { base: string; first: boolean; available: readonly MfaKind[] },
) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.mfa.setup.title')}>
      <h1>{t(props.first ? 'idp.mfa.setup.title' : 'idp.mfa.setup.addTitle')}</h1>
      <p class="usa-intro">{t(props.first ? 'idp.mfa.setup.lead' : 'idp.mfa.setup.addLead')}</p>
      <ul class="usa-card-group">
        {SETUP_ORDER.filter((kind) => props.available.includes(kind)).map((kind) => (
          <li class="usa-card tablet:grid-col-6" key={kind}>
            <div class="usa-card__container">
              <div class="usa-card__header">
                <h2 class="usa-card__heading">{t(METHOD_TRAITS[kind].nameKey)}</h2>
              </div>
              <div class="usa-card__body">
                <p>
                  <PhishingTag ctx={ctx} kind={kind} />
                </p>
                <p>{t(METHOD_TRAITS[kind].descriptionKey)}</p>
              </div>
              <div class="usa-card__footer">
                <a
                  class="usa-button"
                  href={`${props.base}/mfa-setup/${kind}`}
                  aria-label={`${t('idp.mfa.setup.choose')}: ${t(METHOD_TRAITS[kind].nameKey)}`}
                >
                  {t('idp.mfa.setup.choose')}
                </a>
              </div>
            </div>
          </li>
        ))}
      </ul>
    </IdentityLayout>
  );
}

export function TotpSetupPage(
  ctx: PageContext,
  props: {
    base: string;
    sealed: string;
    secret: string;
    qrDataUri: string;
    label?: string;
    error?: string | undefined;
    remember?: RememberOffer | undefined;
  },
) {
  const { t } = ctx;
  const grouped = props.secret.replace(/(.{4})/g, '$1 ').trim();
  return (
    <IdentityLayout ctx={ctx} title={t('idp.mfa.totp.title')}>
      <h1>{t('idp.mfa.totp.title')}</h1>
      <ol class="usa-process-list">
        <li class="usa-process-list__item">
          <h2 class="usa-process-list__heading">{t('idp.mfa.totp.step1')}</h2>
          <p>{t('idp.mfa.totp.step1Body')}</p>
        </li>
        <li class="usa-process-list__item">
          <h2 class="usa-process-list__heading">{t('idp.mfa.totp.step2')}</h2>
          <img src={props.qrDataUri} alt={t('idp.mfa.totp.qrAlt')} width={200} height={200} class="app-qr" />
          <p>
            {t('idp.mfa.totp.manual')}{' '}
            <code class="app-secret" data-totp-secret={props.secret}>
              {grouped}
            </code>
          </p>
        </li>
        <li class="usa-process-list__item">
          <h2 class="usa-process-list__heading">{t('idp.mfa.totp.step3')}</h2>
          <ErrorSummary
            title={t('common.fixErrors')}
            errors={props.error ? [{ field: 'code', message: props.error }] : []}
          />
          <form
            method="post"
            action={`${props.base}/mfa-setup/totp`}
            class="usa-form usa-form--large"
            novalidate
          >
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="sealed" value={props.sealed} />
            <TextField
              name="label"
              label={t('idp.mfa.nickname')}
              hint={t('idp.mfa.nicknameHint')}
              value={props.label ?? t('idp.mfa.kind.totp')}
              maxLength={40}
              required
            />
            <OneTimeCodeField ctx={ctx} error={props.error} />
            <RememberDeviceField ctx={ctx} offer={props.remember} />
            <button class="usa-button usa-button--big" type="submit">
              {t('idp.mfa.totp.submit')}
            </button>
          </form>
        </li>
      </ol>
    </IdentityLayout>
  );
}

export function BackupCodesIntroPage(ctx: PageContext, props: { base: string; regenerate: boolean }) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.mfa.backup.title')}>
      <h1>{t('idp.mfa.backup.title')}</h1>
      <p class="usa-intro">{t('idp.mfa.backup.lead')}</p>
      {props.regenerate ? <Alert kind="warning">{t('idp.mfa.backup.regenerateWarning')}</Alert> : null}
      <form method="post" action={`${props.base}/mfa-setup/backup_codes`}>
        <CsrfField token={ctx.csrfToken} />
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.mfa.backup.generate')}
        </button>
      </form>
    </IdentityLayout>
  );
}

export function BackupCodesShowPage(ctx: PageContext, props: { next: string; codes: string[] }) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.mfa.backup.showTitle')}>
      <h1>{t('idp.mfa.backup.showTitle')}</h1>
      <Alert kind="warning">{t('idp.mfa.backup.showWarning')}</Alert>
      <ul class="usa-list usa-list--unstyled app-backup-codes" aria-label={t('idp.mfa.backup.listLabel')}>
        {props.codes.map((code) => (
          <li key={code}>
            <code data-backup-code>{code}</code>
          </li>
        ))}
      </ul>
      <p>
        <a class="usa-button" href={props.next}>
          {t('idp.mfa.backup.saved')}
        </a>
      </p>
    </IdentityLayout>
  );
}

export function CodeMethodSetupPage(
  ctx: PageContext,
  props: {
    base: string;
    kind: 'email' | 'sms' | 'voice';
    destination?: string | undefined;
    error?: string | undefined;
  },
) {
  const { t } = ctx;
  const isEmail = props.kind === 'email';
  return (
    <IdentityLayout ctx={ctx} title={t(METHOD_TRAITS[props.kind].nameKey)}>
      <h1>{t(METHOD_TRAITS[props.kind].nameKey)}</h1>
      <p class="usa-intro">
        {t(isEmail ? 'idp.mfa.email.lead' : 'idp.mfa.phone.lead', { destination: props.destination ?? '' })}
      </p>
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={props.error ? [{ field: 'phone', message: props.error }] : []}
      />
      <form
        method="post"
        action={`${props.base}/mfa-setup/${props.kind}`}
        class="usa-form usa-form--large"
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        {isEmail ? null : (
          <TextField
            name="phone"
            type="text"
            label={t('idp.mfa.phone.label')}
            hint={t('idp.mfa.phone.hint')}
            value={props.destination}
            error={props.error}
            autocomplete="tel-national"
            inputMode="tel"
            required
            maxLength={30}
          />
        )}
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.mfa.sendCode')}
        </button>
      </form>
    </IdentityLayout>
  );
}

export function CodeMethodConfirmPage(
  ctx: PageContext,
  props: {
    base: string;
    kind: 'email' | 'sms' | 'voice';
    masked: string;
    sealed: string;
    challengeId: string;
    error?: string | undefined;
    remember?: RememberOffer | undefined;
  },
) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.mfa.verify.title')}>
      <h1>{t('idp.mfa.verify.title')}</h1>
      <p class="usa-intro">{t('idp.mfa.verify.codeLead', { destination: props.masked })}</p>
      <ErrorSummary
        title={t('common.fixErrors')}
        errors={props.error ? [{ field: 'code', message: props.error }] : []}
      />
      <form
        method="post"
        action={`${props.base}/mfa-setup/${props.kind}/confirm`}
        class="usa-form usa-form--large"
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="sealed" value={props.sealed} />
        <input type="hidden" name="challengeId" value={props.challengeId} />
        <OneTimeCodeField ctx={ctx} error={props.error} />
        <RememberDeviceField ctx={ctx} offer={props.remember} />
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.mfa.verify.submit')}
        </button>
      </form>
    </IdentityLayout>
  );
}

export function SecondMethodReminderPage(ctx: PageContext, props: { base: string; next: string }) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.mfa.reminder.title')}>
      <h1>{t('idp.mfa.reminder.title')}</h1>
      <p class="usa-intro">{t('idp.mfa.reminder.lead')}</p>
      <div class="app-button-row">
        <a class="usa-button" href={`${props.base}/mfa-setup`}>
          {t('idp.mfa.reminder.add')}
        </a>
        <a class="usa-button usa-button--outline" href={props.next}>
          {t('idp.mfa.reminder.skip')}
        </a>
      </div>
    </IdentityLayout>
  );
}

// Passkey and security key pages: add one, and use one to sign in. The ceremony itself runs
// in /assets/webauthn.js (our own file; the CSP allows no inline script): it reads the
// options from the form's data-options, asks the browser, puts the answer in the hidden
// "response" field and submits. Without it the pages say so and offer other methods.
import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import type { PageContext } from '#platform/ui/page-context.ts';
import { Alert, CsrfField, TextField } from '#platform/ui/components.tsx';
import { IdentityLayout } from './identity-layout.tsx';
import { RememberDeviceField, type RememberOffer } from './remember-device-field.tsx';

const SCRIPTS = ['/assets/webauthn.js'];

/** The error region: the server puts its message here, and the script puts the browser's. */
function ErrorRegion({ error }: { error?: string | undefined }) {
  return (
    <div data-webauthn-error role="alert" class="margin-y-2">
      {error ? (
        <div class="usa-alert usa-alert--error usa-alert--slim">
          <div class="usa-alert__body">
            <p class="usa-alert__text">{error}</p>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/**
 * Shown unless the script runs (it hides it): a plain element rather than <noscript>, so the
 * notice also appears when JavaScript is on but the script is blocked or fails to load.
 */
function NoScriptNotice({ ctx, href }: { ctx: PageContext; href: string }) {
  return (
    <div data-webauthn-noscript>
      <Alert kind="warning">
        {ctx.t('idp.webauthn.noScript')} <a href={href}>{ctx.t('idp.webauthn.chooseAnother')}</a>
      </Alert>
    </div>
  );
}

export interface WebauthnSetupProps {
  base: string;
  options: PublicKeyCredentialCreationOptionsJSON;
  sealed: string;
  label?: string | undefined;
  error?: string | undefined;
  /** "Remember this browser", inside the request of an agency that accepts AAL1. */
  remember?: RememberOffer | undefined;
}

export function WebauthnSetupPage(ctx: PageContext, props: WebauthnSetupProps) {
  const { t } = ctx;
  const other = `${props.base}/mfa-setup`;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.webauthn.setup.title')} scripts={SCRIPTS}>
      <h1>{t('idp.webauthn.setup.title')}</h1>
      <p class="usa-intro">{t('idp.webauthn.setup.lead')}</p>
      <p>{t('idp.webauthn.setup.howTo')}</p>
      <NoScriptNotice ctx={ctx} href={other} />
      <ErrorRegion error={props.error} />
      <form
        method="post"
        action={`${props.base}/mfa-setup/webauthn`}
        class="usa-form usa-form--large"
        data-webauthn="register"
        data-options={JSON.stringify(props.options)}
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="sealed" value={props.sealed} />
        <input type="hidden" name="response" value="" data-webauthn-response />
        <TextField
          name="label"
          label={t('idp.mfa.nickname')}
          hint={t('idp.webauthn.setup.nicknameHint')}
          value={props.label ?? t('idp.mfa.kind.webauthn')}
          maxLength={40}
          autocomplete="off"
        />
        <RememberDeviceField ctx={ctx} offer={props.remember} />
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.webauthn.setup.submit')}
        </button>
      </form>
      <p>
        <a href={other}>{t('idp.webauthn.chooseAnother')}</a>
      </p>
    </IdentityLayout>
  );
}

export interface WebauthnAuthenticateProps {
  base: string;
  options: PublicKeyCredentialRequestOptionsJSON;
  sealed: string;
  /** Nicknames of the account's passkeys and security keys. */
  keys: string[];
  error?: string | undefined;
  /** "Remember this browser", inside the request of an agency that accepts AAL1. */
  remember?: RememberOffer | undefined;
}

export function WebauthnAuthenticatePage(ctx: PageContext, props: WebauthnAuthenticateProps) {
  const { t } = ctx;
  const other = `${props.base}/mfa`;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.webauthn.auth.title')} scripts={SCRIPTS}>
      <h1>{t('idp.webauthn.auth.title')}</h1>
      <p class="usa-intro">{t('idp.webauthn.auth.lead')}</p>
      <p>{t('idp.webauthn.auth.yourKeys')}</p>
      <ul class="usa-list" data-webauthn-keys>
        {props.keys.map((label, index) => (
          <li key={index}>{label}</li>
        ))}
      </ul>
      <NoScriptNotice ctx={ctx} href={other} />
      <ErrorRegion error={props.error} />
      <form
        method="post"
        action={`${props.base}/webauthn/authenticate`}
        class="usa-form usa-form--large"
        data-webauthn="authenticate"
        data-options={JSON.stringify(props.options)}
        novalidate
      >
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="sealed" value={props.sealed} />
        <input type="hidden" name="response" value="" data-webauthn-response />
        <RememberDeviceField ctx={ctx} offer={props.remember} />
        <button class="usa-button usa-button--big" type="submit">
          {t('idp.webauthn.auth.submit')}
        </button>
      </form>
      <p>
        <a href={other}>{t('idp.webauthn.chooseAnother')}</a>
      </p>
    </IdentityLayout>
  );
}

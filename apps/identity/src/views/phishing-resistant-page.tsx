// An agency asked for a phishing-resistant sign-in (a passkey or security key) and this sign-in
// used another method: sign in again with the key, add one, or go back to the agency.
import type { PageContext } from '#platform/ui/page-context.ts';
import { CsrfField } from '#platform/ui/components.tsx';
import { IdentityLayout } from './identity-layout.tsx';

export interface PhishingResistantPageProps {
  uid: string;
  agencyName: string;
  /** The account already has a passkey or security key. */
  hasKey: boolean;
}

export function PhishingResistantPage(ctx: PageContext, props: PhishingResistantPageProps) {
  const { t } = ctx;
  const agency = props.agencyName;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.phishingResistant.title', { agency })}>
      <h1>{t('idp.phishingResistant.title', { agency })}</h1>
      <p class="usa-intro">{t('idp.phishingResistant.lead', { agency })}</p>
      <p>{t(props.hasKey ? 'idp.phishingResistant.hasKey' : 'idp.phishingResistant.noKey')}</p>
      <div class="app-button-row">
        {props.hasKey ? (
          <form method="post" action={`/interaction/${props.uid}/sign-in-again`}>
            <CsrfField token={ctx.csrfToken} />
            <button class="usa-button" type="submit">
              {t('idp.phishingResistant.signInAgain')}
            </button>
          </form>
        ) : (
          <a class="usa-button" href="/mfa-setup/webauthn">
            {t('idp.phishingResistant.addKey')}
          </a>
        )}
        <form method="post" action={`/interaction/${props.uid}/abort`}>
          <CsrfField token={ctx.csrfToken} />
          <button class="usa-button usa-button--outline" type="submit">
            {t('idp.phishingResistant.back', { agency })}
          </button>
        </form>
      </div>
    </IdentityLayout>
  );
}

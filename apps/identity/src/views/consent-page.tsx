// The consent screen: exactly which attributes this agency will receive, how long the answer
// is remembered, and where to take it back.
import type { PageContext } from '#platform/ui/page-context.ts';
import { CsrfField } from '#platform/ui/components.tsx';
import { IdentityLayout } from './identity-layout.tsx';
import { AgencyAttributes } from './agency-attributes.tsx';

export interface ConsentPageProps {
  uid: string;
  agencyName: string;
  /** The scopes the agency asked for (unknown ones are not listed). */
  scopes: string[];
  /** Whether the identity is verified (IAL2); when not, verified-only attributes say so. */
  verified?: boolean;
}

export function ConsentPage(ctx: PageContext, props: ConsentPageProps) {
  const { t } = ctx;
  const agency = props.agencyName;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.consent.title', { agency })}>
      <h1>{t('idp.consent.title', { agency })}</h1>
      <p class="usa-intro">{t('idp.consent.lead', { agency })}</p>
      <AgencyAttributes ctx={ctx} scopes={props.scopes} verified={props.verified ?? false} />
      <p>{t('idp.consent.remembered', { agency })}</p>
      <p>{t('idp.consent.revokeWhere')}</p>
      <form method="post" action={`/interaction/${props.uid}/consent`} class="app-button-row">
        <CsrfField token={ctx.csrfToken} />
        <button class="usa-button" type="submit" name="decision" value="allow">
          {t('idp.consent.allow')}
        </button>
        <button class="usa-button usa-button--outline" type="submit" name="decision" value="deny">
          {t('idp.consent.deny')}
        </button>
      </form>
    </IdentityLayout>
  );
}

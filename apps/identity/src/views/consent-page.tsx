import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { CsrfField } from '#platform/ui/components.tsx';
import { IdentityLayout } from './identity-layout.tsx';

const SCOPE_LABELS: Record<string, MessageKey> = {
  openid: 'idp.consent.claim.openid',
  email: 'idp.consent.claim.email',
  profile: 'idp.consent.claim.profile',
};

export function ConsentPage(ctx: PageContext, props: { uid: string; agencyName: string; scopes: string[] }) {
  const { t } = ctx;
  const labels = props.scopes
    .map((scope) => SCOPE_LABELS[scope])
    .filter((key): key is MessageKey => key !== undefined);
  return (
    <IdentityLayout ctx={ctx} title={t('idp.consent.title', { agency: props.agencyName })}>
      <h1>{t('idp.consent.title', { agency: props.agencyName })}</h1>
      <p class="usa-intro">{t('idp.consent.lead', { agency: props.agencyName })}</p>
      <ul class="usa-list">
        {labels.map((key) => (
          <li key={key}>{t(key)}</li>
        ))}
      </ul>
      <p>{t('idp.consent.revokeLater')}</p>
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

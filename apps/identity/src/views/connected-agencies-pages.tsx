// "Connected agencies": the agencies a person agreed to share with, what each receives, when
// consent was given and ends, the last sign-in there, and a way to revoke it (after a
// confirmation page).
import type { PageContext } from '#platform/ui/page-context.ts';
import { Alert, CsrfField } from '#platform/ui/components.tsx';
import type { Consent } from '../db/consents-repo.ts';
import { IdentityLayout } from './identity-layout.tsx';
import { AgencyAttributes } from './agency-attributes.tsx';
import { accountDateFormat } from './account-dates.ts';

/** A consent with the agency's display name. */
export interface ConnectedAgency extends Consent {
  name: string;
}

export const CONNECTED_AGENCIES_PATH = '/account/connected-agencies';

export const revokePath = (clientId: string) =>
  `${CONNECTED_AGENCIES_PATH}/${encodeURIComponent(clientId)}/revoke`;

/** The list itself, under a heading of the caller's (agency names are one level below it). */
export function ConnectedAgencyList({
  ctx,
  agencies,
  headingLevel,
}: {
  ctx: PageContext;
  agencies: ConnectedAgency[];
  headingLevel: 2 | 3;
}) {
  const { t } = ctx;
  if (agencies.length === 0) return <p data-connected-agencies>{t('idp.agencies.none')}</p>;
  const when = accountDateFormat(ctx.locale);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <>
      <p>{t('idp.agencies.lead')}</p>
      <ul class="usa-list usa-list--unstyled" data-connected-agencies>
        {agencies.map((agency) => (
          <li key={agency.clientId} class="margin-bottom-4" data-client-id={agency.clientId}>
            <Heading>{agency.name}</Heading>
            <dl class="app-definitions">
              <dt>{t('idp.agencies.receives')}</dt>
              <dd>
                <AgencyAttributes ctx={ctx} scopes={agency.scopes} />
              </dd>
              <dt>{t('idp.agencies.grantedAt')}</dt>
              <dd data-granted-at>{when(agency.grantedAt)}</dd>
              <dt>{t('idp.agencies.expiresAt')}</dt>
              <dd data-expires-at>{when(agency.expiresAt)}</dd>
              <dt>{t('idp.agencies.lastSignIn')}</dt>
              <dd data-last-sign-in>
                {agency.lastSignInAt ? when(agency.lastSignInAt) : t('idp.agencies.never')}
              </dd>
            </dl>
            <a
              class="usa-button usa-button--secondary usa-button--small margin-top-2"
              href={revokePath(agency.clientId)}
              aria-label={`${t('idp.agencies.revoke')}: ${agency.name}`}
            >
              {t('idp.agencies.revoke')}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}

export function ConnectedAgenciesPage(
  ctx: PageContext,
  props: { agencies: ConnectedAgency[]; revokedAgency?: string | undefined },
) {
  const { t } = ctx;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.agencies.title')} signedIn>
      <h1>{t('idp.agencies.title')}</h1>
      {props.revokedAgency ? (
        <Alert kind="success">{t('idp.agencies.revoked', { agency: props.revokedAgency })}</Alert>
      ) : null}
      <ConnectedAgencyList ctx={ctx} agencies={props.agencies} headingLevel={2} />
      <p>
        <a href="/account">{t('idp.account.title')}</a>
      </p>
    </IdentityLayout>
  );
}

/** "Stop sharing with …?": the POST that revokes, and a way back. */
export function RevokeAgencyPage(ctx: PageContext, props: { agency: ConnectedAgency }) {
  const { t } = ctx;
  const { agency } = props;
  return (
    <IdentityLayout ctx={ctx} title={t('idp.agencies.confirm.title', { agency: agency.name })} signedIn>
      <h1>{t('idp.agencies.confirm.title', { agency: agency.name })}</h1>
      <p class="usa-intro">{t('idp.agencies.confirm.lead', { agency: agency.name })}</p>
      <AgencyAttributes ctx={ctx} scopes={agency.scopes} />
      <Alert kind="warning">{t('idp.agencies.confirm.askAgain')}</Alert>
      <form method="post" action={revokePath(agency.clientId)} class="app-button-row">
        <CsrfField token={ctx.csrfToken} />
        <button class="usa-button usa-button--secondary" type="submit">
          {t('idp.agencies.confirm.submit')}
        </button>
        <a class="usa-button usa-button--outline" href={CONNECTED_AGENCIES_PATH}>
          {t('idp.agencies.confirm.cancel')}
        </a>
      </form>
    </IdentityLayout>
  );
}

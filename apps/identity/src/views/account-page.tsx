// The account page: who you are here, how you sign in, what happened recently, which
// agencies you use, and the ways out (sign out, everywhere).
import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { Alert, CsrfField } from '#platform/ui/components.tsx';
import type { Account } from '../db/accounts-repo.ts';
import type { MfaMethod } from '../db/mfa-methods-repo.ts';
import type { AccountEmail } from '../db/account-emails-repo.ts';
import { TextField } from '#platform/ui/components.tsx';
import type { SecurityEvent } from '../db/security-events-repo.ts';
import { METHOD_TRAITS } from '../auth/mfa/method-traits.ts';
import { IdentityLayout } from './identity-layout.tsx';
import { PhishingTag } from './mfa-pages.tsx';
import { SecurityReminder } from './security-reminder.tsx';
import { accountDateFormat } from './account-dates.ts';
import { ConnectedAgencyList, type ConnectedAgency } from './connected-agencies-pages.tsx';

export interface AccountPageProps {
  account: Account;
  methods: MfaMethod[];
  events: SecurityEvent[];
  backupCodesLeft: number | undefined;
  notice?: MessageKey | undefined;
  emails: AccountEmail[];
  /** The agencies the person shares with (consents still valid). */
  agencies: ConnectedAgency[];
  /** Browsers remembered now ("Remember this browser", at agencies that accept it). */
  rememberedBrowsers: number;
  identity: IdentityStatus;
}

/** The verified identity as the account page shows it (never its details). */
export type IdentityStatus =
  | { state: 'verified'; facialMatch: boolean; verifiedAt: Date }
  | { state: 'locked' }
  | { state: 'in-progress' }
  | { state: 'not-verified' };

function IdentitySection({
  ctx,
  identity,
  when,
}: {
  ctx: PageContext;
  identity: IdentityStatus;
  when: (date: Date) => string;
}) {
  const { t } = ctx;
  const status =
    identity.state === 'verified'
      ? t(identity.facialMatch ? 'idv.account.verifiedFacial' : 'idv.account.verified', {
          date: when(identity.verifiedAt),
        })
      : identity.state === 'locked'
        ? t('idv.account.locked')
        : t('idv.account.notVerified');
  const action =
    identity.state === 'locked'
      ? { href: '/verify/reactivate', label: t('idv.account.unlock') }
      : identity.state === 'in-progress'
        ? { href: '/verify', label: t('idv.account.continue') }
        : identity.state === 'not-verified'
          ? { href: '/verify', label: t('idv.account.verifyNow') }
          : undefined;
  return (
    <>
      <h2>{t('idv.account.status')}</h2>
      <p data-identity-status={identity.state}>{status}</p>
      {action ? (
        <p>
          <a class="usa-button usa-button--outline" href={action.href}>
            {action.label}
          </a>
        </p>
      ) : null}
    </>
  );
}

export function AccountPage(ctx: PageContext, props: AccountPageProps) {
  const { t, locale } = ctx;
  // One formatter per page, not one per row.
  const when = accountDateFormat(locale);
  const phishingResistant = props.methods.some((m) => METHOD_TRAITS[m.kind].phishingResistant);
  return (
    <IdentityLayout ctx={ctx} title={t('idp.account.title')} signedIn>
      <h1>{t('idp.account.title')}</h1>
      {props.notice ? <Alert kind="info">{t(props.notice)}</Alert> : null}
      {props.methods.length === 1 ? (
        <Alert kind="warning" heading={t('idp.account.oneMethodTitle')}>
          {t('idp.account.oneMethodBody')} <a href="/mfa-setup">{t('idp.mfa.reminder.add')}</a>
        </Alert>
      ) : null}

      <h2>{t('idp.account.profile')}</h2>
      <dl class="app-definitions">
        <dt>{t('idp.account.name')}</dt>
        <dd>{`${props.account.givenName} ${props.account.familyName}`}</dd>
        <dt>{t('idp.signIn.email')}</dt>
        <dd>{props.account.email}</dd>
      </dl>
      <IdentitySection ctx={ctx} identity={props.identity} when={when} />

      <h2>{t('idp.account.emails')}</h2>
      <ul class="usa-list usa-list--unstyled" data-emails>
        <li>
          {props.account.email} <span class="usa-tag">{t('idp.account.emailPrimary')}</span>
        </li>
        {props.emails.map((address) => (
          <li key={address.id} class="app-rename">
            <span>{address.email}</span>{' '}
            <span class="usa-tag bg-base-dark">
              {address.confirmedAt ? t('idp.account.emailConfirmed') : t('idp.account.emailPending')}
            </span>
            <form method="post" action={`/account/emails/${address.id}/remove`} class="app-inline-form">
              <CsrfField token={ctx.csrfToken} />
              <button
                class="usa-button usa-button--unstyled"
                type="submit"
                aria-label={`${t('idp.account.remove')}: ${address.email}`}
              >
                {t('idp.account.remove')}
              </button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action="/account/emails" class="usa-form">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          name="email"
          type="email"
          label={t('idp.account.emailAdd')}
          autocomplete="email"
          required
          maxLength={254}
        />
        <button class="usa-button usa-button--outline" type="submit">
          {t('idp.account.emailAddButton')}
        </button>
      </form>

      <h2>{t('idp.account.methods')}</h2>
      {!phishingResistant ? <p>{t('idp.account.phishingHint')}</p> : null}
      <table class="usa-table usa-table--borderless usa-table--stacked" data-methods>
        <caption class="usa-sr-only">{t('idp.account.methods')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('idp.mfa.nickname')}</th>
            <th scope="col">{t('idp.account.kind')}</th>
            <th scope="col">{t('idp.account.lastUsed')}</th>
            <th scope="col">{t('idp.account.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {props.methods.map((method) => (
            <tr key={method.id} data-method-kind={method.kind}>
              <th scope="row" data-label={t('idp.mfa.nickname')}>
                {method.label}
              </th>
              <td data-label={t('idp.account.kind')}>
                {t(METHOD_TRAITS[method.kind].nameKey)} <PhishingTag ctx={ctx} kind={method.kind} />
                {method.kind === 'backup_codes' && props.backupCodesLeft !== undefined ? (
                  <div>{t('idp.account.codesLeft', { count: props.backupCodesLeft })}</div>
                ) : null}
              </td>
              <td data-label={t('idp.account.lastUsed')}>
                {method.lastUsedAt ? when(method.lastUsedAt) : t('idp.account.never')}
              </td>
              <td data-label={t('idp.account.actions')}>
                <form
                  method="post"
                  action={`/account/methods/${method.id}/rename`}
                  class="app-inline-form app-rename"
                >
                  <CsrfField token={ctx.csrfToken} />
                  <label class="usa-label margin-top-0" for={`rename-${method.id}`}>
                    {t('idp.account.newName')}
                  </label>
                  <input
                    class="usa-input usa-input--small"
                    id={`rename-${method.id}`}
                    name="label"
                    maxLength={40}
                    required
                    value={method.label}
                  />
                  <button class="usa-button usa-button--outline usa-button--small" type="submit">
                    {t('idp.account.rename')}
                  </button>
                </form>
                {props.methods.length > 1 ? (
                  <form method="post" action={`/account/methods/${method.id}/remove`} class="app-inline-form">
                    <CsrfField token={ctx.csrfToken} />
                    <button
                      class="usa-button usa-button--secondary usa-button--small"
                      type="submit"
                      aria-label={`${t('idp.account.remove')}: ${method.label}`}
                    >
                      {t('idp.account.remove')}
                    </button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a class="usa-button usa-button--outline" href="/mfa-setup">
          {t('idp.mfa.reminder.add')}
        </a>
      </p>

      <h2 id="remembered-browsers">{t('idp.remember.title')}</h2>
      <p data-remembered-browsers={props.rememberedBrowsers}>
        {props.rememberedBrowsers === 0
          ? t('idp.remember.none')
          : t(props.rememberedBrowsers === 1 ? 'idp.remember.countOne' : 'idp.remember.countMany', {
              count: props.rememberedBrowsers,
            })}
      </p>
      <p>{t('idp.remember.explain')}</p>
      {props.rememberedBrowsers > 0 ? (
        <form method="post" action="/account/remembered-browsers/forget">
          <CsrfField token={ctx.csrfToken} />
          <button class="usa-button usa-button--outline" type="submit">
            {t('idp.remember.forgetAll')}
          </button>
        </form>
      ) : null}

      <h2 id="connected-agencies">{t('idp.account.agencies')}</h2>
      <ConnectedAgencyList ctx={ctx} agencies={props.agencies} headingLevel={3} />

      <h2>{t('idp.account.history')}</h2>
      <ul class="usa-list" data-security-events>
        {props.events.map((event) => (
          <li key={event.id}>
            {t(`idp.event.${event.kind}` as MessageKey)} — {when(event.occurredAt)}
            {event.deviceLabel ? ` — ${event.deviceLabel}` : ''}
          </li>
        ))}
      </ul>

      <h2>{t('idp.account.signOutTitle')}</h2>
      <div class="app-button-row">
        <form method="post" action="/sign-out">
          <CsrfField token={ctx.csrfToken} />
          <button class="usa-button usa-button--outline" type="submit">
            {t('idp.account.signOut')}
          </button>
        </form>
        <form method="post" action="/sign-out-everywhere">
          <CsrfField token={ctx.csrfToken} />
          <button class="usa-button usa-button--secondary" type="submit">
            {t('idp.account.signOutEverywhere')}
          </button>
        </form>
      </div>
      <h2>{t('idp.recovery.delete.title')}</h2>
      <p>
        <a href="/account/delete">{t('idp.recovery.delete.title')}</a>
      </p>
      <SecurityReminder ctx={ctx} />
    </IdentityLayout>
  );
}

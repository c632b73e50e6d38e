// What an agency receives, one label per scope: the same words on the consent screen and
// under "Connected agencies" on the account page.
import type { PageContext } from '#platform/ui/page-context.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { consentAttributes, VERIFIED_ONLY_SCOPES, type Scope } from '../federation/scopes.ts';

export const ATTRIBUTE_LABELS: Record<Scope, MessageKey> = {
  openid: 'idp.agencies.attribute.openid',
  email: 'idp.agencies.attribute.email',
  'profile:name': 'idp.agencies.attribute.profileName',
  'profile:birthdate': 'idp.agencies.attribute.profileBirthdate',
  profile: 'idp.agencies.attribute.profile',
  address: 'idp.agencies.attribute.address',
  phone: 'idp.agencies.attribute.phone',
  social_security_number: 'idp.agencies.attribute.socialSecurityNumber',
};

/**
 * The attributes released for `scopes` (unknown scopes are left out), in a stable order. With
 * `verified: false`, those that only exist once the identity is verified say so.
 */
export function AgencyAttributes({
  ctx,
  scopes,
  verified = true,
}: {
  ctx: PageContext;
  scopes: readonly string[];
  verified?: boolean;
}) {
  return (
    <ul class="usa-list" data-attributes>
      {consentAttributes(scopes).map((scope) => (
        <li key={scope} data-scope={scope}>
          {ctx.t(ATTRIBUTE_LABELS[scope])}
          {!verified && VERIFIED_ONLY_SCOPES.has(scope) ? (
            <>
              {' '}
              <span data-verified-only>{ctx.t('idp.agencies.onceVerified')}</span>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

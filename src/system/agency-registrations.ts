// The agencies registered at start-up: the same registration a `cli agency add --file` takes,
// built from each app's settings. The identity provider checks them like any file.
import type { AgencyRegistrationInput } from '../../apps/identity/src/federation/agency-registration.ts';
import type { SystemConfig } from './system-config.ts';
import { TAX_ACCOUNT_SCOPES } from '../../apps/account/src/oidc/requested-levels.ts';

export function taxAccountRegistration(config: SystemConfig): AgencyRegistrationInput {
  const { baseUrl, oidc } = config.account;
  return {
    client_id: oidc.clientId,
    name: 'Tax Agency Online Account',
    redirect_uris: [`${baseUrl}/auth/callback`],
    post_logout_redirect_uris: [`${baseUrl}/signed-out`],
    token_endpoint_auth_method: 'client_secret_basic',
    client_secret: oidc.clientSecret,
    scopes: [...TAX_ACCOUNT_SCOPES],
    ial: 2,
    aal: 2,
    failure_url: `${baseUrl}/identity-not-verified`,
  };
}

/** Every agency the one-process system registers. */
export function systemAgencyRegistrations(config: SystemConfig): AgencyRegistrationInput[] {
  return [taxAccountRegistration(config)];
}

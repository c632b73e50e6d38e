// The agencies registered at start-up: the same registration a `cli agency add --file` takes,
// built from each app's settings. The identity provider checks them like any file.
import type { AgencyRegistrationInput } from '../../apps/identity/src/federation/agency-registration.ts';
import type { SystemConfig } from './system-config.ts';
import { TAX_ACCOUNT_SCOPES } from '../../apps/account/src/oidc/requested-levels.ts';
import { BENEFITS_SCOPES } from '../../apps/benefits/src/oidc/requested-levels.ts';
import type { PublicClientJwk } from '../../apps/benefits/src/oidc/client-key.ts';

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
    security_event_endpoint: `${baseUrl}/security-events`,
  };
}

/** The State Benefits Agency (demo): email only, AAL2, no verified identity; private_key_jwt. */
export function benefitsRegistration(
  config: SystemConfig,
  publicJwk: PublicClientJwk,
): AgencyRegistrationInput {
  const { baseUrl, oidc } = config.benefits;
  return {
    client_id: oidc.clientId,
    name: 'State Benefits Agency (demo)',
    redirect_uris: [`${baseUrl}/auth/callback`],
    post_logout_redirect_uris: [`${baseUrl}/signed-out`],
    token_endpoint_auth_method: 'private_key_jwt',
    jwks: { keys: [publicJwk] },
    scopes: [...BENEFITS_SCOPES],
    ial: 1,
    aal: 2,
    failure_url: `${baseUrl}/failed`,
  };
}

/**
 * Every agency the one-process system registers. The benefits agency's public key comes from
 * its key file (`loadOrCreateClientKey(config.benefits.clientKeyFile).publicJwk`).
 */
export function systemAgencyRegistrations(
  config: SystemConfig,
  benefitsPublicJwk: PublicClientJwk,
): AgencyRegistrationInput[] {
  return [taxAccountRegistration(config), benefitsRegistration(config, benefitsPublicJwk)];
}

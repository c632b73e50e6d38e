// Maps an agency registration to OIDC client metadata: authorization code flow only, pairwise
// subjects, refresh tokens only for agencies registered for them.
import type { AgencyRegistration } from '../federation/agency-registration.ts';
import { AUTHENTICATION_ACR, IDENTITY_ACR } from '../federation/assurance-levels.ts';

export function agencyToClientMetadata(agency: AgencyRegistration): Record<string, unknown> {
  const scopes = agency.refresh_tokens ? [...agency.scopes, 'offline_access'] : agency.scopes;
  return {
    client_id: agency.client_id,
    client_name: agency.name,
    ...(agency.client_secret ? { client_secret: agency.client_secret } : {}),
    ...(agency.jwks ? { jwks: agency.jwks } : {}),
    redirect_uris: agency.redirect_uris,
    post_logout_redirect_uris: agency.post_logout_redirect_uris,
    token_endpoint_auth_method: agency.token_endpoint_auth_method,
    grant_types: agency.refresh_tokens ? ['authorization_code', 'refresh_token'] : ['authorization_code'],
    response_types: ['code'],
    subject_type: 'pairwise',
    // Without acr_values, the agency's registered levels (so every ID token carries an acr).
    default_acr_values: [
      IDENTITY_ACR[agency.ial === 2 ? 'verified' : 'auth-only'],
      AUTHENTICATION_ACR[
        agency.aal === 1 ? 'aal1' : agency.phishing_resistant ? 'aal2-phishing-resistant' : 'aal2'
      ],
    ],
    scope: scopes.join(' '),
  };
}

// Maps an agency registration to OIDC client metadata: authorization code flow only.
import type { AgencyRegistration } from '../db/agencies-repo.ts';

export function agencyToClientMetadata(agency: AgencyRegistration): Record<string, unknown> {
  return {
    client_id: agency.client_id,
    client_name: agency.name,
    ...(agency.client_secret ? { client_secret: agency.client_secret } : {}),
    redirect_uris: agency.redirect_uris,
    post_logout_redirect_uris: agency.post_logout_redirect_uris,
    token_endpoint_auth_method: agency.token_endpoint_auth_method,
    grant_types: ['authorization_code'],
    response_types: ['code'],
    scope: agency.scopes.join(' '),
  };
}

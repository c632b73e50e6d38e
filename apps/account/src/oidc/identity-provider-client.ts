// The tax account's OpenID Connect client: the shared relying party (code flow, PKCE S256,
// state and nonce, lazy discovery) with client_secret_basic at the token endpoint; it refuses
// an ID token below a verified identity and reads the claims the account keeps.
import * as oidc from 'openid-client';
import { createRelyingParty, type AuthorizationStart } from '#platform/oidc/relying-party.ts';
import type { IdentityClaims } from '../db/sessions-repo.ts';
import { readVerifiedIdentity, type VerifiedIdentity } from '../domain/records/link-taxpayer.ts';

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scope: string;
  /** The identity and authentication levels asked for (space-separated acr values). */
  acrValues: string;
  /** ID tokens whose `acr` is not one of these are refused (LevelNotMetError). */
  acceptedAcrs: readonly string[];
}

/** The identity provider signed the person in below the identity level this site needs. */
export class LevelNotMetError extends Error {
  constructor(readonly acr: string | undefined) {
    super(`The ID token's acr (${acr ?? 'none'}) is not a level this site accepts`);
  }
}

export type { AuthorizationStart };

export interface SignInResult {
  claims: IdentityClaims;
  /** The verified identity released (SSN or ITIN, name, birthdate, address), when complete. */
  verified: VerifiedIdentity | undefined;
  idToken: string;
}

export interface IdentityProviderClient {
  startAuthorization(): Promise<AuthorizationStart>;
  finishAuthorization(
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<SignInResult>;
  endSessionUrl(idToken: string): Promise<string>;
}

export function createIdentityProviderClient(settings: OidcClientSettings): IdentityProviderClient {
  const rp = createRelyingParty({ ...settings, clientAuth: oidc.ClientSecretBasic(settings.clientSecret) });
  return {
    startAuthorization: () => rp.startAuthorization(),
    async finishAuthorization(callbackUrl, expected) {
      const { idClaims, idToken, accessToken } = await rp.codeGrant(callbackUrl, expected);
      const acr = typeof idClaims.acr === 'string' ? idClaims.acr : undefined;
      if (!acr || !settings.acceptedAcrs.includes(acr)) throw new LevelNotMetError(acr);
      const userInfo = await rp.userInfo(accessToken, idClaims.sub);
      const claims: IdentityClaims = { sub: idClaims.sub };
      for (const key of ['email', 'given_name', 'family_name', 'name'] as const) {
        const value = userInfo[key];
        if (typeof value === 'string') claims[key] = value;
      }
      const verified = readVerifiedIdentity({ ial: acr, aal: idClaims.aal, ...userInfo });
      return { claims, verified, idToken };
    },
    endSessionUrl: (idToken) => rp.endSessionUrl(idToken),
  };
}

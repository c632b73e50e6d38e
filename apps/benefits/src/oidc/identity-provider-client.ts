// The benefits agency's OpenID Connect client: the shared relying party (code flow, PKCE S256,
// state and nonce, lazy discovery) with private_key_jwt (ES256) at the token endpoint.
import * as oidc from 'openid-client';
import { createRelyingParty, type AuthorizationStart } from '#platform/oidc/relying-party.ts';
import type { PrivateClientJwk } from './client-key.ts';

export interface BenefitsOidcSettings {
  issuer: string;
  clientId: string;
  clientKey: PrivateClientJwk;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scope: string;
  acrValues: string;
}

export type { AuthorizationStart };

/** What the agency received about the person: shown to them after sign-in. */
export interface ReceivedClaims {
  sub: string;
  email?: string | undefined;
  ial?: string | undefined;
  aal?: string | undefined;
  acr?: string | undefined;
}

export interface SignInResult {
  claims: ReceivedClaims;
  idToken: string;
}

export interface BenefitsIdentityProviderClient {
  startAuthorization(): Promise<AuthorizationStart>;
  finishAuthorization(
    callbackUrl: URL,
    expected: { state: string; nonce: string; codeVerifier: string },
  ): Promise<SignInResult>;
  endSessionUrl(idToken: string): Promise<string>;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

export async function createBenefitsIdentityProviderClient(
  settings: BenefitsOidcSettings,
): Promise<BenefitsIdentityProviderClient> {
  const { kid, ...jwk } = settings.clientKey;
  const signingKey = await crypto.subtle.importKey(
    'jwk',
    jwk,
    { name: 'ECDSA', namedCurve: 'P-256' },
    false,
    ['sign'],
  );
  const rp = createRelyingParty({ ...settings, clientAuth: oidc.PrivateKeyJwt({ key: signingKey, kid }) });
  return {
    startAuthorization: () => rp.startAuthorization(),
    async finishAuthorization(callbackUrl, expected) {
      const { idClaims, idToken, accessToken } = await rp.codeGrant(callbackUrl, expected);
      const userInfo = await rp.userInfo(accessToken, idClaims.sub);
      const pick = (name: string) => text(userInfo[name]) ?? text(idClaims[name]);
      return {
        claims: {
          sub: idClaims.sub,
          email: pick('email'),
          ial: pick('ial'),
          aal: pick('aal'),
          acr: text(idClaims.acr),
        },
        idToken,
      };
    },
    endSessionUrl: (idToken) => rp.endSessionUrl(idToken),
  };
}

// The benefits agency's OpenID Connect client (openid-client): authorization code flow with
// PKCE S256, state and nonce, and private_key_jwt (ES256) at the token endpoint. Discovery is
// lazy and retried, so the agency starts even while the identity provider is down.
import * as oidc from 'openid-client';
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

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

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
  const clientAuth = oidc.PrivateKeyJwt({ key: signingKey, kid });
  let configuration: Promise<oidc.Configuration> | undefined;
  const insecure = settings.issuer.startsWith('http://');
  const config = () => {
    configuration ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, undefined, clientAuth, {
        execute: insecure ? [oidc.allowInsecureRequests] : [],
        timeout: 10,
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };
  return {
    async startAuthorization() {
      const cfg = await config();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      const url = oidc.buildAuthorizationUrl(cfg, {
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        acr_values: settings.acrValues,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state, nonce, codeVerifier };
    },
    async finishAuthorization(callbackUrl, expected) {
      const cfg = await config();
      const tokens = await oidc.authorizationCodeGrant(cfg, callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new Error('No ID token in the token response');
      const userInfo = await oidc.fetchUserInfo(cfg, tokens.access_token, idClaims.sub);
      const pick = (name: string) => text(userInfo[name]) ?? text(idClaims[name]);
      return {
        claims: {
          sub: idClaims.sub,
          email: pick('email'),
          ial: pick('ial'),
          aal: pick('aal'),
          acr: text(idClaims.acr),
        },
        idToken: tokens.id_token,
      };
    },
    async endSessionUrl(idToken) {
      const cfg = await config();
      return oidc.buildEndSessionUrl(cfg, {
        id_token_hint: idToken,
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
      }).href;
    },
  };
}

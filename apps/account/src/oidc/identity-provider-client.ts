// The tax account's OpenID Connect client (openid-client): authorization code flow with
// PKCE S256, state and nonce; client_secret_basic at the token endpoint. Discovery is
// lazy and retried, so the account starts even while the identity provider is down.
import * as oidc from 'openid-client';
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

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

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
  let configuration: Promise<oidc.Configuration> | undefined;
  const insecure = settings.issuer.startsWith('http://');
  const config = () => {
    configuration ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        undefined,
        oidc.ClientSecretBasic(settings.clientSecret),
        {
          execute: insecure ? [oidc.allowInsecureRequests] : [],
          timeout: 10,
        },
      )
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
      const acr = typeof idClaims.acr === 'string' ? idClaims.acr : undefined;
      if (!acr || !settings.acceptedAcrs.includes(acr)) throw new LevelNotMetError(acr);
      const userInfo = await oidc.fetchUserInfo(cfg, tokens.access_token, idClaims.sub);
      const claims: IdentityClaims = { sub: idClaims.sub };
      for (const key of ['email', 'given_name', 'family_name', 'name'] as const) {
        const value = userInfo[key];
        if (typeof value === 'string') claims[key] = value;
      }
      const verified = readVerifiedIdentity({ ial: acr, aal: idClaims.aal, ...userInfo });
      return { claims, verified, idToken: tokens.id_token };
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

// What every relying party here shares (openid-client): lazy, retried discovery (an app
// starts even while the identity provider is down), the authorization code flow with PKCE
// S256, state and nonce, the code grant with those checks, userinfo and RP-initiated logout.
// Each app adds its own client authentication and reads the claims it needs.
import * as oidc from 'openid-client';

export interface RelyingPartySettings {
  issuer: string;
  clientId: string;
  /** How the app authenticates at the token endpoint (client secret, private key JWT…). */
  clientAuth: oidc.ClientAuth;
  redirectUri: string;
  postLogoutRedirectUri: string;
  scope: string;
  /** The identity and authentication levels asked for (space-separated acr values). */
  acrValues: string;
}

export interface AuthorizationStart {
  url: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface ExpectedCallback {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export interface CodeGrantResult {
  idClaims: oidc.IDToken;
  idToken: string;
  accessToken: string;
}

export interface RelyingParty {
  startAuthorization(): Promise<AuthorizationStart>;
  /** Redeems the code, checking state, nonce and the PKCE verifier; an ID token is required. */
  codeGrant(callbackUrl: URL, expected: ExpectedCallback): Promise<CodeGrantResult>;
  userInfo(accessToken: string, sub: string): Promise<oidc.UserInfoResponse>;
  endSessionUrl(idToken: string): Promise<string>;
}

export function createRelyingParty(settings: RelyingPartySettings): RelyingParty {
  let configuration: Promise<oidc.Configuration> | undefined;
  const insecure = settings.issuer.startsWith('http://');
  const config = () => {
    configuration ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, undefined, settings.clientAuth, {
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
    async codeGrant(callbackUrl, expected) {
      const tokens = await oidc.authorizationCodeGrant(await config(), callbackUrl, {
        pkceCodeVerifier: expected.codeVerifier,
        expectedState: expected.state,
        expectedNonce: expected.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims || !tokens.id_token) throw new Error('No ID token in the token response');
      return { idClaims, idToken: tokens.id_token, accessToken: tokens.access_token };
    },
    async userInfo(accessToken, sub) {
      return oidc.fetchUserInfo(await config(), accessToken, sub);
    },
    async endSessionUrl(idToken) {
      return oidc.buildEndSessionUrl(await config(), {
        id_token_hint: idToken,
        post_logout_redirect_uri: settings.postLogoutRedirectUri,
      }).href;
    },
  };
}

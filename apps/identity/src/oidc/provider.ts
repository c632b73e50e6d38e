// oidc-provider configured for this identity provider: our storage, our keys, our pages;
// authorization code flow only, PKCE S256 (required for public clients), state and nonce
// required, codes valid 5 minutes and single use, pairwise subjects, refresh tokens only for
// agencies registered for them, and the identity/authentication levels as acr_values.
import { registeredLevels, type AgencyRegistration } from '../federation/agency-registration.ts';
import Provider, {
  errors,
  interactionPolicy as policies,
  type Configuration,
  type KoaContextWithOIDC,
} from 'oidc-provider';
import type { JWK } from 'jose';
import type { AccountsRepo } from '../db/accounts-repo.ts';
import type { AgenciesRepo } from '../db/agencies-repo.ts';
import type { OidcStore } from '../db/oidc-store.ts';
import type { ConsentsRepo } from '../db/consents-repo.ts';
import { createAdapterFactory } from './oidc-adapter.ts';
import { TOKEN_TTL } from './token-ttl.ts';
import { accountClaims, SCOPE_CLAIMS } from './claims.ts';
import type { ClaimReleasesRepo } from '../db/claim-releases-repo.ts';
import {
  ACR_VALUES_SUPPORTED,
  authenticationLevelOf,
  identityLevelOf,
  levelsShortfall,
  readRequestedLevels,
} from '../federation/assurance-levels.ts';
import { SUPPORTED_SCOPES } from '../federation/scopes.ts';
import type { PairwiseSubject } from '../federation/pairwise-subject.ts';
import type { OidcPageRenderer } from '../views/oidc-pages.tsx';

export interface ProviderDeps {
  issuer: string;
  signingKeys: JWK[];
  cookieKeys: string[];
  secureCookies: boolean;
  trustProxy: boolean;
  store: OidcStore;
  agencies: AgenciesRepo;
  accounts: AccountsRepo;
  consents: ConsentsRepo;
  releases: ClaimReleasesRepo;
  pairwiseSubject: PairwiseSubject;
  isLocked: (accountId: string) => Promise<boolean>;
  pages: OidcPageRenderer;
  ttl: { sessionSeconds: number; interactionSeconds: number };
}

export const OIDC_ROUTE_PREFIX = '/oidc';

/** `state` and `nonce` must be present and carry enough randomness (Login.gov: 22+ characters). */
export const MIN_STATE_NONCE_LENGTH = 22;

export { TOKEN_TTL };

function requireRandomValue(name: 'state' | 'nonce') {
  return async (_ctx: KoaContextWithOIDC, value: string | undefined) => {
    if (!value) throw new errors.InvalidRequest(`${name} is required`);
    if (value.length < MIN_STATE_NONCE_LENGTH)
      throw new errors.InvalidRequest(`${name} must be at least ${MIN_STATE_NONCE_LENGTH} characters`);
  };
}

/**
 * The registration of the agency a request is for, read once per request: the acr_values
 * check, the login policy and the claims all need it.
 */
function requestAgency(agencies: AgenciesRepo, ctx: KoaContextWithOIDC, clientId: string) {
  const state = ctx.state as {
    agency?: { clientId: string; found: Promise<AgencyRegistration | undefined> };
  };
  if (state.agency?.clientId !== clientId) state.agency = { clientId, found: agencies.find(clientId) };
  return state.agency.found;
}

/**
 * oidc-provider's default prompts, plus one login check: a browser session signed in at a lower
 * level than this agency asks for (e.g. at an auth-only agency, now at the tax account; or with a
 * password alone on a remembered browser, now at an AAL2 agency) is not single sign-on — the login
 * interaction runs, and decides (auth-context `agencyResult`).
 */
function interactionPolicy(deps: Pick<ProviderDeps, 'agencies'>) {
  const policy = policies.base();
  policy.get('login')!.checks.add(
    new policies.Check(
      'level_not_met',
      'the session is below the level this agency asks for',
      async (ctx) => {
        const { client, params, session } = ctx.oidc;
        const agency = client && (await requestAgency(deps.agencies, ctx, client.clientId));
        if (!agency || !session?.accountId) return policies.Check.NO_NEED_TO_PROMPT;
        const requested = readRequestedLevels(
          params?.acr_values as string | undefined,
          registeredLevels(agency),
        );
        if (!requested.ok) return policies.Check.NO_NEED_TO_PROMPT; // refused earlier, with the reason
        const reached = {
          identity: identityLevelOf(session.acr),
          // A password alone (amr ['pwd']) is AAL1: below every AAL2 agency.
          authentication: authenticationLevelOf(session.amr),
        };
        // Below the level, or at a different identity level (a verified session must not hand
        // an auth-only agency a verified acr): the interaction decides what to grant.
        return levelsShortfall(requested.levels, reached) || reached.identity !== requested.levels.identity
          ? policies.Check.REQUEST_PROMPT
          : policies.Check.NO_NEED_TO_PROMPT;
      },
    ),
  );
  return policy;
}

type Entities = KoaContextWithOIDC['oidc']['entities'];
/** The acr and amr of the sign-in behind the token being served (code, refresh or access token). */
function signInOf(entities: Entities): { acr?: string; amr?: string[] } {
  const source = entities.AuthorizationCode ?? entities.RefreshToken;
  if (source) return { acr: source.acr, amr: source.amr };
  const extra = entities.AccessToken?.extra as { acr?: string; amr?: string[] } | undefined;
  return { acr: extra?.acr, amr: extra?.amr };
}

export function createOidcProvider(deps: ProviderDeps): Provider {
  const configuration: Configuration = {
    adapter: createAdapterFactory(deps.store, deps.agencies),
    jwks: {
      keys: deps.signingKeys as Configuration['jwks'] extends { keys: infer K } | undefined ? K : never,
    },
    cookies: {
      keys: deps.cookieKeys,
      names: { session: 'idp_session', interaction: 'idp_interaction', resume: 'idp_resume' },
      long: { signed: true, secure: deps.secureCookies, sameSite: 'lax' },
      short: { signed: true, secure: deps.secureCookies, sameSite: 'lax' },
    },
    async findAccount(ctx, sub) {
      const account = await deps.accounts.findById(sub);
      // A locked account ("this wasn't me") signs in nowhere until its password is reset.
      if (!account || (await deps.isLocked(account.id))) return undefined;
      return {
        accountId: account.id,
        claims: async () => {
          const { acr, amr } = signInOf(ctx.oidc.entities);
          const agency =
            ctx.oidc.client && (await requestAgency(deps.agencies, ctx, ctx.oidc.client.clientId));
          // Verified attributes only ever go to agencies registered for a verified identity.
          // They are read from the release made when the person signed in to this agency with
          // an unlocked profile (the details are sealed for their owner; ADR 0014).
          const profile =
            agency?.ial === 2 && ctx.oidc.client
              ? await deps.releases.find(account.id, ctx.oidc.client.clientId, new Date())
              : undefined;
          return { ...accountClaims(account, profile, { identityAcr: acr, amr }), sub: account.id };
        },
      };
    },
    // The sign-in's levels travel with the access token, for userinfo.
    async extraTokenClaims(ctx, token) {
      if (token.kind !== 'AccessToken') return undefined;
      const { acr, amr } = signInOf(ctx.oidc.entities);
      return { acr, amr };
    },
    claims: Object.fromEntries(Object.entries(SCOPE_CLAIMS).map(([scope, claims]) => [scope, [...claims]])),
    scopes: [...SUPPORTED_SCOPES, 'offline_access'],
    acrValues: [...ACR_VALUES_SUPPORTED],
    subjectTypes: ['pairwise'],
    pairwiseIdentifier: async (_ctx, accountId, client) => deps.pairwiseSubject(client.clientId, accountId),
    clientAuthMethods: ['none', 'client_secret_basic', 'private_key_jwt'],
    enabledJWA: {
      clientAuthSigningAlgValues: ['ES256', 'PS256', 'RS256', 'EdDSA'],
      idTokenSigningAlgValues: ['RS256', 'ES256'],
    },
    extraParams: {
      state: requireRandomValue('state'),
      nonce: requireRandomValue('nonce'),
      async acr_values(ctx, value, client) {
        const agency = client && (await requestAgency(deps.agencies, ctx, client.clientId));
        if (!agency) return;
        const levels = readRequestedLevels(value, registeredLevels(agency));
        if (!levels.ok) throw new errors.InvalidRequest(levels.problem);
      },
    },
    issueRefreshToken: async (_ctx, client, code) =>
      client.grantTypeAllowed('refresh_token') && code.scopes.has('offline_access'),
    discovery: {
      ui_locales_supported: ['en', 'es'],
      claims_locales_supported: ['en'],
    },
    responseTypes: ['code'],
    pkce: { required: (_ctx, client) => client.tokenEndpointAuthMethod === 'none' },
    features: {
      devInteractions: { enabled: false },
      // Not offered: its endpoint would sit outside the /oidc mount, and no agency needs it.
      pushedAuthorizationRequests: { enabled: false },
      revocation: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          ctx.type = 'html';
          ctx.body = deps.pages.logout(ctx, form);
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          ctx.type = 'html';
          ctx.body = deps.pages.loggedOut(ctx);
        },
      },
    },
    // Consent is remembered per account and agency, not per browser session: a new
    // session gets a fresh grant for the scopes the person already agreed to.
    async loadExistingGrant(ctx) {
      const { client, session, result } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grantId =
        (result?.consent as { grantId?: string } | undefined)?.grantId ?? session.grantIdFor(client.clientId);
      const existing = grantId ? await ctx.oidc.provider.Grant.find(grantId) : undefined;
      if (existing) return existing;
      const scopes = await deps.consents.find(session.accountId, client.clientId, new Date());
      if (!scopes) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope(scopes.join(' '));
      await grant.save();
      return grant;
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
      policy: interactionPolicy(deps),
    },
    renderError: async (ctx, out, error) => {
      ctx.type = 'html';
      ctx.body = deps.pages.error(ctx, out as unknown as Record<string, unknown>, error);
    },
    ttl: {
      ...TOKEN_TTL,
      Interaction: deps.ttl.interactionSeconds,
      Session: deps.ttl.sessionSeconds,
      Grant: 365 * 24 * 3600,
    },
    clientBasedCORS: () => false,
    routes: {
      authorization: `${OIDC_ROUTE_PREFIX}/auth`,
      end_session: `${OIDC_ROUTE_PREFIX}/session/end`,
      jwks: `${OIDC_ROUTE_PREFIX}/jwks`,
      revocation: `${OIDC_ROUTE_PREFIX}/token/revocation`,
      token: `${OIDC_ROUTE_PREFIX}/token`,
      userinfo: `${OIDC_ROUTE_PREFIX}/me`,
      introspection: `${OIDC_ROUTE_PREFIX}/token/introspection`,
    },
  };
  const provider = new Provider(deps.issuer, configuration);
  provider.proxy = deps.trustProxy;
  return provider;
}

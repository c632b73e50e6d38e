// oidc-provider configured for this identity provider: our storage, our keys, our pages,
// authorization code flow with PKCE S256, short-lived codes, no development interactions.
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import type { JWK } from 'jose';
import type { AccountsRepo } from '../db/accounts-repo.ts';
import type { AgenciesRepo } from '../db/agencies-repo.ts';
import type { OidcStore } from '../db/oidc-store.ts';
import type { ConsentsRepo } from '../db/consents-repo.ts';
import { createAdapterFactory } from './oidc-adapter.ts';
import { accountClaims, SCOPE_CLAIMS } from './claims.ts';
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
  isLocked: (accountId: string) => Promise<boolean>;
  pages: OidcPageRenderer;
  ttl: { sessionSeconds: number; interactionSeconds: number };
}

export const OIDC_ROUTE_PREFIX = '/oidc';

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
    async findAccount(_ctx, sub) {
      const account = await deps.accounts.findById(sub);
      // A locked account ("this wasn't me") signs in nowhere until its password is reset.
      if (!account || (await deps.isLocked(account.id))) return undefined;
      return { accountId: account.id, claims: async () => ({ ...accountClaims(account), sub: account.id }) };
    },
    claims: Object.fromEntries(Object.entries(SCOPE_CLAIMS).map(([scope, claims]) => [scope, [...claims]])),
    scopes: ['openid', 'email', 'profile'],
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
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
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const scopes = await deps.consents.find(session.accountId, client.clientId, new Date());
      if (!scopes) return undefined;
      const grant = new ctx.oidc.provider.Grant({ accountId: session.accountId, clientId: client.clientId });
      grant.addOIDCScope(scopes.join(' '));
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError: async (ctx, out, error) => {
      ctx.type = 'html';
      ctx.body = deps.pages.error(ctx, out as unknown as Record<string, unknown>, error);
    },
    ttl: {
      AuthorizationCode: 300,
      AccessToken: 600,
      IdToken: 600,
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

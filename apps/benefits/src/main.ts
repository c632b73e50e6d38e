// Composition root of the State Benefits Agency (demo): config → client key → OIDC client →
// sealed cookies → HTTP. No database; the client key is a file under the data folder.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { createWebServer } from '#platform/http/web-server.ts';
import type { Logger } from '#platform/log/logger.ts';
import { errorPage } from '#platform/ui/error-page.tsx';
import type { BenefitsConfig } from './config.ts';
import { loadOrCreateClientKey, type PublicClientJwk } from './oidc/client-key.ts';
import { createBenefitsIdentityProviderClient } from './oidc/identity-provider-client.ts';
import { BENEFITS_ACR_VALUES, BENEFITS_SCOPES } from './oidc/requested-levels.ts';
import { createCookieSealer, deriveCookieKey } from './session/sealed-cookie.ts';
import { benefitsCookies } from './session/benefits-cookies.ts';
import { registerBenefitsRoutes } from './http/benefits-routes.ts';

export interface BenefitsApp {
  server: FastifyInstance;
  /** The public half of the client key, for the agency registration at the identity provider. */
  publicJwk: PublicClientJwk;
  close(): Promise<void>;
}

export async function buildBenefitsApp(
  config: BenefitsConfig,
  logger: Logger,
  redis?: Redis,
): Promise<BenefitsApp> {
  const now = () => new Date();
  const clientKey = loadOrCreateClientKey(config.clientKeyFile);
  const idp = await createBenefitsIdentityProviderClient({
    ...config.oidc,
    clientKey: clientKey.privateJwk,
    redirectUri: `${config.baseUrl}/auth/callback`,
    postLogoutRedirectUri: `${config.baseUrl}/signed-out`,
    scope: BENEFITS_SCOPES.join(' '),
    acrValues: BENEFITS_ACR_VALUES,
  });
  const cookies = benefitsCookies(createCookieSealer(config.cookieSecret), {
    secure: config.secureCookies,
    sessionSeconds: config.sessionSeconds,
    loginRequestSeconds: config.loginRequestSeconds,
  });
  const issuerOrigin = new URL(config.oidc.issuer).origin;
  const server = await createWebServer({
    name: 'benefits',
    logger,
    // Signing (CSRF, language) and sealing use different keys derived from one secret.
    cookieSecret: deriveCookieKey(config.cookieSecret, 'signing').toString('base64'),
    cookiePrefix: 'bnft',
    secureCookies: config.secureCookies,
    // Sign-out posts here and is redirected on to the identity provider.
    formActionOrigins: () => [issuerOrigin],
    errorPage: errorPage('benefits.name', '/'),
    rateLimit: { ...config.rateLimit, redis },
    trustProxy: config.trustProxy,
    health: async () => ({ clientKey: clientKey.kid }),
  });
  registerBenefitsRoutes(server, {
    idp,
    cookies,
    baseUrl: config.baseUrl,
    sessionSeconds: config.sessionSeconds,
    now,
  });
  return {
    server,
    publicJwk: clientKey.publicJwk,
    async close() {
      await server.close();
    },
  };
}

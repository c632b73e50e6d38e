// Composition root of the tax account: config → database → repositories → OIDC client → HTTP.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import { openMigratedDatabase } from '#platform/db/open-database.ts';
import type { Database, Queryable } from '#platform/db/database.ts';
import { createFieldCipher } from '#platform/crypto/field-cipher.ts';
import { createWebServer } from '#platform/http/web-server.ts';
import type { Logger } from '#platform/log/logger.ts';
import type { AccountConfig } from './config.ts';
import { ACCOUNT_MIGRATIONS } from './db/migrations-folder.ts';
import { createSessionsRepo } from './db/sessions-repo.ts';
import { createLoginRequestsRepo } from './db/login-requests-repo.ts';
import { createAuditRepo, type AuditRepo } from './db/audit-repo.ts';
import { createTaxpayersRepo, type TaxpayersRepo } from './db/taxpayers-repo.ts';
import { createTaxRecordsRepo, type TaxRecordsRepo } from './db/tax-records-repo.ts';
import { createTaxpayerLinksRepo, type TaxpayerLinksRepo } from './db/taxpayer-links-repo.ts';
import { linkOnSignIn } from './records/link-on-sign-in.ts';
import {
  ACCEPTED_IDENTITY_ACRS,
  TAX_ACCOUNT_ACR_VALUES,
  TAX_ACCOUNT_SCOPES,
} from './oidc/requested-levels.ts';
import { createIdentityProviderClient } from './oidc/identity-provider-client.ts';
import { sessionCookies } from './session/current-session.ts';
import { registerAuthRoutes } from './http/auth-routes.ts';
import { registerHomeRoutes } from './http/home-routes.ts';
import { errorPage } from '#platform/ui/error-page.tsx';
import { identityProviderKeys } from './security-events/identity-provider-keys.ts';
import { createSecurityEventReceiver } from './security-events/security-event-receiver.ts';
import { securityEventRoutes } from './security-events/security-event-routes.ts';

export interface AccountApp {
  server: FastifyInstance;
  db: Database;
  audit: AuditRepo;
  taxpayers: TaxpayersRepo;
  records: TaxRecordsRepo;
  links: TaxpayerLinksRepo;
  /** The records repositories on a transaction (the demo seed writes each taxpayer in one). */
  recordsOn(q: Queryable): { taxpayers: TaxpayersRepo; records: TaxRecordsRepo };
  close(): Promise<void>;
}

export async function buildAccountApp(
  config: AccountConfig,
  logger: Logger,
  redis?: Redis,
): Promise<AccountApp> {
  const { db } = await openMigratedDatabase(config.database, ACCOUNT_MIGRATIONS, 'account_schema_migrations');
  const now = () => new Date();
  const cipher = createFieldCipher(config.dataKey, config.fingerprintKey);
  const sessions = createSessionsRepo(db, cipher, config.session);
  const loginRequests = createLoginRequestsRepo(db, cipher);
  const audit = createAuditRepo(db);
  const taxpayers = createTaxpayersRepo(db, cipher);
  const records = createTaxRecordsRepo(db, cipher);
  const links = createTaxpayerLinksRepo(db, cipher);
  const cookies = sessionCookies(config.secureCookies);
  const idp = createIdentityProviderClient({
    ...config.oidc,
    redirectUri: `${config.baseUrl}/auth/callback`,
    postLogoutRedirectUri: `${config.baseUrl}/signed-out`,
    scope: TAX_ACCOUNT_SCOPES.join(' '),
    acrValues: TAX_ACCOUNT_ACR_VALUES,
    acceptedAcrs: ACCEPTED_IDENTITY_ACRS,
  });
  const issuerOrigin = new URL(config.oidc.issuer).origin;
  const server = await createWebServer({
    name: 'account',
    logger,
    cookieSecret: config.cookieSecret,
    cookiePrefix: 'acct',
    secureCookies: config.secureCookies,
    formActionOrigins: () => [issuerOrigin],
    errorPage: errorPage('acct.name', '/'),
    rateLimit: { ...config.rateLimit, redis },
    trustProxy: config.trustProxy,
    health: async () => {
      await db.query('SELECT 1');
      return { database: db.kind };
    },
  });
  registerHomeRoutes(server, { sessions, cookies, links, now });
  registerAuthRoutes(server, {
    idp,
    loginRequests,
    sessions,
    audit,
    linkTaxpayer: linkOnSignIn({ taxpayers, records, links, audit, now }),
    cookies,
    baseUrl: config.baseUrl,
    loginRequestTtlSeconds: config.loginRequestTtlSeconds,
    now,
    idleWarningSeconds: config.session.idleWarningSeconds,
  });
  // Security Event Tokens pushed by the identity provider (account deleted, password reset).
  await server.register(
    securityEventRoutes({
      receiver: createSecurityEventReceiver({
        db,
        keys: identityProviderKeys(config.oidc.issuer),
        issuer: config.oidc.issuer,
        clientId: config.oidc.clientId,
        sessionsOn: (q) => createSessionsRepo(q, cipher, config.session),
        auditOn: (q) => createAuditRepo(q),
        now,
      }),
    }),
  );
  return {
    server,
    db,
    audit,
    taxpayers,
    records,
    links,
    recordsOn: (q) => ({
      taxpayers: createTaxpayersRepo(q, cipher),
      records: createTaxRecordsRepo(q, cipher),
    }),
    async close() {
      await server.close();
      await db.close();
    },
  };
}

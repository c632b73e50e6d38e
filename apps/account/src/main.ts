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
import { createSmtpEmailSender } from '#platform/mail/smtp-email-sender.ts';
import { openJobQueue } from '#platform/jobs/open-job-queue.ts';
import type { JobQueue } from '#platform/jobs/job-queue.ts';
import { createOutboxRepo } from './db/outbox-repo.ts';
import { createOutboxEmailSender } from './mail/outbox-email-sender.ts';
import { createDevPaymentsRepo } from './db/dev-payments-repo.ts';
import { registerDevRoutes } from './http/dev-routes.tsx';
import { createPaymentsRepo, type PaymentsRepo } from './db/payments-repo.ts';
import { createJourneysRepo } from './db/journeys-repo.ts';
import { createDevCardProcessor } from './payments/dev-card-processor.ts';
import { createDevBankRails } from './payments/dev-bank-rails.ts';
import { paymentProcessing, type ProcessingDeps } from './payments/payment-processing.ts';
import {
  createPaymentQueues,
  DEFAULT_WORKER_SETTINGS,
  PAYMENT_QUEUES,
  paymentNotifier,
  paymentWorker,
  type PaymentWorker,
} from './payments/payment-worker.ts';
import { paymentEmails } from './payments/payment-emails.ts';
import { registerPaymentRoutes } from './http/payment-routes.ts';
import { createPlansRepo } from './db/plans-repo.ts';
import { createCheckPlans } from './plans/plan-checks.ts';
import { registerPlanRoutes } from './http/plan-routes.ts';

export interface AccountApp {
  server: FastifyInstance;
  db: Database;
  audit: AuditRepo;
  taxpayers: TaxpayersRepo;
  records: TaxRecordsRepo;
  links: TaxpayerLinksRepo;
  payments: PaymentsRepo;
  /** The job queue (pg-boss on PostgreSQL, the table queue on PGlite). */
  queue: JobQueue;
  /** The payment worker: started when config.payments.worker is on; `sweep()` queues due work now. */
  paymentWorker: PaymentWorker;
  /** The records repositories on a transaction (the demo seed writes each taxpayer in one). */
  recordsOn(q: Queryable): { taxpayers: TaxpayersRepo; records: TaxRecordsRepo };
  close(): Promise<void>;
}

export interface AccountAppOptions {
  /** The clock (tests); the real time otherwise. */
  now?: () => Date;
  /** Test hooks inside payment processing (the worker kill test). */
  processingHooks?: ProcessingDeps['hooks'];
}

export async function buildAccountApp(
  config: AccountConfig,
  logger: Logger,
  redis?: Redis,
  options: AccountAppOptions = {},
): Promise<AccountApp> {
  const { db } = await openMigratedDatabase(config.database, ACCOUNT_MIGRATIONS, 'account_schema_migrations');
  const now = options.now ?? (() => new Date());
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

  // Payments: the job queue, the vendors' ports (development adapters), the worker.
  const outbox = createOutboxRepo(db);
  const email = config.smtp
    ? createSmtpEmailSender(config.smtp.url, config.smtp.from)
    : createOutboxEmailSender(outbox);
  const payments = createPaymentsRepo(db, cipher);
  const paymentsOn = (q: Queryable) => createPaymentsRepo(q, cipher);
  const queue = openJobQueue(db, { postgresUrl: config.database.url }, logger);
  await queue.start();
  const settings = { ...DEFAULT_WORKER_SETTINGS, sweepSeconds: config.payments.sweepSeconds };
  await createPaymentQueues(queue, settings);
  const notify = paymentNotifier(queue);
  const processor = createDevCardProcessor(db, { now });
  const rails = createDevBankRails(db, { now });
  const processing = paymentProcessing({
    db,
    paymentsOn,
    rails,
    processor,
    now,
    notify,
    ...(options.processingHooks ? { hooks: options.processingHooks } : {}),
  });
  const plansOn = (q: Queryable) => createPlansRepo(q, cipher);
  const journeys = createJourneysRepo(db, cipher);
  const checkPlans = createCheckPlans({
    db,
    plansOn,
    paymentsOn,
    records,
    email,
    baseUrl: config.baseUrl,
    logger,
    now,
    notify,
  });
  const worker = paymentWorker({
    queue,
    payments,
    processing,
    sendPaymentEmail: paymentEmails({ payments, email, baseUrl: config.baseUrl, now }),
    checkPlans,
    now,
    logger,
    settings,
  });
  registerPaymentRoutes(server, {
    sessions,
    cookies,
    links,
    db,
    payments,
    paymentsOn,
    journeys,
    audit,
    processor,
    processing,
    notify,
    initiateSoon: async (paymentId) => {
      await queue.send(PAYMENT_QUEUES.initiate, { paymentId }, { singletonKey: paymentId });
    },
    now,
  });
  registerPlanRoutes(server, {
    sessions,
    cookies,
    links,
    db,
    plans: plansOn(db),
    plansOn,
    paymentsOn,
    journeys,
    audit,
    email,
    baseUrl: config.baseUrl,
    now,
    logger,
  });
  if (config.devTools && !config.smtp)
    registerDevRoutes(server, { outbox, devPayments: createDevPaymentsRepo(db), now });
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
    payments,
    queue,
    paymentWorker: worker,
    recordsOn: (q) => ({
      taxpayers: createTaxpayersRepo(q, cipher),
      records: createTaxRecordsRepo(q, cipher),
    }),
    async close() {
      await server.close();
      await worker.stop();
      await queue.stop();
      await db.close();
    },
  };
}

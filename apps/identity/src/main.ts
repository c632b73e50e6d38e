// Composition root of the identity provider: config → database → repositories →
// services → HTTP. Nothing below this file reads settings or the environment.
import type { FastifyInstance } from 'fastify';
import type { Redis } from 'ioredis';
import type Provider from 'oidc-provider';
import { openMigratedDatabase } from '#platform/db/open-database.ts';
import type { Database } from '#platform/db/database.ts';
import { createFieldCipher } from '#platform/crypto/field-cipher.ts';
import { createWebServer } from '#platform/http/web-server.ts';
import { securityHeaders } from '#platform/http/security-headers.ts';
import { createSmtpEmailSender } from '#platform/mail/smtp-email-sender.ts';
import type { Logger } from '#platform/log/logger.ts';
import type { IdentityConfig } from './config.ts';
import { IDENTITY_MIGRATIONS } from './db/migrations-folder.ts';
import { createAccountsRepo, type AccountsRepo } from './db/accounts-repo.ts';
import { createAgenciesRepo, type AgenciesRepo } from './db/agencies-repo.ts';
import { createSignUpFlowsRepo } from './db/signup-flows-repo.ts';
import { createOidcStore } from './db/oidc-store.ts';
import { createConsentsRepo } from './db/consents-repo.ts';
import { createOutboxRepo } from './db/outbox-repo.ts';
import { createSecretsRepo, type SecretsRepo } from './db/secrets-repo.ts';
import { createPasswordHasher, type PasswordHasher } from './auth/password-hasher.ts';
import { createSignUpService } from './flows/sign-up-service.ts';
import { loadBreachedPasswords } from './auth/breached-passwords.ts';
import { createAttemptGuards } from './auth/attempt-guards.ts';
import { createAttemptLimiter } from '#platform/ratelimit/attempt-limiter.ts';
import { createOidcProvider } from './oidc/provider.ts';
import { createOidcPageRenderer } from './views/oidc-pages.tsx';
import { errorPage } from '#platform/ui/error-page.tsx';
import { createOutboxEmailSender } from './mail/outbox-email-sender.ts';
import { mountOidcProvider } from './http/oidc-mount.ts';
import { registerInteractionRoutes } from './http/interaction-routes.tsx';
import { registerSignUpRoutes } from './http/sign-up-routes.tsx';
import { registerDevOutboxRoutes } from './http/dev-outbox-routes.tsx';
import { registerHomeRoutes } from './http/home-routes.tsx';
import { signInRoutes } from './http/sign-in-routes.tsx';
import { registerAccountRoutes } from './http/account-routes.tsx';
import { createAuthContext } from './http/auth-context.ts';
import { createVerifiedProfilesRepo, type VerifiedProfilesRepo } from './db/verified-profiles-repo.ts';
import { PAIRWISE_SECRET_NAME, pairwiseSubjects } from './federation/pairwise-subject.ts';
import { createMfaMethodsRepo, type MfaMethodsRepo } from './db/mfa-methods-repo.ts';
import { createBackupCodesRepo } from './db/backup-codes-repo.ts';
import { createOtpChallengesRepo } from './db/otp-challenges-repo.ts';
import { createIdpSessionsRepo } from './db/idp-sessions-repo.ts';
import { createRememberedDevicesRepo } from './db/remembered-devices-repo.ts';
import { rememberDeviceCookie } from './session/remember-device-cookie.ts';
import { createAccountLocksRepo } from './db/account-locks-repo.ts';
import { createAccountEmailsRepo } from './db/account-emails-repo.ts';
import { createSecurityNoticeTokensRepo } from './db/security-notice-tokens-repo.ts';
import { createNotifyingSecurityEvents } from './flows/security-notifier.ts';
import { registerSecurityNoticeRoutes } from './http/security-notice-routes.tsx';
import { createAccountRecoveryWrites, createRecoveryRequestsRepo } from './db/recovery-requests-repo.ts';
import { createPasswordResetService } from './flows/password-reset-service.ts';
import { createAccountResetService, type AccountResetService } from './flows/account-reset-service.ts';
import { registerRecoveryRoutes } from './http/recovery-routes.tsx';
import { webauthnRoutes } from './http/webauthn-routes.tsx';
import { createWebauthn } from './auth/mfa/webauthn.ts';
import { createMfaService, emailCodeSender, type MfaService } from './auth/mfa/mfa-service.ts';
import { SESSION_COOKIE, sessionCookieJar } from './session/idp-session-cookies.ts';
import { systemClock, type Clock } from '#platform/time/clock.ts';
import { translator } from '#platform/i18n/catalog.ts';
import { isE164 } from '#platform/telephony/telephony-port.ts';
import { parsePhoneNumber } from '#platform/telephony/phone-number.ts';
import { createHttpTelephonySender } from './telephony/http-telephony-sender.ts';
import { createOutboxTelephonySender } from './telephony/outbox-telephony-sender.ts';
import {
  createSecurityEventDeliveriesRepo,
  type SecurityEventDeliveriesRepo,
} from './db/security-event-deliveries-repo.ts';
import { createAgencySecurityEvents } from './federation/security-event-publisher.ts';
import { createSecurityEventWorker, type SecurityEventWorker } from './federation/security-event-delivery.ts';
import { createClaimReleasesRepo } from './db/claim-releases-repo.ts';
import { createIdvFlowsRepo, type IdvFlowsRepo } from './db/idv-flows-repo.ts';
import { createVerifiedIdentity, type VerifiedIdentity } from './verification/verified-identity.ts';
import {
  createDocumentCheckRunner,
  type DocumentCheckRunner,
} from './verification/flow/document-check-runner.ts';
import type { IdvEngine } from './verification/engine/idv-engine.ts';
import { createDevRecords } from './verification/records/dev-records-adapter.ts';
import { unconfiguredRecords } from './verification/records/unconfigured-records.ts';
import { withTimeout } from './verification/records/records-port.ts';
import { createOutboxPostalMail } from './verification/confirm/outbox-postal-mail.ts';
import { registerIdvRoutes } from './http/idv-routes.ts';

export interface IdentityApp {
  server: FastifyInstance;
  provider: Provider;
  db: Database;
  accounts: AccountsRepo;
  agencies: AgenciesRepo;
  hasher: PasswordHasher;
  methods: MfaMethodsRepo;
  mfa: MfaService;
  verifiedProfiles: VerifiedProfilesRepo;
  secrets: SecretsRepo;
  /** Sends the "your 24-hour wait is over" emails (a timer calls it every minute). */
  accountReset: AccountResetService;
  /** Pushes Security Event Tokens to agencies (a timer runs it every few seconds). */
  securityEventDelivery: SecurityEventWorker;
  /** The queue of Security Event Tokens to agencies (operators list and retry it). */
  securityEventDeliveries: SecurityEventDeliveriesRepo;
  /** The verified identity: sealing, unlocking, releasing claims (ADR 0014). */
  verifiedIdentity: VerifiedIdentity;
  /** Identity-verification journeys (tests look at them). */
  idvFlows: IdvFlowsRepo;
  /** The background analysis of ID photos (tests wait for it to be idle). */
  idvRunner: DocumentCheckRunner;
  /** Re-reads agency redirect origins (for the CSP form-action list) after registrations change. */
  refreshAgencies(): Promise<void>;
  close(): Promise<void>;
}

export async function buildIdentityApp(
  config: IdentityConfig,
  logger: Logger,
  redis?: Redis,
  options: { clock?: Clock | undefined } = {},
): Promise<IdentityApp> {
  const { db } = await openMigratedDatabase(
    config.database,
    IDENTITY_MIGRATIONS,
    'identity_schema_migrations',
  );
  try {
    return await assemble(config, logger, db, redis, options.clock ?? systemClock);
  } catch (error) {
    await db.close();
    throw error;
  }
}

async function assemble(
  config: IdentityConfig,
  logger: Logger,
  db: Database,
  redis: Redis | undefined,
  clock: Clock,
): Promise<IdentityApp> {
  const now = () => clock.now();
  const cipher = createFieldCipher(config.dataKey, config.fingerprintKey);
  const accounts = createAccountsRepo(db, cipher);
  const agencies = createAgenciesRepo(db, cipher);
  const flows = createSignUpFlowsRepo(db, cipher);
  const outbox = createOutboxRepo(db);
  const secrets = createSecretsRepo(db, cipher);
  const consents = createConsentsRepo(db);
  const verifiedProfiles = createVerifiedProfilesRepo(db, cipher);
  const releases = createClaimReleasesRepo(db, cipher);
  const idvFlows = createIdvFlowsRepo(db, cipher);
  const hasher = createPasswordHasher();
  const breachedPasswords = loadBreachedPasswords();
  const limiter = createAttemptLimiter({ redis, namespace: 'idp' });
  const guards = createAttemptGuards(limiter, cipher, clock);
  const methods = createMfaMethodsRepo(db, cipher);
  const sessions = createIdpSessionsRepo(db, config.idpSession);
  const cookies = sessionCookieJar(config.secureCookies);
  const remembered = createRememberedDevicesRepo(db);
  const email = config.smtp
    ? createSmtpEmailSender(config.smtp.url, config.smtp.from)
    : createOutboxEmailSender(outbox);
  const accountEmails = createAccountEmailsRepo(db, cipher);
  const locks = createAccountLocksRepo(db);
  const noticeTokens = createSecurityNoticeTokensRepo(db);
  // Every security event is stored and emailed with a "this wasn't me" link.
  const events = createNotifyingSecurityEvents({
    db,
    accounts,
    email,
    tokens: noticeTokens,
    baseUrl: config.issuer,
    clock,
    logger,
  });

  let agencyOrigins: string[] = [];
  const refreshAgencies = async () => {
    const all = await agencies.all();
    agencyOrigins = [
      ...new Set(
        all
          .flatMap((a) => [...a.redirect_uris, ...a.post_logout_redirect_uris])
          .map((uri) => new URL(uri).origin),
      ),
    ];
  };
  await refreshAgencies();
  // Agencies registered with the CLI while this instance runs reach its CSP within a minute.
  const agencyRefresh = setInterval(() => {
    refreshAgencies().catch((error: unknown) => logger.warn({ err: error }, 'agencies not re-read'));
  }, 60_000);
  agencyRefresh.unref();

  const provider = createOidcProvider({
    issuer: config.issuer,
    signingKeys: await secrets.publishedSigningKeys(clock.now()),
    cookieKeys: [await secrets.secret('oidc-cookie-key')],
    secureCookies: config.secureCookies,
    trustProxy: config.trustProxy,
    store: createOidcStore(db),
    agencies,
    accounts,
    consents,
    releases,
    pairwiseSubject: pairwiseSubjects(await secrets.secret(PAIRWISE_SECRET_NAME)),
    isLocked: (accountId) => locks.isLocked(accountId),
    pages: createOidcPageRenderer(),
    ttl: { sessionSeconds: config.sessionTtlSeconds, interactionSeconds: config.interactionTtlSeconds },
  });
  provider.on('server_error', (_ctx, error) => logger.error({ err: error }, 'oidc server error'));
  // "Connected agencies" shows each agency's last sign-in: a code issued is a sign-in.
  provider.on('authorization.success', (ctx) => {
    const accountId = ctx.oidc.session?.accountId;
    const clientId = ctx.oidc.client?.clientId;
    if (!accountId || !clientId) return;
    consents
      .recordSignIn(accountId, clientId, clock.now())
      .catch((error: unknown) => logger.warn({ err: error }, 'last sign-in not recorded'));
  });
  // Signing out at an agency (RP-initiated logout) also ends our own session on this browser.
  provider.on('end_session.success', (ctx) => {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (token) void sessions.destroy(token);
    ctx.cookies.set(SESSION_COOKIE, null, { path: '/' });
  });

  const formActionOrigins = () => agencyOrigins;
  const server = await createWebServer({
    name: 'identity',
    logger,
    cookieSecret: config.cookieSecret,
    cookiePrefix: 'idp',
    secureCookies: config.secureCookies,
    formActionOrigins,
    errorPage: errorPage('idp.name', '/'),
    rateLimit: { ...config.rateLimit, redis },
    trustProxy: config.trustProxy,
    health: async () => {
      await db.query('SELECT 1');
      return { database: db.kind };
    },
  });
  await mountOidcProvider(server, provider, () =>
    securityHeaders({ formActionOrigins, secureTransport: config.secureCookies }),
  );
  registerHomeRoutes(server);
  const verifiedIdentity = createVerifiedIdentity({
    db,
    profiles: verifiedProfiles,
    sessions,
    releases,
    pepper: Buffer.from(await secrets.secret('profile-vault-pepper'), 'base64url'),
    clock,
    // Verified claims serve the token and userinfo endpoints for as long as a sign-in lasts (12 h,
    // the session's absolute limit). Refresh tokens outlive it: after that they get auth-only
    // claims until the person signs in again (ADR 0014).
    releaseSeconds: config.sessionTtlSeconds,
  });
  const sendEmailCode = emailCodeSender(email);
  const telephony = config.telephony
    ? createHttpTelephonySender(config.telephony)
    : createOutboxTelephonySender(outbox);
  const mfa = createMfaService({
    db,
    methods,
    backupCodes: createBackupCodesRepo(db),
    challenges: createOtpChallengesRepo(db),
    cipher,
    codes: {
      send: async (kind, destination, code, locale) => {
        if (kind === 'email') return sendEmailCode(destination, code, locale);
        const t = translator(locale);
        if (!isE164(destination)) throw new Error('Phone methods store E.164 numbers');
        if (kind === 'sms') return telephony.sendSms(destination, t('idp.sms.code', { code }));
        if (kind === 'voice') return telephony.placeVoiceCall(destination, t('idp.voice.code', { code }));
        throw new Error(`${kind} does not send codes`);
      },
    },
    clock,
    issuerName: config.displayName,
    otpTtlSeconds: config.otpTtlSeconds,
  });
  const auth = createAuthContext({
    provider,
    sessions,
    methods,
    events,
    cookies,
    clock,
    secureCookies: config.secureCookies,
    recentMfaSeconds: config.recentMfaSeconds,
    agencies,
    verifiedProfiles,
    remembered,
    rememberCookie: rememberDeviceCookie(config.secureCookies),
    rememberDeviceSeconds: config.rememberDeviceDays * 24 * 3600,
    releaseVerifiedClaims: (accountId, clientId, token) =>
      verifiedIdentity.release(accountId, clientId, token),
  });
  registerInteractionRoutes(server, {
    provider,
    agencies,
    auth,
    consents,
    consentTtlDays: config.consentTtlDays,
    verifiedProfiles,
  });
  const signInDeps = {
    provider,
    accounts,
    agencies,
    hasher,
    sessions,
    methods,
    events,
    mfa,
    auth,
    cookies,
    clock,
    setupKinds: ['webauthn', 'totp', 'sms', 'voice', 'email', 'backup_codes'] as const,
    parsePhone: parsePhoneNumber,
    guards,
    locks,
    unlockProfile: (accountId: string, password: string, token: string) =>
      verifiedIdentity.unlockForSession(accountId, password, token),
  };
  await server.register(signInRoutes(signInDeps));
  await server.register(signInRoutes(signInDeps), { prefix: '/interaction/:uid' });
  const webauthn = createWebauthn({
    db,
    methods,
    cipher,
    clock,
    issuer: config.issuer,
    rpName: config.displayName,
  });
  const webauthnDeps = { accounts, methods, events, auth, clock, webauthn };
  await server.register(webauthnRoutes(webauthnDeps));
  await server.register(webauthnRoutes(webauthnDeps), { prefix: '/interaction/:uid' });
  registerAccountRoutes(server, {
    accounts,
    sessions,
    methods,
    events,
    mfa,
    auth,
    cookies,
    clock,
    recentMfaSeconds: config.recentMfaSeconds,
    idleSeconds: config.idpSession.idleSeconds,
    idleWarningSeconds: config.idleWarningSeconds,
    emails: accountEmails,
    email,
    baseUrl: config.issuer,
    emailLinkTtlHours: config.signUpLinkTtlHours,
    consents,
    agencies,
    remembered,
    identityStatus: async (accountId) => {
      const status = await verifiedProfiles.find(accountId);
      if (status?.lockedAt) return { state: 'locked' };
      if (status)
        return {
          state: 'verified',
          facialMatch: status.level === 'verified-facial-match',
          verifiedAt: status.verifiedAt,
        };
      return (await idvFlows.active(accountId, clock.now()))
        ? { state: 'in-progress' }
        : { state: 'not-verified' };
    },
  });
  const signUp = createSignUpService({
    db,
    accounts,
    flows,
    hasher,
    email,
    baseUrl: config.issuer,
    linkTtlHours: config.signUpLinkTtlHours,
    breached: breachedPasswords.isBreached,
    allowEmail: async (address) => (await guards.registrationEmail(address)).allowed,
    now,
  });
  registerSignUpRoutes(server, {
    signUp,
    flows,
    sessions,
    events,
    cookies,
    clock,
    secureCookies: config.secureCookies,
  });
  // Recovery: password reset, account reset after a 24-hour wait, deleting an account.
  const recoveryRequests = createRecoveryRequestsRepo(db);
  const recoveryWrites = createAccountRecoveryWrites();
  // Security Event Tokens for agencies when an account is deleted, locked or its password reset.
  const securityEventDeliveries = createSecurityEventDeliveriesRepo(db);
  const agencySecurityEvents = createAgencySecurityEvents({
    deliveries: securityEventDeliveries,
    pairwiseSubject: pairwiseSubjects(await secrets.secret(PAIRWISE_SECRET_NAME)),
    clock,
  });
  registerSecurityNoticeRoutes(server, {
    tokens: noticeTokens,
    locks,
    sessions,
    cookies,
    clock,
    agencyEvents: { db, accountLocked: agencySecurityEvents.accountLocked },
  });
  const securityEventDelivery = createSecurityEventWorker({
    deliveries: securityEventDeliveries,
    agencies,
    signingKeys: () => secrets.signingKeys(),
    issuer: config.issuer,
    clock,
    logger,
  });
  const passwordReset = createPasswordResetService({
    db,
    accounts,
    requests: recoveryRequests,
    writes: recoveryWrites,
    sessions,
    events,
    hasher,
    email,
    limiter,
    cipher,
    locks,
    baseUrl: config.issuer,
    linkTtlMinutes: config.passwordResetLinkTtlMinutes,
    breached: breachedPasswords.isBreached,
    clock,
    securityEvents: agencySecurityEvents,
    lockVerifiedProfile: (tx, accountId) => verifiedIdentity.lock(tx, accountId),
  });
  const accountReset = createAccountResetService({
    db,
    accounts,
    requests: recoveryRequests,
    writes: recoveryWrites,
    sessions,
    events,
    email,
    limiter,
    cipher,
    baseUrl: config.issuer,
    waitHours: config.accountResetWaitHours,
    linkTtlHours: config.accountResetLinkTtlHours,
    clock,
    logger,
    securityEvents: agencySecurityEvents,
  });
  registerRecoveryRoutes(server, {
    passwordReset,
    accountReset,
    accounts,
    hasher,
    auth,
    cookies,
    limiter,
    cipher,
    locks,
    clock,
    secureCookies: config.secureCookies,
    recentMfaSeconds: config.recentMfaSeconds,
  });
  // No job runner yet: once a minute, email the people whose 24-hour wait is over. (The
  // continue link itself works from the end of the wait, with or without this email.)
  const dueResetEmails = setInterval(() => {
    accountReset
      .sendDueAccountResetEmails(clock.now())
      .catch((error: unknown) => logger.error({ err: error }, 'account reset emails not sent'));
  }, 60_000);
  dueResetEmails.unref();
  // Identity verification (IAL2). The engine's models load on the first analysis.
  let engine: Promise<IdvEngine> | undefined;
  const loadEngine = () =>
    (engine ??= Promise.all([
      import('./verification/engine/idv-engine.ts'),
      import('./verification/engine/idv-analyzers.ts'),
    ]).then(([{ createIdvEngine }, { localAnalyzers }]) => createIdvEngine(config.idv, localAnalyzers())));
  const idvRunner = createDocumentCheckRunner({
    flows: idvFlows,
    engine: loadEngine,
    clock,
    logger,
    maxSelfieFailures: config.idv.flow.maxSelfieFailures,
    analysisStaleSeconds: config.idv.flow.analysisStaleSeconds,
  });
  await idvRunner.recoverStale();
  await registerIdvRoutes(server, {
    db,
    provider,
    flows: idvFlows,
    accounts,
    agencies,
    auth,
    hasher,
    events,
    runner: idvRunner,
    // The development records are the demo people (and documented magic inputs); without
    // development tools and no real source configured, every check is "unavailable" (6007).
    records: withTimeout(
      config.devTools ? createDevRecords() : unconfiguredRecords(),
      config.idv.flow.recordsTimeoutMs,
    ),
    limiter,
    cipher,
    telephony,
    postalMail: createOutboxPostalMail(outbox, {
      providerName: config.displayName,
      verifyUrl: `${config.issuer}/verify/address/code`,
      clock: () => clock.now(),
    }),
    verifiedIdentity,
    profiles: verifiedProfiles,
    clock,
    idv: config.idv,
    videoAvailable: false,
    issuer: config.issuer,
    secureCookies: config.secureCookies,
  });
  securityEventDelivery.start();
  if (config.devTools && !config.smtp) registerDevOutboxRoutes(server, outbox);

  return {
    server,
    provider,
    db,
    accounts,
    agencies,
    hasher,
    methods,
    mfa,
    verifiedProfiles,
    secrets,
    verifiedIdentity,
    idvFlows,
    idvRunner,
    accountReset,
    securityEventDeliveries,
    securityEventDelivery,
    refreshAgencies,
    async close() {
      clearInterval(dueResetEmails);
      clearInterval(agencyRefresh);
      await securityEventDelivery.stop();
      await server.close();
      await idvRunner.idle();
      if (engine) await (await engine).close();
      await db.close();
    },
  };
}

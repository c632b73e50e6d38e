// The account page and its actions. Viewing needs AAL2; changing sign-in methods needs a
// second factor within the last 20 minutes (Login.gov), otherwise it asks for one first.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields, queryParam } from '#platform/http/form-fields.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { AccountsRepo } from '../db/accounts-repo.ts';
import type { IdpSessionsRepo } from '../db/idp-sessions-repo.ts';
import type { MfaMethodsRepo } from '../db/mfa-methods-repo.ts';
import type { NotifyingSecurityEvents } from '../flows/security-notifier.ts';
import type { MfaService } from '../auth/mfa/mfa-service.ts';
import { hasRecentMfa } from '../flows/sign-in-steps.ts';
import type { SessionCookieJar } from '../session/idp-session-cookies.ts';
import type { AuthContext } from './auth-context.ts';
import { AccountPage } from '../views/account-page.tsx';
import type { AccountEmailsRepo } from '../db/account-emails-repo.ts';
import type { EmailSender } from '#platform/mail/email-port.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';
import { isValidEmail, normaliseEmail } from '../auth/email-address.ts';
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { SignedOutPage } from '../views/signed-out-page.tsx';
import { EmailLinkPage } from '../views/email-link-page.tsx';
import type { ConsentsRepo } from '../db/consents-repo.ts';
import type { AgenciesRepo } from '../db/agencies-repo.ts';
import type { RememberedDevicesRepo } from '../db/remembered-devices-repo.ts';
import {
  CONNECTED_AGENCIES_PATH,
  ConnectedAgenciesPage,
  RevokeAgencyPage,
  type ConnectedAgency,
} from '../views/connected-agencies-pages.tsx';

export interface AccountRouteDeps {
  accounts: AccountsRepo;
  sessions: IdpSessionsRepo;
  methods: MfaMethodsRepo;
  /** Stored and emailed (in the person's language when given). */
  events: NotifyingSecurityEvents;
  mfa: MfaService;
  auth: AuthContext;
  cookies: SessionCookieJar;
  clock: Clock;
  recentMfaSeconds: number;
  idleSeconds: number;
  idleWarningSeconds: number;
  emails: AccountEmailsRepo;
  email: EmailSender;
  baseUrl: string;
  /** Confirmation links for added addresses (Login.gov: 24 hours). */
  emailLinkTtlHours: number;
  /** Remembered consents ("Connected agencies"); revoking one also revokes its grants and tokens. */
  consents: ConsentsRepo;
  /** Agency names for the connected agencies. */
  agencies: Pick<AgenciesRepo, 'find'>;
  /** Remembered browsers ("Remember this browser"): counted on the account page, forgotten on request. */
  remembered: Pick<RememberedDevicesRepo, 'count' | 'forgetAll'>;
  /** The verified identity's status (never its details) and any journey in progress. */
  identityStatus: (accountId: string) => Promise<IdentityStatus>;
}

import type { IdentityStatus } from '../views/account-page.tsx';

type Req = FastifyRequest<{ Params: { id?: string; clientId?: string } }>;

const NOTICES: Record<string, MessageKey> = {
  'expired-request': 'idp.account.expiredRequest',
  'email-sent': 'idp.account.emailAdded',
  'email-confirmed': 'idp.account.emailConfirmedNotice',
  'email-taken': 'idp.account.emailTaken',
  'email-invalid': 'idp.signUp.emailInvalid',
  'browsers-forgotten': 'idp.remember.forgotten',
};

export function registerAccountRoutes(app: FastifyInstance, deps: AccountRouteDeps): void {
  /** The signed-in session at AAL2 (optionally with a recent second factor), or a redirect. */
  async function requireSession(req: Req, reply: FastifyReply, recentMfa: boolean, returnTo = '/account') {
    const current = await deps.auth.session(req);
    if (!current) {
      deps.auth.rememberReturn(reply, returnTo);
      void reply.redirect('/sign-in', 303);
      return undefined;
    }
    if (
      current.session.aal < 2 ||
      (recentMfa && !hasRecentMfa(current.session, deps.clock.now(), deps.recentMfaSeconds))
    ) {
      deps.auth.rememberReturn(reply, returnTo);
      // A password without a second factor yet, or a second factor too long ago: confirm it.
      void reply.redirect('/mfa', 303);
      return undefined;
    }
    return current;
  }

  app.get('/account', async (req: Req, reply) => {
    const current = await requireSession(req, reply, false);
    if (!current) return reply;
    const accountId = current.session.accountId;
    const [account, methods, events, emails, agencies, rememberedBrowsers, identity] = await Promise.all([
      deps.accounts.findById(accountId),
      deps.methods.list(accountId),
      deps.events.list(accountId, 20),
      deps.emails.list(accountId),
      connectedAgencies(accountId),
      deps.remembered.count(accountId, deps.clock.now()),
      deps.identityStatus(accountId),
    ]);
    if (!account) return reply.redirect('/sign-in', 303);
    const backup = methods.find((m) => m.kind === 'backup_codes');
    const backupCodesLeft = backup ? await deps.mfa.remainingBackupCodes(backup.id) : undefined;
    const notice = NOTICES[queryParam(req.query, 'notice') ?? queryParam(req.query, 'from') ?? ''];
    return reply.page((ctx) =>
      AccountPage(ctx, {
        account,
        methods,
        events,
        backupCodesLeft,
        notice,
        emails,
        agencies,
        rememberedBrowsers,
        identity,
      }),
    );
  });

  // ---- Connected agencies: what each receives, and revoking consent ------------------------

  /** The person's valid consents with the agencies' names (an unregistered one shows its id). */
  async function connectedAgencies(accountId: string): Promise<ConnectedAgency[]> {
    const consents = await deps.consents.list(accountId, deps.clock.now());
    return Promise.all(
      consents.map(async (consent) => ({
        ...consent,
        name: (await deps.agencies.find(consent.clientId))?.name ?? consent.clientId,
      })),
    );
  }

  app.get(CONNECTED_AGENCIES_PATH, async (req: Req, reply) => {
    const current = await requireSession(req, reply, false, CONNECTED_AGENCIES_PATH);
    if (!current) return reply;
    const agencies = await connectedAgencies(current.session.accountId);
    // After a revoke: named only when that agency is indeed no longer connected.
    const revoked = queryParam(req.query, 'revoked');
    const revokedAgency =
      revoked && !agencies.some((a) => a.clientId === revoked)
        ? (await deps.agencies.find(revoked))?.name
        : undefined;
    return reply.page((ctx) => ConnectedAgenciesPage(ctx, { agencies, revokedAgency }));
  });

  app.get(`${CONNECTED_AGENCIES_PATH}/:clientId/revoke`, async (req: Req, reply) => {
    const current = await requireSession(req, reply, false, CONNECTED_AGENCIES_PATH);
    if (!current) return reply;
    const agency = (await connectedAgencies(current.session.accountId)).find(
      (a) => a.clientId === req.params.clientId,
    );
    if (!agency) return reply.redirect(CONNECTED_AGENCIES_PATH, 303);
    return reply.page((ctx) => RevokeAgencyPage(ctx, { agency }));
  });

  app.post(`${CONNECTED_AGENCIES_PATH}/:clientId/revoke`, async (req: Req, reply) => {
    const current = await requireSession(req, reply, false, CONNECTED_AGENCIES_PATH);
    if (!current) return reply;
    const clientId = req.params.clientId ?? '';
    if (!(await deps.consents.revoke(current.session.accountId, clientId)))
      return reply.redirect(CONNECTED_AGENCIES_PATH, 303);
    req.log.info({ event: 'consent_revoked', clientId }, 'consent revoked');
    await deps.events.record({
      accountId: current.session.accountId,
      kind: 'agency_revoked',
      deviceId: current.session.deviceId,
      deviceLabel: current.session.deviceLabel,
      at: deps.clock.now(),
      locale: req.locale,
    });
    return reply.redirect(`${CONNECTED_AGENCIES_PATH}?revoked=${encodeURIComponent(clientId)}`, 303);
  });

  app.post('/account/methods/:id/rename', async (req: Req, reply) => {
    const current = await requireSession(req, reply, true);
    if (!current) return reply;
    const { label } = formFields(req.body, ['label'], 200);
    const clean = label.trim().slice(0, 40);
    if (clean && (await deps.methods.rename(current.session.accountId, req.params.id ?? '', clean))) {
      await record(current.session, 'mfa_renamed');
    }
    return reply.redirect('/account', 303);
  });

  app.post('/account/methods/:id/remove', async (req: Req, reply) => {
    const current = await requireSession(req, reply, true);
    if (!current) return reply;
    // The repository refuses to remove the last method, atomically.
    if (await deps.methods.remove(current.session.accountId, req.params.id ?? '')) {
      await record(current.session, 'mfa_removed');
    }
    return reply.redirect('/account', 303);
  });

  // Email addresses: adding one needs a recent second factor and a confirmation link sent to it.
  app.post('/account/emails', async (req: Req, reply) => {
    const current = await requireSession(req, reply, true);
    if (!current) return reply;
    const email = normaliseEmail(formFields(req.body, ['email'], 320).email);
    if (!isValidEmail(email)) return reply.redirect('/account?notice=email-invalid', 303);
    const token = randomToken();
    const now = deps.clock.now();
    await deps.emails.add({
      accountId: current.session.accountId,
      email,
      tokenHash: hashToken(token),
      expiresAt: new Date(now.getTime() + deps.emailLinkTtlHours * 3600_000),
      now,
    });
    const link = `${deps.baseUrl}/account/emails/confirm?token=${encodeURIComponent(token)}`;
    await deps.email.send({
      to: email,
      kind: 'add-email',
      subject: req.t('idp.email.addAddress.subject'),
      text: req.t('idp.email.addAddress.body', { link }),
    });
    return reply.redirect('/account?notice=email-sent', 303);
  });

  // The link itself proves the address; the person need not be signed in on this browser.
  app.get('/account/emails/confirm', async (req, reply) => {
    const token = queryParam(req.query, 'token');
    const result = token ? await deps.emails.confirm(hashToken(token), deps.clock.now()) : undefined;
    if (!result || !result.ok) {
      const key =
        result?.ok === false && result.reason === 'taken'
          ? 'idp.account.emailTaken'
          : 'idp.account.emailLinkInvalid';
      return reply.code(400).page((ctx) => EmailLinkPage(ctx, key));
    }
    await deps.events.record({
      accountId: result.email.accountId,
      kind: 'email_added',
      at: deps.clock.now(),
    });
    return reply.redirect('/account?notice=email-confirmed', 303);
  });

  app.post('/account/emails/:id/remove', async (req: Req, reply) => {
    const current = await requireSession(req, reply, true);
    if (!current) return reply;
    const removed = await deps.emails.remove(current.session.accountId, req.params.id ?? '');
    if (removed?.confirmedAt) await record(current.session, 'email_removed');
    return reply.redirect('/account', 303);
  });

  // Remembered browsers: forgetting them all means the second factor again everywhere.
  app.post('/account/remembered-browsers/forget', async (req: Req, reply) => {
    const current = await requireSession(req, reply, false);
    if (!current) return reply;
    // This browser's cookie may remember another account here; a stale one is cleared when next read.
    const forgotten = await deps.remembered.forgetAll(current.session.accountId);
    if (forgotten > 0) await record(current.session, 'remembered_browsers_forgotten');
    req.log.info(
      { event: 'remembered_browsers_forgotten', count: forgotten },
      'remembered browsers forgotten',
    );
    return reply.redirect('/account?notice=browsers-forgotten', 303);
  });

  app.post('/sign-out', async (req, reply) => {
    const token = deps.cookies.read(req);
    if (token) await deps.sessions.destroy(token);
    deps.cookies.clear(reply);
    return reply.redirect('/signed-out', 303);
  });

  app.post('/sign-out-everywhere', async (req: Req, reply) => {
    const current = await requireSession(req, reply, false);
    if (!current) return reply;
    await record(current.session, 'signed_out_everywhere');
    // Also forgets the account's remembered browsers.
    await deps.sessions.destroyAllForAccount(current.session.accountId);
    deps.cookies.clear(reply);
    return reply.redirect('/signed-out', 303);
  });

  app.get('/signed-out', (_req, reply) => reply.page((ctx) => SignedOutPage(ctx)));

  // How long the session has left, without extending it (the idle warning asks every 30 s).
  app.get('/session/status', async (req, reply) => {
    const token = deps.cookies.read(req);
    const now = deps.clock.now();
    const session = token ? await deps.sessions.peek(token, now) : undefined;
    const secondsLeft = session
      ? Math.max(
          0,
          Math.floor(
            Math.min(session.expiresAt.getTime(), session.lastSeenAt.getTime() + deps.idleSeconds * 1000) /
              1000 -
              now.getTime() / 1000,
          ),
        )
      : 0;
    return reply
      .header('cache-control', 'no-store')
      .send({ secondsLeft, warnSeconds: deps.idleWarningSeconds });
  });

  // "Stay signed in": any authenticated request slides the idle expiry; this one does only that.
  app.post('/session/keep-alive', async (req, reply) => {
    const current = await deps.auth.session(req);
    if (!current) return reply.code(401).send({ signedIn: false });
    return reply.code(204).send();
  });

  function record(
    session: { accountId: string; deviceId: string; deviceLabel: string },
    kind:
      | 'mfa_renamed'
      | 'mfa_removed'
      | 'signed_out_everywhere'
      | 'email_removed'
      | 'remembered_browsers_forgotten',
  ) {
    return deps.events.record({
      accountId: session.accountId,
      kind,
      deviceId: session.deviceId,
      deviceLabel: session.deviceLabel,
      at: deps.clock.now(),
    });
  }
}

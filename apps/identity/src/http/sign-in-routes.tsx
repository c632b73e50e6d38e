// Sign-in and second-factor pages. Registered twice: inside an agency's sign-in request
// (/interaction/:uid/...) and directly (/...) for people managing their account. Every
// page resolves against the session through the sign-in step graph.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { formFields, queryParam } from '#platform/http/form-fields.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { AccountsRepo } from '../db/accounts-repo.ts';
import type { AgenciesRepo } from '../db/agencies-repo.ts';
import type { IdpSession, IdpSessionsRepo } from '../db/idp-sessions-repo.ts';
import type { MfaKind, MfaMethod, MfaMethodsRepo } from '../db/mfa-methods-repo.ts';
import type { SecurityEventsRepo } from '../db/security-events-repo.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { normaliseEmail } from '../auth/email-address.ts';
import { maskEmail } from '../auth/mask.ts';
import type { MfaService } from '../auth/mfa/mfa-service.ts';
import { METHOD_TRAITS } from '../auth/mfa/method-traits.ts';
import { describeDevice, type SessionCookieJar } from '../session/idp-session-cookies.ts';
import { authBase, type AuthContext } from './auth-context.ts';
import type { AttemptGuards } from '../auth/attempt-guards.ts';
import type { AccountLocksRepo } from '../db/account-locks-repo.ts';
import { LockedSignInPage } from '../views/security-notice-pages.tsx';
import { LIMIT_RULES } from '#platform/ratelimit/limit-rules.ts';
import { SignInPage } from '../views/sign-in-page.tsx';
import { REMEMBER_FIELD, rememberTicked, type RememberOffer } from '../views/remember-device-field.tsx';
import {
  BackupCodesIntroPage,
  BackupCodesShowPage,
  CodeMethodConfirmPage,
  CodeMethodSetupPage,
  MfaChoosePage,
  MfaSetupChoosePage,
  MfaVerifyPage,
  SecondMethodReminderPage,
  TotpSetupPage,
} from '../views/mfa-pages.tsx';

export interface SignInRouteDeps {
  provider: Provider;
  accounts: AccountsRepo;
  agencies: AgenciesRepo;
  hasher: PasswordHasher;
  sessions: IdpSessionsRepo;
  methods: MfaMethodsRepo;
  events: SecurityEventsRepo;
  mfa: MfaService;
  auth: AuthContext;
  cookies: SessionCookieJar;
  clock: Clock;
  /** Kinds that can be set up here (text and voice need a telephony adapter). */
  setupKinds: readonly MfaKind[];
  parsePhone: (input: string) => { ok: true; e164: string; masked: string } | { ok: false };
  guards: AttemptGuards;
  locks: Pick<AccountLocksRepo, 'isLocked'>;
  /** Unlocks the verified profile (sealed with the password) for the new session. */
  unlockProfile: (accountId: string, password: string, sessionToken: string) => Promise<boolean>;
}

type Req = FastifyRequest<{ Params: { uid?: string; methodId?: string; kind?: string } }>;

/** A refused attempt starts the 10-minute lockout; that is what the person is told to wait. */
const LOCKOUT_DISPLAY_SECONDS = LIMIT_RULES.otpVerifyPerAccount.lockoutSeconds;

export function signInRoutes(deps: SignInRouteDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    const agencyName = async (req: Req) => {
      if (!req.params.uid) return undefined;
      try {
        const details = await deps.provider.interactionDetails(
          req.raw,
          (req as unknown as { raw: never }).raw,
        );
        return (await deps.agencies.find(String(details.params.client_id)))?.name;
      } catch {
        return undefined;
      }
    };

    const guard = (req: Req, reply: FastifyReply, step: 'mfa' | 'mfa-setup') =>
      deps.auth.step(req, reply, step);

    const showSignIn = async (
      req: Req,
      reply: FastifyReply,
      extra: { email?: string; failed?: boolean; limitedMinutes?: number } = {},
    ) => {
      const name = (await agencyName(req)) ?? req.t('idp.interaction.agencyFallback');
      return reply.page((ctx) =>
        SignInPage(ctx, {
          action: `${authBase(req)}/sign-in`,
          agencyName: name,
          signUpHref: `${authBase(req)}/sign-up`,
          ...extra,
        }),
      );
    };

    app.get('/sign-in', async (req: Req, reply) => showSignIn(req, reply));

    app.post('/sign-in', async (req: Req, reply) => {
      const form = formFields(req.body, ['email', 'password'], 1024);
      const email = normaliseEmail(form.email);
      const account = email ? await deps.accounts.findByEmail(email) : undefined;
      const deviceId = deps.cookies.device(req, reply);
      const gate = await deps.guards.passwordAllowed(deviceId, account?.id, req.ip);
      if (!gate.allowed) {
        req.log.info({ event: 'sign_in_limited' }, 'sign-in attempts limited');
        reply.code(429);
        return showSignIn(req, reply, {
          email: form.email,
          limitedMinutes: Math.ceil(gate.retryAfterSeconds / 60),
        });
      }
      const valid = account
        ? await deps.hasher.verify(account.passwordHash, form.password)
        : await deps.hasher.verifyDummy(form.password);
      if (!account || !valid) {
        await deps.guards.passwordFailed(deviceId, account?.id, req.ip);
        req.log.info({ event: 'sign_in_failed' }, 'sign-in failed');
        reply.code(401);
        return showSignIn(req, reply, { email: form.email, failed: true });
      }
      if (deps.hasher.needsRehash(account.passwordHash)) {
        await deps.accounts.updatePasswordHash(account.id, await deps.hasher.hash(form.password));
      }
      // Locked after "this wasn't me": only a password reset unlocks. Checked after a correct
      // password, so it reveals nothing about whether an account exists.
      if (await deps.locks.isLocked(account.id)) {
        req.log.info(
          { event: 'sign_in_refused_locked', accountId: account.id },
          'sign-in refused: account locked',
        );
        return reply.code(403).page((ctx) => LockedSignInPage(ctx));
      }
      await deps.guards.passwordSucceeded(deviceId, account.id, req.ip);
      const old = deps.cookies.read(req);
      if (old) await deps.sessions.destroy(old);
      const now = deps.clock.now();
      const token = await deps.sessions.create({
        accountId: account.id,
        deviceId,
        deviceLabel: describeDevice(req.headers['user-agent']),
        now,
      });
      deps.cookies.write(reply, token);
      await deps.unlockProfile(account.id, form.password, token);
      req.log.info({ event: 'password_verified', accountId: account.id }, 'password verified');
      const session = await deps.sessions.peek(token, now);
      if (!session) return reply.redirect(`${authBase(req)}/sign-in`, 303);
      // A second factor next (or setting one up) — unless the step graph says the password is
      // enough: a remembered browser, inside the request of an agency that accepts AAL1.
      return deps.auth.continueSignIn(req, reply, session, true);
    });

    app.get('/mfa', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa');
      if (!state) return reply;
      const notice = state.session!.aal === 2 ? 'idp.mfa.reauthNotice' : undefined;
      return reply.page((ctx) => MfaChoosePage(ctx, { base: authBase(req), methods: state.methods, notice }));
    });

    app.post('/mfa/start', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa');
      if (!state) return reply;
      const { methodId } = formFields(req.body, ['methodId']);
      const method = state.methods.find((m) => m.id === methodId);
      if (!method) return reply.redirect(`${authBase(req)}/mfa`, 303);
      if (method.kind === 'webauthn') return reply.redirect(`${authBase(req)}/webauthn/authenticate`, 303);
      if (!METHOD_TRAITS[method.kind].sendsCode)
        return reply.redirect(`${authBase(req)}/mfa/${method.id}`, 303);
      const sending = await deps.guards.otpSend(method.accountId, method.secret ?? method.id);
      if (!sending.allowed) {
        const error = req.t('idp.limit.otpSend', { seconds: sending.retryAfterSeconds });
        return verifyPage(req, reply.code(429), method, state.methods, error);
      }
      const challengeId = await deps.mfa.sendCode(method, 'sign-in', req.locale);
      return reply.redirect(`${authBase(req)}/mfa/${method.id}?challenge=${challengeId}`, 303);
    });

    const verifyPage = async (
      req: Req,
      reply: FastifyReply,
      method: MfaMethod,
      methods: MfaMethod[],
      error?: string,
    ) => {
      const challengeId =
        queryParam(req.query, 'challenge') ?? (req.body as { challengeId?: string } | undefined)?.challengeId;
      const destination = method.kind === 'email' && method.secret ? maskEmail(method.secret) : method.label;
      const remember = await rememberOffer(req, reply);
      return reply.page((ctx) =>
        MfaVerifyPage(ctx, {
          base: authBase(req),
          method,
          challengeId,
          destination,
          error,
          otherMethods: methods.length > 1,
          remember,
        }),
      );
    };

    /** "Remember this browser", offered only inside a request that accepts AAL1 (kept ticked after an error). */
    const rememberOffer = async (req: Req, reply: FastifyReply): Promise<RememberOffer | undefined> =>
      (await deps.auth.offersRememberDevice(req, reply))
        ? { days: deps.auth.rememberDeviceDays, checked: rememberTicked(req.body) }
        : undefined;

    app.get('/mfa/:methodId', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa');
      if (!state) return reply;
      const method = state.methods.find((m) => m.id === req.params.methodId);
      if (!method) return reply.redirect(`${authBase(req)}/mfa`, 303);
      return verifyPage(req, reply, method, state.methods);
    });

    app.post('/mfa/:methodId', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa');
      if (!state) return reply;
      const method = state.methods.find((m) => m.id === req.params.methodId);
      if (!method) return reply.redirect(`${authBase(req)}/mfa`, 303);
      const form = formFields(req.body, ['code', 'challengeId', REMEMBER_FIELD], 64);
      const session = state.session!;
      const gate = await deps.guards.otpVerifyAllowed(session.accountId);
      if (!gate.allowed) {
        const minutes = Math.ceil(Math.min(gate.retryAfterSeconds, LOCKOUT_DISPLAY_SECONDS) / 60);
        return verifyPage(
          req,
          reply.code(429),
          method,
          state.methods,
          req.t('idp.limit.otpVerify', { minutes }),
        );
      }
      const result = await deps.mfa.verify(method, {
        code: form.code,
        challengeId: form.challengeId || undefined,
      });
      if (result.ok) await deps.guards.otpVerifySucceeded(session.accountId);
      else await deps.guards.otpVerifyFailed(session.accountId);
      if (!result.ok) {
        await deps.events.record({
          accountId: session.accountId,
          kind: 'sign_in_failed_mfa',
          deviceId: session.deviceId,
          deviceLabel: session.deviceLabel,
          at: deps.clock.now(),
        });
        reply.code(400);
        return verifyPage(req, reply, method, state.methods, req.t(result.error));
      }
      await deps.auth.rememberDeviceIfAsked(req, reply, session, form[REMEMBER_FIELD] === 'yes');
      return upgradeAndFinish(req, reply, state.token!, session, method.kind, state.methods.length);
    });

    async function upgradeAndFinish(
      req: Req,
      reply: FastifyReply,
      token: string,
      session: IdpSession,
      kind: MfaKind,
      methodCount: number,
      remind = false,
    ) {
      const upgraded = await deps.auth.reachAal2(token, session, kind);
      if (remind && methodCount === 1) {
        return reply.page((ctx) =>
          SecondMethodReminderPage(ctx, { base: authBase(req), next: `${authBase(req)}/mfa-setup/continue` }),
        );
      }
      return deps.auth.finish(req, reply, upgraded);
    }

    // Setting up a method. With no method yet this is how the account reaches AAL2; at AAL2
    // it adds another method (the account page sends people here after a recent MFA check).
    app.get('/mfa-setup', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa-setup');
      if (!state) return reply;
      const taken = new Set(
        state.methods.filter((m) => m.kind === 'backup_codes' || m.kind === 'email').map((m) => m.kind),
      );
      const available = deps.setupKinds.filter((kind) => !taken.has(kind));
      return reply.page((ctx) =>
        MfaSetupChoosePage(ctx, { base: authBase(req), first: state.methods.length === 0, available }),
      );
    });

    app.get('/mfa-setup/continue', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa-setup');
      if (!state) return reply;
      return deps.auth.finish(req, reply, state.session!);
    });

    const added = async (
      req: Req,
      reply: FastifyReply,
      state: { token: string; session: IdpSession; methods: MfaMethod[] },
      method: MfaMethod,
    ) => {
      const now = deps.clock.now();
      await deps.events.record({
        accountId: state.session.accountId,
        kind: 'mfa_added',
        deviceId: state.session.deviceId,
        deviceLabel: state.session.deviceLabel,
        at: now,
      });
      req.log.info({ event: 'mfa_added', kind: method.kind }, 'mfa method added');
      return upgradeAndFinish(
        req,
        reply,
        state.token,
        state.session,
        method.kind,
        state.methods.length + 1,
        true,
      );
    };

    app.get('/mfa-setup/totp', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa-setup');
      if (!state) return reply;
      const account = await deps.accounts.findById(state.session!.accountId);
      const setup = await deps.mfa.startTotpSetup(state.session!.accountId, account?.email ?? 'account');
      const remember = await rememberOffer(req, reply);
      return reply.page((ctx) => TotpSetupPage(ctx, { base: authBase(req), ...setup, remember }));
    });

    app.post('/mfa-setup/totp', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa-setup');
      if (!state) return reply;
      const form = formFields(req.body, ['sealed', 'label', 'code', REMEMBER_FIELD], 512);
      const accountId = state.session!.accountId;
      const label = form.label.trim().slice(0, 40) || req.t('idp.mfa.kind.totp');
      const result = await deps.mfa.finishTotpSetup(accountId, form.sealed, form.code, label);
      if (!result.ok) {
        const secret = deps.mfa.openTotpSecret(accountId, form.sealed);
        if (!secret) return reply.redirect(`${authBase(req)}/mfa-setup/totp`, 303);
        const account = await deps.accounts.findById(accountId);
        // The same secret again, so the app the person already scanned keeps working.
        const again = await deps.mfa.startTotpSetup(accountId, account?.email ?? 'account', secret);
        const remember = await rememberOffer(req, reply);
        return reply.code(400).page((ctx) =>
          TotpSetupPage(ctx, {
            base: authBase(req),
            ...again,
            label,
            error: ctx.t(result.error),
            remember,
          }),
        );
      }
      await deps.auth.rememberDeviceIfAsked(req, reply, state.session!, form[REMEMBER_FIELD] === 'yes');
      return added(
        req,
        reply,
        state as { token: string; session: IdpSession; methods: MfaMethod[] },
        result.method,
      );
    });

    app.get('/mfa-setup/backup_codes', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa-setup');
      if (!state) return reply;
      const regenerate = state.methods.some((m) => m.kind === 'backup_codes');
      return reply.page((ctx) => BackupCodesIntroPage(ctx, { base: authBase(req), regenerate }));
    });

    app.post('/mfa-setup/backup_codes', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa-setup');
      if (!state) return reply;
      const session = state.session!;
      const { method, codes, regenerated } = await deps.mfa.createBackupCodes(
        session.accountId,
        req.t('idp.mfa.kind.backup_codes'),
      );
      const now = deps.clock.now();
      if (!regenerated) {
        await deps.events.record({
          accountId: session.accountId,
          kind: 'mfa_added',
          deviceId: session.deviceId,
          deviceLabel: session.deviceLabel,
          at: now,
        });
      }
      if (session.aal === 1) await deps.auth.reachAal2(state.token!, session, method.kind);
      const next =
        state.methods.length === 0
          ? `${authBase(req)}/mfa-setup/remind`
          : `${authBase(req)}/mfa-setup/continue`;
      return reply
        .header('cache-control', 'no-store')
        .page((ctx) => BackupCodesShowPage(ctx, { next, codes }));
    });

    app.get('/mfa-setup/remind', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa-setup');
      if (!state) return reply;
      if (state.methods.length > 1) return deps.auth.finish(req, reply, state.session!);
      return reply.page((ctx) =>
        SecondMethodReminderPage(ctx, { base: authBase(req), next: `${authBase(req)}/mfa-setup/continue` }),
      );
    });

    // Email, text message and voice: send a code to the destination, then confirm it.
    for (const kind of ['email', 'sms', 'voice'] as const) {
      app.get(`/mfa-setup/${kind}`, async (req: Req, reply) => {
        const state = await guard(req, reply, 'mfa-setup');
        if (!state) return reply;
        if (!deps.setupKinds.includes(kind)) return reply.redirect(`${authBase(req)}/mfa-setup`, 303);
        const account = await deps.accounts.findById(state.session!.accountId);
        return reply.page((ctx) =>
          CodeMethodSetupPage(ctx, {
            base: authBase(req),
            kind,
            destination: kind === 'email' ? account?.email : undefined,
          }),
        );
      });

      app.post(`/mfa-setup/${kind}`, async (req: Req, reply) => {
        const state = await guard(req, reply, 'mfa-setup');
        if (!state || !deps.setupKinds.includes(kind)) return reply;
        const accountId = state.session!.accountId;
        let destination: string;
        let masked: string;
        if (kind === 'email') {
          const account = await deps.accounts.findById(accountId);
          destination = account!.email;
          masked = maskEmail(destination);
        } else {
          const { phone } = formFields(req.body, ['phone'], 64);
          const parsed = deps.parsePhone(phone);
          if (!parsed.ok) {
            return reply.code(400).page((ctx) =>
              CodeMethodSetupPage(ctx, {
                base: authBase(req),
                kind,
                destination: phone,
                error: ctx.t('idp.mfa.phone.invalid'),
              }),
            );
          }
          destination = parsed.e164;
          masked = parsed.masked;
        }
        const sending = await deps.guards.otpSend(accountId, destination);
        if (!sending.allowed) {
          const error = req.t('idp.limit.otpSend', { seconds: sending.retryAfterSeconds });
          return reply.code(429).page((ctx) =>
            CodeMethodSetupPage(ctx, {
              base: authBase(req),
              kind,
              destination: kind === 'email' ? destination : undefined,
              error,
            }),
          );
        }
        const challengeId = await deps.mfa.sendSetupCode(accountId, kind, destination, req.locale);
        const sealed = deps.mfa.sealDestination(accountId, destination);
        const remember = await rememberOffer(req, reply);
        return reply.page((ctx) =>
          CodeMethodConfirmPage(ctx, { base: authBase(req), kind, masked, sealed, challengeId, remember }),
        );
      });

      app.post(`/mfa-setup/${kind}/confirm`, async (req: Req, reply) => {
        const state = await guard(req, reply, 'mfa-setup');
        if (!state || !deps.setupKinds.includes(kind)) return reply;
        const accountId = state.session!.accountId;
        const form = formFields(req.body, ['sealed', 'challengeId', 'code', REMEMBER_FIELD], 512);
        const destination = deps.mfa.openDestination(accountId, form.sealed);
        if (!destination) return reply.redirect(`${authBase(req)}/mfa-setup/${kind}`, 303);
        const gate = await deps.guards.otpVerifyAllowed(accountId);
        const ok =
          gate.allowed &&
          (await deps.mfa.checkSetupCode(accountId, kind, destination, form.challengeId, form.code));
        if (!ok && gate.allowed) await deps.guards.otpVerifyFailed(accountId);
        if (!ok) {
          const masked = kind === 'email' ? maskEmail(destination) : destination.replace(/\d(?=\d{4})/g, '•');
          const remember = await rememberOffer(req, reply);
          return reply.code(400).page((ctx) =>
            CodeMethodConfirmPage(ctx, {
              base: authBase(req),
              kind,
              masked,
              sealed: form.sealed,
              challengeId: form.challengeId,
              error: ctx.t('idp.mfa.error.wrongCode'),
              remember,
            }),
          );
        }
        const label =
          kind === 'email'
            ? req.t('idp.mfa.kind.email')
            : `${req.t(METHOD_TRAITS[kind].nameKey)} ${destination.slice(-4)}`;
        const method = await deps.mfa.addCodeMethod(accountId, kind, destination, label);
        await deps.auth.rememberDeviceIfAsked(req, reply, state.session!, form[REMEMBER_FIELD] === 'yes');
        return added(
          req,
          reply,
          state as { token: string; session: IdpSession; methods: MfaMethod[] },
          method,
        );
      });
    }
  };
}

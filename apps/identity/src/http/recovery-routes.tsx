// Recovery pages: forgot password (/forgot-password, /reset-password), account reset when
// every second factor is lost (/account-reset…), and deleting an account (/account/delete).
//
// Links from emails only ever show a page on GET; changes happen on POST (with the CSRF
// token), so a mail scanner that follows links cannot cancel, reset or delete anything.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields, queryParam } from '#platform/http/form-fields.ts';
import { badRequest } from '#platform/errors/app-error.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import type { AttemptLimiter } from '#platform/ratelimit/attempt-limiter.ts';
import { LIMIT_RULES, limitKey } from '#platform/ratelimit/limit-rules.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { Account, AccountsRepo } from '../db/accounts-repo.ts';
import type { AccountLocksRepo } from '../db/account-locks-repo.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { normaliseEmail } from '../auth/email-address.ts';
import { hasRecentMfa } from '../flows/sign-in-steps.ts';
import type { PasswordResetService } from '../flows/password-reset-service.ts';
import {
  formatRecoveryTime,
  type AccountResetService,
  type ContinueLink,
  type ResetChoice,
} from '../flows/account-reset-service.ts';
import { describeDevice, type SessionCookieJar } from '../session/idp-session-cookies.ts';
import type { AuthContext } from './auth-context.ts';
import {
  AccountDeletedPage,
  AccountLinkProblemPage,
  AccountResetCancelledPage,
  AccountResetCancelPage,
  AccountResetChoosePage,
  AccountResetRequestedPage,
  AccountResetStartPage,
  AccountResetWaitPage,
  DeleteAccountPage,
  ForgotPasswordPage,
  MethodsRemovedPage,
  NewPasswordPage,
  PasswordChangedPage,
  ResetEmailSentPage,
  ResetLinkProblemPage,
} from '../views/recovery-pages.tsx';
import { LockedSignInPage } from '../views/security-notice-pages.tsx';

export interface RecoveryRouteDeps {
  passwordReset: PasswordResetService;
  accountReset: AccountResetService;
  accounts: Pick<AccountsRepo, 'findByEmail' | 'findById'>;
  hasher: Pick<PasswordHasher, 'verify' | 'verifyDummy'>;
  auth: Pick<AuthContext, 'session' | 'rememberReturn'>;
  cookies: SessionCookieJar;
  limiter: AttemptLimiter;
  cipher: Pick<FieldCipher, 'fingerprint'>;
  /** Accounts locked by "This wasn't me": only a password reset unlocks them. */
  locks: Pick<AccountLocksRepo, 'isLocked'>;
  clock: Clock;
  secureCookies: boolean;
  /** Deleting the account needs a second factor this recent (Login.gov: 20 minutes). */
  recentMfaSeconds: number;
}

/** What the "check your email" pages show after a redirect, in a signed cookie. */
const NOTE_COOKIE = 'idp_recovery';
/** oidc-provider's session cookie (apps/identity/src/oidc/provider.ts) and its signature. */
const OIDC_SESSION_COOKIES = ['idp_session', 'idp_session.sig'];

export function registerRecoveryRoutes(app: FastifyInstance, deps: RecoveryRouteDeps): void {
  const minutes = deps.passwordReset.linkTtlMinutes;
  const { waitHours, linkTtlHours } = deps.accountReset;

  const setNote = (reply: FastifyReply, value: string) =>
    void reply.setCookie(NOTE_COOKIE, value, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      signed: true,
      secure: deps.secureCookies,
      maxAge: 3600,
    });
  const readNote = (req: FastifyRequest, prefix: 'email:' | 'request:') => {
    const raw = req.cookies[NOTE_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : undefined;
    const value = unsigned?.valid ? unsigned.value : undefined;
    return value?.startsWith(prefix) ? value.slice(prefix.length) : undefined;
  };
  const device = (req: FastifyRequest, reply: FastifyReply) => ({
    id: deps.cookies.device(req, reply),
    label: describeDevice(req.headers['user-agent']),
  });
  /** Signs this browser out of the identity provider (its session rows are already gone). */
  const clearSessionCookies = (reply: FastifyReply) => {
    deps.cookies.clear(reply);
    for (const name of OIDC_SESSION_COOKIES) void reply.clearCookie(name, { path: '/' });
  };

  /**
   * Checks a re-entered password under the sign-in limits, with the same keys as signing in
   * (auth/attempt-guards.ts), so these forms are no way around them. Unknown accounts spend
   * the same time on a dummy hash.
   */
  async function checkPassword(
    req: FastifyRequest,
    reply: FastifyReply,
    account: Account | undefined,
    password: string,
  ): Promise<{ ok: true } | { ok: false; limitedMinutes?: number }> {
    const now = deps.clock.now();
    const keys = [
      {
        key: limitKey('passwordPerSession', deps.cookies.device(req, reply)),
        rule: LIMIT_RULES.passwordPerSession,
      },
      ...(account
        ? [
            {
              key: limitKey(
                'passwordPerAccountIp',
                account.id,
                deps.cipher.fingerprint(`limit:ip:${req.ip}`),
              ),
              rule: LIMIT_RULES.passwordPerAccountIp,
            },
          ]
        : []),
    ];
    const decisions = await Promise.all(keys.map(({ key, rule }) => deps.limiter.peek(key, rule, now)));
    const refused = decisions.filter((d) => !d.allowed);
    if (refused.length > 0) {
      const wait = Math.max(...refused.map((d) => d.retryAfterSeconds));
      return { ok: false, limitedMinutes: Math.max(1, Math.ceil(wait / 60)) };
    }
    const valid = account
      ? await deps.hasher.verify(account.passwordHash, password)
      : await deps.hasher.verifyDummy(password);
    if (!valid) {
      await Promise.all(keys.map(({ key, rule }) => deps.limiter.hit(key, rule, now)));
      return { ok: false };
    }
    await Promise.all(keys.map(({ key }) => deps.limiter.reset(key)));
    return { ok: true };
  }

  // ---- Password reset -------------------------------------------------------------------

  app.get('/forgot-password', (_req, reply) => reply.page((ctx) => ForgotPasswordPage(ctx, {})));

  app.post('/forgot-password', async (req, reply) => {
    const { email } = formFields(req.body, ['email'], 320);
    const result = await deps.passwordReset.requestLink(email, req.locale);
    if (!result.ok) {
      if ('error' in result) {
        const error = result.error;
        return reply.code(400).page((ctx) => ForgotPasswordPage(ctx, { email, error: ctx.t(error) }));
      }
      // The limit counts every address alike, so refusing reveals nothing about accounts.
      const limitedMinutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
      return reply.code(429).page((ctx) => ForgotPasswordPage(ctx, { email, limitedMinutes }));
    }
    setNote(reply, `email:${result.email}`);
    return reply.redirect('/forgot-password/sent', 303);
  });

  app.get('/forgot-password/sent', (req, reply) => {
    const email = readNote(req, 'email:');
    if (!email) return reply.redirect('/forgot-password', 303);
    return reply.page((ctx) => ResetEmailSentPage(ctx, { email, minutes }));
  });

  app.get('/reset-password', async (req, reply) => {
    const token = queryParam(req.query, 'token') ?? '';
    const link = await deps.passwordReset.findLink(token);
    if (link.state !== 'open') {
      return reply.code(400).page((ctx) => ResetLinkProblemPage(ctx, { problem: link.state, minutes }));
    }
    return reply.page((ctx) => NewPasswordPage(ctx, { token, email: link.account.email, errors: [] }));
  });

  app.post('/reset-password', async (req, reply) => {
    const form = formFields(req.body, ['token', 'password', 'passwordConfirmation'], 1024);
    const result = await deps.passwordReset.reset(form.token, form, device(req, reply), req.locale);
    if (result.ok) {
      req.log.info({ event: 'password_reset', accountId: result.accountId }, 'password reset');
      clearSessionCookies(reply);
      return reply.redirect('/reset-password/done', 303);
    }
    if ('link' in result) {
      const problem = result.link;
      return reply.code(400).page((ctx) => ResetLinkProblemPage(ctx, { problem, minutes }));
    }
    return reply.code(400).page((ctx) =>
      NewPasswordPage(ctx, {
        token: form.token,
        email: result.email,
        errors: result.errors.map((e) => ({ field: e.field, message: ctx.t(e.key) })),
      }),
    );
  });

  app.get('/reset-password/done', (_req, reply) => reply.page((ctx) => PasswordChangedPage(ctx)));

  // ---- Account reset ----------------------------------------------------------------------

  /** The account of the browser's session (the password step is done), if any. */
  async function sessionAccount(req: FastifyRequest) {
    const current = await deps.auth.session(req);
    const account = current ? await deps.accounts.findById(current.session.accountId) : undefined;
    return account && current ? { account, aal: current.session.aal } : undefined;
  }

  app.get('/account-reset', async (req, reply) => {
    const signedIn = await sessionAccount(req);
    return reply.page((ctx) =>
      AccountResetStartPage(ctx, {
        signedInEmail: signedIn?.account.email,
        hours: waitHours,
        cancelHref: signedIn ? (signedIn.aal === 2 ? '/account' : '/mfa') : '/sign-in',
      }),
    );
  });

  app.post('/account-reset', async (req, reply) => {
    const signedIn = await sessionAccount(req);
    let account = signedIn?.account;
    const cancelHref = signedIn ? (signedIn.aal === 2 ? '/account' : '/mfa') : '/sign-in';
    if (!account) {
      const form = formFields(req.body, ['email', 'password'], 1024);
      const email = normaliseEmail(form.email);
      const found = email ? await deps.accounts.findByEmail(email) : undefined;
      const check = await checkPassword(req, reply, found, form.password);
      if (!check.ok || !found) {
        const limitedMinutes = check.ok ? undefined : check.limitedMinutes;
        req.log.info({ event: 'account_reset_password_failed' }, 'account reset: password not accepted');
        return reply.code(limitedMinutes ? 429 : 401).page((ctx) =>
          AccountResetStartPage(ctx, {
            email: form.email,
            failed: !limitedMinutes,
            limitedMinutes,
            hours: waitHours,
            cancelHref,
          }),
        );
      }
      // Like signing in: a locked account must reset its password first. Checked after a
      // correct password, so it reveals nothing about whether an account exists.
      if (await deps.locks.isLocked(found.id)) {
        req.log.info({ event: 'account_reset_refused_locked', accountId: found.id }, 'account locked');
        return reply.code(403).page((ctx) => LockedSignInPage(ctx));
      }
      account = found;
    }
    const result = await deps.accountReset.request(account, req.locale);
    if (!result.ok) {
      const limitedMinutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
      return reply.code(429).page((ctx) =>
        AccountResetStartPage(ctx, {
          signedInEmail: signedIn?.account.email,
          emailLimitedMinutes: limitedMinutes,
          hours: waitHours,
          cancelHref,
        }),
      );
    }
    setNote(reply, `request:${result.request.id}`);
    return reply.redirect('/account-reset/requested', 303);
  });

  app.get('/account-reset/requested', async (req, reply) => {
    const id = readNote(req, 'request:');
    const found = id ? await deps.accountReset.findRequest(id) : undefined;
    if (!found) return reply.redirect('/account-reset', 303);
    return reply.page((ctx) =>
      AccountResetRequestedPage(ctx, {
        email: found.email,
        time: formatRecoveryTime(found.request.usableFrom, ctx.locale),
      }),
    );
  });

  /** The page for a continue link that cannot be used now; undefined when it is open. */
  function continueRefusal(reply: FastifyReply, link: ContinueLink) {
    if (link.state === 'open') return undefined;
    if (link.state === 'waiting') {
      const usableFrom = link.request.usableFrom;
      // 403: not yet. The page says when.
      return reply
        .code(403)
        .page((ctx) =>
          AccountResetWaitPage(ctx, { time: formatRecoveryTime(usableFrom, ctx.locale), hours: waitHours }),
        );
    }
    const problem = link.state;
    return reply.code(400).page((ctx) => AccountLinkProblemPage(ctx, { problem, hours: linkTtlHours }));
  }

  app.get('/account-reset/continue', async (req, reply) => {
    const token = queryParam(req.query, 'token') ?? '';
    const link = await deps.accountReset.findContinue(token);
    if (link.state !== 'open') return continueRefusal(reply, link);
    const email = link.account.email;
    return reply.page((ctx) => AccountResetChoosePage(ctx, { token, email }));
  });

  app.post('/account-reset/continue', async (req, reply) => {
    const form = formFields(req.body, ['token', 'choice'], 256);
    if (form.choice !== 'delete' && form.choice !== 'remove-methods') throw badRequest();
    const choice: ResetChoice = form.choice;
    const link = await deps.accountReset.findContinue(form.token);
    if (link.state !== 'open') return continueRefusal(reply, link);
    const result = await deps.accountReset.complete(form.token, choice, device(req, reply), req.locale);
    if (!result.ok) {
      const again = await deps.accountReset.findContinue(form.token);
      return continueRefusal(reply, again.state === 'open' ? { state: 'used' } : again);
    }
    clearSessionCookies(reply);
    if (choice === 'delete') return reply.page((ctx) => AccountDeletedPage(ctx));
    return reply.page((ctx) => MethodsRemovedPage(ctx));
  });

  app.get('/account-reset/cancel', async (req, reply) => {
    const token = queryParam(req.query, 'token') ?? '';
    const link = await deps.accountReset.findCancel(token);
    if (link.state === 'pending') return reply.page((ctx) => AccountResetCancelPage(ctx, { token }));
    // Cancelled, or expired unused: either way nothing will happen to the account.
    if (link.state === 'cancelled' || link.state === 'expired')
      return reply.page((ctx) => AccountResetCancelledPage(ctx));
    const problem = link.state;
    return reply.code(400).page((ctx) => AccountLinkProblemPage(ctx, { problem, hours: linkTtlHours }));
  });

  app.post('/account-reset/cancel', async (req, reply) => {
    const { token } = formFields(req.body, ['token'], 256);
    const outcome = await deps.accountReset.cancel(token);
    if (outcome === 'cancelled-now' || outcome === 'cancelled' || outcome === 'expired')
      return reply.page((ctx) => AccountResetCancelledPage(ctx));
    return reply
      .code(400)
      .page((ctx) => AccountLinkProblemPage(ctx, { problem: outcome, hours: linkTtlHours }));
  });

  // ---- Delete the account -----------------------------------------------------------------

  /** An AAL2 session with a second factor in the last 20 minutes, or a redirect to get one. */
  async function requireRecentMfa(req: FastifyRequest, reply: FastifyReply) {
    const current = await deps.auth.session(req);
    if (current && hasRecentMfa(current.session, deps.clock.now(), deps.recentMfaSeconds)) return current;
    deps.auth.rememberReturn(reply, '/account/delete');
    void reply.redirect(current ? '/mfa' : '/sign-in', 303);
    return undefined;
  }

  app.get('/account/delete', async (req, reply) => {
    if (!(await requireRecentMfa(req, reply))) return reply;
    return reply.page((ctx) => DeleteAccountPage(ctx, {}));
  });

  app.post('/account/delete', async (req, reply) => {
    const current = await requireRecentMfa(req, reply);
    if (!current) return reply;
    const { password } = formFields(req.body, ['password'], 1024);
    const account = await deps.accounts.findById(current.session.accountId);
    if (!account) return reply.redirect('/sign-in', 303);
    const check = await checkPassword(req, reply, account, password);
    if (!check.ok) {
      const limitedMinutes = check.limitedMinutes;
      return reply.code(limitedMinutes ? 429 : 400).page((ctx) =>
        DeleteAccountPage(ctx, {
          error: limitedMinutes
            ? ctx.t('idp.recovery.reset.passwordLimited', { minutes: limitedMinutes })
            : ctx.t('idp.recovery.delete.wrongPassword'),
        }),
      );
    }
    await deps.accountReset.deleteAccount(account, req.locale);
    clearSessionCookies(reply);
    return reply.page((ctx) => AccountDeletedPage(ctx));
  });
}

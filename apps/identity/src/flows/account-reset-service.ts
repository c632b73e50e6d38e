// Account reset, for people who lost every second factor (Login.gov): after the password
// step they ask for a reset; an email goes out at once with a link to cancel ("if this
// wasn't you") and the link to continue; the continue link works only after a 24-hour wait
// and for 24 hours after that. A second email says when the wait is over
// (`sendDueAccountResetEmails`, called by a periodic timer; the continue link does not
// depend on it). Continuing offers two choices: delete the account, or remove every
// method and set up new ones at the next sign-in with the password.
//
// Also here: deleting an account (shared with "Delete your account" on the account page).
//
// Link tokens are derived, not stored: HMAC(fingerprint key, purpose + request id). The table
// holds only their hashes, like every other link, yet the "you can continue" email can repeat
// the continue link a day later without keeping it anywhere.
import { randomUUID } from 'node:crypto';
import type { Database } from '#platform/db/database.ts';
import type { EmailSender } from '#platform/mail/email-port.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { hashToken } from '#platform/crypto/tokens.ts';
import { translator, type Locale } from '#platform/i18n/catalog.ts';
import type { AttemptLimiter } from '#platform/ratelimit/attempt-limiter.ts';
import { LIMIT_RULES } from '#platform/ratelimit/limit-rules.ts';
import type { Logger } from '#platform/log/logger.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { Account, AccountsRepo } from '../db/accounts-repo.ts';
import type { IdpSessionsRepo } from '../db/idp-sessions-repo.ts';
import {
  recoveryLinkState,
  type AccountRecoveryWrites,
  type RecoveryRequest,
  type RecoveryRequestsRepo,
} from '../db/recovery-requests-repo.ts';
import { resetEmailLimitKey, type Device, type RecordsSecurityEvents } from './password-reset-service.ts';
import type { AgencySecurityEvents } from '../federation/security-event-publisher.ts';

export interface AccountResetDeps {
  db: Database;
  accounts: Pick<AccountsRepo, 'findById'>;
  requests: RecoveryRequestsRepo;
  writes: AccountRecoveryWrites;
  sessions: Pick<IdpSessionsRepo, 'destroyAllForAccount'>;
  events: RecordsSecurityEvents;
  email: EmailSender;
  limiter: AttemptLimiter;
  cipher: Pick<FieldCipher, 'fingerprint'>;
  baseUrl: string;
  /** Login.gov: 24 hours between the request and the link working. */
  waitHours: number;
  /** Login.gov: the link then works for 24 hours. */
  linkTtlHours: number;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'error'>;
  /** Queues an "account purged" Security Event Token per agency, before the account is deleted. */
  securityEvents?: Pick<AgencySecurityEvents, 'accountDeleted'> | undefined;
}

export type ResetChoice = 'delete' | 'remove-methods';

export type RequestResetResult =
  { ok: true; request: RecoveryRequest; email: string } | { ok: false; retryAfterSeconds: number };

/** The continue link as the person meets it. */
export type ContinueLink =
  | { state: 'open'; request: RecoveryRequest; account: Account }
  | { state: 'waiting'; request: RecoveryRequest }
  | { state: 'unknown' | 'expired' | 'used' | 'cancelled' };

/** The cancel link as the person meets it: `pending` may still be cancelled. */
export type CancelLink =
  { state: 'pending'; request: RecoveryRequest } | { state: 'unknown' | 'expired' | 'used' | 'cancelled' };

/** A date and time in the agency's time zone, e.g. "January 15, 2027 at 3:30 PM EST". */
export function formatRecoveryTime(at: Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZone: 'America/New_York',
    timeZoneName: 'short',
  }).format(at);
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const DUE_BATCH = 100;

export function createAccountResetService(deps: AccountResetDeps) {
  const base = deps.baseUrl.replace(/\/$/, '');
  const linkToken = (purpose: 'continue' | 'cancel', requestId: string) =>
    deps.cipher.fingerprint(`account-reset:${purpose}:${requestId}`);
  const links = (request: RecoveryRequest) => ({
    continueLink: `${base}/account-reset/continue?token=${linkToken('continue', request.id)}`,
    cancelLink: `${base}/account-reset/cancel?token=${linkToken('cancel', request.id)}`,
  });

  async function findContinue(token: string): Promise<ContinueLink> {
    if (!TOKEN.test(token)) return { state: 'unknown' };
    const request = await deps.requests.findByToken('account_reset', hashToken(token));
    if (!request) return { state: 'unknown' };
    const state = recoveryLinkState(request, deps.clock.now());
    if (state === 'waiting') return { state, request };
    if (state !== 'open') return { state };
    const account = await deps.accounts.findById(request.accountId);
    return account ? { state, request, account } : { state: 'unknown' };
  }

  async function findCancel(token: string): Promise<CancelLink> {
    if (!TOKEN.test(token)) return { state: 'unknown' };
    const request = await deps.requests.findByCancelToken(hashToken(token));
    if (!request) return { state: 'unknown' };
    const state = recoveryLinkState(request, deps.clock.now());
    return state === 'waiting' || state === 'open' ? { state: 'pending', request } : { state };
  }

  async function deleteAccount(account: Account, locale: Locale): Promise<boolean> {
    const deleted = await deps.db.transaction(async (tx) => {
      await deps.securityEvents?.accountDeleted(tx, account.id);
      return deps.writes.deleteAccount(tx, account.id);
    });
    if (!deleted) return false;
    deps.logger.info({ event: 'account_deleted', accountId: account.id }, 'account deleted');
    await sendSafely(account.email, 'account-deleted', locale, 'deleted', {});
    return true;
  }

  /** Sends an email whose failure must not undo what already happened (it is logged). */
  async function sendSafely(
    to: string,
    kind: string,
    locale: Locale,
    message: 'requested' | 'ready' | 'cancelled' | 'deleted',
    params: Record<string, string | number>,
  ): Promise<boolean> {
    const t = translator(locale);
    try {
      await deps.email.send({
        to,
        kind,
        subject: t(`idp.recovery.email.${message}.subject` as const),
        text: t(`idp.recovery.email.${message}.body` as const, params),
      });
      return true;
    } catch (error) {
      deps.logger.error({ err: error, event: 'recovery_email_failed', kind }, 'recovery email not sent');
      return false;
    }
  }

  return {
    waitHours: deps.waitHours,
    linkTtlHours: deps.linkTtlHours,

    /**
     * Starts (or repeats) an account reset for an account whose password was just checked.
     * A pending request is reused, so asking twice never restarts the wait.
     */
    async request(account: Account, locale: Locale): Promise<RequestResetResult> {
      const now = deps.clock.now();
      const decision = await deps.limiter.hit(
        resetEmailLimitKey(deps.cipher, account.email),
        LIMIT_RULES.passwordResetEmail,
        now,
      );
      if (!decision.allowed) return { ok: false, retryAfterSeconds: decision.retryAfterSeconds };
      let request = await deps.requests.findPending(account.id, 'account_reset', now);
      if (!request) {
        const id = randomUUID();
        const usableFrom = new Date(now.getTime() + deps.waitHours * 3600_000);
        request = await deps.requests.create(deps.db, {
          id,
          accountId: account.id,
          kind: 'account_reset',
          tokenHash: hashToken(linkToken('continue', id)),
          cancelTokenHash: hashToken(linkToken('cancel', id)),
          locale,
          requestedAt: now,
          usableFrom,
          expiresAt: new Date(usableFrom.getTime() + deps.linkTtlHours * 3600_000),
        });
        deps.logger.info({ event: 'account_reset_requested', accountId: account.id }, 'account reset asked');
      }
      const t = translator(locale);
      await deps.email.send({
        to: account.email,
        kind: 'account-reset-requested',
        subject: t('idp.recovery.email.requested.subject'),
        text: t('idp.recovery.email.requested.body', {
          time: formatRecoveryTime(request.usableFrom, locale),
          expires: formatRecoveryTime(request.expiresAt, locale),
          hours: deps.waitHours,
          ...links(request),
        }),
      });
      return { ok: true, request, email: account.email };
    },

    findContinue,
    findCancel,

    /** A request and its account's email (for the "check your email" page). */
    async findRequest(id: string): Promise<{ request: RecoveryRequest; email: string } | undefined> {
      const request = await deps.requests.findById(id);
      const account = request && (await deps.accounts.findById(request.accountId));
      return request && account ? { request, email: account.email } : undefined;
    },

    /** Cancels a pending request from the emailed cancel link. */
    async cancel(token: string): Promise<Exclude<CancelLink['state'], 'pending'> | 'cancelled-now'> {
      const link = await findCancel(token);
      if (link.state !== 'pending') return link.state;
      if (!(await deps.requests.cancel(link.request.id, deps.clock.now()))) {
        return (await findCancel(token)).state === 'used' ? 'used' : 'cancelled';
      }
      deps.logger.info(
        { event: 'account_reset_cancelled', accountId: link.request.accountId },
        'account reset cancelled',
      );
      const account = await deps.accounts.findById(link.request.accountId);
      if (account)
        await sendSafely(account.email, 'account-reset-cancelled', link.request.locale, 'cancelled', {});
      return 'cancelled-now';
    },

    /** After the wait: deletes the account, or removes every method (the link works once). */
    async complete(
      token: string,
      choice: ResetChoice,
      device: Device | undefined,
      locale: Locale,
    ): Promise<{ ok: true } | { ok: false; link: Exclude<ContinueLink['state'], 'open'> }> {
      const link = await findContinue(token);
      if (link.state !== 'open') return { ok: false, link: link.state };
      const { account, request } = link;
      const now = deps.clock.now();
      const done = await deps.db.transaction(async (tx) => {
        if (!(await deps.requests.use(tx, request.id, now))) return false;
        if (choice === 'delete') {
          await deps.securityEvents?.accountDeleted(tx, account.id);
          return deps.writes.deleteAccount(tx, account.id);
        }
        await deps.writes.removeAllMfaMethods(tx, account.id);
        await deps.writes.endOidcSessions(tx, account.id);
        return true;
      });
      if (!done) {
        const again = await findContinue(token);
        return { ok: false, link: again.state === 'open' ? 'used' : again.state };
      }
      if (choice === 'delete') {
        deps.logger.info({ event: 'account_deleted', accountId: account.id }, 'account deleted');
        await sendSafely(account.email, 'account-deleted', locale, 'deleted', {});
        return { ok: true };
      }
      await deps.sessions.destroyAllForAccount(account.id);
      deps.logger.info({ event: 'account_reset_methods_removed', accountId: account.id }, 'methods removed');
      await deps.events.record({
        accountId: account.id,
        kind: 'mfa_removed',
        deviceId: device?.id,
        deviceLabel: device?.label,
        at: now,
        locale,
      });
      return { ok: true };
    },

    /** Deletes an account (its sessions, methods, events, consents and OIDC grants go with it). */
    deleteAccount,

    /**
     * Emails "you can continue now" for every account reset whose wait has ended. Idempotent:
     * each request is claimed (marked sent) by exactly one call, even across instances; a
     * failed send is released for the next call. Returns how many emails went out.
     */
    async sendDueAccountResetEmails(now: Date = deps.clock.now()): Promise<number> {
      let sent = 0;
      for (const request of await deps.requests.claimDueNotices(now, DUE_BATCH)) {
        const account = await deps.accounts.findById(request.accountId);
        if (!account) continue;
        const ok = await sendSafely(account.email, 'account-reset-ready', request.locale, 'ready', {
          expires: formatRecoveryTime(request.expiresAt, request.locale),
          ...links(request),
        });
        if (ok) sent += 1;
        else await deps.requests.releaseNotice(request.id);
      }
      return sent;
    },
  };
}

export type AccountResetService = ReturnType<typeof createAccountResetService>;

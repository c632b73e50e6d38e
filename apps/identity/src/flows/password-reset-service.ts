// Password reset (Login.gov): ask with an email address, get a link valid 30 minutes that
// works once, choose a new password. Asking never reveals whether an account exists: the
// answer is the same and an email goes out either way (a reset link, or a note that there
// is no account with the address). At most 20 emails per hour go to one address.
//
// A reset changes only the password: second factors stay, so the person still needs one
// to sign in (Login.gov). It ends every session of the account and records the security
// event 'password_changed' (the security notifier, when wired, emails the owner about it).
//
// Once identity verification exists: the verified profile is encrypted with a key derived
// from the password, so a reset must deactivate it until the person enters their personal
// key (Login.gov); add that step here.
import type { Queryable } from '#platform/db/database.ts';
import { randomUUID } from 'node:crypto';
import type { Database } from '#platform/db/database.ts';
import type { EmailSender } from '#platform/mail/email-port.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';
import { translator, type Locale, type MessageKey } from '#platform/i18n/catalog.ts';
import type { AttemptLimiter } from '#platform/ratelimit/attempt-limiter.ts';
import { LIMIT_RULES, limitKey } from '#platform/ratelimit/limit-rules.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { Account, AccountsRepo } from '../db/accounts-repo.ts';
import type { IdpSessionsRepo } from '../db/idp-sessions-repo.ts';
import type { AccountLocksRepo } from '../db/account-locks-repo.ts';
import type { SecurityEventKind } from '../db/security-events-repo.ts';
import {
  recoveryLinkState,
  type AccountRecoveryWrites,
  type RecoveryRequest,
  type RecoveryRequestsRepo,
} from '../db/recovery-requests-repo.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { checkNewPassword } from '../auth/password-policy.ts';
import { isValidEmail, normaliseEmail } from '../auth/email-address.ts';
import type { AgencySecurityEvents } from '../federation/security-event-publisher.ts';

/** Records a security event; the security notifier's wrapper also takes the email language. */
export interface RecordsSecurityEvents {
  record(input: {
    accountId: string;
    kind: SecurityEventKind;
    deviceId?: string | undefined;
    deviceLabel?: string | undefined;
    at: Date;
    locale?: Locale | undefined;
  }): Promise<void>;
}

export interface PasswordResetDeps {
  db: Database;
  accounts: Pick<AccountsRepo, 'findByEmail' | 'findById'>;
  requests: RecoveryRequestsRepo;
  writes: AccountRecoveryWrites;
  sessions: Pick<IdpSessionsRepo, 'destroyAllForAccount'>;
  events: RecordsSecurityEvents;
  hasher: Pick<PasswordHasher, 'hash'>;
  email: EmailSender;
  limiter: AttemptLimiter;
  cipher: Pick<FieldCipher, 'fingerprint'>;
  /** Lifts a "This wasn't me" lock: a successful reset is the way back in. */
  locks: Pick<AccountLocksRepo, 'unlock'>;
  /** The identity provider's public URL; links are built on it. */
  baseUrl: string;
  /** Login.gov: 30 minutes. */
  linkTtlMinutes: number;
  breached: (password: string) => boolean;
  clock: Clock;
  /** Queues a Security Event Token for each agency the person shares with (same transaction). */
  securityEvents?: Pick<AgencySecurityEvents, 'passwordReset'> | undefined;
  /**
   * Locks the verified profile (sealed with the old password) until the personal key is entered,
   * and forgets the claims released with it (ADR 0014).
   */
  lockVerifiedProfile?: ((tx: Queryable, accountId: string) => Promise<void>) | undefined;
}

export type RequestLinkResult =
  | { ok: true; email: string }
  | { ok: false; error: 'idp.signUp.emailInvalid' }
  | { ok: false; retryAfterSeconds: number };

/** A reset link as the person meets it. `replaced`: a newer link was sent after this one. */
export type ResetLink =
  | { state: 'open'; request: RecoveryRequest; account: Account }
  | { state: 'unknown' | 'expired' | 'used' | 'replaced' };

export type ResetResult =
  | { ok: true; accountId: string }
  | { ok: false; link: Exclude<ResetLink['state'], 'open'> }
  | { ok: false; email: string; errors: { field: 'password' | 'passwordConfirmation'; key: MessageKey }[] };

export interface Device {
  id: string;
  label: string;
}

/** The limiter key for emails to an address: its keyed fingerprint, never the address. */
export function resetEmailLimitKey(cipher: Pick<FieldCipher, 'fingerprint'>, email: string): string {
  // The same fingerprint form as the sign-up email limit (auth/attempt-guards.ts).
  return limitKey('passwordResetEmail', cipher.fingerprint(`limit:email:${email}`));
}

export function createPasswordResetService(deps: PasswordResetDeps) {
  const base = deps.baseUrl.replace(/\/$/, '');

  async function findLink(token: string): Promise<ResetLink> {
    if (!/^[A-Za-z0-9_-]{20,128}$/.test(token)) return { state: 'unknown' };
    const request = await deps.requests.findByToken('password_reset', hashToken(token));
    if (!request) return { state: 'unknown' };
    const state = recoveryLinkState(request, deps.clock.now());
    if (state === 'cancelled') return { state: 'replaced' };
    if (state !== 'open') return { state: state === 'waiting' ? 'unknown' : state };
    const account = await deps.accounts.findById(request.accountId);
    return account ? { state: 'open', request, account } : { state: 'unknown' };
  }

  return {
    linkTtlMinutes: deps.linkTtlMinutes,

    /** Sends a reset link, or a "no account here" note; the result never says which. */
    async requestLink(rawEmail: string, locale: Locale): Promise<RequestLinkResult> {
      const email = normaliseEmail(rawEmail);
      if (!isValidEmail(email)) return { ok: false, error: 'idp.signUp.emailInvalid' };
      const now = deps.clock.now();
      // Counted for every address, registered or not, so the limit itself reveals nothing.
      const decision = await deps.limiter.hit(
        resetEmailLimitKey(deps.cipher, email),
        LIMIT_RULES.passwordResetEmail,
        now,
      );
      if (!decision.allowed) return { ok: false, retryAfterSeconds: decision.retryAfterSeconds };
      const t = translator(locale);
      const account = await deps.accounts.findByEmail(email);
      if (!account) {
        await deps.email.send({
          to: email,
          kind: 'password-reset-no-account',
          subject: t('idp.recovery.email.noAccount.subject'),
          text: t('idp.recovery.email.noAccount.body', { link: `${base}/sign-up` }),
        });
        return { ok: true, email };
      }
      const token = randomToken();
      await deps.db.transaction(async (tx) => {
        // Only the newest link works (Login.gov): earlier ones are replaced.
        await deps.requests.cancelPending(tx, account.id, 'password_reset', now);
        await deps.requests.create(tx, {
          id: randomUUID(),
          accountId: account.id,
          kind: 'password_reset',
          tokenHash: hashToken(token),
          locale,
          requestedAt: now,
          usableFrom: now,
          expiresAt: new Date(now.getTime() + deps.linkTtlMinutes * 60_000),
        });
      });
      await deps.email.send({
        to: email,
        kind: 'password-reset',
        subject: t('idp.recovery.email.reset.subject'),
        text: t('idp.recovery.email.reset.body', {
          link: `${base}/reset-password?token=${encodeURIComponent(token)}`,
          minutes: deps.linkTtlMinutes,
        }),
      });
      return { ok: true, email };
    },

    findLink,

    /** Sets the new password if the link is open and the password passes the rules. */
    async reset(
      token: string,
      input: { password: string; passwordConfirmation: string },
      device: Device | undefined,
      locale: Locale,
    ): Promise<ResetResult> {
      const link = await findLink(token);
      if (link.state !== 'open') return { ok: false, link: link.state };
      const problem = checkNewPassword({
        password: input.password,
        confirmation: input.passwordConfirmation,
        email: link.account.email,
        breached: deps.breached,
      });
      if (problem) {
        const field = problem === 'idp.password.mismatch' ? 'passwordConfirmation' : 'password';
        return { ok: false, email: link.account.email, errors: [{ field, key: problem }] };
      }
      const passwordHash = await deps.hasher.hash(input.password);
      const accountId = link.account.id;
      const now = deps.clock.now();
      const changed = await deps.db.transaction(async (tx) => {
        if (!(await deps.requests.use(tx, link.request.id, now))) return false;
        await deps.writes.setPasswordHash(tx, accountId, passwordHash);
        await deps.writes.endOidcSessions(tx, accountId);
        await deps.securityEvents?.passwordReset(tx, accountId);
        await deps.lockVerifiedProfile?.(tx, accountId);
        return true;
      });
      // Used by a second request in the meantime (or it expired while hashing).
      if (!changed) {
        const again = await findLink(token);
        return { ok: false, link: again.state === 'open' ? 'used' : again.state };
      }
      await deps.sessions.destroyAllForAccount(accountId);
      await deps.locks.unlock(accountId);
      await deps.events.record({
        accountId,
        kind: 'password_changed',
        deviceId: device?.id,
        deviceLabel: device?.label,
        at: now,
        locale,
      });
      return { ok: true, accountId };
    },
  };
}

export type PasswordResetService = ReturnType<typeof createPasswordResetService>;

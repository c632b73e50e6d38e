// Recovery requests (password reset, account reset) and the writes recovery makes to an
// account: a new password hash, all methods removed, the account deleted. Links carry
// tokens; only their hashes are stored. Every "use once" is one conditional UPDATE, so a
// link can never be used twice, even by two requests at once.
import type { Queryable } from '#platform/db/database.ts';
import { isUuid } from '#platform/db/uuid.ts';
import { isLocale, type Locale } from '#platform/i18n/catalog.ts';

export type RecoveryKind = 'password_reset' | 'account_reset';

export interface RecoveryRequest {
  id: string;
  accountId: string;
  kind: RecoveryKind;
  locale: Locale;
  requestedAt: Date;
  /** Account reset: the end of the 24-hour wait. Password reset: requestedAt. */
  usableFrom: Date;
  expiresAt: Date;
  notifiedAt: Date | null;
  usedAt: Date | null;
  cancelledAt: Date | null;
}

/** Where a request's link stands at a moment; only `open` may be used. */
export type RecoveryLinkState = 'open' | 'waiting' | 'expired' | 'used' | 'cancelled';

export function recoveryLinkState(request: RecoveryRequest, now: Date): RecoveryLinkState {
  if (request.usedAt) return 'used';
  if (request.cancelledAt) return 'cancelled';
  if (request.expiresAt <= now) return 'expired';
  if (request.usableFrom > now) return 'waiting';
  return 'open';
}

export interface NewRecoveryRequest {
  id: string;
  accountId: string;
  kind: RecoveryKind;
  tokenHash: string;
  cancelTokenHash?: string | undefined;
  locale: Locale;
  requestedAt: Date;
  usableFrom: Date;
  expiresAt: Date;
}

export interface RecoveryRequestsRepo {
  create(tx: Queryable, request: NewRecoveryRequest): Promise<RecoveryRequest>;
  findById(id: string): Promise<RecoveryRequest | undefined>;
  findByToken(kind: RecoveryKind, tokenHash: string): Promise<RecoveryRequest | undefined>;
  findByCancelToken(tokenHash: string): Promise<RecoveryRequest | undefined>;
  /** The newest request of this kind that is neither used, cancelled nor expired at `now`. */
  findPending(accountId: string, kind: RecoveryKind, now: Date): Promise<RecoveryRequest | undefined>;
  /** Marks the request used if it is open at `now`; false otherwise (used, cancelled, waiting, expired). */
  use(tx: Queryable, id: string, now: Date): Promise<boolean>;
  /** Cancels the request unless it was used or cancelled already; false then. */
  cancel(id: string, now: Date): Promise<boolean>;
  /** Cancels every pending request of this kind for the account (a newer link replaces them). */
  cancelPending(tx: Queryable, accountId: string, kind: RecoveryKind, now: Date): Promise<number>;
  /**
   * Account resets whose wait is over and whose "you can continue" email has not gone out:
   * marks them notified and returns them (each row is claimed by exactly one caller).
   */
  claimDueNotices(now: Date, limit: number): Promise<RecoveryRequest[]>;
  /** Undoes a claim after the email could not be sent, so the next sweep tries again. */
  releaseNotice(id: string): Promise<void>;
}

interface Row {
  id: string;
  account_id: string;
  kind: RecoveryKind;
  locale: string;
  requested_at: Date;
  usable_from: Date;
  expires_at: Date;
  notified_at: Date | null;
  used_at: Date | null;
  cancelled_at: Date | null;
}

const COLUMNS =
  'id, account_id, kind, locale, requested_at, usable_from, expires_at, notified_at, used_at, cancelled_at';

const toRequest = (row: Row): RecoveryRequest => ({
  id: row.id,
  accountId: row.account_id,
  kind: row.kind,
  locale: isLocale(row.locale) ? row.locale : 'en',
  requestedAt: row.requested_at,
  usableFrom: row.usable_from,
  expiresAt: row.expires_at,
  notifiedAt: row.notified_at,
  usedAt: row.used_at,
  cancelledAt: row.cancelled_at,
});

export function createRecoveryRequestsRepo(db: Queryable): RecoveryRequestsRepo {
  return {
    async create(tx, r) {
      const rows = await tx.query<Row>(
        `INSERT INTO recovery_requests
           (id, account_id, kind, token_hash, cancel_token_hash, locale, requested_at, usable_from, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${COLUMNS}`,
        [
          r.id,
          r.accountId,
          r.kind,
          r.tokenHash,
          r.cancelTokenHash ?? null,
          r.locale,
          r.requestedAt,
          r.usableFrom,
          r.expiresAt,
        ],
      );
      return toRequest(rows[0]!);
    },
    async findById(id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<Row>(`SELECT ${COLUMNS} FROM recovery_requests WHERE id = $1`, [id]);
      return rows[0] && toRequest(rows[0]);
    },
    async findByToken(kind, tokenHash) {
      const rows = await db.query<Row>(
        `SELECT ${COLUMNS} FROM recovery_requests WHERE token_hash = $1 AND kind = $2`,
        [tokenHash, kind],
      );
      return rows[0] && toRequest(rows[0]);
    },
    async findByCancelToken(tokenHash) {
      const rows = await db.query<Row>(
        `SELECT ${COLUMNS} FROM recovery_requests WHERE cancel_token_hash = $1`,
        [tokenHash],
      );
      return rows[0] && toRequest(rows[0]);
    },
    async findPending(accountId, kind, now) {
      const rows = await db.query<Row>(
        `SELECT ${COLUMNS} FROM recovery_requests
         WHERE account_id = $1 AND kind = $2 AND used_at IS NULL AND cancelled_at IS NULL AND expires_at > $3
         ORDER BY requested_at DESC LIMIT 1`,
        [accountId, kind, now],
      );
      return rows[0] && toRequest(rows[0]);
    },
    async use(tx, id, now) {
      const rows = await tx.query(
        `UPDATE recovery_requests SET used_at = $2
         WHERE id = $1 AND used_at IS NULL AND cancelled_at IS NULL AND usable_from <= $2 AND expires_at > $2
         RETURNING id`,
        [id, now],
      );
      return rows.length === 1;
    },
    async cancel(id, now) {
      const rows = await db.query(
        `UPDATE recovery_requests SET cancelled_at = $2
         WHERE id = $1 AND used_at IS NULL AND cancelled_at IS NULL RETURNING id`,
        [id, now],
      );
      return rows.length === 1;
    },
    async cancelPending(tx, accountId, kind, now) {
      const rows = await tx.query(
        `UPDATE recovery_requests SET cancelled_at = $3
         WHERE account_id = $1 AND kind = $2 AND used_at IS NULL AND cancelled_at IS NULL AND expires_at > $3
         RETURNING id`,
        [accountId, kind, now],
      );
      return rows.length;
    },
    async claimDueNotices(now, limit) {
      const rows = await db.query<Row>(
        `UPDATE recovery_requests SET notified_at = $1
         WHERE id IN (
           SELECT id FROM recovery_requests
           WHERE kind = 'account_reset' AND notified_at IS NULL AND used_at IS NULL AND cancelled_at IS NULL
             AND usable_from <= $1 AND expires_at > $1
           ORDER BY usable_from LIMIT $2 FOR UPDATE SKIP LOCKED)
         AND notified_at IS NULL
         RETURNING ${COLUMNS}`,
        [now, limit],
      );
      return rows.map(toRequest);
    },
    async releaseNotice(id) {
      await db.query('UPDATE recovery_requests SET notified_at = NULL WHERE id = $1', [id]);
    },
  };
}

/** What recovery changes on an account. Every method runs on the caller's transaction. */
export interface AccountRecoveryWrites {
  setPasswordHash(tx: Queryable, accountId: string, passwordHash: string): Promise<void>;
  /** Removes every second factor (backup codes and pending codes go with them); how many. */
  removeAllMfaMethods(tx: Queryable, accountId: string): Promise<number>;
  /** Ends the account's single-sign-on sessions at the OIDC provider (not its grants). */
  endOidcSessions(tx: Queryable, accountId: string): Promise<number>;
  /**
   * Deletes the account and, in the same statement, every OIDC model naming it (grants,
   * sessions, codes, tokens). Its methods, sessions, events, consents, sign-up flows and
   * recovery requests go with the row (ON DELETE CASCADE). False if there was no account.
   */
  deleteAccount(tx: Queryable, accountId: string): Promise<boolean>;
}

export function createAccountRecoveryWrites(): AccountRecoveryWrites {
  return {
    async setPasswordHash(tx, accountId, passwordHash) {
      await tx.query('UPDATE accounts SET password_hash = $2, updated_at = now() WHERE id = $1', [
        accountId,
        passwordHash,
      ]);
    },
    async removeAllMfaMethods(tx, accountId) {
      const rows = await tx.query('DELETE FROM mfa_methods WHERE account_id = $1 RETURNING id', [accountId]);
      return rows.length;
    },
    async endOidcSessions(tx, accountId) {
      const rows = await tx.query(
        `DELETE FROM oidc_models WHERE model = 'Session' AND payload ->> 'accountId' = $1 RETURNING id`,
        [accountId],
      );
      return rows.length;
    },
    async deleteAccount(tx, accountId) {
      if (!isUuid(accountId)) return false;
      const rows = await tx.query(
        `WITH models AS (DELETE FROM oidc_models WHERE payload ->> 'accountId' = $1)
         DELETE FROM accounts WHERE id = $2 RETURNING id`,
        [accountId, accountId],
      );
      return rows.length === 1;
    },
  };
}

// Account locks: set when the owner follows a "This wasn't me" link from a security
// email; sign-in is refused until a successful password reset calls `unlock`.
import type { Queryable } from '#platform/db/database.ts';

export interface AccountLock {
  lockedAt: Date;
  reason: string;
}

export interface AccountLocksRepo {
  /** Locks the account; locking a locked account keeps the first lock (idempotent). */
  lock(accountId: string, reason: string, at: Date): Promise<void>;
  /** Lifts the lock; true when there was one. */
  unlock(accountId: string): Promise<boolean>;
  isLocked(accountId: string): Promise<boolean>;
  find(accountId: string): Promise<AccountLock | undefined>;
}

export function createAccountLocksRepo(db: Queryable): AccountLocksRepo {
  return {
    async lock(accountId, reason, at) {
      await db.query(
        `INSERT INTO account_locks (account_id, locked_at, reason) VALUES ($1, $2, $3)
         ON CONFLICT (account_id) DO NOTHING`,
        [accountId, at, reason],
      );
    },
    async unlock(accountId) {
      const rows = await db.query('DELETE FROM account_locks WHERE account_id = $1 RETURNING account_id', [
        accountId,
      ]);
      return rows.length > 0;
    },
    async isLocked(accountId) {
      const rows = await db.query('SELECT 1 FROM account_locks WHERE account_id = $1', [accountId]);
      return rows.length > 0;
    },
    async find(accountId) {
      const rows = await db.query<{ locked_at: Date; reason: string }>(
        'SELECT locked_at, reason FROM account_locks WHERE account_id = $1',
        [accountId],
      );
      return rows[0] && { lockedAt: rows[0].locked_at, reason: rows[0].reason };
    },
  };
}

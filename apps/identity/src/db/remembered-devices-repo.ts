// Remembered browsers ("Remember this browser for 30 days"). The cookie holds a random token;
// the table holds its hash, the account and device it belongs to, and a fixed expiry (it does
// not slide with use). Forgetting every one of an account's browsers is also part of ending all
// its sessions (`IdpSessionsRepo.destroyAllForAccount`).
import type { Queryable } from '#platform/db/database.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';

export interface RememberedDevice {
  accountId: string;
  deviceId: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
}

export interface RememberedDevicesRepo {
  /** Remembers a browser for an account until `now + ttlSeconds`; returns the token for its cookie. */
  remember(input: { accountId: string; deviceId: string; now: Date; ttlSeconds: number }): Promise<string>;
  /** The live remembered browser for a token; undefined when unknown, forgotten or expired. */
  find(token: string, now: Date): Promise<RememberedDevice | undefined>;
  /** Records that a remembered browser was used to skip the second factor. */
  markUsed(token: string, now: Date): Promise<void>;
  /** How many of the account's browsers are remembered now. */
  count(accountId: string, now: Date): Promise<number>;
  /** Forgets every browser remembered for the account (expired ones too); returns how many. */
  forgetAll(accountId: string): Promise<number>;
}

interface Row {
  account_id: string;
  device_id: string;
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
}

export function createRememberedDevicesRepo(db: Queryable): RememberedDevicesRepo {
  return {
    async remember({ accountId, deviceId, now, ttlSeconds }) {
      const token = randomToken();
      // One row per account and device (remembering again replaces it); expired rows go too.
      await db.query(
        'DELETE FROM remembered_devices WHERE account_id = $1 AND (expires_at <= $2 OR device_id = $3)',
        [accountId, now, deviceId],
      );
      await db.query(
        `INSERT INTO remembered_devices (token_hash, account_id, device_id, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [hashToken(token), accountId, deviceId, now, new Date(now.getTime() + ttlSeconds * 1000)],
      );
      return token;
    },
    async find(token, now) {
      const rows = await db.query<Row>(
        `SELECT account_id, device_id, created_at, expires_at, last_used_at
         FROM remembered_devices WHERE token_hash = $1 AND expires_at > $2`,
        [hashToken(token), now],
      );
      const row = rows[0];
      return (
        row && {
          accountId: row.account_id,
          deviceId: row.device_id,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
          lastUsedAt: row.last_used_at,
        }
      );
    },
    async markUsed(token, now) {
      await db.query('UPDATE remembered_devices SET last_used_at = $2 WHERE token_hash = $1', [
        hashToken(token),
        now,
      ]);
    },
    async count(accountId, now) {
      const rows = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM remembered_devices WHERE account_id = $1 AND expires_at > $2',
        [accountId, now],
      );
      return rows[0]?.n ?? 0;
    },
    async forgetAll(accountId) {
      const rows = await db.query('DELETE FROM remembered_devices WHERE account_id = $1 RETURNING 1', [
        accountId,
      ]);
      return rows.length;
    },
  };
}

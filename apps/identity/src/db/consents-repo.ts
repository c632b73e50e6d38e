// Remembered consent: which scopes a person agreed to share with an agency, and until when.
import type { Queryable } from '#platform/db/database.ts';

export interface ConsentsRepo {
  record(accountId: string, clientId: string, scopes: string[], expiresAt: Date): Promise<void>;
  /** The scopes consented to and still valid at `now`, or undefined. */
  find(accountId: string, clientId: string, now: Date): Promise<string[] | undefined>;
}

export function createConsentsRepo(db: Queryable): ConsentsRepo {
  return {
    async record(accountId, clientId, scopes, expiresAt) {
      await db.query(
        `INSERT INTO consents (account_id, client_id, scopes, expires_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (account_id, client_id) DO UPDATE
           SET scopes = ARRAY(SELECT DISTINCT unnest(consents.scopes || EXCLUDED.scopes)), granted_at = now(), expires_at = EXCLUDED.expires_at`,
        [accountId, clientId, scopes, expiresAt],
      );
    },
    async find(accountId, clientId, now) {
      const rows = await db.query<{ scopes: string[] }>(
        'SELECT scopes FROM consents WHERE account_id = $1 AND client_id = $2 AND expires_at > $3',
        [accountId, clientId, now],
      );
      return rows[0]?.scopes;
    },
  };
}

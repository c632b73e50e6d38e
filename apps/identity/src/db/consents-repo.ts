// Remembered consent: which scopes a person agreed to share with an agency, and until when.
// Revoking it also removes the provider's grants for that account and agency, with every
// code and token issued under them (rows of oidc_models that name the grant).
import type { Database } from '#platform/db/database.ts';

/** One agency a person shares with ("Connected agencies"). */
export interface Consent {
  clientId: string;
  scopes: string[];
  grantedAt: Date;
  expiresAt: Date;
  /** The last sign-in at this agency, or null when there has been none since consenting. */
  lastSignInAt: Date | null;
}

export interface ConsentsRepo {
  record(accountId: string, clientId: string, scopes: string[], expiresAt: Date): Promise<void>;
  /** The scopes consented to and still valid at `now`, or undefined. */
  find(accountId: string, clientId: string, now: Date): Promise<string[] | undefined>;
  /** The consents still valid at `now`, newest first. */
  list(accountId: string, now: Date): Promise<Consent[]>;
  /**
   * Forgets the consent and, in the same transaction, deletes the provider's grants for this
   * account and agency with their codes and tokens. Whether there was anything to revoke.
   */
  revoke(accountId: string, clientId: string): Promise<boolean>;
  /** Notes a sign-in at the agency (no-op without a consent row). */
  recordSignIn(accountId: string, clientId: string, at: Date): Promise<void>;
}

export function createConsentsRepo(db: Database): ConsentsRepo {
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
    async list(accountId, now) {
      const rows = await db.query<{
        client_id: string;
        scopes: string[];
        granted_at: Date;
        expires_at: Date;
        last_sign_in_at: Date | null;
      }>(
        `SELECT client_id, scopes, granted_at, expires_at, last_sign_in_at FROM consents
         WHERE account_id = $1 AND expires_at > $2 ORDER BY granted_at DESC, client_id`,
        [accountId, now],
      );
      return rows.map((row) => ({
        clientId: row.client_id,
        scopes: row.scopes,
        grantedAt: row.granted_at,
        expiresAt: row.expires_at,
        lastSignInAt: row.last_sign_in_at,
      }));
    },
    async revoke(accountId, clientId) {
      return db.transaction(async (tx) => {
        const consents = await tx.query(
          'DELETE FROM consents WHERE account_id = $1 AND client_id = $2 RETURNING client_id',
          [accountId, clientId],
        );
        const grants = await tx.query<{ id: string }>(
          `SELECT id FROM oidc_models
           WHERE model = 'Grant' AND payload ->> 'accountId' = $1 AND payload ->> 'clientId' = $2`,
          [accountId, clientId],
        );
        const grantIds = grants.map((grant) => grant.id);
        // The grants, everything issued under them, and any code or token of this account and
        // agency whose grant has already gone.
        await tx.query(
          `DELETE FROM oidc_models
           WHERE (model = 'Grant' AND id = ANY($3::text[]))
              OR grant_id = ANY($3::text[])
              OR (model <> 'Session' AND payload ->> 'accountId' = $1 AND payload ->> 'clientId' = $2)`,
          [accountId, clientId, grantIds],
        );
        return consents.length > 0 || grantIds.length > 0;
      });
    },
    async recordSignIn(accountId, clientId, at) {
      await db.query('UPDATE consents SET last_sign_in_at = $3 WHERE account_id = $1 AND client_id = $2', [
        accountId,
        clientId,
        at,
      ]);
    },
  };
}

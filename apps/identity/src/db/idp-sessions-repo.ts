// The identity provider's own browser sessions (for its pages and for single sign-on
// between agencies). The cookie holds a random token; the table holds its hash, the
// assurance level reached, when each factor was last used, idle and absolute expiry.
import type { Queryable } from '#platform/db/database.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';

export interface IdpSession {
  accountId: string;
  aal: 1 | 2;
  passwordAt: Date;
  mfaAt: Date | null;
  mfaKind: string | null;
  deviceId: string;
  deviceLabel: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface SessionTimes {
  idleSeconds: number;
  absoluteSeconds: number;
}

interface Row {
  account_id: string;
  aal: number;
  password_at: Date;
  mfa_at: Date | null;
  mfa_kind: string | null;
  device_id: string;
  device_label: string;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

export interface IdpSessionsRepo {
  create(input: { accountId: string; deviceId: string; deviceLabel: string; now: Date }): Promise<string>;
  /** The live session for a token, sliding its idle expiry; undefined when expired or unknown. */
  touch(token: string, now: Date): Promise<IdpSession | undefined>;
  /** Looks without sliding the idle expiry (for the "time left" poll). */
  peek(token: string, now: Date): Promise<IdpSession | undefined>;
  /** Records a second factor: the session reaches AAL2. */
  upgrade(token: string, mfaKind: string, now: Date): Promise<void>;
  /** Records a fresh password entry (re-authentication). */
  refreshPassword(token: string, now: Date): Promise<void>;
  destroy(token: string): Promise<void>;
  /** Keeps (or forgets, with null) this session's unlocked verified-profile key, sealed with the token. */
  setProfileKey(token: string, sealed: string | null): Promise<void>;
  profileKey(token: string): Promise<string | undefined>;
  /**
   * Ends every way back in without both factors: these sessions, the provider's single-sign-on
   * sessions and remembered browsers ("sign out everywhere", a lock, a password or account reset).
   * Returns how many of these sessions ended.
   */
  destroyAllForAccount(accountId: string): Promise<number>;
}

export function createIdpSessionsRepo(db: Queryable, times: SessionTimes): IdpSessionsRepo {
  const columns =
    'account_id, aal, password_at, mfa_at, mfa_kind, device_id, device_label, created_at, last_seen_at, expires_at';
  const toSession = (row: Row): IdpSession => ({
    accountId: row.account_id,
    aal: row.aal === 2 ? 2 : 1,
    passwordAt: row.password_at,
    mfaAt: row.mfa_at,
    mfaKind: row.mfa_kind,
    deviceId: row.device_id,
    deviceLabel: row.device_label,
    createdAt: row.created_at,
    lastSeenAt: row.last_seen_at,
    expiresAt: row.expires_at,
  });
  const idleCutoff = (now: Date) => new Date(now.getTime() - times.idleSeconds * 1000);
  return {
    async create({ accountId, deviceId, deviceLabel, now }) {
      const token = randomToken();
      await db.query(
        `INSERT INTO idp_sessions (id_hash, account_id, aal, password_at, device_id, device_label, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, 1, $3, $4, $5, $3, $3, $6)`,
        [
          hashToken(token),
          accountId,
          now,
          deviceId,
          deviceLabel,
          new Date(now.getTime() + times.absoluteSeconds * 1000),
        ],
      );
      return token;
    },
    async touch(token, now) {
      const rows = await db.query<Row>(
        `UPDATE idp_sessions SET last_seen_at = $2
         WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $3 RETURNING ${columns}`,
        [hashToken(token), now, idleCutoff(now)],
      );
      return rows[0] && toSession(rows[0]);
    },
    async peek(token, now) {
      const rows = await db.query<Row>(
        `SELECT ${columns} FROM idp_sessions WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $3`,
        [hashToken(token), now, idleCutoff(now)],
      );
      return rows[0] && toSession(rows[0]);
    },
    async upgrade(token, mfaKind, now) {
      await db.query('UPDATE idp_sessions SET aal = 2, mfa_at = $2, mfa_kind = $3 WHERE id_hash = $1', [
        hashToken(token),
        now,
        mfaKind,
      ]);
    },
    async refreshPassword(token, now) {
      await db.query('UPDATE idp_sessions SET password_at = $2 WHERE id_hash = $1', [hashToken(token), now]);
    },
    async setProfileKey(token, sealed) {
      await db.query('UPDATE idp_sessions SET profile_key_enc = $2 WHERE id_hash = $1', [
        hashToken(token),
        sealed,
      ]);
    },
    async profileKey(token) {
      const rows = await db.query<{ profile_key_enc: string | null }>(
        'SELECT profile_key_enc FROM idp_sessions WHERE id_hash = $1',
        [hashToken(token)],
      );
      return rows[0]?.profile_key_enc ?? undefined;
    },
    async destroy(token) {
      await db.query('DELETE FROM idp_sessions WHERE id_hash = $1', [hashToken(token)]);
    },
    async destroyAllForAccount(accountId) {
      // Also the protocol engine's single-sign-on sessions, so no agency can get a new
      // sign-in from a browser that was signed out everywhere.
      await db.query(`DELETE FROM oidc_models WHERE model = 'Session' AND payload ->> 'accountId' = $1`, [
        accountId,
      ]);
      // …and from a remembered browser, none gets a sign-in with the password alone.
      await db.query('DELETE FROM remembered_devices WHERE account_id = $1', [accountId]);
      const rows = await db.query('DELETE FROM idp_sessions WHERE account_id = $1 RETURNING id_hash', [
        accountId,
      ]);
      return rows.length;
    },
  };
}

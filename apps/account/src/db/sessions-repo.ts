// Web sessions: the cookie holds a random id; the table holds its hash, the encrypted
// identity claims and ID token, and idle and absolute expiry.
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';

export interface IdentityClaims {
  sub: string;
  email?: string;
  given_name?: string;
  family_name?: string;
  name?: string;
}

export interface WebSession {
  subject: string;
  claims: IdentityClaims;
  idToken: string;
  createdAt: Date;
}

export interface SessionPolicy {
  idleSeconds: number;
  absoluteSeconds: number;
}

export interface SessionsRepo {
  create(claims: IdentityClaims, idToken: string, now: Date): Promise<string>;
  /** Finds a live session and slides its idle expiry; undefined if missing or expired. */
  touch(token: string, now: Date): Promise<WebSession | undefined>;
  destroy(token: string): Promise<WebSession | undefined>;
  /** Seconds until the session ends (idle or absolute), without extending it; 0 if gone. */
  secondsLeft(token: string, now: Date): Promise<number>;
  /** Ends every session of a subject (the provider's `sub`); how many there were. */
  destroyAllForSubject(subject: string): Promise<number>;
}

export function createSessionsRepo(db: Queryable, cipher: FieldCipher, policy: SessionPolicy): SessionsRepo {
  type Row = { subject: string; claims_enc: string; id_token_enc: string; created_at: Date };
  const toSession = (row: Row): WebSession => ({
    subject: row.subject,
    claims: JSON.parse(cipher.decrypt(row.claims_enc)) as IdentityClaims,
    idToken: cipher.decrypt(row.id_token_enc),
    createdAt: row.created_at,
  });
  return {
    async create(claims, idToken, now) {
      const token = randomToken();
      await db.query(
        `INSERT INTO web_sessions (id_hash, subject, claims_enc, id_token_enc, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6)`,
        [
          hashToken(token),
          claims.sub,
          cipher.encrypt(JSON.stringify(claims)),
          cipher.encrypt(idToken),
          now,
          new Date(now.getTime() + policy.absoluteSeconds * 1000),
        ],
      );
      return token;
    },
    async touch(token, now) {
      const rows = await db.query<Row>(
        `UPDATE web_sessions SET last_seen_at = $2
         WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $3
         RETURNING subject, claims_enc, id_token_enc, created_at`,
        [hashToken(token), now, new Date(now.getTime() - policy.idleSeconds * 1000)],
      );
      return rows[0] && toSession(rows[0]);
    },
    async secondsLeft(token, now) {
      const rows = await db.query<{ last_seen_at: Date; expires_at: Date }>(
        'SELECT last_seen_at, expires_at FROM web_sessions WHERE id_hash = $1',
        [hashToken(token)],
      );
      const row = rows[0];
      if (!row) return 0;
      const end = Math.min(row.expires_at.getTime(), row.last_seen_at.getTime() + policy.idleSeconds * 1000);
      return Math.max(0, Math.floor((end - now.getTime()) / 1000));
    },
    async destroy(token) {
      const rows = await db.query<Row>(
        'DELETE FROM web_sessions WHERE id_hash = $1 RETURNING subject, claims_enc, id_token_enc, created_at',
        [hashToken(token)],
      );
      return rows[0] && toSession(rows[0]);
    },
    async destroyAllForSubject(subject) {
      const rows = await db.query('DELETE FROM web_sessions WHERE subject = $1 RETURNING id_hash', [subject]);
      return rows.length;
    },
  };
}

// Web sessions: the cookie holds a random id; the table holds its hash, the encrypted
// identity claims and ID token, and idle and absolute expiry.
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';
import type { TaxpayerRecords } from '../domain/records/tax-records.ts';
import { recordsColumns, toRecords, type RecordsRow } from './tax-records-repo.ts';

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

/** A read of the linked taxpayer's records, as the audit event records it. */
export interface RecordsRead {
  action: string;
  requestId: string;
  /** Besides the taxpayer's id, which is always added as `taxpayer`. */
  detail?: Record<string, string | number>;
}

/** A live session and, when its person is linked to a taxpayer, that taxpayer's records. */
export type SessionWithRecords =
  | { session: WebSession; taxpayerId: undefined; records: undefined }
  | { session: WebSession; taxpayerId: string; records: TaxpayerRecords };

export interface SessionsRepo {
  create(claims: IdentityClaims, idToken: string, now: Date): Promise<string>;
  /** Finds a live session and slides its idle expiry; undefined if missing or expired. */
  touch(token: string, now: Date): Promise<WebSession | undefined>;
  /**
   * `touch`, then, when the session's person is linked to a taxpayer, that taxpayer's records
   * with an audit event for the read (subject, `read`, and the taxpayer's id) — in one statement,
   * so the audit row is written exactly when the records are read. Nothing is read or audited
   * for a missing or expired session, or a person not linked.
   */
  touchAndReadRecords(token: string, now: Date, read: RecordsRead): Promise<SessionWithRecords | undefined>;
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
    async touchAndReadRecords(token, now, read) {
      const rows = await db.query<Row & RecordsRow & { taxpayer_id: string | null }>(
        `WITH s AS (
           UPDATE web_sessions SET last_seen_at = $2
           WHERE id_hash = $1 AND expires_at > $2 AND last_seen_at > $3
           RETURNING subject, claims_enc, id_token_enc, created_at
         ), l AS (
           SELECT s.*, k.taxpayer_id FROM s LEFT JOIN taxpayer_links k ON k.subject = s.subject
         ), audited AS (
           INSERT INTO audit_events (subject, action, request_id, detail)
           SELECT subject, $4, $5, jsonb_build_object('taxpayer', taxpayer_id::text) || $6::jsonb
           FROM l WHERE taxpayer_id IS NOT NULL
         )
         SELECT l.subject, l.claims_enc, l.id_token_enc, l.created_at, l.taxpayer_id,
           ${recordsColumns('l.taxpayer_id')}
         FROM l`,
        [
          hashToken(token),
          now,
          new Date(now.getTime() - policy.idleSeconds * 1000),
          read.action,
          read.requestId,
          JSON.stringify(read.detail ?? {}),
        ],
      );
      const row = rows[0];
      if (!row) return undefined;
      const session = toSession(row);
      const taxpayerId = row.taxpayer_id;
      return taxpayerId === null
        ? { session, taxpayerId: undefined, records: undefined }
        : { session, taxpayerId, records: toRecords(taxpayerId, row, cipher) };
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

// Persisted sign-up flows (one row per journey), so the confirmation link, Back and deep
// links all resolve against stored state rather than the browser's memory.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import { isUuid } from '#platform/db/uuid.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import type { Locale } from '#platform/i18n/catalog.ts';

export interface SignUpFlow {
  id: string;
  email: string;
  interactionUid: string | null;
  locale: Locale;
  confirmedAt: Date | null;
  completedAt: Date | null;
  expiresAt: Date;
}

interface Row {
  id: string;
  email_enc: string;
  interaction_uid: string | null;
  locale: Locale;
  confirmed_at: Date | null;
  completed_at: Date | null;
  expires_at: Date;
}

export interface SignUpFlowsRepo {
  start(input: {
    email: string;
    tokenHash: string;
    interactionUid: string | null;
    locale: Locale;
    expiresAt: Date;
  }): Promise<SignUpFlow>;
  findById(id: string): Promise<SignUpFlow | undefined>;
  /** Marks the flow confirmed by its link token, once; returns it, or undefined if unknown, used or expired. */
  confirmByToken(tokenHash: string, now: Date): Promise<SignUpFlow | undefined>;
  /** Marks a confirmed, open flow complete inside the caller's transaction; false if it was not open. */
  complete(tx: Queryable, id: string, accountId: string): Promise<boolean>;
}

export function createSignUpFlowsRepo(db: Queryable, cipher: FieldCipher): SignUpFlowsRepo {
  const columns = 'id, email_enc, interaction_uid, locale, confirmed_at, completed_at, expires_at';
  const toFlow = (row: Row): SignUpFlow => ({
    id: row.id,
    email: cipher.decrypt(row.email_enc),
    interactionUid: row.interaction_uid,
    locale: row.locale,
    confirmedAt: row.confirmed_at,
    completedAt: row.completed_at,
    expiresAt: row.expires_at,
  });
  return {
    async start(input) {
      const rows = await db.query<Row>(
        `INSERT INTO signup_flows (id, email_fp, email_enc, token_hash, interaction_uid, locale, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${columns}`,
        [
          randomUUID(),
          cipher.fingerprint(input.email),
          cipher.encrypt(input.email),
          input.tokenHash,
          input.interactionUid,
          input.locale,
          input.expiresAt,
        ],
      );
      return toFlow(rows[0]!);
    },
    async findById(id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<Row>(`SELECT ${columns} FROM signup_flows WHERE id = $1`, [id]);
      return rows[0] && toFlow(rows[0]);
    },
    async confirmByToken(tokenHash, now) {
      const rows = await db.query<Row>(
        `UPDATE signup_flows SET confirmed_at = $2, token_hash = NULL
         WHERE token_hash = $1 AND expires_at > $2 AND completed_at IS NULL RETURNING ${columns}`,
        [tokenHash, now],
      );
      return rows[0] && toFlow(rows[0]);
    },
    async complete(tx, id, accountId) {
      const rows = await tx.query(
        `UPDATE signup_flows SET completed_at = now(), account_id = $2
         WHERE id = $1 AND confirmed_at IS NOT NULL AND completed_at IS NULL RETURNING id`,
        [id, accountId],
      );
      return rows.length === 1;
    },
  };
}

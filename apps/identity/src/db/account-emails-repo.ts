// Additional email addresses of an account. An address is usable (for signing in and for
// notices) only once confirmed, and a confirmed address belongs to one account only.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';
import { isUuid } from '#platform/db/uuid.ts';

export interface AccountEmail {
  id: string;
  accountId: string;
  email: string;
  confirmedAt: Date | null;
  createdAt: Date;
}

export type ConfirmResult = { ok: true; email: AccountEmail } | { ok: false; reason: 'invalid' | 'taken' };

export interface AccountEmailsRepo {
  add(input: {
    accountId: string;
    email: string;
    tokenHash: string;
    expiresAt: Date;
    now: Date;
  }): Promise<AccountEmail>;
  list(accountId: string): Promise<AccountEmail[]>;
  /** Confirms by link token, once, unless the address is already any account's. */
  confirm(tokenHash: string, now: Date): Promise<ConfirmResult>;
  remove(accountId: string, id: string): Promise<AccountEmail | undefined>;
  /** Whether any account uses this address (sign-up address or confirmed additional one). */
  inUse(email: string): Promise<boolean>;
}

export function createAccountEmailsRepo(db: Queryable, cipher: FieldCipher): AccountEmailsRepo {
  type Row = {
    id: string;
    account_id: string;
    email_enc: string;
    confirmed_at: Date | null;
    created_at: Date;
  };
  const columns = 'id, account_id, email_enc, confirmed_at, created_at';
  const toEmail = (row: Row): AccountEmail => ({
    id: row.id,
    accountId: row.account_id,
    email: cipher.decrypt(row.email_enc),
    confirmedAt: row.confirmed_at,
    createdAt: row.created_at,
  });
  const inUse = async (fingerprint: string) =>
    (
      await db.query(
        `SELECT 1 FROM accounts WHERE email_fp = $1
         UNION ALL SELECT 1 FROM account_emails WHERE email_fp = $1 AND confirmed_at IS NOT NULL LIMIT 1`,
        [fingerprint],
      )
    ).length > 0;
  return {
    async add({ accountId, email, tokenHash, expiresAt, now }) {
      const rows = await db.query<Row>(
        `INSERT INTO account_emails (id, account_id, email_fp, email_enc, token_hash, token_expires_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${columns}`,
        [
          randomUUID(),
          accountId,
          cipher.fingerprint(email),
          cipher.encrypt(email),
          tokenHash,
          expiresAt,
          now,
        ],
      );
      return toEmail(rows[0]!);
    },
    async list(accountId) {
      const rows = await db.query<Row>(
        `SELECT ${columns} FROM account_emails WHERE account_id = $1 ORDER BY created_at`,
        [accountId],
      );
      return rows.map(toEmail);
    },
    async confirm(tokenHash, now) {
      const pending = await db.query<Row & { email_fp: string }>(
        `SELECT ${columns}, email_fp FROM account_emails
         WHERE token_hash = $1 AND confirmed_at IS NULL AND token_expires_at > $2`,
        [tokenHash, now],
      );
      const row = pending[0];
      if (!row) return { ok: false, reason: 'invalid' };
      if (await inUse(row.email_fp)) return { ok: false, reason: 'taken' };
      try {
        const rows = await db.query<Row>(
          `UPDATE account_emails SET confirmed_at = $2, token_hash = NULL
           WHERE id = $1 AND confirmed_at IS NULL RETURNING ${columns}`,
          [row.id, now],
        );
        return rows[0] ? { ok: true, email: toEmail(rows[0]) } : { ok: false, reason: 'invalid' };
      } catch {
        return { ok: false, reason: 'taken' }; // another account confirmed it at the same moment
      }
    },
    async remove(accountId, id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<Row>(
        `DELETE FROM account_emails WHERE account_id = $1 AND id = $2 RETURNING ${columns}`,
        [accountId, id],
      );
      return rows[0] && toEmail(rows[0]);
    },
    inUse: (email) => inUse(cipher.fingerprint(email)),
  };
}

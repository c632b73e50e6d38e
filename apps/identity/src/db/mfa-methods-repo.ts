// MFA methods of an account. Secrets (TOTP seeds, phone numbers, WebAuthn credentials) are
// encrypted; the last method can never be removed; a TOTP step is accepted at most once.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';

export const MFA_KINDS = ['totp', 'webauthn', 'sms', 'voice', 'email', 'backup_codes'] as const;
export type MfaKind = (typeof MFA_KINDS)[number];

export interface MfaMethod {
  id: string;
  accountId: string;
  kind: MfaKind;
  label: string;
  secret: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

interface Row {
  id: string;
  account_id: string;
  kind: MfaKind;
  label: string;
  secret_enc: string | null;
  created_at: Date;
  last_used_at: Date | null;
}

export interface NewMfaMethod {
  accountId: string;
  kind: MfaKind;
  label: string;
  secret?: string | undefined;
  lookupFingerprint?: string | undefined;
}

export interface MfaMethodsRepo {
  create(tx: Queryable, method: NewMfaMethod): Promise<MfaMethod>;
  list(accountId: string): Promise<MfaMethod[]>;
  find(accountId: string, id: string): Promise<MfaMethod | undefined>;
  findByLookup(lookupFingerprint: string): Promise<MfaMethod | undefined>;
  rename(accountId: string, id: string, label: string): Promise<boolean>;
  /** Removes a method unless it is the account's last one; false if refused or unknown. */
  remove(accountId: string, id: string): Promise<boolean>;
  /** Records a TOTP step as used; false if this or a later step was already accepted. */
  acceptTotpStep(id: string, step: number): Promise<boolean>;
  /** Replaces the stored secret (e.g. a WebAuthn signature counter update). */
  updateSecret(id: string, secret: string): Promise<void>;
  markUsed(id: string, at: Date): Promise<void>;
}

export function createMfaMethodsRepo(db: Queryable, cipher: FieldCipher): MfaMethodsRepo {
  const columns = 'id, account_id, kind, label, secret_enc, created_at, last_used_at';
  const toMethod = (row: Row): MfaMethod => ({
    id: row.id,
    accountId: row.account_id,
    kind: row.kind,
    label: row.label,
    secret: row.secret_enc ? cipher.decrypt(row.secret_enc) : null,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  });
  return {
    async create(tx, method) {
      const rows = await tx.query<Row>(
        `INSERT INTO mfa_methods (id, account_id, kind, label, secret_enc, lookup_fp)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${columns}`,
        [
          randomUUID(),
          method.accountId,
          method.kind,
          method.label,
          method.secret === undefined ? null : cipher.encrypt(method.secret),
          method.lookupFingerprint ?? null,
        ],
      );
      return toMethod(rows[0]!);
    },
    async list(accountId) {
      const rows = await db.query<Row>(
        `SELECT ${columns} FROM mfa_methods WHERE account_id = $1 ORDER BY created_at, id`,
        [accountId],
      );
      return rows.map(toMethod);
    },
    async find(accountId, id) {
      const rows = await db.query<Row>(
        `SELECT ${columns} FROM mfa_methods WHERE account_id = $1 AND id::text = $2`,
        [accountId, id],
      );
      return rows[0] && toMethod(rows[0]);
    },
    async findByLookup(lookupFingerprint) {
      const rows = await db.query<Row>(`SELECT ${columns} FROM mfa_methods WHERE lookup_fp = $1`, [
        lookupFingerprint,
      ]);
      return rows[0] && toMethod(rows[0]);
    },
    async rename(accountId, id, label) {
      const rows = await db.query(
        'UPDATE mfa_methods SET label = $3 WHERE account_id = $1 AND id::text = $2 RETURNING id',
        [accountId, id, label],
      );
      return rows.length === 1;
    },
    async remove(accountId, id) {
      // One statement, so two concurrent removals cannot both pass the "not the last one" check.
      const rows = await db.query(
        `DELETE FROM mfa_methods m WHERE m.account_id = $1 AND m.id::text = $2
           AND (SELECT count(*) FROM mfa_methods o WHERE o.account_id = $1) > 1
         RETURNING m.id`,
        [accountId, id],
      );
      return rows.length === 1;
    },
    async acceptTotpStep(id, step) {
      const rows = await db.query(
        `UPDATE mfa_methods SET last_totp_step = $2
         WHERE id = $1 AND (last_totp_step IS NULL OR last_totp_step < $2) RETURNING id`,
        [id, step],
      );
      return rows.length === 1;
    },
    async updateSecret(id, secret) {
      await db.query('UPDATE mfa_methods SET secret_enc = $2 WHERE id = $1', [id, cipher.encrypt(secret)]);
    },
    async markUsed(id, at) {
      await db.query('UPDATE mfa_methods SET last_used_at = $2 WHERE id = $1', [id, at]);
    },
  };
}

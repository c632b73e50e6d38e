// Accounts: PII is encrypted at rest; email lookups go through a keyed fingerprint.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import { isUuid } from '#platform/db/uuid.ts';
import type { FieldCipher } from '#platform/crypto/field-cipher.ts';

export interface Account {
  id: string;
  email: string;
  givenName: string;
  familyName: string;
  passwordHash: string;
  emailConfirmedAt: Date;
}

interface AccountRow {
  id: string;
  email_enc: string;
  given_name_enc: string;
  family_name_enc: string;
  password_hash: string;
  email_confirmed_at: Date;
}

export interface NewAccount {
  email: string;
  givenName: string;
  familyName: string;
  passwordHash: string;
}

export interface AccountsRepo {
  create(db: Queryable, account: NewAccount): Promise<Account>;
  findById(id: string): Promise<Account | undefined>;
  findByEmail(email: string): Promise<Account | undefined>;
  updatePasswordHash(id: string, passwordHash: string): Promise<void>;
}

export function createAccountsRepo(db: Queryable, cipher: FieldCipher): AccountsRepo {
  const toAccount = (row: AccountRow): Account => ({
    id: row.id,
    email: cipher.decrypt(row.email_enc),
    givenName: cipher.decrypt(row.given_name_enc),
    familyName: cipher.decrypt(row.family_name_enc),
    passwordHash: row.password_hash,
    emailConfirmedAt: row.email_confirmed_at,
  });
  const columns = 'id, email_enc, given_name_enc, family_name_enc, password_hash, email_confirmed_at';
  return {
    async create(tx, account) {
      const rows = await tx.query<AccountRow>(
        `INSERT INTO accounts (id, email_fp, email_enc, given_name_enc, family_name_enc, password_hash, email_confirmed_at)
         VALUES ($1, $2, $3, $4, $5, $6, now()) RETURNING ${columns}`,
        [
          randomUUID(),
          cipher.fingerprint(account.email),
          cipher.encrypt(account.email),
          cipher.encrypt(account.givenName),
          cipher.encrypt(account.familyName),
          account.passwordHash,
        ],
      );
      return toAccount(rows[0]!);
    },
    async findById(id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<AccountRow>(`SELECT ${columns} FROM accounts WHERE id = $1`, [id]);
      return rows[0] && toAccount(rows[0]);
    },
    async findByEmail(email) {
      // The sign-up address, or a confirmed additional one (account_emails).
      const rows = await db.query<AccountRow>(
        `SELECT ${columns} FROM accounts WHERE email_fp = $1
         UNION ALL
         SELECT ${columns
           .split(', ')
           .map((c) => `a.${c}`)
           .join(', ')} FROM accounts a
           JOIN account_emails e ON e.account_id = a.id
          WHERE e.email_fp = $1 AND e.confirmed_at IS NOT NULL
         LIMIT 1`,
        [cipher.fingerprint(email)],
      );
      return rows[0] && toAccount(rows[0]);
    },
    async updatePasswordHash(id, passwordHash) {
      await db.query('UPDATE accounts SET password_hash = $2, updated_at = now() WHERE id = $1', [
        id,
        passwordHash,
      ]);
    },
  };
}

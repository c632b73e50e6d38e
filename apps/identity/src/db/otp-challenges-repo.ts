// One-time code challenges (email, text message, voice). The code is stored as a keyed
// hash; a correct, unexpired code is consumed by one conditional UPDATE.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import { isUuid } from '#platform/db/uuid.ts';

export interface OtpChallenge {
  id: string;
  accountId: string;
  methodId: string | null;
  purpose: string;
  createdAt: Date;
  expiresAt: Date;
  consumedAt: Date | null;
}

export interface OtpChallengesRepo {
  create(input: {
    accountId: string;
    methodId: string | null;
    purpose: string;
    codeHash: string;
    now: Date;
    ttlSeconds: number;
  }): Promise<OtpChallenge>;
  find(id: string): Promise<OtpChallenge | undefined>;
  /** Consumes the challenge if the code matches and it has not expired or been used. */
  consume(id: string, codeHash: string, now: Date): Promise<boolean>;
}

export function createOtpChallengesRepo(db: Queryable): OtpChallengesRepo {
  type Row = {
    id: string;
    account_id: string;
    method_id: string | null;
    purpose: string;
    created_at: Date;
    expires_at: Date;
    consumed_at: Date | null;
  };
  const columns = 'id, account_id, method_id, purpose, created_at, expires_at, consumed_at';
  const toChallenge = (row: Row): OtpChallenge => ({
    id: row.id,
    accountId: row.account_id,
    methodId: row.method_id,
    purpose: row.purpose,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    consumedAt: row.consumed_at,
  });
  return {
    async create(input) {
      const rows = await db.query<Row>(
        `INSERT INTO otp_challenges (id, account_id, method_id, purpose, code_hash, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${columns}`,
        [
          randomUUID(),
          input.accountId,
          input.methodId,
          input.purpose,
          input.codeHash,
          input.now,
          new Date(input.now.getTime() + input.ttlSeconds * 1000),
        ],
      );
      return toChallenge(rows[0]!);
    },
    async find(id) {
      if (!isUuid(id)) return undefined;
      const rows = await db.query<Row>(`SELECT ${columns} FROM otp_challenges WHERE id = $1`, [id]);
      return rows[0] && toChallenge(rows[0]);
    },
    async consume(id, codeHash, now) {
      if (!isUuid(id)) return false;
      const rows = await db.query(
        `UPDATE otp_challenges SET consumed_at = $3
         WHERE id = $1 AND code_hash = $2 AND consumed_at IS NULL AND expires_at > $3 RETURNING id`,
        [id, codeHash, now],
      );
      return rows.length === 1;
    },
  };
}

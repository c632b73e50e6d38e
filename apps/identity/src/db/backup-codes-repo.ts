// Backup codes: only keyed hashes are stored; consuming one is a single conditional UPDATE,
// so a code can never be used twice, even by two requests at once.
import type { Queryable } from '#platform/db/database.ts';

export interface BackupCodesRepo {
  store(tx: Queryable, methodId: string, codeHashes: string[]): Promise<void>;
  consume(methodId: string, codeHash: string, at: Date): Promise<boolean>;
  remaining(methodId: string): Promise<number>;
}

export function createBackupCodesRepo(db: Queryable): BackupCodesRepo {
  return {
    async store(tx, methodId, codeHashes) {
      await tx.query('DELETE FROM backup_codes WHERE method_id = $1', [methodId]);
      for (const hash of codeHashes) {
        await tx.query('INSERT INTO backup_codes (method_id, code_hash) VALUES ($1, $2)', [methodId, hash]);
      }
    },
    async consume(methodId, codeHash, at) {
      const rows = await db.query(
        `UPDATE backup_codes SET used_at = $3
         WHERE method_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING method_id`,
        [methodId, codeHash, at],
      );
      return rows.length === 1;
    },
    async remaining(methodId) {
      const rows = await db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM backup_codes WHERE method_id = $1 AND used_at IS NULL',
        [methodId],
      );
      return rows[0]?.n ?? 0;
    },
  };
}

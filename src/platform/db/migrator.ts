// Versioned SQL migrations: files named `NNN-description.sql`, applied in order, all
// pending ones in one transaction (all or nothing), recorded in a per-app table so two
// apps never mistake each other's versions. An advisory lock, taken before anything is
// created, keeps two processes from migrating the same PostgreSQL database at once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.ts';

export interface Migration {
  version: string;
  sql: string;
}

export function loadMigrations(folder: string): Migration[] {
  return readdirSync(folder)
    .filter((file) => /^\d{3}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: file.replace(/\.sql$/, ''), sql: readFileSync(join(folder, file), 'utf8') }));
}

const LOCK_ID = 727_274_001;

/** Applies pending migrations; returns the versions applied now. */
export async function migrate(
  db: Database,
  migrations: readonly Migration[],
  table = 'schema_migrations',
): Promise<string[]> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`Bad migrations table name ${table}`);
  const applied: string[] = [];
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${table} (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const done = new Set(
      (await tx.query<{ version: string }>(`SELECT version FROM ${table}`)).map((r) => r.version),
    );
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await tx.exec(migration.sql);
      await tx.query(`INSERT INTO ${table} (version) VALUES ($1)`, [migration.version]);
      applied.push(migration.version);
    }
  });
  return applied;
}

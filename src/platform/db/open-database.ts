// Chooses the database from settings: PostgreSQL when a URL is given, else embedded PGlite.
import type { Database } from './database.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';
import { loadMigrations, migrate } from './migrator.ts';

export interface DatabaseSettings {
  /** postgres:// URL; when absent, PGlite stores data at `embeddedPath`. */
  url?: string | undefined;
  /** A folder, or `memory://` for a throwaway database. */
  embeddedPath: string;
}

export async function openDatabase(settings: DatabaseSettings): Promise<Database> {
  return settings.url ? openPostgresDatabase(settings.url) : openPgliteDatabase(settings.embeddedPath);
}

/** Opens the database and applies pending migrations; closes it again if that fails. */
export async function openMigratedDatabase(
  settings: DatabaseSettings,
  migrationsFolder: string,
  migrationsTable: string,
): Promise<{ db: Database; applied: string[] }> {
  const db = await openDatabase(settings);
  try {
    return { db, applied: await migrate(db, loadMigrations(migrationsFolder), migrationsTable) };
  } catch (error) {
    await db.close();
    throw error;
  }
}

// Fresh, migrated databases for repository and integration tests, on both backends the
// product supports: embedded PGlite (always) and a real PostgreSQL server (when TEST_PG_URL
// names one where the tests may CREATE and DROP DATABASE).
//
// PGlite takes seconds to start, so create one database per suite and backend (not per
// test) and always close it, or the process never exits. `forEachBackend` does both.
import { test, type TestContext } from 'node:test';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '#platform/db/database.ts';
import { loadMigrations, migrate, type Migration } from '#platform/db/migrator.ts';
import { openPgliteDatabase } from '#platform/db/pglite-database.ts';
import { openPostgresDatabase } from '#platform/db/postgres-database.ts';

export type Backend = Database['kind'];

export const NO_POSTGRES = 'no PostgreSQL server (TEST_PG_URL unset)';
export const NO_REDIS = 'no Redis server (TEST_REDIS_URL unset)';

/** The PostgreSQL admin URL from TEST_PG_URL, or undefined when no server is available. */
export function postgresUrl(): string | undefined {
  const url = process.env.TEST_PG_URL?.trim();
  return url ? url : undefined;
}

/** The Redis URL from TEST_REDIS_URL, or undefined when no server is available. */
export function redisUrl(): string | undefined {
  const url = process.env.TEST_REDIS_URL?.trim();
  return url ? url : undefined;
}

/** Migrations to apply: a folder (e.g. IDENTITY_MIGRATIONS), a list, or none. */
export type MigrationSource = string | readonly Migration[] | undefined;

export interface TestDatabase {
  db: Database;
  /** Closes the database (and for PostgreSQL drops it). Safe to call twice. */
  close(): Promise<void>;
}

async function applyMigrations(db: Database, source: MigrationSource): Promise<void> {
  if (source === undefined) return;
  await migrate(db, typeof source === 'string' ? loadMigrations(source) : source);
}

function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

/** A throwaway in-memory PGlite database with `migrations` applied. */
export async function withPglite(migrations?: MigrationSource): Promise<TestDatabase> {
  const db = await openPgliteDatabase('memory://');
  try {
    await applyMigrations(db, migrations);
  } catch (error) {
    await db.close();
    throw error;
  }
  return { db, close: once(() => db.close()) };
}

/** A database named `test_<random>` on TEST_PG_URL's server: created empty, migrated, dropped on close. */
export async function withPostgres(migrations?: MigrationSource): Promise<TestDatabase> {
  const scratch = await createScratchPostgresDatabase();
  let db: Database;
  try {
    db = await openPostgresDatabase(scratch.url, 5);
  } catch (error) {
    await scratch.drop();
    throw error;
  }
  try {
    await applyMigrations(db, migrations);
  } catch (error) {
    await db.close();
    await scratch.drop();
    throw error;
  }
  return {
    db,
    close: once(async () => {
      try {
        await db.close();
      } finally {
        await scratch.drop();
      }
    }),
  };
}

export interface ScratchPostgresDatabase {
  name: string;
  /** A URL for the new database (same server and credentials as TEST_PG_URL). */
  url: string;
  /** Drops the database, closing any connections still open to it. */
  drop(): Promise<void>;
}

/**
 * Creates an empty database on TEST_PG_URL's server, for tests that need to open it
 * themselves (e.g. two pools migrating it at once). Call `drop()` when done.
 */
export async function createScratchPostgresDatabase(): Promise<ScratchPostgresDatabase> {
  const adminUrl = postgresUrl();
  if (!adminUrl) throw new Error(NO_POSTGRES);
  const name = `test_${randomBytes(8).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: once(async () => {
      await withAdminClient(adminUrl, (client) =>
        client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    }),
  };
}

async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface BackendInfo {
  kind: Backend;
  /** Opens a fresh database on this backend with the given migrations. */
  open(migrations?: MigrationSource): Promise<TestDatabase>;
  /** Why the backend is unavailable, or false when it can be used. */
  skip: string | false;
}

/** The backends the tests run against; PostgreSQL is skipped (with a reason) without TEST_PG_URL. */
export function backends(): BackendInfo[] {
  return [
    { kind: 'pglite', open: withPglite, skip: false },
    { kind: 'postgres', open: withPostgres, skip: postgresUrl() ? false : NO_POSTGRES },
  ];
}

export interface ForEachBackendOptions {
  /** Migrations applied before the body runs (a folder such as IDENTITY_MIGRATIONS, or a list). */
  migrations?: MigrationSource;
  /** Per-backend timeout in milliseconds (default 60 s). */
  timeout?: number;
}

export type BackendSuite = (t: TestContext, db: Database) => Promise<void>;

/**
 * Runs `body` once per backend as a top-level test named `<name> [pglite]` / `<name> [postgres]`,
 * with one fresh database each, closed afterwards. Inside, use `await t.test(...)` for cases:
 * they share the database, so make their data distinct (random emails, ids).
 */
export function forEachBackend(name: string, body: BackendSuite): void;
export function forEachBackend(name: string, options: ForEachBackendOptions, body: BackendSuite): void;
export function forEachBackend(
  name: string,
  a: ForEachBackendOptions | BackendSuite,
  b?: BackendSuite,
): void {
  const options = typeof a === 'function' ? {} : a;
  const body = typeof a === 'function' ? a : b;
  if (!body) throw new Error('forEachBackend needs a suite body');
  for (const backend of backends()) {
    test(
      `${name} [${backend.kind}]`,
      { skip: backend.skip, timeout: options.timeout ?? 60_000 },
      async (t) => {
        const handle = await backend.open(options.migrations);
        try {
          await body(t, handle.db);
        } finally {
          await handle.close();
        }
      },
    );
  }
}

/** A short random suffix for values that must be unique within a shared test database. */
export function unique(prefix = ''): string {
  return `${prefix}${randomBytes(6).toString('hex')}`;
}

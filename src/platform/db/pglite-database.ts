// Embedded PostgreSQL (PGlite, wasm). Zero setup: data lives in a folder, or in memory for tests.
import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Database, Queryable } from './database.ts';

// initdb is the slow part of a new PGlite database (3–5 s). A blank cluster is made once per
// installation — by `npm install` (tools/prepare-embedded-database.ts), or else by the first
// process that needs one — and kept in node_modules/.cache; every new database is a copy of it
// (about 1 s). Within a process it is read once, so two apps starting together share it.
// The template belongs to one PGlite build: its version is in the file name.
const PGLITE_VERSION = (() => {
  try {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const manifest = join(
      entry.slice(0, entry.lastIndexOf('node_modules/@electric-sql/pglite/')),
      'node_modules/@electric-sql/pglite/package.json',
    );
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
})();
const CACHE_DIR = fileURLToPath(new URL('../../../node_modules/.cache/embedded-database/', import.meta.url));
export const BLANK_CLUSTER_FILE = join(CACHE_DIR, `pglite-${PGLITE_VERSION}-blank.tar`);

/** Makes the blank cluster file if it is missing (written whole, then renamed into place). */
export async function prepareBlankCluster(): Promise<void> {
  if (existsSync(BLANK_CLUSTER_FILE)) return;
  const blank = await PGlite.create('memory://');
  try {
    const dump = await blank.dumpDataDir('none');
    mkdirSync(CACHE_DIR, { recursive: true });
    const partial = `${BLANK_CLUSTER_FILE}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, BLANK_CLUSTER_FILE);
  } finally {
    await blank.close();
  }
}

let blankCluster: Promise<File> | undefined;
function blankClusterDump(): Promise<File> {
  blankCluster ??= (async () => {
    try {
      await prepareBlankCluster();
    } catch {
      // A read-only node_modules: make the blank cluster in memory for this process only.
      const blank = await PGlite.create('memory://');
      try {
        const dump = await blank.dumpDataDir('none');
        return new File([await dump.arrayBuffer()], 'blank.tar');
      } finally {
        await blank.close();
      }
    }
    return new File([readFileSync(BLANK_CLUSTER_FILE)], 'blank.tar');
  })();
  return blankCluster;
}

export async function openPgliteDatabase(location: string): Promise<Database> {
  const inMemory = location.startsWith('memory://');
  if (!inMemory) mkdirSync(location, { recursive: true });
  const isNew = inMemory || !existsSync(join(location, 'PG_VERSION'));
  const db = isNew
    ? await PGlite.create(location, { loadDataDir: await blankClusterDump() })
    : await PGlite.create(location);
  // PGlite runs one statement at a time; a queue keeps transactions from interleaving.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  return {
    kind: 'pglite',
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      serial(async () => (await db.query<T>(sql, params as unknown[])).rows),
    exec: (sql: string) =>
      serial(async () => {
        await db.exec(sql);
      }),
    transaction: <T>(work: (tx: Queryable) => Promise<T>) =>
      serial(() =>
        db.transaction(async (tx) =>
          work({
            query: async <R>(sql: string, params: readonly unknown[] = []) =>
              (await tx.query<R>(sql, params as unknown[])).rows,
            exec: async (sql: string) => {
              await tx.exec(sql);
            },
          }),
        ),
      ),
    close: async () => {
      await tail;
      await db.close();
    },
  };
}

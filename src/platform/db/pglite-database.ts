// Embedded PostgreSQL (PGlite, wasm). Zero setup: data lives in a folder, or in memory for tests.
import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, Queryable } from './database.ts';

// initdb is the slow part of a new PGlite database (seconds). One blank cluster is made per
// process and copied into each new database, so two apps starting together pay for it once.
let blankCluster: Promise<File | Blob> | undefined;
function blankClusterDump(): Promise<File | Blob> {
  blankCluster ??= (async () => {
    const blank = await PGlite.create('memory://');
    try {
      return await blank.dumpDataDir('none');
    } finally {
      await blank.close();
    }
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

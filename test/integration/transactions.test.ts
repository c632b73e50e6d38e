// Database.transaction on both backends: commit, rollback on throw, isolation from queries
// issued outside it, and no lost updates under concurrency. On PGlite (one connection) the
// serial queue is what keeps concurrent transactions and queries from interleaving.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '#platform/db/database.ts';
import { forEachBackend } from '../support/db/test-databases.ts';

const SCHEMA = `
  CREATE TABLE items (name text PRIMARY KEY);
  CREATE TABLE counters (name text PRIMARY KEY, n int NOT NULL);
`;

async function names(db: Database): Promise<string[]> {
  return (await db.query<{ name: string }>('SELECT name FROM items ORDER BY name')).map((r) => r.name);
}

async function counter(db: Database, name: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT n FROM counters WHERE name = $1', [name]);
  assert.ok(row, `counter ${name} exists`);
  return row.n;
}

/** Resolves when signalled; lets a test wait until a transaction is known to be open. */
function signal(): { wait: Promise<void>; fire: () => void } {
  let fire!: () => void;
  const wait = new Promise<void>((resolve) => (fire = resolve));
  return { wait, fire };
}

forEachBackend('Database.transaction', async (t, db) => {
  await db.exec(SCHEMA);
  const isPglite = db.kind === 'pglite';

  await t.test('commits the work and returns its result', async () => {
    const result = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO items (name) VALUES ($1), ($2)', ['commit-a', 'commit-b']);
      const [row] = await tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM items WHERE name LIKE 'commit-%'`,
      );
      return row?.n;
    });
    assert.equal(result, 2, 'the transaction sees its own writes');
    assert.deepEqual(await names(db), ['commit-a', 'commit-b']);
  });

  await t.test('rolls back every statement when the work throws, and rethrows the same error', async () => {
    const boom = new Error('boom');
    const thrown = await db
      .transaction(async (tx) => {
        await tx.query('INSERT INTO items (name) VALUES ($1)', ['rollback-a']);
        await tx.exec(
          `INSERT INTO items (name) VALUES ('rollback-b'); UPDATE items SET name = 'renamed' WHERE name = 'commit-a';`,
        );
        throw boom;
      })
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    assert.equal(thrown, boom);
    assert.deepEqual(await names(db), ['commit-a', 'commit-b']);
  });

  await t.test('rolls back earlier statements when a later statement fails', async () => {
    await assert.rejects(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO items (name) VALUES ($1)', ['before-failure']);
        await tx.query('INSERT INTO items (name) VALUES ($1)', ['commit-a']); // duplicate key
      }),
      (error: { code?: string }) => error.code === '23505',
    );
    assert.deepEqual(await names(db), ['commit-a', 'commit-b']);
  });

  await t.test(
    'stays usable after many rollbacks (connections are released)',
    { timeout: 15_000 },
    async () => {
      // More failures than the test pool has connections: a leaked connection would hang here.
      for (let i = 0; i < 12; i += 1) {
        await assert.rejects(
          db.transaction(async (tx) => {
            await tx.query('INSERT INTO items (name) VALUES ($1)', [`leak-${i}`]);
            throw new Error(`fail ${i}`);
          }),
        );
      }
      await db.transaction((tx) => tx.query('INSERT INTO items (name) VALUES ($1)', ['after-failures']));
      assert.deepEqual(await names(db), ['after-failures', 'commit-a', 'commit-b']);
    },
  );

  await t.test(
    'a query issued outside an open transaction is not part of it and never sees its uncommitted rows',
    async () => {
      const opened = signal();
      const events: string[] = [];
      const failing = db.transaction(async (tx) => {
        await tx.query('INSERT INTO items (name) VALUES ($1)', ['inside']);
        opened.fire();
        await sleep(50);
        events.push('transaction ends');
        throw new Error('abandon');
      });
      await opened.wait;
      const outsideWrite = db
        .query('INSERT INTO items (name) VALUES ($1)', ['outside'])
        .then(() => events.push('outside write done'));
      const outsideRead = db.query<{ name: string }>(`SELECT name FROM items WHERE name = 'inside'`);
      await assert.rejects(failing, /abandon/);
      await outsideWrite;
      assert.deepEqual(await outsideRead, [], 'the uncommitted row was invisible outside');
      assert.deepEqual(
        await names(db),
        ['after-failures', 'commit-a', 'commit-b', 'outside'],
        'the outside write survived the rollback',
      );
      if (isPglite) {
        assert.deepEqual(
          events,
          ['transaction ends', 'outside write done'],
          'PGlite queues the outside write behind the transaction',
        );
      }
    },
  );

  await t.test('concurrent read-modify-write transactions do not lose updates', async () => {
    await db.query(`INSERT INTO counters (name, n) VALUES ('total', 0)`);
    const log: string[] = [];
    // PGlite serialises whole transactions; PostgreSQL needs the row lock (FOR UPDATE).
    const read = isPglite
      ? 'SELECT n FROM counters WHERE name = $1'
      : 'SELECT n FROM counters WHERE name = $1 FOR UPDATE';
    const runs = 20;
    await Promise.all(
      Array.from({ length: runs }, (_, i) =>
        db.transaction(async (tx) => {
          log.push(`begin ${i}`);
          const [row] = await tx.query<{ n: number }>(read, ['total']);
          await sleep(2); // give any other transaction every chance to interleave
          await tx.query('UPDATE counters SET n = $2 WHERE name = $1', ['total', row!.n + 1]);
          log.push(`end ${i}`);
        }),
      ),
    );
    assert.equal(await counter(db, 'total'), runs);
    if (isPglite) {
      for (let i = 0; i < log.length; i += 2) {
        const begin = log[i]!.replace('begin ', '');
        assert.equal(
          log[i + 1],
          `end ${begin}`,
          `transaction ${begin} ran alone (log: ${log.slice(i, i + 3).join(', ')})`,
        );
      }
    }
  });

  await t.test('concurrent transactions that fail do not disturb the ones that succeed', async () => {
    await db.query(`INSERT INTO counters (name, n) VALUES ('mixed', 0)`);
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.query(`UPDATE counters SET n = n + 1 WHERE name = 'mixed'`);
          if (i % 2 === 1) throw new Error(`odd ${i}`);
        }),
      ),
    );
    assert.equal(results.filter((r) => r.status === 'rejected').length, 5);
    assert.equal(await counter(db, 'mixed'), 5);
  });

  if (!isPglite) {
    await t.test(
      'sanity check: without a row lock, PostgreSQL read-modify-write loses updates (this suite can see interleaving)',
      async () => {
        await db.query(`INSERT INTO counters (name, n) VALUES ('unlocked', 0)`);
        await Promise.all(
          Array.from({ length: 10 }, () =>
            db.transaction(async (tx) => {
              const [row] = await tx.query<{ n: number }>('SELECT n FROM counters WHERE name = $1', [
                'unlocked',
              ]);
              await sleep(20);
              await tx.query('UPDATE counters SET n = $2 WHERE name = $1', ['unlocked', row!.n + 1]);
            }),
          ),
        );
        assert.ok((await counter(db, 'unlocked')) < 10);
      },
    );
  }
});

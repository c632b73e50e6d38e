// A worker PROCESS killed mid-job does not lose the job, and the job's effect happens exactly
// once. Against real PostgreSQL (TEST_PG_URL), for pg-boss and for the table queue:
// 1. the parent sends one job; child 1 (test/support/job-worker-child.ts) takes it and, inside
//    its effect's transaction, says so and hangs; the parent SIGKILLs it there;
// 2. the uncommitted effect is gone and the job is still `active` (nobody knows yet);
// 3. child 2 starts; once expireInSeconds have passed the job is taken back (pg-boss:
//    maintenance, every second here; the table queue: any worker's poll) and child 2 delivers
//    it as a retry and commits the effect;
// 4. exactly one effect row, the job completed; on SIGTERM child 2 stops its queue, closes its
//    database and exits by itself (nothing left running).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startChild, type Child } from '../support/child-process.ts';
import type { Database } from '#platform/db/database.ts';
import { openPostgresDatabase } from '#platform/db/postgres-database.ts';
import type { JobLogger, JobQueue, QueueSettings } from '#platform/jobs/job-queue.ts';
import { createPgBossJobQueue } from '#platform/jobs/pg-boss-job-queue.ts';
import { createTableJobQueue } from '#platform/jobs/table-job-queue.ts';
import {
  createScratchPostgresDatabase,
  NO_POSTGRES,
  postgresUrl,
  unique,
} from '../support/db/test-databases.ts';

const SETTINGS: QueueSettings = {
  retryLimit: 2,
  retryDelaySeconds: 0,
  retryBackoff: false,
  expireInSeconds: 2,
};
const silent = { info() {}, warn() {}, error() {} } as unknown as JobLogger;

async function effects(db: Database, key: string) {
  return db.query<{ job_id: string; retry_count: number }>(
    'SELECT job_id, retry_count FROM job_effects WHERE key = $1',
    [key],
  );
}

for (const adapter of ['pg-boss', 'table'] as const) {
  test(
    `a worker process killed mid-job does not lose the job [${adapter}]`,
    { skip: postgresUrl() ? false : NO_POSTGRES, timeout: 45_000 },
    async (t) => {
      const scratch = await createScratchPostgresDatabase();
      const children: Child[] = [];
      let db: Database | undefined;
      let queue: JobQueue | undefined;
      try {
        db = await openPostgresDatabase(scratch.url, 2);
        await db.exec(
          'CREATE TABLE job_effects (key text PRIMARY KEY, job_id text NOT NULL, retry_count int NOT NULL)',
        );
        const schema = `jobs_${unique()}`;
        const name = 'settle-payment';
        // The parent only sends and counts; the children work.
        queue =
          adapter === 'pg-boss'
            ? createPgBossJobQueue({ connectionString: scratch.url, schema }, silent)
            : createTableJobQueue(db, silent);
        await queue.start();
        await queue.createQueue(name, SETTINGS);
        const key = unique('payment-');
        const jobId = await queue.send(name, { key });
        assert.ok(jobId);

        const env = {
          JOB_ADAPTER: adapter,
          JOB_DB_URL: scratch.url,
          JOB_SCHEMA: schema,
          JOB_QUEUE: name,
          JOB_SETTINGS: JSON.stringify(SETTINGS),
        };
        const first = startChild('test/support/job-worker-child.ts', { ...env, JOB_MODE: 'hang' });
        children.push(first);
        const taken = await first.next('in-transaction');
        assert.deepEqual(taken, { event: 'in-transaction', jobId, retryCount: 0 });
        first.process.kill('SIGKILL');
        assert.deepEqual(await first.exited, { code: null, signal: 'SIGKILL' });

        assert.deepEqual(await effects(db, key), [], 'the killed transaction was rolled back');
        assert.equal((await queue.counts(name)).running, 1, 'the job is still active: nobody knows yet');

        const killedAt = Date.now();
        const second = startChild('test/support/job-worker-child.ts', { ...env, JOB_MODE: 'complete' });
        children.push(second);
        const done = await second.next('committed');
        assert.equal(done.jobId, jobId, 'the same job');
        assert.ok((done.retryCount ?? 0) >= 1, 'delivered as a retry');
        const retriedAfter = Date.now() - killedAt;

        const deadline = Date.now() + 10_000;
        while ((await queue.counts(name)).completed !== 1) {
          assert.ok(Date.now() < deadline, 'the job is completed');
          await sleep(100);
        }
        assert.deepEqual(await queue.counts(name), { waiting: 0, running: 0, completed: 1, failed: 0 });
        assert.deepEqual(await effects(db, key), [{ job_id: jobId, retry_count: done.retryCount }]);

        second.process.kill('SIGTERM');
        await second.next('stopped');
        const patience = new AbortController();
        const exit = await Promise.race([
          second.exited,
          sleep(10_000, 'still running', { signal: patience.signal }).catch(() => 'aborted'),
        ]);
        patience.abort();
        assert.deepEqual(exit, { code: 0, signal: null }, 'the worker exits by itself after stop()');
        t.diagnostic(`${adapter}: the job was delivered again ${retriedAfter} ms after the kill`);
      } finally {
        for (const { process: child } of children) {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        }
        await Promise.all(children.map((child) => child.exited));
        await queue?.stop();
        await db?.close();
        await scratch.drop();
      }
    },
  );
}

// The embedded job queue: one table on any `Database` (PGlite, or PostgreSQL when pg-boss is
// not wanted), with the same behaviour as the pg-boss adapter (ADR 0011).
//
// - `platform_job_queues` holds each queue's settings; a job copies them when it is sent.
// - A worker claims one due job at a time: `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
//   LOCKED)`, so several workers (or processes, on PostgreSQL) never take the same job.
//   Claiming a job that ran before counts a retry (`retry_count`), as pg-boss does.
// - An attempt ends in completed, or (thrown error, or longer than `expire_in`) back to
//   created with a retry delay while retries remain, else failed. A worker abandons a
//   handler that overruns `expire_in`; a job whose worker died stays active until a poll by
//   any worker of its queue sees `started_at + expire_in` has passed and takes it back.
// - Every write about an attempt is fenced by (id, state active, retry_count): an abandoned
//   handler that finishes late cannot complete or fail the job's next attempt.
// - `singleton_key`: a partial unique index over created and active jobs; a send that would
//   break it inserts nothing (ON CONFLICT DO NOTHING) and returns null.
// - Times are the database's `now()`, so several processes agree. Finished jobs are deleted
//   after `retentionDays`.
//
// Delivery is at least once; handlers must be idempotent (see job-queue.ts). Logs name the
// queue and job id, never the job's data.
import type { Database, Queryable } from '../db/database.ts';
import {
  errorMessage,
  type Job,
  type JobCounts,
  type JobHandler,
  type JobLogger,
  type JobQueue,
  type SendOptions,
} from './job-queue.ts';

export interface TableJobQueueOptions {
  /** How long `stop()` waits for running handlers (default 10 s). */
  stopTimeoutSeconds?: number;
  /** Completed and failed jobs are deleted this many days after they finish (default 7). */
  retentionDays?: number;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS platform_job_queues (
    name text PRIMARY KEY,
    retry_limit int NOT NULL CHECK (retry_limit >= 0),
    retry_delay int NOT NULL CHECK (retry_delay >= 0),
    retry_backoff boolean NOT NULL,
    expire_in int NOT NULL CHECK (expire_in >= 1),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE IF NOT EXISTS platform_jobs (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL REFERENCES platform_job_queues (name),
    data jsonb NOT NULL,
    state text NOT NULL DEFAULT 'created' CHECK (state IN ('created', 'active', 'completed', 'failed')),
    singleton_key text,
    start_after timestamptz NOT NULL DEFAULT now(),
    retry_count int NOT NULL DEFAULT 0,
    retry_limit int NOT NULL,
    retry_delay int NOT NULL,
    retry_backoff boolean NOT NULL,
    expire_in int NOT NULL,
    started_at timestamptz,
    completed_at timestamptz,
    last_error text,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE UNIQUE INDEX IF NOT EXISTS platform_jobs_singleton ON platform_jobs (name, singleton_key)
    WHERE state IN ('created', 'active') AND singleton_key IS NOT NULL;
  CREATE INDEX IF NOT EXISTS platform_jobs_due ON platform_jobs (name, start_after) WHERE state = 'created';
  CREATE INDEX IF NOT EXISTS platform_jobs_running ON platform_jobs (name, started_at) WHERE state = 'active';
  CREATE INDEX IF NOT EXISTS platform_jobs_finished ON platform_jobs (completed_at)
    WHERE state IN ('completed', 'failed');
`;

// Two processes starting together must not race on CREATE TABLE IF NOT EXISTS.
const SCHEMA_LOCK = `SELECT pg_advisory_xact_lock(hashtext('platform_jobs schema'))`;

// After a failed attempt: retry while retries remain (pg-boss's formula: with backoff,
// delay · 2^retry_count · (1 + random), i.e. exponential with jitter), else fail.
const RETRY_OR_FAIL = `
  state = CASE WHEN retry_count < retry_limit THEN 'created' ELSE 'failed' END,
  start_after = CASE WHEN retry_count < retry_limit
    THEN now() + (CASE WHEN retry_backoff
      THEN GREATEST(retry_delay, 1) * 2 ^ LEAST(16, retry_count) * (1 + random())
      ELSE retry_delay END) * interval '1 second'
    ELSE start_after END,
  completed_at = CASE WHEN retry_count < retry_limit THEN NULL ELSE now() END`;

interface ClaimedRow {
  id: string;
  name: string;
  data: unknown;
  retry_count: number;
  retry_limit: number;
  expire_in: number;
}

interface Attempt {
  row: ClaimedRow;
  /** Settles when the handler and the write of its outcome are done. */
  done: Promise<void>;
}

const DEFAULT_POLLING_SECONDS = 2;
const MAINTENANCE_EVERY_MS = 60 * 60 * 1000;

export function createTableJobQueue(
  db: Database,
  logger: JobLogger,
  options: TableJobQueueOptions = {},
): JobQueue {
  const stopTimeoutMs = (options.stopTimeoutSeconds ?? 10) * 1000;
  const retentionDays = options.retentionDays ?? 7;
  let started = false;
  let stopping = false;
  /** Set once stop() has released what was still running: late outcomes are dropped. */
  let released = false;
  const loops = new Set<Promise<void>>();
  const attempts = new Set<Attempt>();
  const wakers = new Set<() => void>();
  let lastMaintenance = 0;

  /** An abortable, unref'd pause: stop() ends it at once. */
  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      wakers.add(wake);
    });
  }

  async function queueExists(name: string): Promise<boolean> {
    const rows = await db.query('SELECT 1 FROM platform_job_queues WHERE name = $1', [name]);
    return rows.length > 0;
  }

  async function claim(name: string): Promise<ClaimedRow | undefined> {
    const rows = await db.query<ClaimedRow>(
      `UPDATE platform_jobs SET state = 'active', started_at = now(),
         retry_count = CASE WHEN started_at IS NULL THEN retry_count ELSE retry_count + 1 END
       WHERE id IN (
         SELECT id FROM platform_jobs
         WHERE name = $1 AND state = 'created' AND start_after <= now()
         ORDER BY start_after, created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED)
       AND state = 'created'
       RETURNING id, name, data, retry_count, retry_limit, expire_in`,
      [name],
    );
    return rows[0];
  }

  /** Takes back jobs whose attempt outlived `expire_in` (their worker died or hangs). */
  async function expire(name: string): Promise<void> {
    const rows = await db.query<{ id: string; state: string; retry_count: number }>(
      `UPDATE platform_jobs SET ${RETRY_OR_FAIL},
         last_error = 'expired: ran longer than ' || expire_in || ' s (worker stopped or died?)'
       WHERE name = $1 AND state = 'active' AND started_at + expire_in * interval '1 second' < now()
       RETURNING id, state, retry_count`,
      [name],
    );
    for (const row of rows) {
      logger.warn(
        { event: 'job_expired', queue: name, jobId: row.id, retryCount: row.retry_count, state: row.state },
        'job expired while active; taken back',
      );
    }
  }

  async function maintain(): Promise<void> {
    if (Date.now() - lastMaintenance < MAINTENANCE_EVERY_MS) return;
    lastMaintenance = Date.now();
    await db.query(
      `DELETE FROM platform_jobs WHERE state IN ('completed', 'failed')
       AND completed_at < now() - $1 * interval '1 day'`,
      [retentionDays],
    );
  }

  async function complete(row: ClaimedRow): Promise<void> {
    await db.query(
      `UPDATE platform_jobs SET state = 'completed', completed_at = now(), last_error = NULL
       WHERE id = $1 AND state = 'active' AND retry_count = $2`,
      [row.id, row.retry_count],
    );
  }

  async function failAttempt(tx: Queryable, row: ClaimedRow, error: string): Promise<void> {
    const [result] = await tx.query<{ state: string }>(
      `UPDATE platform_jobs SET ${RETRY_OR_FAIL}, last_error = $3
       WHERE id = $1 AND state = 'active' AND retry_count = $2 RETURNING state`,
      [row.id, row.retry_count, error],
    );
    if (!result) return; // Already taken back (expired) or released by stop().
    const log = { event: 'job_failed', queue: row.name, jobId: row.id, retryCount: row.retry_count, error };
    if (result.state === 'failed') logger.error(log, 'job failed; no retries left');
    else logger.warn(log, 'job attempt failed; will retry');
  }

  async function runAttempt<T>(row: ClaimedRow, handler: JobHandler<T>): Promise<void> {
    const job: Job<T> = { id: row.id, name: row.name, data: row.data as T, retryCount: row.retry_count };
    let timer: NodeJS.Timeout | undefined;
    const overrun = new Promise<'expired'>((resolve) => {
      timer = setTimeout(() => resolve('expired'), row.expire_in * 1000);
      timer.unref();
    });
    let outcome: 'done' | 'expired' | { error: string };
    try {
      outcome = await Promise.race([handler(job).then(() => 'done' as const), overrun]);
    } catch (error) {
      outcome = { error: errorMessage(error) };
    } finally {
      clearTimeout(timer);
    }
    if (released) return; // stop() gave up on this attempt and released the job.
    if (outcome === 'done') await complete(row);
    else if (outcome === 'expired') {
      await failAttempt(db, row, `expired: handler ran longer than ${row.expire_in} s`);
    } else await failAttempt(db, row, outcome.error);
  }

  async function loop<T>(name: string, handler: JobHandler<T>, intervalMs: number): Promise<void> {
    let lastExpiry = 0;
    while (!stopping) {
      let claimed = false;
      try {
        if (Date.now() - lastExpiry >= intervalMs) {
          lastExpiry = Date.now();
          await expire(name);
          await maintain();
        }
        const row = stopping ? undefined : await claim(name);
        if (row) {
          claimed = true;
          const attempt: Attempt = { row, done: runAttempt(row, handler) };
          attempts.add(attempt);
          try {
            await attempt.done;
          } finally {
            attempts.delete(attempt);
          }
        }
      } catch (error) {
        // The database is unreachable or closed: log (no job data) and try again later.
        if (!released) {
          logger.error(
            { event: 'job_queue_error', queue: name, error: errorMessage(error) },
            'job queue error',
          );
        }
      }
      // Drain without pausing while there is work.
      if (!claimed && !stopping) await pause(intervalMs);
    }
  }

  return {
    kind: 'table',

    async start() {
      if (started) return;
      await db.transaction(async (tx) => {
        await tx.query(SCHEMA_LOCK);
        await tx.exec(SCHEMA);
      });
      started = true;
      stopping = false;
      released = false;
    },

    async createQueue(name, settings) {
      await db.query(
        `INSERT INTO platform_job_queues (name, retry_limit, retry_delay, retry_backoff, expire_in)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (name) DO UPDATE SET retry_limit = EXCLUDED.retry_limit,
           retry_delay = EXCLUDED.retry_delay, retry_backoff = EXCLUDED.retry_backoff,
           expire_in = EXCLUDED.expire_in, updated_at = now()`,
        [
          name,
          settings.retryLimit,
          settings.retryDelaySeconds,
          settings.retryBackoff,
          Math.max(1, Math.ceil(settings.expireInSeconds)),
        ],
      );
    },

    async send<T extends object>(name: string, data: T, options: SendOptions = {}) {
      const rows = await db.query<{ id: string }>(
        `INSERT INTO platform_jobs
           (name, data, singleton_key, start_after, retry_limit, retry_delay, retry_backoff, expire_in)
         SELECT q.name, $2::jsonb, $3, COALESCE($4::timestamptz, now()),
           q.retry_limit, q.retry_delay, q.retry_backoff, q.expire_in
         FROM platform_job_queues q WHERE q.name = $1
         ON CONFLICT DO NOTHING
         RETURNING id`,
        [name, JSON.stringify(data), options.singletonKey ?? null, options.startAfter ?? null],
      );
      if (rows[0]) return rows[0].id;
      if (!(await queueExists(name))) throw new Error(`job queue "${name}" does not exist: create it first`);
      return null; // One with this singletonKey is already waiting or running.
    },

    async work<T extends object>(
      name: string,
      handler: JobHandler<T>,
      options: { pollingIntervalSeconds?: number } = {},
    ) {
      if (!started || stopping) throw new Error('the job queue is not started');
      if (!(await queueExists(name))) throw new Error(`job queue "${name}" does not exist: create it first`);
      const intervalMs = Math.max(0.1, options.pollingIntervalSeconds ?? DEFAULT_POLLING_SECONDS) * 1000;
      const running = loop(name, handler, intervalMs);
      loops.add(running);
      void running.finally(() => loops.delete(running));
    },

    async counts(name) {
      const rows = await db.query<{ state: string; n: number }>(
        'SELECT state, count(*)::int AS n FROM platform_jobs WHERE name = $1 GROUP BY state',
        [name],
      );
      const count = (state: string) => rows.find((row) => row.state === state)?.n ?? 0;
      return {
        waiting: count('created'),
        running: count('active'),
        completed: count('completed'),
        failed: count('failed'),
      } satisfies JobCounts;
    },

    async stop() {
      if (!started) return;
      stopping = true;
      for (const wake of [...wakers]) wake();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, stopTimeoutMs);
        timer.unref();
      });
      await Promise.race([Promise.all([...loops]), timedOut]);
      clearTimeout(timer);
      // Handlers still running are abandoned: release their jobs for a retry now rather than
      // waiting for them to expire (pg-boss does the same).
      released = true;
      for (const attempt of [...attempts]) {
        await failAttempt(db, attempt.row, 'worker stopped before the job finished').catch(() => undefined);
      }
      started = false;
    },
  };
}

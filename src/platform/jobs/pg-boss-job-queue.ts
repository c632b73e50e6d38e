// The job queue on PostgreSQL, over pg-boss 10.4 (the last major that runs on Node 20). pg-boss
// keeps its tables in its own schema (default `pgboss`) and its own small connection pool.
// Behaviour shared with the table queue is described in job-queue.ts and ADR 0011; what is
// particular to pg-boss 10:
//
// - `work` handlers receive an ARRAY of jobs. We fetch one at a time (batchSize 1, so one
//   failure never fails a batch) with metadata (for `retryCount`).
// - A handler running longer than the job's expireIn is failed by the worker itself (pg-boss
//   races it against a timer; the handler is not cancelled). A job whose worker process died
//   stays `active` until maintenance, which runs every `maintenanceIntervalSeconds` in
//   whichever instance gets there first, sees it expired and moves it to `retry`. So a dead
//   worker's job comes back after expireIn plus up to about two maintenance intervals.
// - singletonKey. No pg-boss 10 queue policy means "at most one waiting-or-running job per
//   key": `short` allows one created (a send while one runs is accepted), `singleton` one
//   active (sends are never refused), `stately` one created + one retry + one active. Worse,
//   their unique indexes key on COALESCE(singleton_key, ''), so jobs sent WITHOUT a key all
//   share the key '' (under `stately`, a second key-less send returns null; under
//   `singleton`, key-less jobs run one at a time). So queues use the `standard` policy (no
//   gating) and we add one partial unique index per queue partition on singleton_key over the
//   live states (created, retry, active), NULL keys excluded: exactly our contract. pg-boss's
//   insert already does ON CONFLICT DO NOTHING and returns null; its fetch, retry and expiry
//   keep a job's single row (an UPDATE, or a DELETE and re-INSERT in one statement), so the
//   index never blocks them.
// - `createQueue` on an existing queue does nothing in pg-boss; we also `updateQueue` so the
//   settings in code win. `send` to a queue that does not exist returns null in pg-boss; we
//   throw instead.
// - Completed jobs move to pg-boss's archive after 12 hours (and leave `counts`).
// - `stop()` waits for running handlers up to `stopTimeoutSeconds`, then fails what is still
//   running (a retry), then closes pg-boss's pool. The application's own database is untouched.
//
// Logs carry the queue, job id and error message, never the job's data.
import PgBoss from 'pg-boss';
import {
  errorMessage,
  type JobCounts,
  type JobHandler,
  type JobLogger,
  type JobQueue,
  type QueueSettings,
  type SendOptions,
} from './job-queue.ts';

export interface PgBossJobQueueOptions {
  connectionString: string;
  /** pg-boss's own schema (default `pgboss`): letters, digits and underscores. */
  schema?: string | undefined;
  /**
   * How often expired jobs are looked for (default 60 s; at least 1). The delay before a dead
   * worker's job is retried is expireIn plus up to about twice this.
   */
  maintenanceIntervalSeconds?: number | undefined;
  /** pg-boss's connection pool (default 4). */
  poolSize?: number;
  /** How long `stop()` waits for running handlers (default 10 s, at least 1). */
  stopTimeoutSeconds?: number;
}

const DEFAULT_SCHEMA = 'pgboss';
const POLICY = 'standard';
/** pg-boss 10 names a queue's partition `j` + sha224(name) in hex. */
const PARTITION_NAME = /^j[0-9a-f]{56}$/;

export function createPgBossJobQueue(options: PgBossJobQueueOptions, logger: JobLogger): JobQueue {
  const schema = options.schema ?? DEFAULT_SCHEMA;
  if (!/^[a-z_][a-z0-9_]{0,49}$/.test(schema)) throw new Error(`invalid pg-boss schema name: ${schema}`);
  const boss = new PgBoss({
    connectionString: options.connectionString,
    schema,
    max: options.poolSize ?? 4,
    application_name: 'job-queue',
    schedule: false, // No cron: its timekeeper would add an internal queue and timers.
    supervise: true,
    migrate: true,
    maintenanceIntervalSeconds: Math.max(1, Math.round(options.maintenanceIntervalSeconds ?? 60)),
  });
  const stopTimeoutMs = Math.max(1, options.stopTimeoutSeconds ?? 10) * 1000;
  // pg-boss emits pool and worker errors here; without a listener they would crash the process.
  // SQL errors may carry row values in `detail`: log the message and code only.
  boss.on('error', (error: Error & { code?: string; queue?: string }) => {
    logger.error(
      { event: 'job_queue_error', queue: error.queue, code: error.code, error: errorMessage(error) },
      'job queue error',
    );
  });
  const sql = async <R>(text: string, values: unknown[] = []): Promise<R[]> =>
    (await boss.getDb().executeSql(text, values)).rows as R[];

  /** Makes singletonKey exact: one created, retry or active job per key (see above). */
  async function addLiveKeyIndex(name: string): Promise<void> {
    const [queue] = await sql<{ partition_name: string }>(
      `SELECT partition_name FROM ${schema}.queue WHERE name = $1`,
      [name],
    );
    const partition = queue?.partition_name;
    if (!partition || !PARTITION_NAME.test(partition)) {
      throw new Error(`pg-boss queue "${name}" has no partition we recognise (pg-boss version changed?)`);
    }
    // Several statements in one simple query run as one implicit transaction (rolled back whole
    // on error, leaving the pooled connection clean); the lock keeps two starting processes apart.
    await sql(
      `SELECT pg_advisory_xact_lock(hashtext('${schema}.${partition}'));
       CREATE UNIQUE INDEX IF NOT EXISTS ${partition}_p1 ON ${schema}.${partition} (singleton_key)
         WHERE state < 'completed' AND singleton_key IS NOT NULL;`,
    );
  }

  async function queueExists(name: string): Promise<boolean> {
    return (await boss.getQueue(name)) !== null;
  }

  return {
    kind: 'pg-boss',

    async start() {
      await boss.start();
    },

    async createQueue(name, settings: QueueSettings) {
      const queue = {
        name,
        policy: POLICY,
        retryLimit: settings.retryLimit,
        retryDelay: Math.ceil(settings.retryDelaySeconds),
        retryBackoff: settings.retryBackoff,
        expireInSeconds: Math.max(1, Math.ceil(settings.expireInSeconds)),
      } as const;
      await boss.createQueue(name, queue);
      await boss.updateQueue(name, queue);
      await addLiveKeyIndex(name);
    },

    async send<T extends object>(name: string, data: T, options: SendOptions = {}) {
      const id = await boss.send(name, data, {
        singletonKey: options.singletonKey,
        startAfter: options.startAfter,
      });
      if (id !== null) return id;
      if (!(await queueExists(name))) throw new Error(`job queue "${name}" does not exist: create it first`);
      return null; // One with this singletonKey is already waiting or running.
    },

    async work<T extends object>(
      name: string,
      handler: JobHandler<T>,
      options: { pollingIntervalSeconds?: number } = {},
    ) {
      if (!(await queueExists(name))) throw new Error(`job queue "${name}" does not exist: create it first`);
      await boss.work<T>(
        name,
        {
          batchSize: 1,
          includeMetadata: true,
          // pg-boss refuses intervals under 0.5 s.
          pollingIntervalSeconds: Math.max(0.5, options.pollingIntervalSeconds ?? 2),
        },
        async (jobs) => {
          for (const job of jobs) {
            try {
              await handler({ id: job.id, name: job.name, data: job.data, retryCount: job.retryCount });
            } catch (error) {
              const log = {
                event: 'job_failed',
                queue: name,
                jobId: job.id,
                retryCount: job.retryCount,
                error: errorMessage(error),
              };
              if (job.retryCount < job.retryLimit) logger.warn(log, 'job attempt failed; will retry');
              else logger.error(log, 'job failed; no retries left');
              throw error; // pg-boss records the failure and schedules the retry.
            }
          }
        },
      );
    },

    async counts(name) {
      const rows = await sql<{ state: string; n: number }>(
        `SELECT state::text AS state, count(*)::int AS n FROM ${schema}.job WHERE name = $1 GROUP BY state`,
        [name],
      );
      const count = (state: string) => rows.find((row) => row.state === state)?.n ?? 0;
      return {
        waiting: count('created') + count('retry'),
        running: count('active'),
        completed: count('completed'),
        failed: count('failed'),
      } satisfies JobCounts;
    },

    async stop() {
      await boss.stop({ graceful: true, wait: true, close: true, timeout: stopTimeoutMs });
    },
  };
}

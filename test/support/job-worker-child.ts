// A worker process for test/integration/job-queue-kill.test.ts: works one queue on PostgreSQL
// (pg-boss or the table queue) with a handler that, in one transaction, records the job's
// effect keyed by its data (INSERT … ON CONFLICT DO NOTHING: the idempotent pattern handlers
// must follow) and reports on standard output, one JSON object per line:
//   {"event":"ready"}                                     working the queue
//   {"event":"in-transaction","jobId":…,"retryCount":…}   effect written, not yet committed
//   {"event":"committed","jobId":…,"retryCount":…}        effect committed
//   {"event":"stopped"}                                   after SIGTERM: queue stopped, DB closed
// With JOB_MODE=hang the handler waits forever inside the transaction (the parent kills the
// process there). On SIGTERM it stops the queue and closes the database, then must exit by
// itself: a timer or connection left behind would keep it alive, and the parent notices.
//
// Environment: JOB_ADAPTER (pg-boss | table), JOB_DB_URL, JOB_SCHEMA (pg-boss's schema),
// JOB_QUEUE, JOB_SETTINGS (QueueSettings as JSON), JOB_MODE (hang | complete).
import { openPostgresDatabase } from '#platform/db/postgres-database.ts';
import type { JobLogger, JobQueue, QueueSettings } from '#platform/jobs/job-queue.ts';
import { createPgBossJobQueue } from '#platform/jobs/pg-boss-job-queue.ts';
import { createTableJobQueue } from '#platform/jobs/table-job-queue.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

const url = required('JOB_DB_URL');
const queueName = required('JOB_QUEUE');
const settings = JSON.parse(required('JOB_SETTINGS')) as QueueSettings;
const hang = required('JOB_MODE') === 'hang';

// Logs go to standard error (the parent shows them when a test fails).
const log = (level: string) => (object: unknown, message?: string) =>
  process.stderr.write(`${JSON.stringify({ level, message, ...(object as object) })}\n`);
const logger = { info: log('info'), warn: log('warn'), error: log('error') } as unknown as JobLogger;

const db = await openPostgresDatabase(url, 2);
const queue: JobQueue =
  required('JOB_ADAPTER') === 'pg-boss'
    ? createPgBossJobQueue(
        { connectionString: url, schema: required('JOB_SCHEMA'), maintenanceIntervalSeconds: 1 },
        logger,
      )
    : createTableJobQueue(db, logger);
await queue.start();
await queue.createQueue(queueName, settings);

await queue.work<{ key: string }>(
  queueName,
  async (job) => {
    const report = { jobId: job.id, retryCount: job.retryCount };
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO job_effects (key, job_id, retry_count) VALUES ($1, $2, $3) ON CONFLICT (key) DO NOTHING`,
        [job.data.key, job.id, job.retryCount],
      );
      say({ event: 'in-transaction', ...report });
      if (hang) await new Promise<never>(() => undefined);
    });
    say({ event: 'committed', ...report });
  },
  { pollingIntervalSeconds: 0.5 },
);
say({ event: 'ready' });

// The queues' own timers are unref'd (an app's HTTP server is what keeps it running): hold the
// process open until told to stop.
const keepAlive = setInterval(() => undefined, 60_000);
process.once('SIGTERM', () => {
  clearInterval(keepAlive);
  void (async () => {
    await queue.stop();
    await db.close();
    say({ event: 'stopped' });
  })();
});

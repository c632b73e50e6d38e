// Chooses the job queue: pg-boss when the application runs on PostgreSQL and the URL is known,
// else the table queue on the application's own database (embedded PGlite; ADR 0011). Call
// `start()` on the result.
import type { Database } from '../db/database.ts';
import type { JobLogger, JobQueue } from './job-queue.ts';
import { createPgBossJobQueue } from './pg-boss-job-queue.ts';
import { createTableJobQueue } from './table-job-queue.ts';

export interface JobQueueSettings {
  /** The PostgreSQL URL `db` was opened with; pg-boss opens its own small pool to it. */
  postgresUrl?: string | undefined;
  pgBoss?: {
    /** pg-boss's schema (default `pgboss`). */
    schema?: string | undefined;
    /** How often expired jobs are looked for (default 60 s). */
    maintenanceIntervalSeconds?: number | undefined;
  };
}

export function openJobQueue(db: Database, settings: JobQueueSettings, logger: JobLogger): JobQueue {
  if (db.kind === 'postgres' && settings.postgresUrl) {
    return createPgBossJobQueue(
      {
        connectionString: settings.postgresUrl,
        schema: settings.pgBoss?.schema,
        maintenanceIntervalSeconds: settings.pgBoss?.maintenanceIntervalSeconds,
      },
      logger,
    );
  }
  return createTableJobQueue(db, logger);
}

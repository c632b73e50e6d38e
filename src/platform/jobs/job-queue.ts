// The durable background-job port the apps use (settle a payment on its date, send a receipt,
// check payment plans). Two adapters: pg-boss on PostgreSQL (`pg-boss-job-queue.ts`) and a
// small table queue on any `Database`, PGlite included (`table-job-queue.ts`);
// `open-job-queue.ts` chooses. ADR 0011 explains why there are two.
//
// Delivery is AT LEAST ONCE. A job runs again when its handler throws (up to the queue's
// retryLimit), when it runs longer than expireInSeconds (the handler is abandoned, not
// cancelled, and may still finish), and when the worker process dies mid-job (another worker
// picks it up once expireInSeconds have passed). So every handler MUST be idempotent: make the
// effect exactly-once yourself, e.g. check the record's status and apply the effect in the
// same database transaction ("settle payment P unless P is already settled"), or insert
// keyed by the job's data with ON CONFLICT DO NOTHING. The queue never knows whether an effect
// happened; only the effect's own table can.
//
// Job data is stored in the database as JSON: keep it to ids (a payment id, not the payment),
// never personal data. Adapters never log job data.
import type { Logger } from '../log/logger.ts';

/** What the adapters log with (queue, job id, error message; never job data). */
export type JobLogger = Pick<Logger, 'info' | 'warn' | 'error'>;

export interface QueueSettings {
  /** Retries after the first attempt fails (0: one attempt only). */
  retryLimit: number;
  /** Delay before a retry; with retryBackoff, the base of an exponential, jittered delay. */
  retryDelaySeconds: number;
  retryBackoff: boolean;
  /**
   * How long one attempt may run. Past it the attempt counts as failed (and is retried while
   * retries remain): the handler is abandoned in a live worker, and a dead worker's job is
   * taken back. Make it comfortably longer than the slowest normal run.
   */
  expireInSeconds: number;
}

export interface SendOptions {
  /** At most one job per (queue, key) waiting or running; see `JobQueue.send`. */
  singletonKey?: string;
  /** Not delivered before this time (database clock). */
  startAfter?: Date;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
  /** 0 on the first delivery, then 1, 2 … (a retry after a failure or an expiry). */
  retryCount: number;
}

/** Must be idempotent: the same job may be delivered more than once (see above). */
export type JobHandler<T> = (job: Job<T>) => Promise<void>;

export interface JobQueue {
  readonly kind: 'pg-boss' | 'table';
  /** Creates its schema if needed. */
  start(): Promise<void>;
  /** Creates the queue, or updates its settings (jobs already sent keep the ones they had). */
  createQueue(name: string, settings: QueueSettings): Promise<void>;
  /**
   * Enqueue; with singletonKey at most one job per (name, key) is waiting or running: returns
   * null when one already is. Throws when the queue was never created.
   */
  send<T extends object>(name: string, data: T, options?: SendOptions): Promise<string | null>;
  /**
   * Start polling `name` (one job at a time per call); a handler that throws is retried per
   * the queue settings; a job running longer than expireInSeconds (e.g. its worker process
   * was killed) is retried too.
   */
  work<T extends object>(
    name: string,
    handler: JobHandler<T>,
    options?: { pollingIntervalSeconds?: number },
  ): Promise<void>;
  /** Counts by state, for tests, the dev page and operators. */
  counts(name: string): Promise<JobCounts>;
  /**
   * Stops polling and waits for running handlers (bounded); a handler still running then is
   * abandoned and its job released for a retry. Leaves the application's database open.
   */
  stop(): Promise<void>;
}

export interface JobCounts {
  /** Due or scheduled, including jobs waiting for a retry. */
  waiting: number;
  running: number;
  completed: number;
  failed: number;
}

/**
 * An error as one short line for operators (stored, logged): name and message only, no stack,
 * no other properties (a SQL error's `detail` may quote row values). pg-boss emits worker
 * errors as plain objects carrying `message`.
 */
export function errorMessage(error: unknown): string {
  let message: string;
  if (error instanceof Error) message = `${error.name}: ${error.message}`;
  else if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  ) {
    message = (error as { message: string }).message;
  } else message = String(error);
  return message.slice(0, 500);
}

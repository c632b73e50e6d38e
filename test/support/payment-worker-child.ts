// A payment worker process for test/integration/payment-worker-kill.test.ts: the tax account's
// real payment worker (pg-boss on PostgreSQL, the development bank rails) on a database the
// test prepared. Reports on standard output, one JSON object per line:
//   {"event":"ready"}                       the worker is running and has swept once
//   {"event":"after-vendor","paymentId":…}  the bank rails accepted the debit; nothing recorded yet
//   {"event":"before-commit","paymentId":…} status and ledger posting written, not committed
// PAYMENT_HANG=after-vendor | before-commit makes the worker wait forever at that point (the
// parent kills the process there); PAYMENT_HANG=none lets it finish.
//
// Environment: PAYMENT_DB_URL, PAYMENT_DATA_KEY, PAYMENT_FINGERPRINT_KEY (base64),
// PAYMENT_PGBOSS_SCHEMA, PAYMENT_HANG.
import { openPostgresDatabase } from '#platform/db/postgres-database.ts';
import { createFieldCipher } from '#platform/crypto/field-cipher.ts';
import { createPgBossJobQueue } from '#platform/jobs/pg-boss-job-queue.ts';
import type { Queryable } from '#platform/db/database.ts';
import type { Logger } from '#platform/log/logger.ts';
import { createPaymentsRepo } from '../../apps/account/src/db/payments-repo.ts';
import { createDevBankRails } from '../../apps/account/src/payments/dev-bank-rails.ts';
import { createDevCardProcessor } from '../../apps/account/src/payments/dev-card-processor.ts';
import { paymentProcessing } from '../../apps/account/src/payments/payment-processing.ts';
import {
  DEFAULT_WORKER_SETTINGS,
  paymentNotifier,
  paymentWorker,
} from '../../apps/account/src/payments/payment-worker.ts';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const say = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const log = (level: string) => (object: unknown, message?: string) =>
  process.stderr.write(`${JSON.stringify({ level, message, ...(object as object) })}\n`);
const logger = { info: log('info'), warn: log('warn'), error: log('error') } as unknown as Logger;

const url = env('PAYMENT_DB_URL');
const hang = env('PAYMENT_HANG');
const db = await openPostgresDatabase(url, 4);
const cipher = createFieldCipher(
  Buffer.from(env('PAYMENT_DATA_KEY'), 'base64'),
  Buffer.from(env('PAYMENT_FINGERPRINT_KEY'), 'base64'),
);
const queue = createPgBossJobQueue(
  { connectionString: url, schema: env('PAYMENT_PGBOSS_SCHEMA'), maintenanceIntervalSeconds: 1 },
  logger,
);
await queue.start();
const now = () => new Date();
const paymentsOn = (q: Queryable) => createPaymentsRepo(q, cipher);
const forever = () => new Promise<never>(() => undefined);
const processing = paymentProcessing({
  db,
  paymentsOn,
  rails: createDevBankRails(db, { now }),
  processor: createDevCardProcessor(db, { now }),
  now,
  notify: paymentNotifier(queue),
  hooks: {
    afterVendor: async (payment) => {
      say({ event: 'after-vendor', paymentId: payment.id });
      if (hang === 'after-vendor') await forever();
    },
    beforeCommit: async (payment) => {
      say({ event: 'before-commit', paymentId: payment.id });
      if (hang === 'before-commit') await forever();
    },
  },
});
const worker = paymentWorker({
  queue,
  payments: paymentsOn(db),
  processing,
  sendPaymentEmail: async () => {},
  checkPlans: async () => {},
  now,
  logger,
  settings: {
    ...DEFAULT_WORKER_SETTINGS,
    sweepSeconds: 1,
    pollingSeconds: 0.5,
    queue: { retryLimit: 5, retryDelaySeconds: 0, retryBackoff: false, expireInSeconds: 3 },
  },
});
await worker.start();
say({ event: 'ready' });
const keepAlive = setInterval(() => undefined, 1000);
process.on('SIGTERM', () => {
  clearInterval(keepAlive);
  void worker
    .stop()
    .then(() => queue.stop())
    .then(() => db.close());
});

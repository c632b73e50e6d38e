// The payment worker: durable jobs that move payments through their lives, and a sweep that
// (re)queues them from the payments table, which is the source of truth. A job lost, a
// worker killed, a sweep run twice: the next sweep queues the work again and every step is
// idempotent (payment-processing.ts), so nothing is lost and nothing happens twice.
//
// Queues (one job per payment and step at a time, by singleton key):
//   payments.initiate  a scheduled bank payment whose date has come → debit, post TC 670
//   payments.confirm   a pending payment → settled, or returned (TC 671 + TC 280)
//   payments.recover   a card charge left "processing" → ask the processor
//   payments.email     a receipt or a notice about a payment
//   plans.check        the payment plans: direct debits due, missed payments, defaults
import type { Logger } from '#platform/log/logger.ts';
import type { JobQueue, QueueSettings } from '#platform/jobs/job-queue.ts';
import { agencyToday } from '../domain/records/agency-date.ts';
import type { PaymentsRepo } from '../db/payments-repo.ts';
import type { PaymentEmailKind, PaymentProcessing } from './payment-processing.ts';

export const PAYMENT_QUEUES = {
  initiate: 'payments.initiate',
  confirm: 'payments.confirm',
  recover: 'payments.recover',
  email: 'payments.email',
  plans: 'plans.check',
} as const;

export interface WorkerSettings {
  /** How often the sweep looks for work, in seconds. */
  sweepSeconds: number;
  /** A card charge "processing" for longer than this is asked about (seconds). */
  recoverAfterSeconds: number;
  /** How often each queue is polled for jobs, in seconds. */
  pollingSeconds: number;
  queue: QueueSettings;
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  sweepSeconds: 30,
  recoverAfterSeconds: 600,
  pollingSeconds: 2,
  queue: { retryLimit: 8, retryDelaySeconds: 30, retryBackoff: true, expireInSeconds: 300 },
};

/** The email is written in the language the person used for the payment. */
export interface EmailJob {
  paymentId: string;
  kind: PaymentEmailKind;
}

export interface WorkerDeps {
  queue: JobQueue;
  payments: PaymentsRepo;
  processing: PaymentProcessing;
  sendPaymentEmail: (job: EmailJob) => Promise<void>;
  checkPlans: (today: string) => Promise<void>;
  now: () => Date;
  logger: Logger;
  settings: WorkerSettings;
}

/** Queue an email (used by the web requests and the worker alike). */
export function paymentNotifier(queue: JobQueue) {
  return async (paymentId: string, kind: PaymentEmailKind) => {
    await queue.send<EmailJob>(
      PAYMENT_QUEUES.email,
      { paymentId, kind },
      { singletonKey: `${paymentId}:${kind}` },
    );
  };
}

export async function createPaymentQueues(queue: JobQueue, settings: WorkerSettings): Promise<void> {
  for (const name of Object.values(PAYMENT_QUEUES)) await queue.createQueue(name, settings.queue);
}

export function paymentWorker(deps: WorkerDeps) {
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;

  async function sweepOnce(): Promise<void> {
    const now = deps.now();
    const today = agencyToday(now);
    for (const id of await deps.payments.dueForInitiation(today, 500))
      await deps.queue.send(PAYMENT_QUEUES.initiate, { paymentId: id }, { singletonKey: id });
    for (const id of await deps.payments.idsIn('pending', now, 500))
      await deps.queue.send(PAYMENT_QUEUES.confirm, { paymentId: id }, { singletonKey: id });
    const stale = new Date(now.getTime() - deps.settings.recoverAfterSeconds * 1000);
    for (const id of await deps.payments.idsIn('processing', stale, 100))
      await deps.queue.send(PAYMENT_QUEUES.recover, { paymentId: id }, { singletonKey: id });
    await deps.queue.send(PAYMENT_QUEUES.plans, { today }, { singletonKey: today });
  }

  /** One sweep (concurrent calls share it). */
  function sweep(): Promise<void> {
    sweeping ??= sweepOnce().finally(() => {
      sweeping = undefined;
    });
    return sweeping;
  }

  async function start(): Promise<void> {
    await createPaymentQueues(deps.queue, deps.settings);
    const polling = { pollingIntervalSeconds: deps.settings.pollingSeconds };
    const log = (step: string, paymentId: string, outcome: string) =>
      deps.logger.info({ step, paymentId, outcome }, 'payment step');
    await deps.queue.work<{ paymentId: string }>(
      PAYMENT_QUEUES.initiate,
      async (job) => log('initiate', job.data.paymentId, await deps.processing.initiate(job.data.paymentId)),
      polling,
    );
    await deps.queue.work<{ paymentId: string }>(
      PAYMENT_QUEUES.confirm,
      async (job) => log('confirm', job.data.paymentId, await deps.processing.confirm(job.data.paymentId)),
      polling,
    );
    await deps.queue.work<{ paymentId: string }>(
      PAYMENT_QUEUES.recover,
      async (job) =>
        log('recover', job.data.paymentId, await deps.processing.recoverCardCharge(job.data.paymentId)),
      polling,
    );
    await deps.queue.work<EmailJob>(PAYMENT_QUEUES.email, (job) => deps.sendPaymentEmail(job.data), polling);
    await deps.queue.work<{ today: string }>(
      PAYMENT_QUEUES.plans,
      (job) => deps.checkPlans(job.data.today),
      polling,
    );
    timer = setInterval(() => {
      sweep().catch((error: unknown) => deps.logger.error({ err: error }, 'payment sweep failed'));
    }, deps.settings.sweepSeconds * 1000);
    timer.unref();
    await sweep();
  }

  async function stop(): Promise<void> {
    if (timer) clearInterval(timer);
    timer = undefined;
    await sweeping?.catch(() => undefined);
  }

  return { start, stop, sweep };
}

export type PaymentWorker = ReturnType<typeof paymentWorker>;

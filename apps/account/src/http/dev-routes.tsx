// Development-only pages of the tax account: GET /dev/outbox (+ .json), the emails it "sent";
// GET /dev/payments (+ .json), what the development card processor and bank rails recorded,
// with the test cards and accounts to type. The composition root registers these only when
// the mode is development or test; they read only development tables.
import type { FastifyInstance } from 'fastify';
import type { DevPaymentsRepo } from '../db/dev-payments-repo.ts';
import type { OutboxRepo } from '../db/outbox-repo.ts';
import { agencyToday } from '../domain/records/agency-date.ts';
import { DevOutboxPage, DevPaymentsPage } from '../views/dev-pages.tsx';

/** How many of the latest rows each page shows. */
export const DEV_PAGE_ROWS = 50;

export interface DevRouteDeps {
  outbox: OutboxRepo;
  devPayments: DevPaymentsRepo;
  now: () => Date;
}

export function registerDevRoutes(app: FastifyInstance, deps: DevRouteDeps): void {
  app.get('/dev/outbox', async (_req, reply) => {
    const messages = await deps.outbox.latest(DEV_PAGE_ROWS);
    return reply.page((ctx) => DevOutboxPage(ctx, messages));
  });
  app.get('/dev/outbox.json', async (_req, reply) =>
    reply.send({ messages: await deps.outbox.latest(DEV_PAGE_ROWS) }),
  );

  app.get('/dev/payments', async (_req, reply) => {
    const [charges, debits] = await Promise.all([
      deps.devPayments.latestCardCharges(DEV_PAGE_ROWS),
      deps.devPayments.latestBankDebits(DEV_PAGE_ROWS),
    ]);
    const today = agencyToday(deps.now());
    return reply.page((ctx) => DevPaymentsPage(ctx, { charges, debits, today }));
  });
  // Cents as strings: JSON has no bigint.
  app.get('/dev/payments.json', async (_req, reply) => {
    const [charges, debits] = await Promise.all([
      deps.devPayments.latestCardCharges(DEV_PAGE_ROWS),
      deps.devPayments.latestBankDebits(DEV_PAGE_ROWS),
    ]);
    return reply.send({
      cardCharges: charges.map((c) => ({
        ...c,
        amountCents: c.amountCents.toString(),
        feeCents: c.feeCents.toString(),
      })),
      bankDebits: debits.map((d) => ({ ...d, amountCents: d.amountCents.toString() })),
    });
  });
}

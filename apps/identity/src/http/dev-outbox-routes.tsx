// GET /dev/outbox: what the development email and SMS adapters "sent". Development only.
import type { FastifyInstance } from 'fastify';
import type { OutboxRepo } from '../db/outbox-repo.ts';
import { OutboxPage } from '../views/outbox-page.tsx';

export function registerDevOutboxRoutes(app: FastifyInstance, outbox: OutboxRepo): void {
  app.get('/dev/outbox', async (_req, reply) => {
    const messages = await outbox.latest(50);
    return reply.page((ctx) => OutboxPage(ctx, messages));
  });
  app.get('/dev/outbox.json', async (_req, reply) => reply.send({ messages: await outbox.latest(50) }));
}

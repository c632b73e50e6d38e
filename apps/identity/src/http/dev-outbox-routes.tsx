// GET /dev/outbox: what the development email, SMS and postal-mail adapters "sent". Development only.
// GET /dev/outbox/:id/attachment: a message's attachment (a letter's PDF), shown inline.
import type { FastifyInstance } from 'fastify';
import type { OutboxAttachments, OutboxRepo } from '../db/outbox-repo.ts';
import { OutboxPage } from '../views/outbox-page.tsx';

export function registerDevOutboxRoutes(app: FastifyInstance, outbox: OutboxRepo & OutboxAttachments): void {
  app.get('/dev/outbox', async (_req, reply) => {
    const messages = await outbox.latest(50);
    return reply.page((ctx) => OutboxPage(ctx, messages));
  });
  app.get('/dev/outbox.json', async (_req, reply) => reply.send({ messages: await outbox.latest(50) }));
  app.get<{ Params: { id: string } }>('/dev/outbox/:id/attachment', async (req, reply) => {
    const id = /^\d{1,15}$/.test(req.params.id) ? Number(req.params.id) : undefined;
    const attachment = id === undefined ? undefined : await outbox.attachment(id);
    if (!attachment) return reply.callNotFound(); // the app's usual 404 page
    return reply
      .type(attachment.type)
      .header('content-disposition', `inline; filename="letter-${id}.pdf"`)
      .header('cache-control', 'no-store')
      .send(attachment.bytes);
  });
}

// Renders an AppError as a page in the user's language (or JSON for API clients).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { AppError } from '../errors/app-error.ts';
import type { PageContext } from '../ui/page-context.ts';

export type ErrorPageRenderer = (ctx: PageContext, error: { code: string; message: string }) => VNode;

export function renderErrorPage(
  render: ErrorPageRenderer,
  req: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
): FastifyReply {
  const message = req.t(error.messageKey, error.params);
  reply.code(error.status);
  if (!req.headers.accept?.includes('text/html') && req.headers.accept?.includes('application/json')) {
    return reply.send({ error: { code: error.code, message } });
  }
  return reply.page((ctx) => render(ctx, { code: error.code, message }));
}

// Mounts oidc-provider (a Koa app) inside Fastify. Its routes get no Fastify body parsing
// (the provider reads the raw stream), no CSRF hook (the protocol has its own state,
// PKCE and xsrf checks), and our security headers on the raw response.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import { OIDC_ROUTE_PREFIX } from '../oidc/provider.ts';

export async function mountOidcProvider(
  app: FastifyInstance,
  provider: Provider,
  headers: () => Record<string, string>,
) {
  const callback = provider.callback();
  await app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, _payload, done) => done(null));
    const handler = async (req: FastifyRequest, reply: FastifyReply) => {
      reply.hijack();
      for (const [name, value] of Object.entries(headers())) reply.raw.setHeader(name, value);
      reply.raw.setHeader('x-request-id', String(req.id));
      await callback(req.raw, reply.raw);
    };
    for (const path of [`${OIDC_ROUTE_PREFIX}/*`, '/.well-known/openid-configuration']) {
      scope.all(path, { config: { csrf: false } }, handler);
    }
  });
}

// Builds the Fastify server both apps share: logging with request ids, security headers,
// cookies, form bodies, CSRF on every unsafe request, language negotiation, local USWDS
// assets, rate limits, /healthz, and one error handler that never shows a stack trace.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import csrf from '@fastify/csrf-protection';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import type { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VNode } from 'preact';
import './fastify-types.ts';
import type { Logger } from '../log/logger.ts';
import { negotiateLocale, translator } from '../i18n/catalog.ts';
import type { PageContext } from '../ui/page-context.ts';
import { renderDocument } from '../ui/render.ts';
import { securityHeaders } from './security-headers.ts';
import { renderErrorPage, type ErrorPageRenderer } from './error-page.ts';
import { AppError } from '../errors/app-error.ts';

const require = createRequire(import.meta.url);
const USWDS_DIST = dirname(dirname(require.resolve('@uswds/uswds/css/uswds.min.css')));
const OWN_ASSETS = join(dirname(fileURLToPath(import.meta.url)), '..', 'ui', 'assets');

export interface WebServerOptions {
  name: string;
  logger: Logger;
  cookieSecret: string;
  /** Cookie-name prefix, so two apps on one host (different ports) never share cookies. */
  cookiePrefix: string;
  secureCookies: boolean;
  formActionOrigins: () => readonly string[];
  errorPage: ErrorPageRenderer;
  rateLimit: { max: number; timeWindowMs: number; redis?: Redis | undefined };
  health: () => Promise<Record<string, unknown>>;
  trustProxy?: boolean;
}

export async function createWebServer(options: WebServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(given) ? given : randomUUID();
    },
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    return503OnClosing: true,
  });

  const langCookie = `${options.cookiePrefix}_lang`;
  app.decorateRequest('locale', 'en');
  app.decorateRequest('t', translator('en'));

  await app.register(cookie, { secret: options.cookieSecret });
  // Pages post HTML forms and nothing else: no JSON or text bodies to parse.
  app.removeAllContentTypeParsers();
  await app.register(formbody);
  await app.register(csrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: `${options.cookiePrefix}_csrf`,
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, signed: true, secure: options.secureCookies },
    getToken: (req) => (req.body as Record<string, string> | undefined)?._csrf,
  });
  await app.register(rateLimit, {
    global: true,
    max: options.rateLimit.max,
    timeWindow: options.rateLimit.timeWindowMs,
    redis: options.rateLimit.redis,
    nameSpace: `${options.name}-rl-`,
    skipOnError: true,
    allowList: (req) => req.url === '/healthz',
    errorResponseBuilder: () => new AppError('E429', 429, 'error.tooManyRequests'),
  });
  await app.register(fastifyStatic, {
    root: USWDS_DIST,
    prefix: '/assets/uswds/',
    decorateReply: false,
    maxAge: '1d',
  });
  await app.register(fastifyStatic, {
    root: OWN_ASSETS,
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1h',
  });

  const headers = () =>
    securityHeaders({ formActionOrigins: options.formActionOrigins, secureTransport: options.secureCookies });
  app.addHook('onRequest', async (req, reply) => {
    const query = req.query as Record<string, unknown> | undefined;
    const choice = query?.lang;
    req.locale = negotiateLocale(choice, req.cookies[langCookie], req.headers['accept-language']);
    req.t = translator(req.locale);
    if (choice === req.locale) {
      void reply.setCookie(langCookie, req.locale, {
        path: '/',
        sameSite: 'lax',
        maxAge: 31536000,
        httpOnly: true,
      });
    }
    reply.headers(headers());
  });

  // CSRF on every unsafe request unless a route opts out (protocol endpoints with their own protection).
  app.addHook('preHandler', (req, reply, done) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || req.routeOptions.config.csrf === false)
      return done();
    app.csrfProtection(req, reply, done);
  });

  app.decorateReply('page', function (this: FastifyReply, render: (ctx: PageContext) => VNode) {
    const req = this.request;
    const ctx: PageContext = { locale: req.locale, t: req.t, csrfToken: this.generateCsrf(), path: req.url };
    this.header('cache-control', 'no-store');
    return this.type('text/html; charset=utf-8').send(renderDocument(render(ctx)));
  });

  app.get('/healthz', { config: { csrf: false } }, async (_req, reply) => {
    try {
      return reply.send({ status: 'ok', service: options.name, ...(await options.health()) });
    } catch {
      return reply.code(503).send({ status: 'unavailable', service: options.name });
    }
  });

  app.setNotFoundHandler((req, reply) =>
    renderErrorPage(options.errorPage, req, reply, new AppError('E404', 404, 'error.notFound')),
  );
  app.setErrorHandler((error, req, reply) =>
    renderErrorPage(options.errorPage, req, reply, classify(error, req)),
  );
  return app as unknown as FastifyInstance;
}

/** Maps any thrown value to an AppError a user may see. Unexpected ones are logged in full. */
function classify(error: unknown, req: FastifyRequest): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; statusCode?: number; validation?: unknown };
  if (e.code === 'FST_CSRF_INVALID_TOKEN' || e.code === 'FST_CSRF_MISSING_SECRET') {
    return new AppError('E403-CSRF', 403, 'error.csrf');
  }
  if (e.statusCode === 429) return new AppError('E429', 429, 'error.tooManyRequests');
  if (e.validation || (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)) {
    req.log.info({ code: e.code, statusCode: e.statusCode }, 'rejected malformed request');
    return new AppError('E400', 400, 'error.badRequest');
  }
  req.log.error({ err: error }, 'unhandled error');
  return new AppError('E500', 500, 'error.internal');
}

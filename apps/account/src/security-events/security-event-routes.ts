// The push endpoint for Security Event Tokens (RFC 8935): POST /security-events with
// Content-Type application/secevent+jwt. 202 once the token verifies and has been acted on;
// 400 with {"err", "description"} when it is not acceptable; 503 when the provider's keys
// cannot be fetched (so the provider sends it again later). No CSRF token: a server sends
// it, and only a token signed by the provider does anything. Registered as its own plugin,
// so its body parser and JSON errors apply to this route only.
import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import {
  SET_MEDIA_TYPE,
  SetKeysUnavailable,
  SetRejected,
  type SetErrorCode,
} from './security-event-token.ts';
import type { SecurityEventReceiver } from './security-event-receiver.ts';

export const SECURITY_EVENTS_PATH = '/security-events';
/** A SET is a few hundred bytes; RFC 8935 sets no limit. */
const BODY_LIMIT = 64 * 1024;

export interface SecurityEventRouteDeps {
  receiver: SecurityEventReceiver;
}

function refuse(reply: FastifyReply, err: SetErrorCode, description: string) {
  return reply.code(400).header('cache-control', 'no-store').send({ err, description });
}

export function securityEventRoutes(deps: SecurityEventRouteDeps): FastifyPluginAsync {
  return async (app: FastifyInstance) => {
    app.addContentTypeParser(
      SET_MEDIA_TYPE,
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );

    // Whatever fails before the handler (wrong media type, body too large, rate limit) is
    // answered in the protocol's terms, not with an HTML page.
    app.setErrorHandler((error: { statusCode?: number; status?: number; code?: string }, req, reply) => {
      const status = error.statusCode ?? error.status ?? 500;
      if (status === 429)
        return reply.code(429).send({ err: 'too_many_requests', description: 'too many requests' });
      if (status >= 400 && status < 500) {
        req.log.info({ event: 'security_event_refused', code: error.code }, 'security event request refused');
        return refuse(reply, 'invalid_request', `the body must be a SET sent as ${SET_MEDIA_TYPE}`);
      }
      req.log.error({ err: error, event: 'security_event_error' }, 'security event not processed');
      return reply.code(500).send({ description: 'the security event could not be processed' });
    });

    app.post(SECURITY_EVENTS_PATH, { config: { csrf: false } }, async (req, reply) => {
      const token = typeof req.body === 'string' ? req.body.trim() : '';
      if (!token || req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() !== SET_MEDIA_TYPE)
        return refuse(reply, 'invalid_request', `the body must be a SET sent as ${SET_MEDIA_TYPE}`);
      try {
        const outcome = await deps.receiver.receive(token, String(req.id));
        req.log.info(
          {
            event: 'security_event_received',
            jti: outcome.jti,
            duplicate: outcome.duplicate,
            kinds: outcome.events.map((e) => e.kind),
            sessionsEnded: outcome.events.reduce((sum, e) => sum + e.sessionsEnded, 0),
            ignored: outcome.ignored,
          },
          'security event received',
        );
        return reply.code(202).send();
      } catch (error) {
        if (error instanceof SetRejected) {
          req.log.warn({ event: 'security_event_rejected', err: error.err }, 'security event rejected');
          return refuse(reply, error.err, error.description);
        }
        if (error instanceof SetKeysUnavailable) {
          req.log.warn(
            { event: 'security_event_keys_unavailable', err: error.cause },
            'provider keys unavailable',
          );
          return reply
            .code(503)
            .header('retry-after', '60')
            .send({ description: 'the identity provider keys are unavailable; try again later' });
        }
        throw error;
      }
    });
  };
}

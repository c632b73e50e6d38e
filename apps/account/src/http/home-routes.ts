// The home page: a greeting when signed in (an audited view of taxpayer data), else an invitation to sign in.
import type { FastifyInstance } from 'fastify';
import type { SessionsRepo } from '../db/sessions-repo.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import { currentSession, type SessionCookies } from '../session/current-session.ts';
import { SignedInHomePage, SignedOutHomePage } from '../views/home-pages.tsx';

export function registerHomeRoutes(
  app: FastifyInstance,
  deps: { sessions: SessionsRepo; audit: AuditRepo; cookies: SessionCookies; now: () => Date },
): void {
  app.get('/', async (req, reply) => {
    const session = await currentSession(req, deps.cookies, deps.sessions, deps.now());
    if (!session) return reply.page((ctx) => SignedOutHomePage(ctx));
    await deps.audit.record({ subject: session.subject, action: 'view_home', requestId: String(req.id) });
    return reply.page((ctx) => SignedInHomePage(ctx, session.claims));
  });
}

// The "This wasn't me" link from security emails. GET only shows what is being reported
// and a form (mail scanners and link previews follow links; they must not lock anyone
// out); POST, with its CSRF token, locks the account and ends every session. It records
// no security event, so locking never sends another notice.
import type { Queryable } from '#platform/db/database.ts';
import type { AgencySecurityEvents } from '../federation/security-event-publisher.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields, queryParam } from '#platform/http/form-fields.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { AccountLocksRepo } from '../db/account-locks-repo.ts';
import type { IdpSessionsRepo } from '../db/idp-sessions-repo.ts';
import type { NoticeTokenState, SecurityNoticeTokensRepo } from '../db/security-notice-tokens-repo.ts';
import type { SessionCookieJar } from '../session/idp-session-cookies.ts';
import { formatNoticeTime } from '../flows/security-notifier.ts';
import {
  AccountLockedPage,
  NOT_ME_PATH,
  NoticeLinkProblemPage,
  NotMeConfirmPage,
} from '../views/security-notice-pages.tsx';

export const NOT_ME_LOCK_REASON = 'not_me';

export interface SecurityNoticeRouteDeps {
  tokens: SecurityNoticeTokensRepo;
  locks: Pick<AccountLocksRepo, 'lock'>;
  sessions: Pick<IdpSessionsRepo, 'destroyAllForAccount'>;
  cookies: Pick<SessionCookieJar, 'clear'>;
  clock: Clock;
  /** Tells the agencies the person uses that the account is locked (Security Event Tokens). */
  agencyEvents?: Pick<AgencySecurityEvents, 'accountLocked'> & { db: Queryable };
}

const PROBLEM_STATUS = { unknown: 404, expired: 410, used: 410 } as const;

export function registerSecurityNoticeRoutes(app: FastifyInstance, deps: SecurityNoticeRouteDeps): void {
  const problem = (reply: FastifyReply, state: Exclude<NoticeTokenState, { status: 'valid' }>) =>
    reply.code(PROBLEM_STATUS[state.status]).page((ctx) => NoticeLinkProblemPage(ctx, state.status));

  app.get(NOT_ME_PATH, async (req: FastifyRequest, reply) => {
    const token = queryParam(req.query, 'token') ?? '';
    const state = await deps.tokens.inspect(token, deps.clock.now());
    if (state.status !== 'valid') return problem(reply, state);
    const { event } = state;
    return reply.page((ctx) =>
      NotMeConfirmPage(ctx, {
        token,
        kind: event.kind,
        time: formatNoticeTime(event.occurredAt, ctx.locale),
        device: event.deviceLabel,
      }),
    );
  });

  app.post(NOT_ME_PATH, async (req: FastifyRequest, reply) => {
    const { token } = formFields(req.body, ['token'], 256);
    const now = deps.clock.now();
    const state = await deps.tokens.inspect(token, now);
    if (state.status !== 'valid') return problem(reply, state);
    // Lock and sign out first (both idempotent), then spend the token: a failure part-way
    // leaves a link that still works, never a used link with the account still open.
    await deps.locks.lock(state.accountId, NOT_ME_LOCK_REASON, now);
    await deps.agencyEvents?.accountLocked(deps.agencyEvents.db, state.accountId);
    const ended = await deps.sessions.destroyAllForAccount(state.accountId);
    await deps.tokens.consume(token, now);
    deps.cookies.clear(reply);
    req.log.info(
      {
        event: 'account_locked',
        reason: NOT_ME_LOCK_REASON,
        accountId: state.accountId,
        sessionsEnded: ended,
      },
      'account locked by its owner',
    );
    return reply.page((ctx) => AccountLockedPage(ctx));
  });
}

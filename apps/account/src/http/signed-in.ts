// Who is signed in, for the pages over a taxpayer's records: the session, the linked
// taxpayer, and (when asked) their records, read and audited in one statement. Shared by the
// home, payment and plan routes. Signed out: `signedOut()` decides (a redirect, a page); not
// linked to a taxpayer: the page that explains what did not match.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SessionsRepo, WebSession } from '../db/sessions-repo.ts';
import type { TaxpayerLinksRepo } from '../db/taxpayer-links-repo.ts';
import {
  currentSession,
  currentSessionWithRecords,
  type SessionCookies,
} from '../session/current-session.ts';
import { agencyToday } from '../domain/records/agency-date.ts';
import type { TaxpayerRecords } from '../domain/records/tax-records.ts';
import { UnmatchedRecordsPage } from '../views/records-pages.tsx';

export interface SignedInDeps {
  sessions: SessionsRepo;
  cookies: SessionCookies;
  links: TaxpayerLinksRepo;
}

export type Signed = { session: WebSession; taxpayerId: string; today: string };
export type Read = { action: string; detail?: Record<string, string | number> };

export function signedInHelpers(deps: SignedInDeps) {
  /** Not linked to a taxpayer: the page that explains what did not match. */
  async function unmatched(reply: FastifyReply, session: WebSession): Promise<undefined> {
    const problems = (await deps.links.problemsFor(session.subject)) ?? ['claims'];
    reply.code(403).page((ctx) => UnmatchedRecordsPage(ctx, problems));
    return undefined;
  }

  /**
   * The signed-in person and their taxpayer; otherwise undefined, with the reply sent: the
   * signed-out page for `/`, a redirect there for other pages, the mismatch page when not linked.
   * Reads no records (a page that then finds the request invalid).
   */
  async function signedInTaxpayer(
    req: FastifyRequest,
    reply: FastifyReply,
    now: Date,
    signedOut: () => void,
  ): Promise<Signed | undefined> {
    const session = await currentSession(req, deps.cookies, deps.sessions, now);
    if (!session) {
      signedOut();
      return undefined;
    }
    const link = await deps.links.find(session.subject);
    if (!link) return unmatched(reply, session);
    return { session, taxpayerId: link.taxpayerId, today: agencyToday(now) };
  }

  /**
   * As `signedInTaxpayer`, and the taxpayer's records, whose read is audited (the action, the
   * request id and the detail, with the taxpayer's id): one statement with the session lookup.
   */
  async function signedInRecords(
    req: FastifyRequest,
    reply: FastifyReply,
    now: Date,
    signedOut: () => void,
    read: Read,
  ): Promise<(Signed & { records: TaxpayerRecords }) | undefined> {
    const found = await currentSessionWithRecords(req, deps.cookies, deps.sessions, now, {
      ...read,
      requestId: String(req.id),
    });
    if (!found) {
      signedOut();
      return undefined;
    }
    if (found.taxpayerId === undefined) return unmatched(reply, found.session);
    return {
      session: found.session,
      taxpayerId: found.taxpayerId,
      records: found.records,
      today: agencyToday(now),
    };
  }

  return { signedInTaxpayer, signedInRecords, unmatched };
}

// Loads the signed-in session (if any) for a request, from the session cookie; for the records
// pages, together with the linked taxpayer's records.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RecordsRead, SessionWithRecords, SessionsRepo, WebSession } from '../db/sessions-repo.ts';

export const SESSION_COOKIE = 'acct_sid';

export interface SessionCookies {
  read(req: FastifyRequest): string | undefined;
  write(reply: FastifyReply, token: string): void;
  clear(reply: FastifyReply): void;
}

export function sessionCookies(secure: boolean): SessionCookies {
  const options = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure, signed: true };
  return {
    read(req) {
      const raw = req.cookies[SESSION_COOKIE];
      const unsigned = raw ? req.unsignCookie(raw) : undefined;
      return unsigned?.valid && unsigned.value ? unsigned.value : undefined;
    },
    write: (reply, token) => void reply.setCookie(SESSION_COOKIE, token, options),
    clear: (reply) => void reply.clearCookie(SESSION_COOKIE, options),
  };
}

export async function currentSession(
  req: FastifyRequest,
  cookies: SessionCookies,
  sessions: SessionsRepo,
  now: Date,
): Promise<WebSession | undefined> {
  const token = cookies.read(req);
  return token ? sessions.touch(token, now) : undefined;
}

/**
 * The signed-in session (slid like `currentSession`) and, when its person is linked to a
 * taxpayer, that taxpayer's records, read and audited in one statement.
 */
export async function currentSessionWithRecords(
  req: FastifyRequest,
  cookies: SessionCookies,
  sessions: SessionsRepo,
  now: Date,
  read: RecordsRead,
): Promise<SessionWithRecords | undefined> {
  const token = cookies.read(req);
  return token ? sessions.touchAndReadRecords(token, now, read) : undefined;
}

// The "Remember this browser" cookie: 256 random bits (only their hash is stored, in
// remembered_devices), httpOnly, SameSite=Lax, Secure on https, kept for as long as the row lives.
import type { FastifyReply, FastifyRequest } from 'fastify';

export const REMEMBER_COOKIE = 'idp_remember';

export interface RememberDeviceCookie {
  read(req: FastifyRequest): string | undefined;
  write(reply: FastifyReply, token: string, maxAgeSeconds: number): void;
  clear(reply: FastifyReply): void;
}

export function rememberDeviceCookie(secure: boolean): RememberDeviceCookie {
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  return {
    read: (req) => {
      const value = req.cookies[REMEMBER_COOKIE];
      return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    },
    write: (reply, token, maxAgeSeconds) =>
      void reply.setCookie(REMEMBER_COOKIE, token, { ...base, maxAge: maxAgeSeconds }),
    clear: (reply) => void reply.clearCookie(REMEMBER_COOKIE, base),
  };
}

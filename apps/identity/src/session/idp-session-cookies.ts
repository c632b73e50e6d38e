// Cookies of the identity provider's own session and of the device it runs on. The
// session token is 256 random bits (only its hash is stored), so it needs no signature;
// oidc-provider's logout hook can then read and clear it too.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { randomToken } from '#platform/crypto/tokens.ts';

export const SESSION_COOKIE = 'idp_sid';
export const DEVICE_COOKIE = 'idp_device';
const DEVICE_MAX_AGE = 365 * 24 * 3600;

export interface SessionCookieJar {
  read(req: FastifyRequest): string | undefined;
  write(reply: FastifyReply, token: string): void;
  clear(reply: FastifyReply): void;
  /** A long-lived random device id (for per-device security history and new-device alerts). */
  device(req: FastifyRequest, reply: FastifyReply): string;
}

export function sessionCookieJar(secure: boolean): SessionCookieJar {
  const base = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  return {
    read: (req) => {
      const value = req.cookies[SESSION_COOKIE];
      return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : undefined;
    },
    write: (reply, token) => void reply.setCookie(SESSION_COOKIE, token, base),
    clear: (reply) => void reply.clearCookie(SESSION_COOKIE, base),
    device(req, reply) {
      const existing = req.cookies[DEVICE_COOKIE];
      if (existing && /^[A-Za-z0-9_-]{22}$/.test(existing)) return existing;
      const id = randomToken(16);
      void reply.setCookie(DEVICE_COOKIE, id, { ...base, maxAge: DEVICE_MAX_AGE });
      return id;
    },
  };
}

/** A short, non-identifying description of the browser, e.g. "Chrome on Linux". */
export function describeDevice(userAgent: string | undefined): string {
  const ua = userAgent ?? '';
  const browser = /Edg\//.test(ua)
    ? 'Edge'
    : /Firefox\//.test(ua)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(ua)
        ? 'Chrome'
        : /Safari\//.test(ua)
          ? 'Safari'
          : 'A browser';
  const os = /Android/.test(ua)
    ? 'Android'
    : /iPhone|iPad/.test(ua)
      ? 'iOS'
      : /Windows/.test(ua)
        ? 'Windows'
        : /Mac OS X/.test(ua)
          ? 'macOS'
          : /Linux/.test(ua)
            ? 'Linux'
            : 'an unknown system';
  return `${browser} on ${os}`;
}

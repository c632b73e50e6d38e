// The benefits agency's two cookies, both sealed (encrypted and authenticated), httpOnly and
// SameSite=Lax: the signed-in state (15 minutes from sign-in) and the sign-in in progress
// (state, nonce and PKCE verifier, for as long as a sign-in may take).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { CookieSealer, CookiePurpose } from './sealed-cookie.ts';

export const SESSION_COOKIE = 'bnft_session';
export const LOGIN_REQUEST_COOKIE = 'bnft_login';

const optionalText = z.string().max(2048).optional();

const sessionSchema = z.object({
  claims: z.object({
    sub: z.string().min(1).max(255),
    email: optionalText,
    ial: optionalText,
    aal: optionalText,
    acr: optionalText,
  }),
  idToken: z.string().min(1).max(8192),
});

const loginRequestSchema = z.object({
  state: z.string().min(1).max(512),
  nonce: z.string().min(1).max(512),
  codeVerifier: z.string().min(43).max(128),
});

export type BenefitsSession = z.infer<typeof sessionSchema>;
export type LoginRequest = z.infer<typeof loginRequestSchema>;

interface SealedCookie<T> {
  read(req: FastifyRequest, now: Date): T | undefined;
  write(reply: FastifyReply, value: T, now: Date): void;
  clear(reply: FastifyReply): void;
}

function sealedCookie<T>(
  name: string,
  purpose: CookiePurpose,
  schema: z.ZodType<T>,
  sealer: CookieSealer,
  ttlSeconds: number,
  secure: boolean,
): SealedCookie<T> {
  const options = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure };
  return {
    read(req, now) {
      const raw = req.cookies[name];
      if (!raw) return undefined;
      const parsed = schema.safeParse(sealer.open(purpose, raw, now));
      return parsed.success ? parsed.data : undefined;
    },
    write: (reply, value, now) =>
      void reply.setCookie(name, sealer.seal(purpose, value, now, ttlSeconds), {
        ...options,
        maxAge: ttlSeconds,
      }),
    clear: (reply) => void reply.clearCookie(name, options),
  };
}

export interface BenefitsCookies {
  session: SealedCookie<BenefitsSession>;
  loginRequest: SealedCookie<LoginRequest>;
}

export function benefitsCookies(
  sealer: CookieSealer,
  settings: { secure: boolean; sessionSeconds: number; loginRequestSeconds: number },
): BenefitsCookies {
  return {
    session: sealedCookie(
      SESSION_COOKIE,
      'session',
      sessionSchema,
      sealer,
      settings.sessionSeconds,
      settings.secure,
    ),
    loginRequest: sealedCookie(
      LOGIN_REQUEST_COOKIE,
      'login-request',
      loginRequestSchema,
      sealer,
      settings.loginRequestSeconds,
      settings.secure,
    ),
  };
}

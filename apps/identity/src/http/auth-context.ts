// What the sign-in and MFA pages share: the current session, the account's methods, and
// how to finish — hand the account back to an agency's sign-in request, or go to the
// account page (or wherever a re-authentication was asked for).
import { registeredLevels } from '../federation/agency-registration.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Clock } from '#platform/time/clock.ts';
import type { IdpSession, IdpSessionsRepo } from '../db/idp-sessions-repo.ts';
import type { MfaKind, MfaMethod, MfaMethodsRepo } from '../db/mfa-methods-repo.ts';
import { resolveStep } from '#platform/flows/step-graph.ts';
import { SIGN_IN_STEPS, hasRecentMfa, type SignInStep } from '../flows/sign-in-steps.ts';
import type { SecurityEventsRepo } from '../db/security-events-repo.ts';
import type { SessionCookieJar } from '../session/idp-session-cookies.ts';
import type { AgenciesRepo } from '../db/agencies-repo.ts';
import type { VerifiedProfilesRepo } from '../db/verified-profiles-repo.ts';
import { grantedIdentityAcr, levelsShortfall, readRequestedLevels } from '../federation/assurance-levels.ts';

export const RETURN_COOKIE = 'idp_return';

const STEP_PATH: Record<SignInStep, string> = {
  password: '/sign-in',
  mfa: '/mfa',
  'mfa-setup': '/mfa-setup',
  done: '/mfa',
};

export interface SignedIn {
  token: string;
  session: IdpSession;
  methods: MfaMethod[];
}

export interface AuthContextDeps {
  provider: Provider;
  sessions: IdpSessionsRepo;
  methods: MfaMethodsRepo;
  events: SecurityEventsRepo;
  cookies: SessionCookieJar;
  clock: Clock;
  secureCookies: boolean;
  recentMfaSeconds: number;
  agencies: AgenciesRepo;
  verifiedProfiles: VerifiedProfilesRepo;
}

type InteractionResult = Parameters<Provider['interactionResult']>[2];

/** The description an agency receives when the sign-in was not phishing-resistant. */
export const NOT_PHISHING_RESISTANT = 'This sign-in did not use a phishing-resistant authenticator';

/**
 * What a finished sign-in hands back to the agency: the account at the identity level the
 * agency asked for, or `unmet_authentication_requirements` when the account (or this sign-in)
 * is below it. Identity verification will turn the identity shortfall into a step-up.
 */
export async function agencyResult(
  deps: Pick<AuthContextDeps, 'agencies' | 'verifiedProfiles' | 'clock'>,
  params: Record<string, unknown>,
  session: IdpSession,
): Promise<InteractionResult> {
  const agency = await deps.agencies.find(String(params.client_id));
  if (!agency) return { error: 'invalid_client', error_description: 'The agency is no longer registered' };
  const requested = readRequestedLevels(params.acr_values as string | undefined, registeredLevels(agency));
  if (!requested.ok) return { error: 'invalid_request', error_description: requested.problem };
  const profile = await deps.verifiedProfiles.find(session.accountId);
  const identity = profile && !profile.lockedAt ? profile.level : 'auth-only';
  const shortfall = levelsShortfall(requested.levels, {
    identity,
    phishingResistant: session.mfaKind === 'webauthn',
  });
  if (shortfall === 'identity')
    return {
      error: 'unmet_authentication_requirements',
      error_description: 'The account has not verified its identity to the level requested',
    };
  if (shortfall === 'authentication')
    return {
      error: 'unmet_authentication_requirements',
      error_description: NOT_PHISHING_RESISTANT,
    };
  const amr = ['pwd', session.mfaKind === 'webauthn' ? 'hwk' : session.mfaKind === 'sms' ? 'sms' : 'otp'];
  return {
    login: {
      accountId: session.accountId,
      acr: grantedIdentityAcr(requested.levels),
      amr,
      // auth_time is when the person last authenticated, not when single sign-on happened;
      // oidc-provider keeps time with Date.now, so the age is carried over to its clock.
      ts: Math.floor(
        (Date.now() - (deps.clock.now().getTime() - (session.mfaAt ?? session.passwordAt).getTime())) / 1000,
      ),
      remember: true,
    },
  };
}

/** The URL prefix of a sign-in: inside an agency's request, or directly at the identity provider. */
export function authBase(req: FastifyRequest): string {
  const uid = (req.params as { uid?: string }).uid;
  return uid ? `/interaction/${uid}` : '';
}

export function createAuthContext(deps: AuthContextDeps) {
  return {
    async session(req: FastifyRequest): Promise<{ token: string; session: IdpSession } | undefined> {
      const token = deps.cookies.read(req);
      const session = token ? await deps.sessions.touch(token, deps.clock.now()) : undefined;
      return token && session ? { token, session } : undefined;
    },

    /**
     * The session and methods when `step` is allowed by the sign-in step graph; otherwise it
     * answers itself (finishes a sign-in that is already complete, or redirects to the step
     * that is allowed) and returns undefined.
     */
    async step(
      req: FastifyRequest,
      reply: FastifyReply,
      step: 'mfa' | 'mfa-setup',
    ): Promise<SignedIn | undefined> {
      const current = await this.session(req);
      const methods = current ? await deps.methods.list(current.session.accountId) : [];
      const recentMfa = !!current && hasRecentMfa(current.session, deps.clock.now(), deps.recentMfaSeconds);
      const allowed = resolveStep(
        SIGN_IN_STEPS,
        { session: current?.session, methodCount: methods.length, recentMfa },
        step,
      );
      if (allowed === 'done' && step === 'mfa') {
        await this.finish(req, reply, current!.session);
        return undefined;
      }
      if (allowed !== step || !current) {
        // Adding a method needs a fresh second factor first; then come back here.
        if (step === 'mfa-setup' && allowed === 'done' && !authBase(req))
          this.rememberReturn(reply, '/mfa-setup');
        void reply.redirect(`${authBase(req)}${STEP_PATH[allowed]}`, 303);
        return undefined;
      }
      return { ...current, methods };
    },

    /** Whether the account has a passkey or security key (a phishing-resistant method). */
    async hasPhishingResistantMethod(accountId: string): Promise<boolean> {
      return (await deps.methods.list(accountId)).some((method) => method.kind === 'webauthn');
    },

    /** Ends this browser's session here (not the agency's request in progress). */
    async signOutHere(req: FastifyRequest, reply: FastifyReply): Promise<void> {
      const token = deps.cookies.read(req);
      if (token) await deps.sessions.destroy(token);
      deps.cookies.clear(reply);
    },

    /** Remembers a same-site path to come back to after a (re-)authentication. */
    rememberReturn(reply: FastifyReply, path: string) {
      if (/^\/(?!\/)[A-Za-z0-9/_?=&.-]*$/.test(path)) {
        void reply.setCookie(RETURN_COOKIE, path, {
          path: '/',
          httpOnly: true,
          sameSite: 'lax',
          secure: deps.secureCookies,
          maxAge: 1800,
        });
      }
    },

    /**
     * Records a verified second factor: the session reaches (or refreshes) AAL2, a sign-in
     * is logged the first time, and the person moves on with `finish`.
     */
    async secondFactorVerified(
      req: FastifyRequest,
      reply: FastifyReply,
      token: string,
      session: IdpSession,
      kind: MfaKind,
    ) {
      return this.finish(req, reply, await this.reachAal2(token, session, kind));
    },

    /**
     * The session reaches (or refreshes) AAL2 with a second factor of `kind`; the first time,
     * a sign-in is logged. Returns the session as it now is.
     */
    async reachAal2(token: string, session: IdpSession, kind: MfaKind): Promise<IdpSession> {
      const now = deps.clock.now();
      await deps.sessions.upgrade(token, kind, now);
      if (session.aal === 1) {
        await deps.events.record({
          accountId: session.accountId,
          kind: 'sign_in',
          deviceId: session.deviceId,
          deviceLabel: session.deviceLabel,
          at: now,
        });
      }
      return { ...session, aal: 2, mfaAt: now, mfaKind: kind };
    },

    /** Finishes signing in at AAL2: back to the agency, or to the remembered page, or the account page. */
    async finish(req: FastifyRequest, reply: FastifyReply, session: IdpSession): Promise<FastifyReply> {
      const uid = (req.params as { uid?: string }).uid;
      if (uid) {
        try {
          const details = await deps.provider.interactionDetails(req.raw, reply.raw);
          const result = await agencyResult(deps, details.params, session);
          if ('error' in result && result.error_description === NOT_PHISHING_RESISTANT) {
            // Not the end: the person can sign in again with their key, or add one.
            return reply.redirect(`/interaction/${uid}/phishing-resistant`, 303);
          }
          const redirectTo = await deps.provider.interactionResult(req.raw, reply.raw, result, {
            mergeWithLastSubmission: false,
          });
          return reply.redirect(redirectTo, 303);
        } catch {
          // The agency's request expired (or this is another browser): the person is signed
          // in here and can return to the agency; the account page says so.
          return reply.redirect('/account?from=expired-request', 303);
        }
      }
      const back = req.cookies[RETURN_COOKIE];
      void reply.clearCookie(RETURN_COOKIE, { path: '/' });
      return reply.redirect(back && back.startsWith('/') && !back.startsWith('//') ? back : '/account', 303);
    },
  };
}

export type AuthContext = ReturnType<typeof createAuthContext>;

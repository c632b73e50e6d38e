// What the sign-in and MFA pages share: the current session, the account's methods, and
// how to finish — hand the account back to an agency's sign-in request, or go to the
// account page (or wherever a re-authentication was asked for). Also "Remember this browser":
// offered, stored and honoured only inside the request of an agency that accepts AAL1.
import { registeredLevels } from '../federation/agency-registration.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';
import type { Clock } from '#platform/time/clock.ts';
import type { IdpSession, IdpSessionsRepo } from '../db/idp-sessions-repo.ts';
import type { MfaKind, MfaMethod, MfaMethodsRepo } from '../db/mfa-methods-repo.ts';
import { resolveStep } from '#platform/flows/step-graph.ts';
import { SIGN_IN_STEPS, hasRecentMfa, type SignInState, type SignInStep } from '../flows/sign-in-steps.ts';
import type { SecurityEventsRepo } from '../db/security-events-repo.ts';
import type { SessionCookieJar } from '../session/idp-session-cookies.ts';
import type { AgenciesRepo } from '../db/agencies-repo.ts';
import type { VerifiedProfilesRepo } from '../db/verified-profiles-repo.ts';
import {
  ACR,
  grantedIdentityAcr,
  levelsShortfall,
  readRequestedLevels,
  type AuthenticationLevel,
} from '../federation/assurance-levels.ts';
import type { RememberedDevicesRepo } from '../db/remembered-devices-repo.ts';
import type { RememberDeviceCookie } from '../session/remember-device-cookie.ts';

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
  remembered: RememberedDevicesRepo;
  rememberCookie: RememberDeviceCookie;
  /** How long a remembered browser lasts (Login.gov: 30 days). */
  rememberDeviceSeconds: number;
  /** Releases the verified claims of this session's unlocked profile to one agency. */
  releaseVerifiedClaims: (accountId: string, clientId: string, sessionToken: string) => Promise<boolean>;
}

type InteractionResult = Parameters<Provider['interactionResult']>[2];

/** The description an agency receives when the sign-in was not phishing-resistant. */
export const NOT_PHISHING_RESISTANT = 'This sign-in did not use a phishing-resistant authenticator';
/** …and when the account's identity is not verified to the level asked for (`finish` steps up). */
export const NOT_VERIFIED = 'The account has not verified its identity to the level requested';
/** …and when it had no second factor (never sent: `finish` asks for one instead). */
export const NO_SECOND_FACTOR = 'This sign-in did not use a second factor';

/** The authentication level a session has reached: the password alone is AAL1. */
export function sessionAuthenticationLevel(session: IdpSession): AuthenticationLevel {
  if (session.aal === 1) return 'aal1';
  return session.mfaKind === 'webauthn' ? 'aal2-phishing-resistant' : 'aal2';
}

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
  const authentication = sessionAuthenticationLevel(session);
  const shortfall = levelsShortfall(requested.levels, { identity, authentication });
  if (shortfall === 'identity')
    return {
      error: 'unmet_authentication_requirements',
      error_description: NOT_VERIFIED,
    };
  if (shortfall === 'authentication')
    return {
      error: 'unmet_authentication_requirements',
      error_description: authentication === 'aal1' ? NO_SECOND_FACTOR : NOT_PHISHING_RESISTANT,
    };
  // A password alone (a remembered browser at an agency that accepts AAL1) is just `pwd`.
  const amr =
    authentication === 'aal1'
      ? ['pwd']
      : ['pwd', session.mfaKind === 'webauthn' ? 'hwk' : session.mfaKind === 'sms' ? 'sms' : 'otp'];
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
  /** Whether this is an agency's sign-in request whose levels accept AAL1 (a password alone). */
  async function requestAcceptsAal1(req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    if (!authBase(req)) return false;
    try {
      const details = await deps.provider.interactionDetails(req.raw, reply.raw);
      const agency = await deps.agencies.find(String(details.params.client_id));
      if (!agency) return false;
      const requested = readRequestedLevels(
        details.params.acr_values as string | undefined,
        registeredLevels(agency),
      );
      return requested.ok && requested.levels.authentication === 'aal1';
    } catch {
      return false; // the request expired: nothing to remember for
    }
  }

  /**
   * The token of this browser's remembered-browser cookie when it is live and remembers this
   * account. A cookie that remembers nothing any more (forgotten, expired) is cleared; one that
   * remembers another account on this browser is left alone.
   */
  async function rememberedToken(
    req: FastifyRequest,
    reply: FastifyReply,
    accountId: string,
  ): Promise<string | undefined> {
    const token = deps.rememberCookie.read(req);
    if (!token) return undefined;
    const remembered = await deps.remembered.find(token, deps.clock.now());
    if (!remembered) deps.rememberCookie.clear(reply);
    return remembered?.accountId === accountId ? token : undefined;
  }

  /** Where the sign-in step graph stands for this browser and request. */
  async function signInState(
    req: FastifyRequest,
    reply: FastifyReply,
    session: IdpSession | undefined,
  ): Promise<SignInState & { methods: MfaMethod[] }> {
    const methods = session ? await deps.methods.list(session.accountId) : [];
    const recentMfa = !!session && hasRecentMfa(session, deps.clock.now(), deps.recentMfaSeconds);
    // Only looked up at AAL1 inside an agency's request (at AAL2 the sign-in is done anyway).
    const rememberedForAal1 =
      !!session &&
      session.aal === 1 &&
      !!authBase(req) &&
      methods.length > 0 &&
      !!(await rememberedToken(req, reply, session.accountId)) &&
      (await requestAcceptsAal1(req, reply));
    return { session, methods, methodCount: methods.length, recentMfa, rememberedForAal1 };
  }

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
      const state = await signInState(req, reply, current?.session);
      const { methods } = state;
      const allowed = resolveStep(SIGN_IN_STEPS, state, step);
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

    /**
     * Moves a signed-in browser on by the step graph: done (at AAL2, or with the password alone
     * on a remembered browser where the agency accepts AAL1) hands the account back; otherwise
     * to the second factor, or to setting one up. `passwordNow`: the password was just entered
     * (a remembered sign-in is then logged as a sign-in).
     */
    async continueSignIn(
      req: FastifyRequest,
      reply: FastifyReply,
      session: IdpSession,
      passwordNow: boolean,
    ): Promise<FastifyReply> {
      const state = await signInState(req, reply, session);
      const next = resolveStep(SIGN_IN_STEPS, state, 'done');
      if (next !== 'done') return reply.redirect(`${authBase(req)}${STEP_PATH[next]}`, 303);
      if (session.aal === 1) {
        const token = await rememberedToken(req, reply, session.accountId);
        const now = deps.clock.now();
        if (token) await deps.remembered.markUsed(token, now);
        if (passwordNow) {
          await deps.events.record({
            accountId: session.accountId,
            kind: 'sign_in',
            deviceId: session.deviceId,
            deviceLabel: session.deviceLabel,
            at: now,
          });
        }
        req.log.info(
          { event: 'second_factor_skipped', reason: 'remembered_device', accountId: session.accountId },
          'remembered browser: password alone at an agency that accepts AAL1',
        );
      }
      return this.finish(req, reply, session);
    },

    /** Whether to offer "Remember this browser": inside a request that accepts AAL1. */
    offersRememberDevice(req: FastifyRequest, reply: FastifyReply): Promise<boolean> {
      return requestAcceptsAal1(req, reply);
    },

    /** How many days a remembered browser lasts (for the checkbox's label). */
    rememberDeviceDays: Math.round(deps.rememberDeviceSeconds / 86400),

    /**
     * After a verified second factor: remembers this browser for this account when the person
     * ticked the box and the agency's request accepts AAL1 (the box alone is never enough).
     */
    async rememberDeviceIfAsked(
      req: FastifyRequest,
      reply: FastifyReply,
      session: IdpSession,
      asked: boolean,
    ): Promise<void> {
      if (!asked || !(await requestAcceptsAal1(req, reply))) return;
      const token = await deps.remembered.remember({
        accountId: session.accountId,
        deviceId: session.deviceId,
        now: deps.clock.now(),
        ttlSeconds: deps.rememberDeviceSeconds,
      });
      deps.rememberCookie.write(reply, token, deps.rememberDeviceSeconds);
      req.log.info({ event: 'device_remembered', accountId: session.accountId }, 'browser remembered');
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

    /**
     * Finishes signing in (at AAL2, or AAL1 where the step graph allowed it): back to the agency,
     * or to the remembered page, or the account page.
     */
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
          // A password alone where the agency needs a second factor: ask for it.
          if ('error' in result && result.error_description === NO_SECOND_FACTOR)
            return reply.redirect(`/interaction/${uid}/mfa`, 303);
          // Not verified to the level asked for: step up through identity verification, which
          // comes back here once the person is verified (or tells the agency they gave up).
          if ('error' in result && result.error_description === NOT_VERIFIED)
            return reply.redirect(`/interaction/${uid}/verify`, 303);
          // Verified: the claims go from this session's unlocked profile to this agency; a
          // session that has not unlocked it (signed in before it was sealed) asks for the password.
          if ('login' in result && result.login && result.login.acr !== ACR.authOnly) {
            const token = deps.cookies.read(req);
            const released =
              !!token &&
              (await deps.releaseVerifiedClaims(session.accountId, String(details.params.client_id), token));
            if (!released) return reply.redirect(`/interaction/${uid}/verify/unlock`, 303);
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

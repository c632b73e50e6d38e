// Passkeys and security keys: adding one (/mfa-setup/webauthn) and signing in with one
// (/webauthn/authenticate). Registered twice, like the sign-in routes: inside an agency's
// sign-in request (/interaction/:uid/...) and directly (/...). Every page resolves against
// the session through the sign-in step graph.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields } from '#platform/http/form-fields.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { AccountsRepo } from '../db/accounts-repo.ts';
import type { IdpSession } from '../db/idp-sessions-repo.ts';
import type { MfaMethod, MfaMethodsRepo } from '../db/mfa-methods-repo.ts';
import type { SecurityEventKind, SecurityEventsRepo } from '../db/security-events-repo.ts';
import { webauthnCredentials, type ChallengeBinding, type Webauthn } from '../auth/mfa/webauthn.ts';
import { authBase, type AuthContext } from './auth-context.ts';
import { SecondMethodReminderPage } from '../views/mfa-pages.tsx';
import { WebauthnAuthenticatePage, WebauthnSetupPage } from '../views/webauthn-pages.tsx';
import { REMEMBER_FIELD, rememberTicked, type RememberOffer } from '../views/remember-device-field.tsx';

export interface WebauthnRouteDeps {
  accounts: AccountsRepo;
  methods: MfaMethodsRepo;
  events: SecurityEventsRepo;
  auth: AuthContext;
  clock: Clock;
  webauthn: Webauthn;
}

type Req = FastifyRequest<{ Params: { uid?: string } }>;

interface SignedIn {
  token: string;
  session: IdpSession;
  methods: MfaMethod[];
}

/** The browser's answer (a JSON document) is a few hundred bytes; leave room for extensions. */
const MAX_FIELD = 16 * 1024;

const bindingOf = (state: SignedIn): ChallengeBinding => ({
  accountId: state.session.accountId,
  sessionToken: state.token,
  mfaAt: state.session.mfaAt,
});

export function webauthnRoutes(deps: WebauthnRouteDeps) {
  return async function plugin(app: FastifyInstance): Promise<void> {
    const guard = (req: Req, reply: FastifyReply, step: 'mfa' | 'mfa-setup') =>
      deps.auth.step(req, reply, step);

    const record = (session: IdpSession, kind: SecurityEventKind) =>
      deps.events.record({
        accountId: session.accountId,
        kind,
        deviceId: session.deviceId,
        deviceLabel: session.deviceLabel,
        at: deps.clock.now(),
      });

    /** "Remember this browser", offered only inside a request that accepts AAL1 (kept ticked after an error). */
    const rememberOffer = async (req: Req, reply: FastifyReply): Promise<RememberOffer | undefined> =>
      (await deps.auth.offersRememberDevice(req, reply))
        ? { days: deps.auth.rememberDeviceDays, checked: rememberTicked(req.body) }
        : undefined;

    // Adding a passkey or security key.
    const showSetup = async (
      req: Req,
      reply: FastifyReply,
      state: SignedIn,
      extra: { label?: string; error?: string } = {},
    ) => {
      const account = await deps.accounts.findById(state.session.accountId);
      const name = account?.email ?? 'account';
      const displayName = account ? `${account.givenName} ${account.familyName}`.trim() || name : name;
      const { options, sealed } = await deps.webauthn.startRegistration(
        bindingOf(state),
        { name, displayName },
        state.methods,
      );
      const remember = await rememberOffer(req, reply);
      return reply
        .header('cache-control', 'no-store')
        .page((ctx) => WebauthnSetupPage(ctx, { base: authBase(req), options, sealed, remember, ...extra }));
    };

    app.get('/mfa-setup/webauthn', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa-setup');
      if (!state) return reply;
      return showSetup(req, reply, state);
    });

    app.post('/mfa-setup/webauthn', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa-setup');
      if (!state) return reply;
      const form = formFields(req.body, ['sealed', 'response', 'label', REMEMBER_FIELD], MAX_FIELD);
      const label = form.label.trim().slice(0, 40) || req.t('idp.mfa.kind.webauthn');
      const result = await deps.webauthn.finishRegistration(
        bindingOf(state),
        form.sealed,
        form.response,
        label,
      );
      if (!result.ok) {
        req.log.info(
          { event: 'mfa_add_failed', kind: 'webauthn', reason: result.error },
          'webauthn not added',
        );
        reply.code(400);
        return showSetup(req, reply, state, { label, error: req.t(result.error) });
      }
      await record(state.session, 'mfa_added');
      req.log.info({ event: 'mfa_added', kind: 'webauthn' }, 'mfa method added');
      await deps.auth.rememberDeviceIfAsked(req, reply, state.session, form[REMEMBER_FIELD] === 'yes');
      if (state.methods.length > 0) {
        return deps.auth.secondFactorVerified(req, reply, state.token, state.session, 'webauthn');
      }
      // The account's first method: it reaches AAL2 now, and is asked to add a spare.
      await deps.auth.reachAal2(state.token, state.session, 'webauthn');
      const base = authBase(req);
      return reply.page((ctx) => SecondMethodReminderPage(ctx, { base, next: `${base}/mfa-setup/continue` }));
    });

    // Signing in (or confirming it's you again) with a passkey or security key.
    const showAuthenticate = async (req: Req, reply: FastifyReply, state: SignedIn, error?: string) => {
      const started = await deps.webauthn.startAuthentication(bindingOf(state), state.methods);
      if (!started) return reply.redirect(`${authBase(req)}/mfa`, 303);
      const keys = webauthnCredentials(state.methods).map(({ method }) => method.label);
      const remember = await rememberOffer(req, reply);
      return reply
        .header('cache-control', 'no-store')
        .page((ctx) =>
          WebauthnAuthenticatePage(ctx, { base: authBase(req), ...started, keys, error, remember }),
        );
    };

    app.get('/webauthn/authenticate', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa');
      if (!state) return reply;
      return showAuthenticate(req, reply, state);
    });

    app.post('/webauthn/authenticate', async (req: Req, reply) => {
      const state = await guard(req, reply, 'mfa');
      if (!state) return reply;
      const form = formFields(req.body, ['sealed', 'response', REMEMBER_FIELD], MAX_FIELD);
      const result = await deps.webauthn.verifyAuthentication(
        bindingOf(state),
        form.sealed,
        form.response,
        state.methods,
      );
      if (!result.ok) {
        // A page sent without an answer (JavaScript off) is not an attempt; anything else is.
        if (result.error !== 'idp.webauthn.error.noResponse') {
          await record(state.session, 'sign_in_failed_mfa');
        }
        req.log.info(
          { event: 'sign_in_failed_mfa', kind: 'webauthn', reason: result.error },
          'webauthn failed',
        );
        reply.code(400);
        return showAuthenticate(req, reply, state, req.t(result.error));
      }
      await deps.auth.rememberDeviceIfAsked(req, reply, state.session, form[REMEMBER_FIELD] === 'yes');
      return deps.auth.secondFactorVerified(req, reply, state.token, state.session, 'webauthn');
    });
  };
}

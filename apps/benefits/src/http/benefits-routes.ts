// Every page of the benefits agency: home (signed in or not), sign-in, the callback, sign-out
// on both sides, the signed-out page and the registered failure_url. No database: the
// signed-in state and the sign-in in progress live in sealed cookies.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { queryParam } from '#platform/http/form-fields.ts';
import type { BenefitsIdentityProviderClient } from '../oidc/identity-provider-client.ts';
import {
  identityProviderProblem,
  NOT_COMPLETED,
  PROVIDER_DOWN,
  STALE_SIGN_IN,
  type SignInProblem,
} from '../oidc/callback-errors.ts';
import type { BenefitsCookies } from '../session/benefits-cookies.ts';
import {
  HomePage,
  IdentityNotConfirmedPage,
  SignedInPage,
  SignedOutPage,
  SignInProblemPage,
} from '../views/benefits-pages.tsx';

export interface BenefitsRouteDeps {
  idp: BenefitsIdentityProviderClient;
  cookies: BenefitsCookies;
  baseUrl: string;
  sessionSeconds: number;
  now: () => Date;
}

export function registerBenefitsRoutes(app: FastifyInstance, deps: BenefitsRouteDeps): void {
  const { cookies } = deps;
  const problemPage = (reply: FastifyReply, problem: SignInProblem) =>
    reply.code(problem.status).page((ctx) => SignInProblemPage(ctx, problem));

  app.get('/', (req, reply) => {
    const session = cookies.session.read(req, deps.now());
    if (!session) return reply.page((ctx) => HomePage(ctx));
    return reply.page((ctx) => SignedInPage(ctx, session.claims, Math.round(deps.sessionSeconds / 60)));
  });

  app.get('/sign-in', async (req, reply) => {
    let start;
    try {
      start = await deps.idp.startAuthorization();
    } catch (error) {
      req.log.warn({ err: error }, 'identity provider discovery failed');
      return problemPage(reply, PROVIDER_DOWN);
    }
    const { state, nonce, codeVerifier } = start;
    cookies.loginRequest.write(reply, { state, nonce, codeVerifier }, deps.now());
    return reply.redirect(start.url, 303);
  });

  app.get('/auth/callback', async (req, reply) => {
    const pending = cookies.loginRequest.read(req, deps.now());
    // One sign-in, one callback: whatever happens next, the request is used up.
    cookies.loginRequest.clear(reply);
    const error = queryParam(req.query, 'error');
    if (error !== undefined) {
      req.log.info(
        { event: 'sign_in_error', error: error.slice(0, 64) },
        'identity provider returned an error',
      );
      return problemPage(reply, identityProviderProblem(error));
    }
    const state = queryParam(req.query, 'state');
    if (!pending || !state || state !== pending.state) {
      req.log.info(
        { event: 'sign_in_stale', hadRequest: !!pending },
        'callback matches no sign-in in progress',
      );
      return problemPage(reply, STALE_SIGN_IN);
    }
    let result;
    try {
      result = await deps.idp.finishAuthorization(new URL(req.url, deps.baseUrl), pending);
    } catch (failure) {
      req.log.warn({ err: failure }, 'sign-in callback rejected');
      return problemPage(reply, NOT_COMPLETED);
    }
    cookies.session.write(reply, { claims: result.claims, idToken: result.idToken }, deps.now());
    return reply.redirect('/', 303);
  });

  app.post('/sign-out', async (req, reply) => {
    const session = cookies.session.read(req, deps.now());
    cookies.session.clear(reply);
    if (!session) return reply.redirect('/signed-out', 303);
    try {
      return reply.redirect(await deps.idp.endSessionUrl(session.idToken), 303);
    } catch (error) {
      req.log.warn({ err: error }, 'identity provider unreachable at sign-out');
      return reply.redirect('/signed-out', 303);
    }
  });

  app.get('/signed-out', (_req, reply) => reply.page((ctx) => SignedOutPage(ctx)));

  // The failure_url registered with the identity provider.
  app.get('/failed', (_req, reply) => reply.page((ctx) => IdentityNotConfirmedPage(ctx)));
}

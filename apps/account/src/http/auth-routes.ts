// Sign-in (redirect to the identity provider), the callback, and sign-out on both sides.
import type { FastifyInstance } from 'fastify';
import { queryParam } from '#platform/http/form-fields.ts';
import { AppError } from '#platform/errors/app-error.ts';
import { LevelNotMetError, type IdentityProviderClient } from '../oidc/identity-provider-client.ts';
import type { LoginRequestsRepo } from '../db/login-requests-repo.ts';
import type { SessionsRepo } from '../db/sessions-repo.ts';
import type { AuditRepo } from '../db/audit-repo.ts';
import type { SessionCookies } from '../session/current-session.ts';
import type { LinkOnSignIn } from '../records/link-on-sign-in.ts';
import { IdentityNotVerifiedPage, SignedOutHomePage, SignedOutPage } from '../views/home-pages.tsx';

export interface AuthRouteDeps {
  idp: IdentityProviderClient;
  loginRequests: LoginRequestsRepo;
  sessions: SessionsRepo;
  audit: AuditRepo;
  /** Links the person to their taxpayer record (or records why not) at every sign-in. */
  linkTaxpayer: LinkOnSignIn;
  cookies: SessionCookies;
  baseUrl: string;
  loginRequestTtlSeconds: number;
  /** Warn this long before the idle timeout (Login.gov: 150 s). */
  idleWarningSeconds: number;
  now: () => Date;
}

export function registerAuthRoutes(app: FastifyInstance, deps: AuthRouteDeps): void {
  app.get('/sign-in', async (req, reply) => {
    let start;
    try {
      start = await deps.idp.startAuthorization();
    } catch (error) {
      req.log.warn({ err: error }, 'identity provider discovery failed');
      throw new AppError('E503-IDP', 503, 'acct.signIn.providerDown');
    }
    const expiresAt = new Date(deps.now().getTime() + deps.loginRequestTtlSeconds * 1000);
    await deps.loginRequests.save(
      start.state,
      { codeVerifier: start.codeVerifier, nonce: start.nonce, returnTo: '/' },
      expiresAt,
    );
    return reply.redirect(start.url, 303);
  });

  app.get('/auth/callback', async (req, reply) => {
    const state = queryParam(req.query, 'state');
    const error = queryParam(req.query, 'error');
    const pending = state ? await deps.loginRequests.take(state, deps.now()) : undefined;
    // The person stopped identity verification: the identity provider says so, with its error code
    // when one ended the journey.
    const stopped = /^Identity verification not completed(?: \(IDV-(\d{4})\))?/.exec(
      queryParam(req.query, 'error_description') ?? '',
    );
    if (error === 'access_denied' && stopped) {
      req.log.info(
        { event: 'identity_verification_stopped', code: stopped[1] },
        'verification not completed',
      );
      const code = stopped[1] ? Number(stopped[1]) : undefined;
      return reply
        .code(403)
        .page((ctx) => IdentityNotVerifiedPage(ctx, { verificationAvailable: true, code }));
    }
    if (error === 'access_denied')
      return reply.page((ctx) => SignedOutHomePage(ctx, 'acct.signIn.cancelled'));
    // Signed in at the identity provider, but below the verified identity this site needs.
    if (error === 'unmet_authentication_requirements') {
      req.log.info({ event: 'sign_in_level_not_met' }, 'identity level not met');
      return reply.code(403).page((ctx) => IdentityNotVerifiedPage(ctx, { verificationAvailable: true }));
    }
    if (!pending || !state)
      return reply.code(400).page((ctx) => SignedOutHomePage(ctx, 'acct.signIn.failed'));
    let result;
    try {
      result = await deps.idp.finishAuthorization(new URL(req.url, deps.baseUrl), {
        state,
        nonce: pending.nonce,
        codeVerifier: pending.codeVerifier,
      });
    } catch (failure) {
      if (failure instanceof LevelNotMetError) {
        req.log.warn(
          { event: 'sign_in_level_not_met', acr: failure.acr },
          'ID token below the level asked for',
        );
        return reply.code(403).page((ctx) => IdentityNotVerifiedPage(ctx, { verificationAvailable: true }));
      }
      req.log.warn({ err: failure }, 'sign-in callback rejected');
      return reply.code(400).page((ctx) => SignedOutHomePage(ctx, 'acct.signIn.failed'));
    }
    // Signed in either way: without a link, the pages explain what did not match and what to do.
    await deps.linkTaxpayer(result.claims.sub, result.verified, String(req.id));
    const token = await deps.sessions.create(result.claims, result.idToken, deps.now());
    deps.cookies.write(reply, token);
    await deps.audit.record({ subject: result.claims.sub, action: 'sign_in', requestId: String(req.id) });
    return reply.redirect(pending.returnTo, 303);
  });

  app.post('/sign-out', async (req, reply) => {
    const token = deps.cookies.read(req);
    const session = token ? await deps.sessions.destroy(token) : undefined;
    deps.cookies.clear(reply);
    if (!session) return reply.redirect('/signed-out', 303);
    await deps.audit.record({ subject: session.subject, action: 'sign_out', requestId: String(req.id) });
    try {
      return reply.redirect(await deps.idp.endSessionUrl(session.idToken), 303);
    } catch {
      return reply.redirect('/signed-out', 303);
    }
  });

  app.get('/signed-out', (_req, reply) => reply.page((ctx) => SignedOutPage(ctx)));

  // The failure_url registered with the identity provider.
  app.get('/identity-not-verified', (_req, reply) =>
    reply.page((ctx) => IdentityNotVerifiedPage(ctx, { verificationAvailable: true })),
  );

  // The idle warning asks how long is left (without extending the session)…
  app.get('/session/status', async (req, reply) => {
    const token = deps.cookies.read(req);
    const secondsLeft = token ? await deps.sessions.secondsLeft(token, deps.now()) : 0;
    return reply
      .header('cache-control', 'no-store')
      .send({ secondsLeft, warnSeconds: deps.idleWarningSeconds });
  });

  // …and "Stay signed in" extends it.
  app.post('/session/keep-alive', async (req, reply) => {
    const token = deps.cookies.read(req);
    const session = token ? await deps.sessions.touch(token, deps.now()) : undefined;
    return reply.code(session ? 204 : 401).send();
  });
}

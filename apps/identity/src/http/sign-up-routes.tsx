// Sign-up pages. The flow id lives in a signed cookie; every page resolves against the
// persisted flow through the step graph, so deep links and Back land on the right step.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Clock } from '#platform/time/clock.ts';
import type { IdpSessionsRepo } from '../db/idp-sessions-repo.ts';
import type { SecurityEventsRepo } from '../db/security-events-repo.ts';
import { describeDevice, type SessionCookieJar } from '../session/idp-session-cookies.ts';
import { resolveStep } from '#platform/flows/step-graph.ts';
import { formFields, queryParam } from '#platform/http/form-fields.ts';
import type { SignUpFlowsRepo } from '../db/signup-flows-repo.ts';
import { translateErrors, type SignUpService } from '../flows/sign-up-service.ts';
import { SIGN_UP_STEPS, signUpPath, type SignUpStep } from '../flows/sign-up-steps.ts';
import {
  AccountReadyPage,
  CheckEmailPage,
  CreatePasswordPage,
  InvalidLinkPage,
  SignUpEmailPage,
} from '../views/sign-up-pages.tsx';

export interface SignUpRouteDeps {
  sessions: IdpSessionsRepo;
  events: SecurityEventsRepo;
  cookies: SessionCookieJar;
  clock: Clock;
  signUp: SignUpService;
  flows: SignUpFlowsRepo;
  secureCookies: boolean;
}

const FLOW_COOKIE = 'idp_signup';

export function registerSignUpRoutes(app: FastifyInstance, deps: SignUpRouteDeps): void {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    signed: true,
    secure: deps.secureCookies,
    maxAge: 86400,
  };

  async function currentFlow(req: FastifyRequest) {
    const raw = req.cookies[FLOW_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : undefined;
    return unsigned?.valid && unsigned.value ? deps.flows.findById(unsigned.value) : undefined;
  }

  /** Returns the flow if `step` is allowed, else redirects to the step that is. */
  async function guard(req: FastifyRequest, reply: FastifyReply, step: SignUpStep) {
    const flow = await currentFlow(req);
    const allowed = resolveStep(SIGN_UP_STEPS, { flow, now: deps.clock.now() }, step);
    if (allowed !== step) {
      void reply.redirect(signUpPath(allowed, flow), 303);
      return undefined;
    }
    return flow;
  }

  async function startHandler(req: FastifyRequest<{ Params: { uid?: string } }>, reply: FastifyReply) {
    const { email } = formFields(req.body, ['email'], 320);
    const uid = req.params.uid ?? null;
    const result = await deps.signUp.start(email, uid, req.locale);
    if (!result.ok) {
      const action = uid ? `/interaction/${uid}/sign-up` : '/sign-up';
      return reply
        .code(400)
        .page((ctx) => SignUpEmailPage(ctx, { action, email, error: ctx.t(result.error) }));
    }
    void reply.setCookie(FLOW_COOKIE, result.flow.id, cookieOptions);
    return reply.redirect(signUpPath('check-email', result.flow), 303);
  }

  app.get('/sign-up', (req, reply) => reply.page((ctx) => SignUpEmailPage(ctx, { action: '/sign-up' })));
  app.post('/sign-up', startHandler);
  app.get<{ Params: { uid: string } }>('/interaction/:uid/sign-up', (req, reply) =>
    reply.page((ctx) =>
      SignUpEmailPage(ctx, {
        action: `/interaction/${req.params.uid}/sign-up`,
        signInHref: `/interaction/${req.params.uid}`,
      }),
    ),
  );
  app.post<{ Params: { uid: string } }>('/interaction/:uid/sign-up', startHandler);

  app.get('/sign-up/check-email', async (req, reply) => {
    const flow = await guard(req, reply, 'check-email');
    if (!flow) return reply;
    return reply.page((ctx) =>
      CheckEmailPage(ctx, { email: flow.email, backHref: signUpPath('email', flow) }),
    );
  });

  app.get('/sign-up/confirm', async (req, reply) => {
    const token = queryParam(req.query, 'token');
    const flow = token ? await deps.signUp.confirm(token) : undefined;
    if (!flow) return reply.code(400).page((ctx) => InvalidLinkPage(ctx));
    void reply.setCookie(FLOW_COOKIE, flow.id, cookieOptions);
    return reply.redirect(signUpPath('password', flow), 303);
  });

  const showPassword = async (req: FastifyRequest, reply: FastifyReply) => {
    const flow = await guard(req, reply, 'password');
    if (!flow) return reply;
    return reply.page((ctx) =>
      CreatePasswordPage(ctx, { action: signUpPath('password', flow), email: flow.email, errors: [] }),
    );
  };

  const createAccount = async (req: FastifyRequest, reply: FastifyReply) => {
    const flow = await guard(req, reply, 'password');
    if (!flow) return reply;
    const form = formFields(req.body, ['givenName', 'familyName', 'password', 'passwordConfirmation'], 1024);
    const result = await deps.signUp.complete(flow, form);
    if (!result.ok) {
      return reply.code(400).page((ctx) =>
        CreatePasswordPage(ctx, {
          action: signUpPath('password', flow),
          email: flow.email,
          givenName: form.givenName,
          familyName: form.familyName,
          errors: translateErrors(result.errors, ctx.t),
        }),
      );
    }
    req.log.info({ event: 'account_created', accountId: result.account.id }, 'account created');
    // Signed in with the new password (AAL1); a second factor must be set up before the
    // account can be used. Inside an agency's request, that happens under its path.
    const now = deps.clock.now();
    const deviceId = deps.cookies.device(req, reply);
    const deviceLabel = describeDevice(req.headers['user-agent']);
    const token = await deps.sessions.create({ accountId: result.account.id, deviceId, deviceLabel, now });
    deps.cookies.write(reply, token);
    await deps.events.record({
      accountId: result.account.id,
      kind: 'account_created',
      deviceId,
      deviceLabel,
      at: now,
    });
    const base = flow.interactionUid ? `/interaction/${flow.interactionUid}` : '';
    return reply.redirect(`${base}/mfa-setup`, 303);
  };

  app.get('/sign-up/password', showPassword);
  app.post('/sign-up/password', createAccount);
  app.get('/interaction/:uid/sign-up/password', showPassword);
  app.post('/interaction/:uid/sign-up/password', createAccount);

  app.get('/sign-up/done', async (req, reply) => {
    const flow = await guard(req, reply, 'done');
    if (!flow) return reply;
    return reply.page((ctx) => AccountReadyPage(ctx));
  });
}

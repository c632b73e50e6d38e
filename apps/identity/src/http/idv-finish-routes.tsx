// The end of identity verification and what surrounds it: re-enter the password (seals the
// verified profile), the personal key (shown until acknowledged), done and back to the agency;
// the numbered error pages and the help page; giving up (the agency receives an OIDC error with
// the code); unlocking the profile with the password for an agency; and reactivating it with the
// personal key after a password reset.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields, queryParam } from '#platform/http/form-fields.ts';
import { LIMIT_RULES, limitKey } from '#platform/ratelimit/limit-rules.ts';
import { AppError } from '#platform/errors/app-error.ts';
import type { IdvFlow } from '../db/idv-flows-repo.ts';
import type { VerifiedDetails } from '../db/verified-profiles-repo.ts';
import {
  IDV_ERRORS,
  giveUpOidcError,
  idvError,
  supportReference,
} from '../verification/flow/idv-error-catalog.ts';
import { IdvErrorIndexPage, IdvErrorPage } from '../views/idv-error-page.tsx';
import {
  IdvDonePage,
  IdvPasswordPage,
  IdvPersonalKeyPage,
  IdvReactivatePage,
  IdvUnlockPage,
} from '../views/idv/idv-finish-pages.tsx';
import { IdvFrame } from '../views/idv/idv-frame.tsx';
import { CsrfField } from '#platform/ui/components.tsx';
import { finishInteraction, loadInteraction } from './interaction-routes.tsx';
import { guardStep, signedInForIdv, toErrorPage, type IdvDeps, type SignedInPerson } from './idv-context.ts';

/** Where each code's "try again" goes (absent: wait, or another way). */
const RETRY_HREF: Partial<Record<number, string>> = {
  6000: '/verify/start-over',
  6001: '/verify/details',
  6007: '/verify/details',
  6008: '/verify/document',
  6009: '/verify/address',
  6010: '/verify/address/code',
  6011: '/verify/how',
  6012: '/verify/details',
  6013: '/verify',
};

function detailsOf(flow: IdvFlow): VerifiedDetails {
  const d = flow.details!;
  return {
    givenName: d.givenName,
    familyName: d.familyName,
    birthdate: d.dateOfBirth,
    address: {
      street_address: d.address.street,
      locality: d.address.city,
      region: d.address.state,
      postal_code: d.address.postalCode,
      country: 'US',
    },
    phone: flow.phone ?? undefined,
    tin: d.tin,
    tinType: d.tinType,
  };
}

export function registerIdvFinishRoutes(app: FastifyInstance, deps: IdvDeps): void {
  /** Counts one password try in this browser session (Login.gov: 5 a minute). */
  const passwordTry = (person: SignedInPerson) =>
    deps.limiter.hit(
      limitKey('passwordPerSession', person.session.deviceId),
      LIMIT_RULES.passwordPerSession,
      deps.clock.now(),
    );
  const checkPassword = async (person: SignedInPerson, password: string) => {
    const gate = await passwordTry(person);
    if (!gate.allowed) return 'limited' as const;
    const account = await deps.accounts.findById(person.session.accountId);
    return account && (await deps.hasher.verify(account.passwordHash, password))
      ? ('ok' as const)
      : ('wrong' as const);
  };

  app.get('/verify/password', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'password');
    if (!guarded) return reply;
    return reply.page((ctx) => IdvPasswordPage(ctx, {}));
  });

  app.post('/verify/password', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'password');
    if (!guarded?.flow) return reply;
    const flow = guarded.flow;
    const { password } = formFields(req.body, ['password'], 1024);
    const checked = await checkPassword(guarded, password);
    if (checked !== 'ok') {
      const key = checked === 'limited' ? 'error.tooManyRequests' : 'idv.password.wrong';
      return reply
        .code(checked === 'limited' ? 429 : 400)
        .page((ctx) => IdvPasswordPage(ctx, { error: ctx.t(key) }));
    }
    const method = `remote-document${flow.facialMatch ? '-selfie' : ''}+${flow.addressMethod ?? 'phone'}`;
    const sealed = await deps.verifiedIdentity.seal({
      accountId: flow.accountId,
      level: flow.facialMatch ? 'verified-facial-match' : 'verified',
      method,
      details: detailsOf(flow),
      password,
      sessionToken: guarded.token,
    });
    if (!sealed.ok) return toErrorPage(deps, reply, flow, 6006);
    const now = deps.clock.now();
    // The journey keeps nothing personal now: the profile has it, sealed.
    await deps.flows.update(
      flow.id,
      {
        completedAt: now,
        personalKey: sealed.personalKey,
        details: null,
        documentFields: null,
        phone: null,
        confirmationCodeHash: null,
        errorCode: null,
      },
      now,
    );
    await deps.flows.deleteCaptures(flow.id);
    await deps.events.record({
      accountId: flow.accountId,
      kind: 'identity_verified',
      deviceId: guarded.session.deviceId,
      deviceLabel: guarded.session.deviceLabel,
      at: now,
      locale: req.locale,
    });
    req.log.info(
      { event: 'idv_completed', flowId: flow.id, facialMatch: flow.facialMatch },
      'identity verified',
    );
    return reply.redirect('/verify/personal-key', 303);
  });

  app.get('/verify/personal-key', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'personal-key');
    if (!guarded?.flow) return reply;
    const personalKey = await deps.flows.personalKey(guarded.flow.id);
    return reply.page((ctx) => IdvPersonalKeyPage(ctx, { personalKey }));
  });

  app.post('/verify/personal-key', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'personal-key');
    if (!guarded?.flow) return reply;
    const flow = guarded.flow;
    const { acknowledged } = formFields(req.body, ['acknowledged']);
    if (acknowledged !== 'yes') {
      const personalKey = await deps.flows.personalKey(flow.id);
      return reply.code(400).page((ctx) => IdvPersonalKeyPage(ctx, { personalKey, error: true }));
    }
    const now = deps.clock.now();
    await deps.flows.update(
      flow.id,
      { personalKeyAcknowledgedAt: now, personalKey: null, status: 'completed' },
      now,
    );
    if (flow.interactionUid) return reply.redirect(`/interaction/${flow.interactionUid}/verify/return`, 303);
    return reply.redirect('/verify/done', 303);
  });

  app.get('/verify/done', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const latest = await deps.flows.latest(person.session.accountId);
    if (latest?.status !== 'completed') return reply.redirect('/verify', 303);
    return reply.page((ctx) => IdvDonePage(ctx, { facialMatch: latest.facialMatch }));
  });

  // Back to the agency that asked: its request finishes with the verified identity.
  app.get<{ Params: { uid: string } }>('/interaction/:uid/verify/return', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    return deps.auth.finish(req, reply, person.session);
  });

  // The person stops: the agency's request ends with an OIDC error naming the code, if any.
  app.post<{ Params: { uid: string } }>('/interaction/:uid/verify/give-up', async (req, reply) => {
    await loadInteraction(deps.provider, req, reply);
    const { code } = formFields(req.body, ['code']);
    const entry = /^\d{4}$/.test(code) ? idvError(Number(code)) : undefined;
    const person = await deps.auth.session(req);
    if (person) {
      const flow = await deps.flows.active(person.session.accountId, deps.clock.now());
      if (flow) await deps.flows.setInteraction(flow.id, null, deps.clock.now());
    }
    req.log.info({ event: 'idv_given_up', code: entry?.code }, 'identity verification given up');
    return finishInteraction(
      deps.provider,
      req,
      reply,
      entry
        ? giveUpOidcError(entry.code)
        : { error: 'access_denied', error_description: 'Identity verification not completed' },
    );
  });

  app.get('/verify/errors', async (req, reply) => {
    const current = await deps.auth.session(req);
    return reply.page((ctx) => IdvErrorIndexPage(ctx, { entries: IDV_ERRORS, signedIn: !!current }));
  });
  app.get('/verify/help', (_req, reply) => reply.redirect('/verify/errors', 303));

  app.get<{ Params: { code: string } }>('/verify/errors/:code', async (req, reply) => {
    const entry = /^\d{4}$/.test(req.params.code) ? idvError(Number(req.params.code)) : undefined;
    if (!entry) throw new AppError('E404', 404, 'error.notFound');
    const current = await deps.auth.session(req);
    const flow = current ? await deps.flows.latest(current.session.accountId) : undefined;
    const until = Number(queryParam(req.query, 'until'));
    const agency = flow?.interactionUid ? await agencyName(deps, flow.interactionUid) : undefined;
    return reply.code(entry.httpStatus).page((ctx) =>
      IdvErrorPage(ctx, {
        entry,
        reason: entry.code === 6000 ? (flow?.documentReason ?? undefined) : undefined,
        retryAfter: Number.isFinite(until) && until > 0 ? new Date(until) : undefined,
        // Without a journey, the request id: it is in the logs (with no personal data).
        reference: supportReference(entry.code, flow?.id ?? String(req.id)),
        retryHref: entry.retryable ? RETRY_HREF[entry.code] : undefined,
        agencyName: agency,
        giveUpAction:
          agency && flow?.interactionUid ? `/interaction/${flow.interactionUid}/verify/give-up` : undefined,
        signedIn: !!current,
        alternativeHrefs: {
          another_document: '/verify/start-over',
          retake_photos: '/verify/document',
          mail_letter: '/verify/address',
          start_again: '/verify/start-over',
        },
      }),
    );
  });

  // Another document (or starting again) after a failure: the document step starts over; the
  // limits and selfie failures already counted stay counted.
  app.get('/verify/start-over', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    return reply.page((ctx) => (
      <IdvFrame ctx={ctx} title={ctx.t('idv.idType.title')}>
        <h1>{ctx.t('idv.idType.title')}</h1>
        <p class="usa-intro">{ctx.t('idv.idType.lead')}</p>
        <form method="post" action="/verify/start-over">
          <CsrfField token={ctx.csrfToken} />
          <button class="usa-button usa-button--big" type="submit">
            {ctx.t('idv.continue')}
          </button>
        </form>
      </IdvFrame>
    ));
  });
  app.post('/verify/start-over', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const now = deps.clock.now();
    const flow = await deps.flows.active(person.session.accountId, now);
    if (flow && flow.errorCode !== 6005 && !flow.detailsVerifiedAt) {
      await deps.flows.deleteCaptures(flow.id);
      await deps.flows.update(
        flow.id,
        {
          documentStatus: 'none',
          documentType: null,
          documentReason: null,
          documentFields: null,
          errorCode: null,
        },
        now,
      );
    }
    return reply.redirect('/verify', 303);
  });

  // A session that has not unlocked the profile (signed in before it was sealed) before an agency.
  app.get<{ Params: { uid: string } }>('/interaction/:uid/verify/unlock', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const name = (await agencyName(deps, req.params.uid)) ?? req.t('idp.interaction.agencyFallback');
    return reply.page((ctx) =>
      IdvUnlockPage(ctx, { action: `/interaction/${req.params.uid}/verify/unlock`, agencyName: name }),
    );
  });
  app.post<{ Params: { uid: string } }>('/interaction/:uid/verify/unlock', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const { password } = formFields(req.body, ['password'], 1024);
    const checked = await checkPassword(person, password);
    const unlocked =
      checked === 'ok' &&
      (await deps.verifiedIdentity.unlockForSession(person.session.accountId, password, person.token));
    if (!unlocked) {
      const name = (await agencyName(deps, req.params.uid)) ?? req.t('idp.interaction.agencyFallback');
      const key = checked === 'limited' ? 'error.tooManyRequests' : 'idv.password.wrong';
      return reply.code(400).page((ctx) =>
        IdvUnlockPage(ctx, {
          action: `/interaction/${req.params.uid}/verify/unlock`,
          agencyName: name,
          error: ctx.t(key),
        }),
      );
    }
    return deps.auth.finish(req, reply, person.session);
  });

  const reactivatePage = (req: FastifyRequest, reply: FastifyReply, error?: string, key?: string) =>
    reply.code(error ? 400 : 200).page((ctx) => IdvReactivatePage(ctx, { error, key }));

  app.get('/verify/reactivate', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const status = await deps.verifiedIdentity.status(person.session.accountId);
    if (!status?.lockedAt) return reply.redirect('/verify', 303);
    return reactivatePage(req, reply);
  });

  app.post('/verify/reactivate', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const { personalKey, password } = formFields(req.body, ['personalKey', 'password'], 1024);
    const checked = await checkPassword(person, password);
    if (checked === 'limited') return reactivatePage(req, reply, req.t('error.tooManyRequests'));
    const outcome =
      checked === 'ok'
        ? await deps.verifiedIdentity.reactivate(
            person.session.accountId,
            personalKey,
            password,
            person.token,
          )
        : { ok: false as const };
    if (!outcome.ok) return reactivatePage(req, reply, req.t('idv.reactivate.wrong'));
    await deps.events.record({
      accountId: person.session.accountId,
      kind: 'identity_reactivated',
      deviceId: person.session.deviceId,
      deviceLabel: person.session.deviceLabel,
      at: deps.clock.now(),
      locale: req.locale,
    });
    req.log.info(
      { event: 'idv_reactivated', accountId: person.session.accountId },
      'verified identity reactivated',
    );
    const flow = await deps.flows.active(person.session.accountId, deps.clock.now());
    const next = flow?.interactionUid ? `/interaction/${flow.interactionUid}/verify/return` : '/account';
    if (flow) await deps.flows.update(flow.id, { status: 'abandoned' }, deps.clock.now());
    return reply.page((ctx) =>
      IdvPersonalKeyPage(ctx, {
        personalKey: outcome.personalKey,
        action: `/verify/reactivated?next=${encodeURIComponent(next)}`,
      }),
    );
  });

  app.post('/verify/reactivated', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const next = queryParam(req.query, 'next') ?? '/account';
    const safe = /^\/(?!\/)[A-Za-z0-9/_.-]*$/.test(next) ? next : '/account';
    return reply.redirect(safe, 303);
  });

  // Lost the personal key: verify again; the new profile replaces the locked one.
  app.post('/verify/reverify', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const now = deps.clock.now();
    if (!(await deps.flows.active(person.session.accountId, now)))
      await deps.flows.start({
        accountId: person.session.accountId,
        interactionUid: null,
        now,
        ttlSeconds: deps.idv.flow.journeyTtlSeconds,
      });
    return reply.redirect('/verify', 303);
  });
}

async function agencyName(deps: IdvDeps, uid: string): Promise<string | undefined> {
  try {
    const interaction = await deps.provider.Interaction.find(uid);
    if (!interaction) return undefined;
    return (await deps.agencies.find(String(interaction.params.client_id)))?.name;
  } catch {
    return undefined;
  }
}

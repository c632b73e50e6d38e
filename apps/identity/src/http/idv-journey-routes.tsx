// Identity verification on this device: welcome and consent, how to add the ID, the phone
// hand-off page, the ID type, the photos, and the analysis progress. Every GET resolves the step
// through the step graph over the persisted journey (guardStep), so Back and deep links are safe.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import QRCode from 'qrcode';
import { formFields } from '#platform/http/form-fields.ts';
import { hashToken, randomToken } from '#platform/crypto/tokens.ts';
import { LIMIT_RULES, limitKey } from '#platform/ratelimit/limit-rules.ts';
import { parsePhoneNumber } from '#platform/telephony/phone-number.ts';
import { isE164 } from '#platform/telephony/telephony-port.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../verification/engine/idv-decision.ts';
import { idvErrorPath } from '../views/idv-error-page.tsx';
import { IdvHandoffPage, IdvHowPage, IdvIdTypePage, IdvWelcomePage } from '../views/idv/idv-start-pages.tsx';
import { IdvDocumentPage, IdvProcessingPage, IdvSelfiePage } from '../views/idv/idv-capture-pages.tsx';
import { guardStep, peekLimit, signedInForIdv, toErrorPage, type IdvDeps } from './idv-context.ts';
import {
  MAX_PHOTO_BYTES,
  progressOf,
  saveDocumentPhotos,
  saveSelfieAndAnalyse,
} from './idv-capture-handlers.ts';

export const MOBILE_PREFIX = '/verify/m';

/** The multipart parser for photo uploads, in an encapsulated scope (other routes take forms only). */
export async function registerPhotoUploads(app: FastifyInstance, routes: (scope: FastifyInstance) => void) {
  await app.register(async (scope) => {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: MAX_PHOTO_BYTES, files: 5, fields: 5, parts: 10 },
    });
    routes(scope);
  });
}

export async function registerIdvJourneyRoutes(app: FastifyInstance, deps: IdvDeps): Promise<void> {
  const agencyOf = async (uid: string | null) => {
    if (!uid) return undefined;
    try {
      const details = await deps.provider.Interaction.find(uid);
      return details ? await deps.agencies.find(String(details.params.client_id)) : undefined;
    } catch {
      return undefined;
    }
  };

  app.get('/verify', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const status = await deps.verifiedIdentity.status(person.session.accountId);
    const flow = await deps.flows.active(person.session.accountId, deps.clock.now());
    if (status?.lockedAt && !flow) return reply.redirect('/verify/reactivate', 303);
    if (status && !status.lockedAt && !flow) return reply.redirect('/account', 303);
    const guarded = await guardStep(deps, req, reply, 'welcome');
    if (!guarded) return reply;
    const agency = await agencyOf(flow?.interactionUid ?? null);
    return reply.page((ctx) =>
      IdvWelcomePage(ctx, {
        agencyName: agency?.name,
        cancelAction: flow?.interactionUid ? `/interaction/${flow.interactionUid}/verify/give-up` : undefined,
      }),
    );
  });

  app.post('/verify', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'welcome');
    if (!guarded) return reply;
    const { consent } = formFields(req.body, ['consent']);
    if (consent !== 'yes') return reply.code(400).page((ctx) => IdvWelcomePage(ctx, { error: true }));
    const now = deps.clock.now();
    const flow =
      guarded.flow ??
      (await deps.flows.start({
        accountId: guarded.session.accountId,
        interactionUid: null,
        now,
        ttlSeconds: deps.idv.flow.journeyTtlSeconds,
      }));
    if (!flow.consentedAt) await deps.flows.update(flow.id, { consentedAt: now }, now);
    req.log.info({ event: 'idv_consented', flowId: flow.id }, 'identity verification consent');
    return reply.redirect('/verify/how', 303);
  });

  // An agency asked for a verified identity this account lacks: the journey remembers the request
  // and goes back to it at the end (or the agency learns the person gave up).
  app.get<{ Params: { uid: string } }>('/interaction/:uid/verify', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const now = deps.clock.now();
    const status = await deps.verifiedIdentity.status(person.session.accountId);
    const flow = await deps.flows.active(person.session.accountId, now);
    if (flow) await deps.flows.setInteraction(flow.id, req.params.uid, now);
    else
      await deps.flows.start({
        accountId: person.session.accountId,
        interactionUid: req.params.uid,
        now,
        ttlSeconds: deps.idv.flow.journeyTtlSeconds,
      });
    if (status?.lockedAt) return reply.redirect('/verify/reactivate', 303);
    return reply.redirect('/verify', 303);
  });

  app.get('/verify/how', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'how');
    if (!guarded) return reply;
    return reply.page((ctx) => IdvHowPage(ctx, { videoAvailable: deps.videoAvailable }));
  });

  // Also "use this device instead" from the hand-off page, whatever the phone has done.
  app.post('/verify/how', async (req, reply) => {
    const person = await signedInForIdv(deps, req, reply);
    if (!person) return reply;
    const now = deps.clock.now();
    const flow = await deps.flows.active(person.session.accountId, now);
    if (!flow?.consentedAt || !['none', 'captured', 'retry'].includes(flow.documentStatus))
      return reply.redirect('/verify', 303);
    const { method } = formFields(req.body, ['method']);
    if (method === 'video' && !deps.videoAvailable) return toErrorPage(deps, reply, flow, 6011);
    if (method !== 'this-device' && method !== 'phone')
      return reply
        .code(400)
        .page((ctx) => IdvHowPage(ctx, { videoAvailable: deps.videoAvailable, error: true }));
    await deps.flows.update(flow.id, { method }, now);
    if (method === 'phone') return reply.redirect('/verify/handoff', 303);
    return reply.redirect(flow.documentType ? '/verify/document' : '/verify/id-type', 303);
  });

  const showHandoff = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { sentTo?: string; phone?: string; error?: string } = {},
  ) => {
    const guarded = await guardStep(deps, req, reply, 'handoff');
    if (!guarded?.flow) return reply;
    const token = randomToken();
    await deps.flows.createHandoff(
      guarded.flow.id,
      hashToken(token),
      deps.clock.now(),
      deps.idv.flow.handoffTtlSeconds,
    );
    const url = `${deps.issuer}${MOBILE_PREFIX}/${token}`;
    const qr = await QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 220 });
    const opened = await deps.flows.handoffOpened(guarded.flow.id);
    if (extra.error) reply.code(400);
    return { guarded, url, qr, opened };
  };

  app.get('/verify/handoff', async (req, reply) => {
    const shown = await showHandoff(req, reply);
    if (!shown || !('qr' in shown)) return reply;
    return reply.page((ctx) =>
      IdvHandoffPage(ctx, {
        qrSvgDataUrl: shown.qr,
        opened: shown.opened,
        analysing: shown.guarded.flow!.documentStatus === 'pending',
      }),
    );
  });

  app.post('/verify/handoff/send', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'handoff');
    if (!guarded?.flow) return reply;
    const { phone } = formFields(req.body, ['phone'], 64);
    const parsed = parsePhoneNumber(phone);
    const page = async (extra: { sentTo?: string; error?: string }) => {
      const shown = await showHandoff(req, reply, extra);
      if (!shown || !('qr' in shown)) return reply;
      return reply.page((ctx) =>
        IdvHandoffPage(ctx, {
          qrSvgDataUrl: shown.qr,
          opened: shown.opened,
          analysing: false,
          phone,
          ...extra,
        }),
      );
    };
    if (!parsed.ok || !isE164(parsed.e164)) return page({ error: req.t('idv.handoff.phoneInvalid') });
    const limit = await deps.limiter.hit(
      limitKey('otpSendPerAccount', guarded.session.accountId),
      LIMIT_RULES.otpSendPerAccount,
      deps.clock.now(),
    );
    if (!limit.allowed)
      return page({
        error: req.t('idv.handoff.limited', { minutes: Math.ceil(limit.retryAfterSeconds / 60) }),
      });
    const token = randomToken();
    await deps.flows.createHandoff(
      guarded.flow.id,
      hashToken(token),
      deps.clock.now(),
      deps.idv.flow.handoffTtlSeconds,
    );
    await deps.telephony.sendSms(
      parsed.e164,
      req.t('idv.handoff.sms', { url: `${deps.issuer}${MOBILE_PREFIX}/${token}` }),
    );
    req.log.info({ event: 'idv_handoff_sent', flowId: guarded.flow.id }, 'hand-off link sent');
    return page({ sentTo: parsed.masked });
  });

  // Progress for the pages that wait (processing, hand-off): JSON for /assets/idv-poll.js.
  app.get('/verify/status', async (req, reply) => {
    const current = await deps.auth.session(req);
    if (!current) return reply.code(401).send({ state: 'done', next: '/sign-in' });
    await deps.runner.recoverStale();
    const flow = await deps.flows.active(current.session.accountId, deps.clock.now());
    reply.header('cache-control', 'no-store');
    if (flow?.method === 'phone' && ['none', 'captured', 'retry'].includes(flow.documentStatus)) {
      const opened = await deps.flows.handoffOpened(flow.id);
      return reply.send({
        state: 'pending',
        message: req.t(opened ? 'idv.handoff.opened' : 'idv.handoff.waiting'),
      });
    }
    return reply.send(
      progressOf(
        flow,
        { passed: '/verify/details', retry: '/verify/document', failed: (code) => idvErrorPath(code) },
        req.t,
      ),
    );
  });

  app.get('/verify/id-type', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'id-type');
    if (!guarded) return reply;
    return reply.page((ctx) =>
      IdvIdTypePage(ctx, {
        action: '/verify/id-type',
        value: guarded.flow?.documentType ?? undefined,
        backHref: '/verify/how',
      }),
    );
  });

  app.post('/verify/id-type', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'id-type');
    if (!guarded?.flow) return reply;
    const { type } = formFields(req.body, ['type']);
    if (!DOCUMENT_TYPES.includes(type as DocumentType))
      return reply.code(400).page((ctx) => IdvIdTypePage(ctx, { action: '/verify/id-type', error: true }));
    await deps.flows.update(guarded.flow.id, { documentType: type as DocumentType }, deps.clock.now());
    await deps.flows.deleteCaptures(guarded.flow.id);
    return reply.redirect('/verify/document', 303);
  });

  const documentPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: { field: string; message: string }[] = [],
  ) => {
    const guarded = await guardStep(deps, req, reply, 'document');
    if (!guarded?.flow) return reply;
    const flow = guarded.flow;
    const limit = await peekLimit(deps, 'documentCapture', flow.accountId);
    if (!limit.allowed) return toErrorPage(deps, reply, flow, 6002, limit.retryAfterSeconds);
    const retake = flow.documentStatus === 'retry' ? flow.documentReason : undefined;
    return reply.code(errors.length ? 400 : 200).page((ctx) =>
      IdvDocumentPage(ctx, {
        action: '/verify/document',
        type: flow.documentType!,
        retakeReason: retake,
        attemptsLeft: retake ? limit.remaining : undefined,
        errors,
        changeTypeHref: '/verify/id-type',
      }),
    );
  };
  app.get('/verify/document', (req, reply) => documentPage(req, reply));

  const selfiePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: { field: string; message: string }[] = [],
  ) => {
    const guarded = await guardStep(deps, req, reply, 'selfie');
    if (!guarded?.flow) return reply;
    const flow = guarded.flow;
    return reply.code(errors.length ? 400 : 200).page((ctx) =>
      IdvSelfiePage(ctx, {
        action: '/verify/selfie',
        errors,
        triesLeft: deps.idv.flow.maxSelfieFailures - flow.selfieFailures,
        backHref: '/verify/document',
      }),
    );
  };
  app.get('/verify/selfie', (req, reply) => selfiePage(req, reply));

  await registerPhotoUploads(app, (scope) => {
    scope.post('/verify/document', async (req, reply) => {
      const guarded = await guardStep(deps, req, reply, 'document');
      if (!guarded?.flow) return reply;
      const errors = await saveDocumentPhotos(deps, req, guarded.flow, req.body);
      if (errors.length > 0) return documentPage(req, reply, errors);
      return reply.redirect('/verify/selfie', 303);
    });
    scope.post('/verify/selfie', async (req, reply) => {
      const guarded = await guardStep(deps, req, reply, 'selfie');
      if (!guarded?.flow) return reply;
      const outcome = await saveSelfieAndAnalyse(deps, req, guarded.flow, req.body);
      if ('errors' in outcome) return selfiePage(req, reply, outcome.errors);
      if ('limited' in outcome) return toErrorPage(deps, reply, guarded.flow, 6002, outcome.limited);
      return reply.redirect('/verify/processing', 303);
    });
  });

  app.get('/verify/processing', async (req, reply) => {
    const guarded = await guardStep(deps, req, reply, 'processing');
    if (!guarded) return reply;
    return reply.page((ctx) =>
      IdvProcessingPage(ctx, { statusUrl: '/verify/status', checkHref: '/verify/processing' }),
    );
  });
}

// "Continue on your phone": the link (text message or QR code) opens the capture steps of one
// journey on a phone that is not signed in. The link's token is single-journey and short-lived
// (15 minutes); opening it sets a signed cookie naming the journey, scoped to these pages, and
// nothing else of the account is reachable from it. The computer's page follows the progress.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formFields } from '#platform/http/form-fields.ts';
import { hashToken } from '#platform/crypto/tokens.ts';
import { resolveStep } from '#platform/flows/step-graph.ts';
import { DOCUMENT_TYPES, type DocumentType } from '../verification/engine/idv-decision.ts';
import { PHONE_CAPTURE_STEPS } from '../verification/flow/idv-steps.ts';
import type { IdvFlow } from '../db/idv-flows-repo.ts';
import { IdvIdTypePage } from '../views/idv/idv-start-pages.tsx';
import {
  IdvDocumentPage,
  IdvMobileDonePage,
  IdvProcessingPage,
  IdvSelfiePage,
} from '../views/idv/idv-capture-pages.tsx';
import { idvState, peekLimit, type IdvDeps } from './idv-context.ts';
import { idvErrorPath } from '../views/idv-error-page.tsx';
import { MOBILE_PREFIX, registerPhotoUploads } from './idv-journey-routes.tsx';
import { progressOf, saveDocumentPhotos, saveSelfieAndAnalyse } from './idv-capture-handlers.ts';

const MOBILE_COOKIE = 'idp_idv_mobile';
type MobileStep = (typeof PHONE_CAPTURE_STEPS.steps)[number];
const PATH: Record<MobileStep, string> = {
  'id-type': `${MOBILE_PREFIX}/id-type`,
  document: `${MOBILE_PREFIX}/document`,
  selfie: `${MOBILE_PREFIX}/selfie`,
  processing: `${MOBILE_PREFIX}/processing`,
  'phone-done': `${MOBILE_PREFIX}/done`,
};

export async function registerIdvMobileRoutes(app: FastifyInstance, deps: IdvDeps): Promise<void> {
  async function mobileFlow(req: FastifyRequest): Promise<IdvFlow | undefined> {
    const raw = req.cookies[MOBILE_COOKIE];
    const unsigned = raw ? req.unsignCookie(raw) : undefined;
    if (!unsigned?.valid || !unsigned.value) return undefined;
    const flow = await deps.flows.findById(unsigned.value);
    return flow?.status === 'active' && flow.method === 'phone' ? flow : undefined;
  }

  async function guard(req: FastifyRequest, reply: FastifyReply, step: MobileStep) {
    const flow = await mobileFlow(req);
    if (!flow) {
      void reply.code(403).page((ctx) => IdvMobileDonePage(ctx, { invalid: true }));
      return undefined;
    }
    await deps.runner.recoverStale();
    const fresh = (await deps.flows.findById(flow.id))!;
    const allowed = resolveStep(PHONE_CAPTURE_STEPS, await idvState(deps, fresh), step);
    if (allowed !== step) {
      void reply.redirect(PATH[allowed], 303);
      return undefined;
    }
    return fresh;
  }

  app.get<{ Params: { token: string } }>(`${MOBILE_PREFIX}/:token`, async (req, reply) => {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(req.params.token))
      return reply.code(404).page((ctx) => IdvMobileDonePage(ctx, { invalid: true }));
    const flowId = await deps.flows.openHandoff(hashToken(req.params.token), deps.clock.now());
    if (!flowId) return reply.code(410).page((ctx) => IdvMobileDonePage(ctx, { invalid: true }));
    void reply.setCookie(MOBILE_COOKIE, flowId, {
      path: MOBILE_PREFIX,
      httpOnly: true,
      sameSite: 'lax',
      signed: true,
      secure: deps.secureCookies,
      maxAge: 3600,
    });
    req.log.info({ event: 'idv_handoff_opened', flowId }, 'hand-off link opened');
    return reply.redirect(PATH['id-type'], 303);
  });

  app.get(PATH['id-type'], async (req, reply) => {
    const flow = await guard(req, reply, 'id-type');
    if (!flow) return reply;
    return reply.page((ctx) =>
      IdvIdTypePage(ctx, { action: PATH['id-type'], value: flow.documentType ?? undefined, signedIn: false }),
    );
  });
  app.post(PATH['id-type'], async (req, reply) => {
    const flow = await guard(req, reply, 'id-type');
    if (!flow) return reply;
    const { type } = formFields(req.body, ['type']);
    if (!DOCUMENT_TYPES.includes(type as DocumentType))
      return reply
        .code(400)
        .page((ctx) => IdvIdTypePage(ctx, { action: PATH['id-type'], error: true, signedIn: false }));
    await deps.flows.update(flow.id, { documentType: type as DocumentType }, deps.clock.now());
    await deps.flows.deleteCaptures(flow.id);
    return reply.redirect(PATH.document, 303);
  });

  const documentPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: { field: string; message: string }[] = [],
  ) => {
    const flow = await guard(req, reply, 'document');
    if (!flow) return reply;
    const limit = await peekLimit(deps, 'documentCapture', flow.accountId);
    const retake = flow.documentStatus === 'retry' ? flow.documentReason : undefined;
    return reply.code(errors.length ? 400 : 200).page((ctx) =>
      IdvDocumentPage(ctx, {
        action: PATH.document,
        type: flow.documentType!,
        retakeReason: retake,
        attemptsLeft: retake ? limit.remaining : undefined,
        errors,
        signedIn: false,
        changeTypeHref: PATH['id-type'],
      }),
    );
  };
  app.get(PATH.document, (req, reply) => documentPage(req, reply));

  const selfiePage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: { field: string; message: string }[] = [],
  ) => {
    const flow = await guard(req, reply, 'selfie');
    if (!flow) return reply;
    return reply.code(errors.length ? 400 : 200).page((ctx) =>
      IdvSelfiePage(ctx, {
        action: PATH.selfie,
        errors,
        triesLeft: deps.idv.flow.maxSelfieFailures - flow.selfieFailures,
        signedIn: false,
        backHref: PATH.document,
      }),
    );
  };
  app.get(PATH.selfie, (req, reply) => selfiePage(req, reply));

  await registerPhotoUploads(app, (scope) => {
    scope.post(PATH.document, async (req, reply) => {
      const flow = await guard(req, reply, 'document');
      if (!flow) return reply;
      const errors = await saveDocumentPhotos(deps, req, flow, req.body);
      if (errors.length > 0) return documentPage(req, reply, errors);
      return reply.redirect(PATH.selfie, 303);
    });
    scope.post(PATH.selfie, async (req, reply) => {
      const flow = await guard(req, reply, 'selfie');
      if (!flow) return reply;
      const outcome = await saveSelfieAndAnalyse(deps, req, flow, req.body);
      if ('errors' in outcome) return selfiePage(req, reply, outcome.errors);
      if ('limited' in outcome)
        return reply.redirect(
          `${idvErrorPath(6002)}?until=${deps.clock.now().getTime() + outcome.limited * 1000}`,
          303,
        );
      return reply.redirect(PATH.processing, 303);
    });
  });

  app.get(PATH.processing, async (req, reply) => {
    const flow = await guard(req, reply, 'processing');
    if (!flow) return reply;
    return reply.page((ctx) =>
      IdvProcessingPage(ctx, {
        statusUrl: `${MOBILE_PREFIX}/status`,
        checkHref: PATH.processing,
        signedIn: false,
      }),
    );
  });

  app.get(`${MOBILE_PREFIX}/status`, async (req, reply) => {
    const flow = await mobileFlow(req);
    reply.header('cache-control', 'no-store');
    if (!flow) return reply.code(403).send({ state: 'done', next: PATH['phone-done'] });
    await deps.runner.recoverStale();
    const fresh = await deps.flows.findById(flow.id);
    return reply.send(
      progressOf(
        fresh,
        { passed: PATH['phone-done'], retry: PATH.document, failed: () => PATH['phone-done'] },
        req.t,
      ),
    );
  });

  app.get(PATH['phone-done'], async (req, reply) => {
    const flow = await guard(req, reply, 'phone-done');
    if (!flow) return reply;
    return reply.page((ctx) => IdvMobileDonePage(ctx, {}));
  });
}

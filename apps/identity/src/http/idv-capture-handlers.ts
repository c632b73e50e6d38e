// Storing the ID and selfie photos of a journey, shared by this device's pages and the phone's:
// read the multipart upload (bounded), keep the photos encrypted until the decision, count the
// document-capture limit (5 per 6 hours) when the analysis starts, and report progress as JSON.
import type { FieldError } from '#platform/ui/components.tsx';
import type { PageContext } from '#platform/ui/page-context.ts';
import type { CaptureSide, IdvFlow } from '../db/idv-flows-repo.ts';
import { hitLimit, type IdvDeps } from './idv-context.ts';

/** Photos larger than this are refused before analysis (the engine's own limit is the same). */
export const MAX_PHOTO_BYTES = 15 * 1024 * 1024;

/** The images of one file field of a multipart body (`attachFieldsToBody: 'keyValues'`). */
export function uploadedImages(body: unknown, field: string): Uint8Array[] {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.filter((item): item is Buffer => Buffer.isBuffer(item) && item.length > 0).slice(0, 5);
}

export function requiredSides(flow: IdvFlow): CaptureSide[] {
  return flow.documentType === 'passport' ? ['front'] : ['front', 'back'];
}

/** Saves the document photos; the errors to show when one is missing. */
export async function saveDocumentPhotos(
  deps: IdvDeps,
  ctx: Pick<PageContext, 't'>,
  flow: IdvFlow,
  body: unknown,
): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const photos: [CaptureSide, Uint8Array][] = [];
  for (const side of requiredSides(flow)) {
    const [image] = uploadedImages(body, side);
    if (!image)
      errors.push({
        field: side,
        message: ctx.t(side === 'front' ? 'idv.document.missingFront' : 'idv.document.missingBack'),
      });
    else photos.push([side, image]);
  }
  if (errors.length > 0) return errors;
  const now = deps.clock.now();
  for (const [side, image] of photos) await deps.flows.putCapture(flow.id, side, [image], now);
  await deps.flows.update(
    flow.id,
    { documentStatus: 'captured', documentReason: null, errorCode: null },
    now,
    { documentStatus: ['none', 'captured', 'retry'] },
  );
  return [];
}

export type SelfieOutcome =
  { ok: true } | { ok: false; errors: FieldError[] } | { ok: false; limited: number };

/** Saves the selfie frames and starts the analysis, within the document-capture limit. */
export async function saveSelfieAndAnalyse(
  deps: IdvDeps,
  ctx: Pick<PageContext, 't'>,
  flow: IdvFlow,
  body: unknown,
): Promise<SelfieOutcome> {
  const frames = uploadedImages(body, 'selfie');
  if (frames.length === 0)
    return { ok: false, errors: [{ field: 'selfie', message: ctx.t('idv.selfie.missing') }] };
  const limit = await hitLimit(deps, 'documentCapture', flow.accountId);
  if (!limit.allowed) {
    await deps.flows.deleteCaptures(flow.id);
    await deps.flows.update(flow.id, { documentStatus: 'none', errorCode: 6002 }, deps.clock.now());
    return { ok: false, limited: limit.retryAfterSeconds };
  }
  const now = deps.clock.now();
  await deps.flows.putCapture(flow.id, 'selfie', frames, now);
  const started = await deps.flows.update(
    flow.id,
    { documentStatus: 'pending', documentStartedAt: now },
    now,
    { documentStatus: ['captured'] },
  );
  if (started) deps.runner.enqueue(flow.id);
  return { ok: true };
}

/** What a progress poll answers: still checking, or where to go next. */
export function progressOf(
  flow: IdvFlow | undefined,
  where: { passed: string; retry: string; failed: (code: number) => string },
  t: PageContext['t'],
): { state: 'pending' | 'done'; message?: string; next?: string } {
  if (!flow) return { state: 'done', next: '/verify' };
  switch (flow.documentStatus) {
    case 'pending':
      return { state: 'pending', message: t('idv.processing.status') };
    case 'passed':
      return { state: 'done', next: where.passed };
    case 'failed':
      return { state: 'done', next: where.failed(flow.errorCode ?? 6000) };
    case 'retry':
      return {
        state: 'done',
        next: flow.errorCode ? where.failed(flow.errorCode) : where.retry,
      };
    default:
      return { state: 'done', next: where.retry };
  }
}

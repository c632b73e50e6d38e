// Runs the document + selfie analysis of a journey in the background, one at a time (the engine
// uses both cores), and records the decision on the journey. The page polls the journey's status.
// The photos are deleted as soon as the engine has decided, whatever it decided, and the engine
// itself wipes decoded pixels and face embeddings. A process that dies mid-analysis leaves the
// journey `pending`: `recoverStale` (run at start-up and on every poll) turns it into a retake
// with code 6008, so nobody waits for ever. Nothing here logs personal data: ids and codes only.
import type { Logger } from '#platform/log/logger.ts';
import type { Clock } from '#platform/time/clock.ts';
import type { IdvFlowsRepo, IdvFlowPatch } from '../../db/idv-flows-repo.ts';
import type { IdvEngine, IdvResult } from '../engine/idv-engine.ts';
import { idvDecisionPatch } from './document-decision.ts';

export interface DocumentCheckRunner {
  /** Starts the analysis of a journey whose photos are stored (status already `pending`). */
  enqueue(flowId: string): void;
  /** Journeys left `pending` by a dead process become retakes. */
  recoverStale(): Promise<void>;
  /** Resolves when nothing is queued or running (tests, shutdown). */
  idle(): Promise<void>;
}

export interface DocumentCheckDeps {
  flows: IdvFlowsRepo;
  /** The engine, loaded on first use (its models take a second or two). */
  engine: () => Promise<IdvEngine>;
  clock: Clock;
  logger: Logger;
  maxSelfieFailures: number;
  analysisStaleSeconds: number;
}

export function createDocumentCheckRunner(deps: DocumentCheckDeps): DocumentCheckRunner {
  let chain: Promise<void> = Promise.resolve();

  async function analyse(flowId: string): Promise<void> {
    const flow = await deps.flows.findById(flowId);
    if (!flow || flow.documentStatus !== 'pending' || !flow.documentType) return;
    const photos = await deps.flows.captures(flowId);
    let result: IdvResult | undefined;
    try {
      if (photos.front?.[0]) {
        const engine = await deps.engine();
        result = await engine.analyze(
          {
            type: flow.documentType,
            front: photos.front[0],
            ...(photos.back?.[0] ? { back: photos.back[0] } : {}),
            ...(photos.selfie ? { selfie: photos.selfie } : {}),
          },
          deps.clock.now(),
        );
      }
    } finally {
      // Deleted after the decision, whatever happened (the engine has wiped its own copies).
      await deps.flows.deleteCaptures(flowId);
      for (const list of Object.values(photos)) for (const image of list) image.fill(0);
    }
    const patch: IdvFlowPatch = idvDecisionPatch(result, flow.selfieFailures, deps.maxSelfieFailures);
    await deps.flows.update(flowId, patch, deps.clock.now(), { documentStatus: ['pending'] });
    deps.logger.info(
      {
        event: 'idv_document_decided',
        flowId,
        outcome: patch.documentStatus,
        code: patch.documentReason ?? undefined,
        ms: result?.timings.total,
      },
      'identity document analysed',
    );
  }

  return {
    enqueue(flowId) {
      chain = chain
        .then(() => analyse(flowId))
        .catch(async (error: unknown) => {
          deps.logger.error({ err: error, flowId }, 'identity document analysis failed');
          await deps.flows
            .update(
              flowId,
              { documentStatus: 'retry', documentReason: 'analysis_unavailable', errorCode: 6008 },
              deps.clock.now(),
              { documentStatus: ['pending'] },
            )
            .catch(() => undefined);
        });
    },
    async recoverStale() {
      const before = new Date(deps.clock.now().getTime() - deps.analysisStaleSeconds * 1000);
      for (const flowId of await deps.flows.stalePending(before)) {
        await deps.flows.deleteCaptures(flowId);
        await deps.flows.update(
          flowId,
          { documentStatus: 'retry', documentReason: 'analysis_unavailable', errorCode: 6008 },
          deps.clock.now(),
          { documentStatus: ['pending'] },
        );
      }
    },
    idle: () => chain,
  };
}

// What an engine result does to the journey (pure): pass → on to personal details; a retake →
// back to the photos with the engine's reason; a failure → its numbered error code. A selfie that
// does not pass (no face, not live, not the portrait's person) may be retaken until the third
// failure, then the other paths are offered (6005), as ID.me does.
import type { IdvFlowPatch } from '../../db/idv-flows-repo.ts';
import type { IdvResult } from '../engine/idv-engine.ts';
import { isSelfieReason } from './idv-steps.ts';

export function idvDecisionPatch(
  result: IdvResult | undefined,
  selfieFailures: number,
  maxSelfieFailures: number,
): IdvFlowPatch {
  if (!result) return { documentStatus: 'retry', documentReason: 'image_unreadable', errorCode: null };
  if (result.analysis === 'unavailable')
    return { documentStatus: 'retry', documentReason: 'analysis_unavailable', errorCode: 6008 };
  const reason = result.reason ?? null;
  if (result.decision === 'pass') {
    return {
      documentStatus: 'passed',
      documentReason: null,
      documentFields: result.document.fields ?? null,
      facialMatch: result.face?.match === true,
      errorCode: null,
    };
  }
  if (isSelfieReason(reason)) {
    const failures = selfieFailures + 1;
    if (failures >= maxSelfieFailures)
      return { documentStatus: 'failed', documentReason: reason, selfieFailures: failures, errorCode: 6005 };
    return { documentStatus: 'retry', documentReason: reason, selfieFailures: failures, errorCode: null };
  }
  if (result.decision === 'retry')
    return { documentStatus: 'retry', documentReason: reason, errorCode: null };
  return { documentStatus: 'failed', documentReason: reason, errorCode: 6000 };
}

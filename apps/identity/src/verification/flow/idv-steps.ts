// Identity verification (IAL2) as a declared step graph over the persisted journey (pure).
// Each step names its precondition; a request for a step that is not allowed yet (a deep link,
// Back after finishing) resolves to the furthest allowed one. The video-call path is a method
// like the others: until a video service is configured it is offered as unavailable, and the
// graph never lets a journey past `how` with it.
import { defineSteps } from '#platform/flows/step-graph.ts';
import type { CaptureSide, IdvFlow } from '../../db/idv-flows-repo.ts';

export type IdvStep =
  | 'welcome'
  | 'how'
  | 'handoff'
  | 'id-type'
  | 'document'
  | 'selfie'
  | 'processing'
  | 'details'
  | 'address'
  | 'address-code'
  | 'password'
  | 'personal-key'
  | 'done';

export interface IdvState {
  flow: IdvFlow | undefined;
  captured: readonly CaptureSide[];
  /** Whether a video-call service is configured (none ships yet). */
  videoAvailable: boolean;
}

const f = (s: IdvState) => s.flow;
const capturing = (s: IdvState) =>
  !!f(s)?.consentedAt &&
  (f(s)!.method === 'this-device' ||
    f(s)!.method === 'phone' ||
    (f(s)!.method === 'video' && s.videoAvailable));
const needsBack = (s: IdvState) => f(s)?.documentType !== 'passport';
const documentCaptured = (s: IdvState) =>
  s.captured.includes('front') && (!needsBack(s) || s.captured.includes('back'));

export const IDV_STEPS = defineSteps<IdvStep, IdvState>({
  steps: [
    'welcome',
    'how',
    'handoff',
    'id-type',
    'document',
    'selfie',
    'processing',
    'details',
    'address',
    'address-code',
    'password',
    'personal-key',
    'done',
  ],
  allowed: {
    welcome: (s) => !f(s)?.completedAt,
    how: (s) => !!f(s)?.consentedAt && !f(s)!.documentType && f(s)!.documentStatus === 'none',
    handoff: (s) =>
      capturing(s) &&
      f(s)!.method === 'phone' &&
      ['none', 'captured', 'retry', 'pending'].includes(f(s)!.documentStatus),
    'id-type': (s) =>
      capturing(s) && ['none', 'retry'].includes(f(s)!.documentStatus) && f(s)!.method !== 'phone',
    document: (s) =>
      capturing(s) &&
      !!f(s)!.documentType &&
      ['none', 'captured', 'retry'].includes(f(s)!.documentStatus) &&
      f(s)!.method !== 'phone',
    selfie: (s) =>
      capturing(s) && f(s)!.documentStatus === 'captured' && documentCaptured(s) && f(s)!.method !== 'phone',
    processing: (s) => f(s)?.documentStatus === 'pending',
    details: (s) => f(s)?.documentStatus === 'passed' && !f(s)!.detailsVerifiedAt,
    address: (s) => !!f(s)?.detailsVerifiedAt && !f(s)!.addressConfirmedAt && !f(s)!.confirmationSentAt,
    'address-code': (s) => !!f(s)?.confirmationSentAt && !f(s)!.addressConfirmedAt,
    password: (s) => !!f(s)?.addressConfirmedAt && !f(s)!.completedAt,
    'personal-key': (s) => !!f(s)?.completedAt && !f(s)!.personalKeyAcknowledgedAt,
    done: (s) => !!f(s)?.personalKeyAcknowledgedAt,
  },
});

/**
 * The capture steps as the phone sees them after opening a "continue on your phone" link: the
 * same preconditions without the method check (the phone is where capture happens).
 */
export const PHONE_CAPTURE_STEPS = defineSteps<
  'id-type' | 'document' | 'selfie' | 'processing' | 'phone-done',
  IdvState
>({
  steps: ['id-type', 'document', 'selfie', 'processing', 'phone-done'],
  allowed: {
    'id-type': (s) => !!f(s)?.consentedAt && ['none', 'retry'].includes(f(s)!.documentStatus),
    document: (s) => !!f(s)?.documentType && ['none', 'captured', 'retry'].includes(f(s)!.documentStatus),
    selfie: (s) => f(s)?.documentStatus === 'captured' && documentCaptured(s),
    processing: (s) => f(s)?.documentStatus === 'pending',
    'phone-done': (s) => !!f(s) && !['none', 'captured', 'retry', 'pending'].includes(f(s)!.documentStatus),
  },
});

export const IDV_PATHS: Record<IdvStep, string> = {
  welcome: '/verify',
  how: '/verify/how',
  handoff: '/verify/phone',
  'id-type': '/verify/id-type',
  document: '/verify/document',
  selfie: '/verify/selfie',
  processing: '/verify/processing',
  details: '/verify/details',
  address: '/verify/address',
  'address-code': '/verify/address/code',
  password: '/verify/password',
  'personal-key': '/verify/personal-key',
  done: '/verify/done',
};

/** The reason for a retake concerns the selfie (vs. the document photos). */
export function isSelfieReason(reason: string | null | undefined): boolean {
  return !!reason && (reason.startsWith('selfie_') || reason === 'face_mismatch');
}

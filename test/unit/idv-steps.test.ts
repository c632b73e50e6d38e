// The identity-verification step graph and what an analysis does to the journey, table-driven:
// for each journey state, which step a request resolves to (deep links and Back), and for each
// engine result, the journey's next state.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveStep } from '#platform/flows/step-graph.ts';
import {
  IDV_STEPS,
  PHONE_CAPTURE_STEPS,
  type IdvState,
  type IdvStep,
} from '../../apps/identity/src/verification/flow/idv-steps.ts';
import { idvDecisionPatch } from '../../apps/identity/src/verification/flow/document-decision.ts';
import type { IdvFlow } from '../../apps/identity/src/db/idv-flows-repo.ts';
import type { IdvResult } from '../../apps/identity/src/verification/engine/idv-engine.ts';

const T = new Date('2026-11-26T12:00:00Z');
const BLANK: IdvFlow = {
  id: '00000000-0000-4000-8000-000000000001',
  accountId: '00000000-0000-4000-8000-000000000002',
  interactionUid: null,
  status: 'active',
  consentedAt: null,
  method: null,
  documentType: null,
  documentStatus: 'none',
  documentReason: null,
  documentStartedAt: null,
  documentFields: null,
  facialMatch: false,
  selfieFailures: 0,
  details: null,
  detailsVerifiedAt: null,
  addressMethod: null,
  phone: null,
  confirmationSentAt: null,
  confirmationExpiresAt: null,
  confirmationAttempts: 0,
  addressConfirmedAt: null,
  completedAt: null,
  personalKeyAcknowledgedAt: null,
  errorCode: null,
  createdAt: T,
  expiresAt: new Date(T.getTime() + 86400_000),
};

const state = (change: Partial<IdvFlow> | undefined, captured: IdvState['captured'] = []): IdvState => ({
  flow: change ? { ...BLANK, ...change } : undefined,
  captured,
  videoAvailable: false,
});

const consented = { consentedAt: T };
const onDevice = { ...consented, method: 'this-device' as const };
const licence = { ...onDevice, documentType: 'drivers-license' as const };

// [journey, photos stored, the furthest step a request for `done` resolves to]
const FURTHEST: [string, IdvState, IdvStep][] = [
  ['no journey', state(undefined), 'welcome'],
  ['consented', state(consented), 'how'],
  ['on this device', state(onDevice), 'id-type'],
  ['on the phone', state({ ...consented, method: 'phone' }), 'handoff'],
  ['video chosen, none configured', state({ ...consented, method: 'video' }), 'how'],
  ['licence chosen', state(licence), 'document'],
  ['front only stored', state({ ...licence, documentStatus: 'captured' }, ['front']), 'document'],
  ['front and back stored', state({ ...licence, documentStatus: 'captured' }, ['front', 'back']), 'selfie'],
  [
    'passport: the page is enough',
    state({ ...onDevice, documentType: 'passport', documentStatus: 'captured' }, ['front']),
    'selfie',
  ],
  ['analysing', state({ ...licence, documentStatus: 'pending' }), 'processing'],
  ['to retake', state({ ...licence, documentStatus: 'retry' }), 'document'],
  ['photos passed', state({ ...licence, documentStatus: 'passed' }), 'details'],
  ['details confirmed', state({ ...licence, documentStatus: 'passed', detailsVerifiedAt: T }), 'address'],
  [
    'code sent',
    state({ ...licence, documentStatus: 'passed', detailsVerifiedAt: T, confirmationSentAt: T }),
    'address-code',
  ],
  [
    'address confirmed',
    state({
      ...licence,
      documentStatus: 'passed',
      detailsVerifiedAt: T,
      confirmationSentAt: T,
      addressConfirmedAt: T,
    }),
    'password',
  ],
  [
    'sealed',
    state({
      ...licence,
      documentStatus: 'passed',
      detailsVerifiedAt: T,
      addressConfirmedAt: T,
      completedAt: T,
    }),
    'personal-key',
  ],
  [
    'key acknowledged',
    state({
      ...licence,
      documentStatus: 'passed',
      detailsVerifiedAt: T,
      addressConfirmedAt: T,
      completedAt: T,
      personalKeyAcknowledgedAt: T,
    }),
    'done',
  ],
];

describe('identity verification step graph', () => {
  for (const [name, s, furthest] of FURTHEST) {
    it(`${name}: a deep link to the end lands on ${furthest}`, () => {
      assert.equal(resolveStep(IDV_STEPS, s, 'done'), furthest);
    });
  }

  it('never skips ahead: every step after the furthest allowed one redirects to it', () => {
    for (const [name, s, furthest] of FURTHEST) {
      const after = IDV_STEPS.steps.slice(IDV_STEPS.steps.indexOf(furthest) + 1);
      for (const step of after) assert.equal(resolveStep(IDV_STEPS, s, step), furthest, `${name}: ${step}`);
    }
  });

  it('Back to a step already done moves forward again (no replay)', () => {
    const detailsDone = state({ ...licence, documentStatus: 'passed', detailsVerifiedAt: T });
    for (const step of ['how', 'id-type', 'document', 'selfie', 'processing', 'details'] as const)
      assert.equal(resolveStep(IDV_STEPS, detailsDone, step), 'address', step);
  });

  it('a phone journey captures only on the phone; this device’s capture steps redirect to the hand-off', () => {
    const phone = state({ ...consented, method: 'phone', documentType: 'drivers-license' });
    for (const step of ['id-type', 'document', 'selfie'] as const)
      assert.equal(resolveStep(IDV_STEPS, phone, step), 'handoff', step);
    assert.equal(resolveStep(PHONE_CAPTURE_STEPS, phone, 'selfie'), 'document');
    assert.equal(
      resolveStep(
        PHONE_CAPTURE_STEPS,
        state({ ...consented, method: 'phone', documentStatus: 'passed' }),
        'document',
      ),
      'phone-done',
    );
  });

  it('a video journey goes past “how” once a video service is configured', () => {
    const video = { ...state({ ...consented, method: 'video' }), videoAvailable: true };
    assert.equal(resolveStep(IDV_STEPS, video, 'done'), 'id-type');
  });
});

const completed = (decision: 'pass' | 'retry' | 'fail', reason?: string, match = true): IdvResult => ({
  analysis: 'completed',
  type: 'drivers-license',
  timings: { total: 900 },
  decision,
  reason: reason as never,
  document: { source: 'barcode', fields: undefined },
  checks: [],
  face: { match, score: 0.8, liveness: 0.9 },
  quality: {},
});

describe('what an analysis does to the journey', () => {
  const table: [string, IdvResult | undefined, number, Record<string, unknown>][] = [
    [
      'a pass with a matching selfie',
      completed('pass'),
      0,
      { documentStatus: 'passed', facialMatch: true, errorCode: null },
    ],
    [
      'a pass without a face match',
      completed('pass', undefined, false),
      0,
      { documentStatus: 'passed', facialMatch: false },
    ],
    [
      'a blurry photo',
      completed('retry', 'image_blurry'),
      0,
      { documentStatus: 'retry', documentReason: 'image_blurry' },
    ],
    [
      'an expired licence',
      completed('fail', 'document_expired'),
      0,
      { documentStatus: 'failed', errorCode: 6000 },
    ],
    [
      'a first selfie mismatch',
      completed('fail', 'face_mismatch'),
      0,
      { documentStatus: 'retry', selfieFailures: 1 },
    ],
    [
      'a second selfie not live',
      completed('retry', 'selfie_not_live'),
      1,
      { documentStatus: 'retry', selfieFailures: 2 },
    ],
    [
      'the third selfie failure',
      completed('fail', 'face_mismatch'),
      2,
      { documentStatus: 'failed', selfieFailures: 3, errorCode: 6005 },
    ],
    [
      'an analysis that could not run',
      {
        analysis: 'unavailable',
        type: 'drivers-license',
        timings: {},
        stage: 'faces',
        code: 'analysis_unavailable',
      },
      0,
      { documentStatus: 'retry', errorCode: 6008 },
    ],
    ['no photos at all', undefined, 0, { documentStatus: 'retry', documentReason: 'image_unreadable' }],
  ];
  for (const [name, result, failures, expected] of table) {
    it(name, () => {
      const patch = idvDecisionPatch(result, failures, 3) as Record<string, unknown>;
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(patch[key], value, key);
    });
  }
});

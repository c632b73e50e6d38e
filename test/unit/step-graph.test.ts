// The generic step graph and the sign-up journey declared on it (pure).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defineSteps, resolveStep } from '#platform/flows/step-graph.ts';
import {
  SIGN_UP_STEPS,
  signUpPath,
  type SignUpState,
  type SignUpStep,
} from '../../apps/identity/src/flows/sign-up-steps.ts';
import type { SignUpFlow } from '../../apps/identity/src/db/signup-flows-repo.ts';

describe('resolveStep (generic graph)', () => {
  type Step = 'a' | 'b' | 'c';
  const graph = defineSteps<Step, number>({
    steps: ['a', 'b', 'c'],
    allowed: { a: (n) => n >= 1, b: (n) => n >= 2, c: (n) => n === 3 },
  });

  const cases: [state: number, requested: Step, expected: Step][] = [
    [1, 'a', 'a'],
    [1, 'b', 'a'],
    [1, 'c', 'a'],
    [2, 'a', 'a'],
    [2, 'b', 'b'],
    [2, 'c', 'b'],
    [3, 'a', 'a'],
    [3, 'c', 'c'],
  ];
  for (const [state, requested, expected] of cases) {
    it(`state ${state}, requested ${requested} → ${expected}`, () => {
      assert.equal(resolveStep(graph, state, requested), expected);
    });
  }

  it('falls back to the furthest allowed step in declared order, not the first', () => {
    const gappy = defineSteps<Step, null>({
      steps: ['a', 'b', 'c'],
      allowed: { a: () => true, b: () => true, c: () => false },
    });
    assert.equal(resolveStep(gappy, null, 'c'), 'b');
  });

  it('throws when no step at all is allowed', () => {
    assert.throws(() => resolveStep(graph, 0, 'b'), /no allowed step/);
  });
});

describe('sign-up journey', () => {
  const now = new Date('2030-01-01T12:00:00Z');
  const later = new Date(now.getTime() + 3_600_000);
  const earlier = new Date(now.getTime() - 3_600_000);

  const flow = (overrides: Partial<SignUpFlow> = {}): SignUpFlow => ({
    id: '00000000-0000-4000-8000-000000000001',
    email: 'person@example.com',
    interactionUid: null,
    locale: 'en',
    confirmedAt: null,
    completedAt: null,
    expiresAt: later,
    ...overrides,
  });

  const states: Record<string, SignUpState> = {
    'no flow': { flow: undefined, now },
    unconfirmed: { flow: flow(), now },
    confirmed: { flow: flow({ confirmedAt: earlier }), now },
    completed: { flow: flow({ confirmedAt: earlier, completedAt: now }), now },
    'expired, unconfirmed': { flow: flow({ expiresAt: earlier }), now },
    'expired, confirmed': { flow: flow({ confirmedAt: earlier, expiresAt: earlier }), now },
    'expiring exactly now': { flow: flow({ confirmedAt: earlier, expiresAt: now }), now },
    // A completed journey stays completed after its link would have expired.
    'completed, then expired': {
      flow: flow({ confirmedAt: earlier, completedAt: earlier, expiresAt: earlier }),
      now,
    },
  };

  // Rows: state; columns: requested email, check-email, password, done.
  const expected: Record<keyof typeof states, [SignUpStep, SignUpStep, SignUpStep, SignUpStep]> = {
    'no flow': ['email', 'email', 'email', 'email'],
    unconfirmed: ['email', 'check-email', 'check-email', 'check-email'],
    confirmed: ['email', 'password', 'password', 'password'],
    completed: ['email', 'done', 'done', 'done'],
    'expired, unconfirmed': ['email', 'email', 'email', 'email'],
    'expired, confirmed': ['email', 'email', 'email', 'email'],
    'expiring exactly now': ['email', 'email', 'email', 'email'],
    'completed, then expired': ['email', 'done', 'done', 'done'],
  };

  const requests: SignUpStep[] = ['email', 'check-email', 'password', 'done'];

  it('declares the steps in journey order', () => {
    assert.deepEqual(SIGN_UP_STEPS.steps, requests);
  });

  for (const [stateName, state] of Object.entries(states)) {
    requests.forEach((requested, column) => {
      const want = expected[stateName]![column]!;
      it(`${stateName}: requesting ${requested} shows ${want}`, () => {
        assert.equal(resolveStep(SIGN_UP_STEPS, state, requested), want);
      });
    });
  }
});

describe('signUpPath', () => {
  const base: SignUpFlow = {
    id: '00000000-0000-4000-8000-000000000002',
    email: 'person@example.com',
    interactionUid: null,
    locale: 'es',
    confirmedAt: null,
    completedAt: null,
    expiresAt: new Date('2030-01-02T00:00:00Z'),
  };
  const inInteraction: SignUpFlow = { ...base, interactionUid: 'uid-Abc_123' };

  const cases: [SignUpStep, SignUpFlow | undefined, string][] = [
    ['email', undefined, '/sign-up'],
    ['check-email', undefined, '/sign-up/check-email'],
    ['password', undefined, '/sign-up/password'],
    ['done', undefined, '/sign-up/done'],
    ['email', base, '/sign-up'],
    ['password', base, '/sign-up/password'],
    ['email', { ...base, interactionUid: '' }, '/sign-up'],
    ['email', inInteraction, '/interaction/uid-Abc_123/sign-up'],
    ['password', inInteraction, '/interaction/uid-Abc_123/sign-up/password'],
    // The confirmation and finish pages are not scoped to the interaction.
    ['check-email', inInteraction, '/sign-up/check-email'],
    ['done', inInteraction, '/sign-up/done'],
  ];
  for (const [step, flow, want] of cases) {
    it(`${step} with ${flow === undefined ? 'no flow' : `interactionUid ${JSON.stringify(flow.interactionUid)}`} → ${want}`, () => {
      assert.equal(signUpPath(step, flow), want);
    });
  }
});

// The sign-in step graph: a second factor is needed everywhere, except after the password on a
// browser remembered for this account inside the request of an agency that accepts AAL1.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveStep } from '#platform/flows/step-graph.ts';
import { SIGN_IN_STEPS, type SignInState } from '../../apps/identity/src/flows/sign-in-steps.ts';
import type { IdpSession } from '../../apps/identity/src/db/idp-sessions-repo.ts';

const at = new Date('2026-11-25T12:00:00Z');
const session = (aal: 1 | 2): IdpSession => ({
  accountId: 'a',
  aal,
  passwordAt: at,
  mfaAt: aal === 2 ? at : null,
  mfaKind: aal === 2 ? 'totp' : null,
  deviceId: 'd',
  deviceLabel: 'Chrome on Linux',
  createdAt: at,
  lastSeenAt: at,
  expiresAt: at,
});
const state = (overrides: Partial<SignInState>): SignInState => ({
  session: session(1),
  methodCount: 2,
  recentMfa: false,
  rememberedForAal1: false,
  ...overrides,
});

describe('sign-in steps and remembered browsers', () => {
  const cases: [string, SignInState, string][] = [
    ['nobody signed in', state({ session: undefined }), 'password'],
    ['password only: the second factor', state({}), 'mfa'],
    ['password only, no method yet: set one up', state({ methodCount: 0 }), 'mfa-setup'],
    [
      'password on a remembered browser where the agency accepts AAL1: done',
      state({ rememberedForAal1: true }),
      'done',
    ],
    [
      'remembered, but the account has no method left (account reset): set one up',
      state({ methodCount: 0, rememberedForAal1: true }),
      'mfa-setup',
    ],
    ['second factor: done', state({ session: session(2) }), 'done'],
  ];
  for (const [name, s, expected] of cases) {
    it(`${name} → ${expected}`, () => assert.equal(resolveStep(SIGN_IN_STEPS, s, 'done'), expected));
  }

  it('a remembered browser never opens adding a method (a sensitive action needs a second factor)', () => {
    const remembered = state({ rememberedForAal1: true, recentMfa: true });
    assert.equal(SIGN_IN_STEPS.allowed['mfa-setup'](remembered), false);
  });
});

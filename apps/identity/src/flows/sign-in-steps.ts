// Signing in as a declared step graph: password, then a second factor (or setting one up
// when the account has none yet), then done at AAL2 — or, inside the request of an agency that
// accepts AAL1, done after the password on a browser remembered for this account.
import { defineSteps } from '#platform/flows/step-graph.ts';
import type { IdpSession } from '../db/idp-sessions-repo.ts';

export type SignInStep = 'password' | 'mfa' | 'mfa-setup' | 'done';

export interface SignInState {
  session: IdpSession | undefined;
  methodCount: number;
  /** A second factor within the last 20 minutes: needed to add a method once one exists. */
  recentMfa: boolean;
  /**
   * This browser is remembered for this account ("Remember this browser", 30 days) and the
   * sign-in is inside the request of an agency that accepts AAL1. Always false on the identity
   * provider's own pages (the account page, sensitive actions) and at AAL2 agencies.
   */
  rememberedForAal1: boolean;
}

export const SIGN_IN_STEPS = defineSteps<SignInStep, SignInState>({
  steps: ['password', 'mfa', 'mfa-setup', 'done'],
  allowed: {
    password: () => true,
    mfa: (s) => !!s.session && s.methodCount > 0,
    // With no method yet, setting one up is the way to AAL2; at AAL2 it adds another.
    'mfa-setup': (s) => !!s.session && (s.methodCount === 0 || (s.session.aal === 2 && s.recentMfa)),
    // AAL2; or the password alone where the agency accepts AAL1 and the browser is remembered.
    done: (s) => !!s.session && (s.session.aal === 2 || (s.methodCount > 0 && s.rememberedForAal1)),
  },
});

/** Sensitive actions need a second factor within the last 20 minutes (Login.gov). */
export function hasRecentMfa(session: IdpSession, now: Date, windowSeconds: number): boolean {
  return (
    session.aal === 2 && !!session.mfaAt && now.getTime() - session.mfaAt.getTime() <= windowSeconds * 1000
  );
}

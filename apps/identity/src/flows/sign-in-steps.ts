// Signing in as a declared step graph: password, then a second factor (or setting one up
// when the account has none yet), then done at AAL2.
import { defineSteps } from '#platform/flows/step-graph.ts';
import type { IdpSession } from '../db/idp-sessions-repo.ts';

export type SignInStep = 'password' | 'mfa' | 'mfa-setup' | 'done';

export interface SignInState {
  session: IdpSession | undefined;
  methodCount: number;
  /** A second factor within the last 20 minutes: needed to add a method once one exists. */
  recentMfa: boolean;
}

export const SIGN_IN_STEPS = defineSteps<SignInStep, SignInState>({
  steps: ['password', 'mfa', 'mfa-setup', 'done'],
  allowed: {
    password: () => true,
    mfa: (s) => !!s.session && s.methodCount > 0,
    // With no method yet, setting one up is the way to AAL2; at AAL2 it adds another.
    'mfa-setup': (s) => !!s.session && (s.methodCount === 0 || (s.session.aal === 2 && s.recentMfa)),
    done: (s) => s.session?.aal === 2,
  },
});

/** Sensitive actions need a second factor within the last 20 minutes (Login.gov). */
export function hasRecentMfa(session: IdpSession, now: Date, windowSeconds: number): boolean {
  return (
    session.aal === 2 && !!session.mfaAt && now.getTime() - session.mfaAt.getTime() <= windowSeconds * 1000
  );
}

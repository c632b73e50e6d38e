// The sign-up journey as a declared step graph over the persisted flow (pure).
import { defineSteps } from '#platform/flows/step-graph.ts';
import type { SignUpFlow } from '../db/signup-flows-repo.ts';

export type SignUpStep = 'email' | 'check-email' | 'password' | 'done';

export interface SignUpState {
  flow: SignUpFlow | undefined;
  now: Date;
}

const open = (s: SignUpState) => !!s.flow && !s.flow.completedAt && s.flow.expiresAt > s.now;

export const SIGN_UP_STEPS = defineSteps<SignUpStep, SignUpState>({
  steps: ['email', 'check-email', 'password', 'done'],
  allowed: {
    email: () => true,
    'check-email': (s) => open(s) && !s.flow!.confirmedAt,
    password: (s) => open(s) && !!s.flow!.confirmedAt,
    done: (s) => !!s.flow?.completedAt,
  },
});

const PATHS: Record<SignUpStep, string> = {
  email: '/sign-up',
  'check-email': '/sign-up/check-email',
  password: '/sign-up/password',
  done: '/sign-up/done',
};

/**
 * Where a step lives. A sign-up that began inside an agency's sign-in request keeps its
 * email and password steps under /interaction/<uid>/, because the provider scopes its
 * interaction cookie to that path and the account must be handed back to that request.
 */
export function signUpPath(step: SignUpStep, flow: SignUpFlow | undefined): string {
  const uid = flow?.interactionUid;
  if (uid && (step === 'email' || step === 'password')) return `/interaction/${uid}${PATHS[step]}`;
  return PATHS[step];
}

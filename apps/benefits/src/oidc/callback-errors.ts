// What the person is told when a sign-in does not come back with a usable answer. The
// identity provider's `error` is mapped to a fixed message (its free-text description is
// logged, never shown: the callback URL is anyone's to craft).
import type { MessageKey } from '#platform/i18n/catalog.ts';

export interface SignInProblem {
  /** Shown as the reference to quote; only ever one of the fixed values below. */
  code: string;
  messageKey: MessageKey;
  status: number;
}

const IDP_ERRORS: Record<string, MessageKey> = {
  access_denied: 'benefits.problem.accessDenied',
  unmet_authentication_requirements: 'benefits.problem.unmetRequirements',
  login_required: 'benefits.problem.loginRequired',
  interaction_required: 'benefits.problem.loginRequired',
  consent_required: 'benefits.problem.consentRequired',
  account_selection_required: 'benefits.problem.loginRequired',
  temporarily_unavailable: 'benefits.problem.providerUnavailable',
  server_error: 'benefits.problem.providerUnavailable',
};

/** An error the identity provider sent back to the callback. */
export function identityProviderProblem(error: string): SignInProblem {
  const messageKey = Object.hasOwn(IDP_ERRORS, error) ? IDP_ERRORS[error] : undefined;
  return messageKey
    ? {
        code: error,
        messageKey,
        status: error === 'temporarily_unavailable' || error === 'server_error' ? 503 : 400,
      }
    : { code: 'E400-IDP', messageKey: 'benefits.problem.unknownError', status: 400 };
}

/** The callback matches no sign-in started in this browser (expired, replayed, or forged). */
export const STALE_SIGN_IN: SignInProblem = {
  code: 'E400-STATE',
  messageKey: 'benefits.problem.stale',
  status: 400,
};

/** The code could not be exchanged, or the tokens did not check out. */
export const NOT_COMPLETED: SignInProblem = {
  code: 'E400-TOKEN',
  messageKey: 'benefits.problem.notCompleted',
  status: 400,
};

/** The identity provider could not be reached to start a sign-in. */
export const PROVIDER_DOWN: SignInProblem = {
  code: 'E503-IDP',
  messageKey: 'benefits.problem.providerUnavailable',
  status: 503,
};

// The numbered error codes of identity verification (IAL2). Every way the flow can stop has a code,
// a plain-language cause, something to try and at least two other ways forward, always including the
// tax agency's offline options, so no error page is a dead end. Pure data; the page is
// apps/identity/src/views/idv-error-page.tsx, the table for operators docs/identity-verification-error-codes.md.
import { createHash } from 'node:crypto';
import type { enIdvErrors } from '#platform/i18n/messages/en-idv-errors.ts';

export type IdvMessageKey = keyof typeof enIdvErrors;

export type IdvErrorId =
  | 'document_not_verified'
  | 'records_not_matched'
  | 'document_attempts_exceeded'
  | 'records_attempts_exceeded'
  | 'tin_attempts_exceeded'
  | 'selfie_attempts_exceeded'
  | 'duplicate_person'
  | 'records_unavailable'
  | 'analysis_unavailable'
  | 'phone_not_confirmed'
  | 'letter_code_failed'
  | 'video_unavailable'
  | 'details_do_not_match_document'
  | 'journey_expired';

/** Another way forward offered on the error page. */
export type IdvAlternative =
  | 'another_document'
  | 'retake_photos'
  | 'video_agent'
  | 'mail_letter'
  | 'transcript_by_mail'
  | 'transcript_by_phone'
  | 'try_later'
  | 'sign_in_other_account'
  | 'report_identity_theft'
  | 'start_again';

/** Alternatives that need no online identity verification at all (the agency's offline options). */
export const OFFLINE_ALTERNATIVES: readonly IdvAlternative[] = ['transcript_by_mail', 'transcript_by_phone'];

export interface IdvErrorEntry {
  /** The number the person sees and support is told ("Error 6001"). Stable: never reused. */
  readonly code: number;
  readonly id: IdvErrorId;
  /** The person can go on in this flow now (retryHref): try again, correct details, get a letter, start again. */
  readonly retryable: boolean;
  /** 429 when a limit was hit, 503 when a service was unavailable, 422 otherwise (never 404). */
  readonly httpStatus: 422 | 429 | 503;
  /** In page order. Every entry includes OFFLINE_ALTERNATIVES. */
  readonly alternatives: readonly IdvAlternative[];
  /** Short title, shown after "Error <code>:" in the h1. */
  readonly titleKey: IdvMessageKey;
  /** The cause, in plain language. */
  readonly causeKey: IdvMessageKey;
  /** What to try. */
  readonly tryKey: IdvMessageKey;
  /** Label of the retry / continue button (shown only when retryable and a retryHref is given). */
  readonly actionKey: IdvMessageKey;
}

const OFFLINE = OFFLINE_ALTERNATIVES;

export const IDV_ERRORS: readonly IdvErrorEntry[] = [
  {
    code: 6000,
    id: 'document_not_verified',
    retryable: true,
    httpStatus: 422,
    alternatives: ['another_document', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.documentNotVerified.title',
    causeKey: 'idv.error.documentNotVerified.cause',
    tryKey: 'idv.error.documentNotVerified.try',
    actionKey: 'idv.error.action.anotherDocument',
  },
  {
    code: 6001,
    id: 'records_not_matched',
    retryable: true,
    httpStatus: 422,
    alternatives: ['video_agent', ...OFFLINE],
    titleKey: 'idv.error.recordsNotMatched.title',
    causeKey: 'idv.error.recordsNotMatched.cause',
    tryKey: 'idv.error.recordsNotMatched.try',
    actionKey: 'idv.error.action.checkDetails',
  },
  {
    code: 6002,
    id: 'document_attempts_exceeded',
    retryable: false,
    httpStatus: 429,
    alternatives: ['try_later', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.documentAttemptsExceeded.title',
    causeKey: 'idv.error.documentAttemptsExceeded.cause',
    tryKey: 'idv.error.documentAttemptsExceeded.try',
    actionKey: 'idv.error.action.tryAgain',
  },
  {
    code: 6003,
    id: 'records_attempts_exceeded',
    retryable: false,
    httpStatus: 429,
    alternatives: ['try_later', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.recordsAttemptsExceeded.title',
    causeKey: 'idv.error.recordsAttemptsExceeded.cause',
    tryKey: 'idv.error.recordsAttemptsExceeded.try',
    actionKey: 'idv.error.action.tryAgain',
  },
  {
    code: 6004,
    id: 'tin_attempts_exceeded',
    retryable: false,
    httpStatus: 429,
    alternatives: ['try_later', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.tinAttemptsExceeded.title',
    causeKey: 'idv.error.tinAttemptsExceeded.cause',
    tryKey: 'idv.error.tinAttemptsExceeded.try',
    actionKey: 'idv.error.action.tryAgain',
  },
  {
    code: 6005,
    id: 'selfie_attempts_exceeded',
    retryable: false,
    httpStatus: 429,
    alternatives: ['another_document', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.selfieAttemptsExceeded.title',
    causeKey: 'idv.error.selfieAttemptsExceeded.cause',
    tryKey: 'idv.error.selfieAttemptsExceeded.try',
    actionKey: 'idv.error.action.anotherDocument',
  },
  {
    code: 6006,
    id: 'duplicate_person',
    retryable: false,
    httpStatus: 422,
    alternatives: ['sign_in_other_account', 'report_identity_theft', ...OFFLINE],
    titleKey: 'idv.error.duplicatePerson.title',
    causeKey: 'idv.error.duplicatePerson.cause',
    tryKey: 'idv.error.duplicatePerson.try',
    actionKey: 'idv.error.action.tryAgain',
  },
  {
    code: 6007,
    id: 'records_unavailable',
    retryable: true,
    httpStatus: 503,
    alternatives: ['try_later', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.recordsUnavailable.title',
    causeKey: 'idv.error.recordsUnavailable.cause',
    tryKey: 'idv.error.recordsUnavailable.try',
    actionKey: 'idv.error.action.tryAgain',
  },
  {
    code: 6008,
    id: 'analysis_unavailable',
    retryable: true,
    httpStatus: 503,
    alternatives: ['try_later', 'retake_photos', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.analysisUnavailable.title',
    causeKey: 'idv.error.analysisUnavailable.cause',
    tryKey: 'idv.error.analysisUnavailable.try',
    actionKey: 'idv.error.action.tryAgain',
  },
  {
    code: 6009,
    id: 'phone_not_confirmed',
    retryable: true,
    httpStatus: 422,
    alternatives: ['mail_letter', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.phoneNotConfirmed.title',
    causeKey: 'idv.error.phoneNotConfirmed.cause',
    tryKey: 'idv.error.phoneNotConfirmed.try',
    actionKey: 'idv.error.action.sendLetter',
  },
  {
    code: 6010,
    id: 'letter_code_failed',
    retryable: true,
    httpStatus: 422,
    alternatives: ['mail_letter', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.letterCodeFailed.title',
    causeKey: 'idv.error.letterCodeFailed.cause',
    tryKey: 'idv.error.letterCodeFailed.try',
    actionKey: 'idv.error.action.sendNewLetter',
  },
  {
    code: 6011,
    id: 'video_unavailable',
    retryable: false,
    httpStatus: 503,
    alternatives: ['another_document', 'retake_photos', ...OFFLINE],
    titleKey: 'idv.error.videoUnavailable.title',
    causeKey: 'idv.error.videoUnavailable.cause',
    tryKey: 'idv.error.videoUnavailable.try',
    actionKey: 'idv.error.action.tryAgain',
  },
  {
    code: 6012,
    id: 'details_do_not_match_document',
    retryable: true,
    httpStatus: 422,
    alternatives: ['another_document', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.detailsDoNotMatchDocument.title',
    causeKey: 'idv.error.detailsDoNotMatchDocument.cause',
    tryKey: 'idv.error.detailsDoNotMatchDocument.try',
    actionKey: 'idv.error.action.checkDetails',
  },
  {
    code: 6013,
    id: 'journey_expired',
    retryable: true,
    httpStatus: 422,
    alternatives: ['start_again', 'video_agent', ...OFFLINE],
    titleKey: 'idv.error.journeyExpired.title',
    causeKey: 'idv.error.journeyExpired.cause',
    tryKey: 'idv.error.journeyExpired.try',
    actionKey: 'idv.error.action.startAgain',
  },
];

/** The entry for an id ('records_not_matched') or a number (6001); undefined when unknown. */
export function idvError(idOrCode: IdvErrorId | number): IdvErrorEntry | undefined {
  return IDV_ERRORS.find((entry) =>
    typeof idOrCode === 'number' ? entry.code === idOrCode : entry.id === idOrCode,
  );
}

/**
 * The reference a person gives support, e.g. "IDV-6001-3F9A2C": the code and the first six hex
 * digits of a SHA-256 of the flow id. Stable for one flow, and carries no input text (support looks
 * the flow up by the same hash).
 */
export function supportReference(code: number, flowId: string): string {
  const digest = createHash('sha256').update(`idv-support-reference:${flowId}`).digest('hex');
  return `IDV-${code}-${digest.slice(0, 6).toUpperCase()}`;
}

/**
 * The engine's 'fail' reasons that a document_not_verified (6000) page explains with one sentence.
 * Keys are the engine's codes (apps/identity/src/verification/engine/idv-checks.ts, idv-decision.ts).
 */
export const DOCUMENT_REASON_KEYS = {
  document_expired: 'idv.error.reason.documentExpired',
  under_minimum_age: 'idv.error.reason.underMinimumAge',
  birth_date_in_future: 'idv.error.reason.birthDateInFuture',
  document_not_accepted: 'idv.error.reason.documentNotAccepted',
  issuer_mismatch: 'idv.error.reason.issuerMismatch',
  printed_name_mismatch: 'idv.error.reason.printedNameMismatch',
  printed_date_of_birth_mismatch: 'idv.error.reason.printedDateOfBirthMismatch',
  barcode_fields_missing: 'idv.error.reason.barcodeFieldsMissing',
  face_mismatch: 'idv.error.reason.faceMismatch',
  required_check_not_made: 'idv.error.reason.requiredCheckNotMade',
} as const satisfies Record<string, IdvMessageKey>;

export type DocumentFailureReason = keyof typeof DOCUMENT_REASON_KEYS;

/** The sentence for an engine reason, or undefined for a reason without one (the page then shows only the cause). */
export function documentReasonKey(reason: string | undefined): IdvMessageKey | undefined {
  return reason !== undefined && Object.hasOwn(DOCUMENT_REASON_KEYS, reason)
    ? DOCUMENT_REASON_KEYS[reason as DocumentFailureReason]
    : undefined;
}

/**
 * The tax agency's offline options. Source: domain.md §ID.me "Error codes 6000/6001" (Get Transcript
 * by Mail, 800-908-9946 automated transcript line, Form 4506-T) and irs.gov/individuals/get-transcript.
 */
export const OFFLINE_OPTIONS = {
  transcriptPhone: '800-908-9946',
  transcriptPhoneHref: 'tel:+18009089946',
  form4506tHref: 'https://www.irs.gov/forms-pubs/about-form-4506-t',
} as const;

/** Where to report identity theft (code 6006): the tax agency's page and the FTC's (which has a Spanish site). */
export const IDENTITY_THEFT_LINKS = {
  taxAgency: 'https://www.irs.gov/identity-theft-central',
  ftc: { en: 'https://www.identitytheft.gov/', es: 'https://www.robodeidentidad.gov/' },
} as const;

/** The OIDC error an agency receives when the person gives up (see docs/identity-verification-error-codes.md). */
export function giveUpOidcError(code: number): { error: 'access_denied'; error_description: string } {
  return {
    error: 'access_denied',
    error_description: `Identity verification not completed (IDV-${code})`,
  };
}

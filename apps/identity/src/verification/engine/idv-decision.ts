// The overall decision, from the checks alone (pure). A failure whose code means "this document or
// person cannot pass" wins over one that a better photo would fix; any of those wins over a pass.
// Checks that could not be made (`unknown`) never pass a verification on their own: the checks that
// must pass for each document type are listed here.
import { FAILURE_CODES, type Check, type CheckName, type FailureCode } from './idv-checks.ts';

export type Decision = 'pass' | 'retry' | 'fail';
export type DocumentType = 'drivers-license' | 'state-id' | 'passport' | 'passport-card';

export const DOCUMENT_TYPES: readonly DocumentType[] = [
  'drivers-license',
  'state-id',
  'passport',
  'passport-card',
];

/** What has to pass, per document type (plus the selfie's checks when a selfie is given). */
export const REQUIRED_CHECKS: Readonly<Record<DocumentType, readonly CheckName[]>> = {
  'drivers-license': [
    'barcode',
    'barcode_fields',
    'document_type',
    'document_expiry',
    'date_of_birth',
    'minimum_age',
    'issuer',
    'portrait',
  ],
  'state-id': [
    'barcode',
    'barcode_fields',
    'document_type',
    'document_expiry',
    'date_of_birth',
    'minimum_age',
    'issuer',
    'portrait',
  ],
  passport: [
    'mrz',
    'mrz_check_digits',
    'document_type',
    'document_expiry',
    'date_of_birth',
    'minimum_age',
    'portrait',
  ],
  'passport-card': [
    'mrz',
    'mrz_check_digits',
    'document_type',
    'document_expiry',
    'date_of_birth',
    'minimum_age',
    'portrait',
  ],
};
export const SELFIE_CHECKS: readonly CheckName[] = ['selfie_face', 'selfie_liveness', 'face_match'];

export interface DecisionResult {
  readonly decision: Decision;
  /** The code that decided a `retry` or `fail` (the first, in check order, of the deciding severity). */
  readonly reason: FailureCode | 'required_check_not_made' | undefined;
}

export function decide(checks: readonly Check[], type: DocumentType, withSelfie: boolean): DecisionResult {
  const failures = checks.filter((check) => check.status === 'fail') as (Check & { code: FailureCode })[];
  const fatal = failures.find((check) => FAILURE_CODES[check.code].severity === 'fail');
  if (fatal) return { decision: 'fail', reason: fatal.code };
  const retry = failures[0];
  if (retry) return { decision: 'retry', reason: retry.code };
  const required = [...REQUIRED_CHECKS[type], ...(withSelfie ? SELFIE_CHECKS : [])];
  const missing = required.some(
    (name) => !checks.some((check) => check.name === name && check.status === 'pass'),
  );
  if (missing) return { decision: 'retry', reason: 'required_check_not_made' };
  return { decision: 'pass', reason: undefined };
}

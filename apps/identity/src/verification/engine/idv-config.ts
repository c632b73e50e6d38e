// Identity-verification engine settings, read once at start-up (IDV_* variables). The thresholds'
// defaults come from `npm run bench:idv` (see docs/identity-verification-engine.md for the figures
// they were chosen from); a deployer can tighten them without a code change.
import { readEnum, readNumber, type Env } from '#platform/config/env-reader.ts';
import { DEFAULT_FACE_THRESHOLDS } from '../faces/face-match.ts';

export interface IdvConfig {
  /** Face-embedding similarity at or above which the selfie matches the portrait. */
  faceMatchThreshold: number;
  /** Combined liveness / anti-spoof score at or above which a selfie counts as live. */
  livenessThreshold: number;
  /** NIST SP 800-63A IAL2 remote proofing for adults; the agency's rules (domain.md) set 18. */
  minimumAge: number;
  /** Seconds to keep document images and face templates after the decision (default 0: delete at once). */
  retentionSeconds: number;
  /** Cross-check the name and date of birth printed on a card's front against its barcode (OCR). */
  printedTextCheck: 'on' | 'off';
  /** Photos larger than this (longest side, pixels) are scaled down before analysis. */
  maxImageSide: number;
  /** The person-facing journey (flow) settings. */
  flow: IdvFlowConfig;
}

/** The journey's time limits; each with its source. */
export interface IdvFlowConfig {
  /** A journey left unfinished is abandoned after this (ours: 30 days, so a mailed letter can arrive). */
  journeyTtlSeconds: number;
  /** "Continue on your phone" links (Login.gov hybrid handoff: 15 minutes). */
  handoffTtlSeconds: number;
  /** One records-source call may take this long before it counts as unavailable (Login.gov gives up after 60 s of polling; ours: 15 s per call). */
  recordsTimeoutMs: number;
  /** A phone confirmation code (Login.gov: 10 minutes, like every one-time code). */
  phoneCodeTtlSeconds: number;
  /** A mailed letter's code (Login.gov: usps_confirmation_max_days 30). */
  letterCodeTtlDays: number;
  /** Wrong confirmation codes before a new code or letter is needed (ours, Login.gov's OTP limit: 10). */
  maxConfirmationAttempts: number;
  /** Selfie failures before the other paths are offered (ID.me: two retries, so three tries). */
  maxSelfieFailures: number;
  /** An analysis running longer than this is taken as lost (the process died). */
  analysisStaleSeconds: number;
  /** Development only: accept the records adapter's test SSNs (900…, 666…). */
  allowTestNumbers: boolean;
}

export function readIdvConfig(
  env: Env,
  options: { development: boolean } = { development: true },
): IdvConfig {
  return {
    faceMatchThreshold: readNumber(env, 'IDV_FACE_MATCH_THRESHOLD', DEFAULT_FACE_THRESHOLDS.match, {
      min: 0,
      max: 1,
    }),
    livenessThreshold: readNumber(env, 'IDV_LIVENESS_THRESHOLD', DEFAULT_FACE_THRESHOLDS.liveness, {
      min: 0,
      max: 1,
    }),
    minimumAge: readNumber(env, 'IDV_MINIMUM_AGE', 18, { min: 13, max: 30, integer: true }),
    retentionSeconds: readNumber(env, 'IDV_IMAGE_RETENTION_SECONDS', 0, {
      min: 0,
      max: 30 * 86400,
      integer: true,
    }),
    printedTextCheck: readEnum(env, 'IDV_PRINTED_TEXT_CHECK', ['on', 'off'] as const, 'on'),
    maxImageSide: readNumber(env, 'IDV_MAX_IMAGE_SIDE', 2000, { min: 800, max: 8000, integer: true }),
    flow: {
      journeyTtlSeconds: 30 * 86400,
      handoffTtlSeconds: 15 * 60,
      recordsTimeoutMs: readNumber(env, 'IDV_RECORDS_TIMEOUT_MS', 15_000, {
        min: 100,
        max: 120_000,
        integer: true,
      }),
      phoneCodeTtlSeconds: 10 * 60,
      letterCodeTtlDays: 30,
      maxConfirmationAttempts: 10,
      maxSelfieFailures: 3,
      analysisStaleSeconds: 180,
      allowTestNumbers: options.development,
    },
  };
}

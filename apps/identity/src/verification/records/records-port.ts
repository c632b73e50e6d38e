// The authoritative-records port: who can confirm that a name, date of birth, SSN/ITIN and address
// belong to one living person, and that a phone is in that person's name. Adapters (the development
// one, a real vendor later) sit behind this interface, chosen by configuration. Every result keeps
// "the person was not verified" (not_verified / not_owner) apart from "the source failed or timed
// out" (unavailable), so the flow can offer a retry for the second and never blame the person.
import type { AddressInput } from './address-rules.ts';
import type { TinType } from './tin-rules.ts';

export type RecordsMismatch = 'name' | 'date_of_birth' | 'tin' | 'address' | 'deceased';

export interface Unavailable {
  outcome: 'unavailable';
  reason: 'timeout' | 'vendor_error';
}

export type ResolutionResult =
  { outcome: 'verified' } | { outcome: 'not_verified'; mismatches: RecordsMismatch[] } | Unavailable;

export type PhoneResult = { outcome: 'verified' } | { outcome: 'not_owner' } | Unavailable;

export interface ResolutionInput {
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  /** Nine digits (from parseTin). */
  tin: string;
  tinType: TinType;
  address: AddressInput;
}

export interface PhoneInput {
  givenName: string;
  familyName: string;
  tin: string;
  /** E.164, e.g. +12175550142 */
  phone: string;
}

export interface CallOptions {
  /** Aborted when the caller stops waiting; adapters should give up their work. */
  signal?: AbortSignal;
}

export interface AuthoritativeRecords {
  resolveIdentity(input: ResolutionInput, options?: CallOptions): Promise<ResolutionResult>;
  phoneOwnership(input: PhoneInput, options?: CallOptions): Promise<PhoneResult>;
}

const TIMEOUT: Unavailable = { outcome: 'unavailable', reason: 'timeout' };
const VENDOR_ERROR: Unavailable = { outcome: 'unavailable', reason: 'vendor_error' };

/**
 * Runs one call with a deadline: past `ms` (or when the caller's signal aborts) the answer is
 * unavailable/timeout and the adapter's signal is aborted; a thrown error is unavailable/vendor_error.
 * The timer and listeners are always removed, so nothing keeps the process alive.
 */
async function withDeadline<T>(
  ms: number,
  outer: AbortSignal | undefined,
  call: (signal: AbortSignal) => Promise<T>,
): Promise<T | Unavailable> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let onOuterAbort: (() => void) | undefined;
  const expired = new Promise<Unavailable>((resolve) => {
    const stop = (): void => {
      resolve(TIMEOUT);
      controller.abort();
    };
    if (outer?.aborted) return stop();
    timer = setTimeout(stop, ms);
    onOuterAbort = stop;
    outer?.addEventListener('abort', stop, { once: true });
  });
  try {
    const answer = new Promise<T>((resolve) => resolve(call(controller.signal))).catch(
      (): Unavailable => VENDOR_ERROR,
    );
    return await Promise.race([answer, expired]);
  } finally {
    clearTimeout(timer);
    if (onOuterAbort) outer?.removeEventListener('abort', onOuterAbort);
    controller.abort(); // the adapter may stop whatever it still does
  }
}

/** The same records, each call bounded by `ms` milliseconds (see withDeadline). */
export function withTimeout(records: AuthoritativeRecords, ms: number): AuthoritativeRecords {
  return {
    resolveIdentity: (input, options) =>
      withDeadline(ms, options?.signal, (signal) => records.resolveIdentity(input, { signal })),
    phoneOwnership: (input, options) =>
      withDeadline(ms, options?.signal, (signal) => records.phoneOwnership(input, { signal })),
  };
}

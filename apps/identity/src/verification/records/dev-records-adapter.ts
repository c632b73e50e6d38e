// Development adapter for the authoritative-records port: the seeded demo people are the records,
// compared after normalisation (names ignore case and accents; addresses via sameAddress), plus the
// magic inputs in DEV_MAGIC_INPUTS that produce every failure and a timeout without real PII. The
// table is the one source the adapter, its tests and docs/identity-verification-records.md read.
import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_PEOPLE, type DemoPerson } from '../../seed/demo-people.ts';
import { sameAddress, type AddressInput } from './address-rules.ts';
import type {
  AuthoritativeRecords,
  CallOptions,
  PhoneInput,
  PhoneResult,
  RecordsMismatch,
  ResolutionInput,
  ResolutionResult,
} from './records-port.ts';

export type MagicField = 'givenName' | 'familyName' | 'dateOfBirth' | 'street' | 'tin' | 'phone';

export type MagicEffect =
  | { kind: 'vendor_error' }
  | { kind: 'no_answer' }
  | { kind: 'synthetic_person' }
  | { kind: 'mismatch'; mismatch: RecordsMismatch }
  | { kind: 'phone'; outcome: 'verified' | 'not_owner' };

export interface MagicInput {
  capability: 'identity' | 'phone' | 'both';
  field: MagicField;
  /** equals/contains ignore case and accents; in a pattern, each `x` is any digit (whole value). */
  match: 'equals' | 'contains' | 'pattern';
  value: string;
  /** `test_ssn`: only for a test SSN's synthetic person (a demo person's own data decides otherwise). */
  scope: 'any' | 'test_ssn';
  effect: MagicEffect;
  note: string;
}

/** Checked in this order; for the phone, the first phone entry that matches decides. */
export const DEV_MAGIC_INPUTS: readonly MagicInput[] = [
  {
    capability: 'both',
    field: 'givenName',
    match: 'equals',
    value: 'Fail',
    scope: 'any',
    effect: { kind: 'vendor_error' },
    note: 'the source answers with an error',
  },
  {
    capability: 'both',
    field: 'givenName',
    match: 'equals',
    value: 'Time',
    scope: 'any',
    effect: { kind: 'no_answer' },
    note: 'the source never answers; withTimeout turns it into a timeout',
  },
  {
    capability: 'identity',
    field: 'tin',
    match: 'pattern',
    value: '900xxxxxx',
    scope: 'any',
    effect: { kind: 'synthetic_person' },
    note: 'a test SSN: a synthetic person who matches any name, date of birth and address',
  },
  {
    capability: 'identity',
    field: 'tin',
    match: 'pattern',
    value: '666xxxxxx',
    scope: 'any',
    effect: { kind: 'synthetic_person' },
    note: 'a test SSN, as 900xxxxxx',
  },
  {
    capability: 'identity',
    field: 'familyName',
    match: 'equals',
    value: 'Mismatch',
    scope: 'test_ssn',
    effect: { kind: 'mismatch', mismatch: 'name' },
    note: 'the name does not match the record',
  },
  {
    capability: 'identity',
    field: 'dateOfBirth',
    match: 'equals',
    value: '1900-01-01',
    scope: 'test_ssn',
    effect: { kind: 'mismatch', mismatch: 'date_of_birth' },
    note: 'the date of birth does not match the record',
  },
  {
    capability: 'identity',
    field: 'street',
    match: 'contains',
    value: 'NOWHERE',
    scope: 'test_ssn',
    effect: { kind: 'mismatch', mismatch: 'address' },
    note: 'the address does not match the record',
  },
  {
    capability: 'identity',
    field: 'givenName',
    match: 'equals',
    value: 'Deceased',
    scope: 'test_ssn',
    effect: { kind: 'mismatch', mismatch: 'deceased' },
    note: 'the record says the person has died',
  },
  {
    capability: 'phone',
    field: 'phone',
    match: 'equals',
    value: '+15550109999',
    scope: 'any',
    effect: { kind: 'phone', outcome: 'not_owner' },
    note: 'a test phone in someone else’s name',
  },
  {
    capability: 'phone',
    field: 'phone',
    match: 'pattern',
    value: '+1555010xxxx',
    scope: 'any',
    effect: { kind: 'phone', outcome: 'verified' },
    note: 'a test phone in the name of whoever asks',
  },
];

/** Uppercase, accents and apostrophes off, hyphens and runs of spaces to one space. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[.'’]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

type FieldSource = Partial<Record<MagicField, string>>;

function matches(entry: MagicInput, fields: FieldSource): boolean {
  const raw = fields[entry.field];
  if (raw === undefined) return false;
  if (entry.match === 'pattern') {
    const digits = entry.value.replace(/[+]/g, '\\+').replace(/x/g, '\\d');
    return new RegExp(`^${digits}$`).test(raw.trim());
  }
  const value = normaliseName(raw);
  const wanted = normaliseName(entry.value);
  return entry.match === 'equals' ? value === wanted : value.includes(wanted);
}

function entriesFor(capability: 'identity' | 'phone', fields: FieldSource): MagicInput[] {
  return DEV_MAGIC_INPUTS.filter(
    (entry) => (entry.capability === capability || entry.capability === 'both') && matches(entry, fields),
  );
}

export interface DevRecordsOptions {
  /** The records; the seeded demo people by default. */
  people?: readonly DemoPerson[];
  /**
   * How a `Time` call waits. By default until the caller's signal aborts (then it rejects), or for
   * ever without a signal; tests may inject a wait that ends at once. When it ends, the answer is
   * unavailable/timeout (as the adapter's own client would give up).
   */
  wait?: (signal: AbortSignal | undefined) => Promise<void>;
  /** Simulated latency of every answer, in ms (0 by default); abortable. */
  latencyMs?: number;
}

function waitForAbort(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((_, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

function personAddress(person: DemoPerson): AddressInput {
  const { street_address, locality, region, postal_code } = person.verified.address;
  return { street: street_address, city: locality, state: region, postalCode: postal_code };
}

function sameName(person: DemoPerson, givenName: string, familyName: string): boolean {
  return (
    normaliseName(person.givenName) === normaliseName(givenName) &&
    normaliseName(person.familyName) === normaliseName(familyName)
  );
}

export function createDevRecords(options: DevRecordsOptions = {}): AuthoritativeRecords {
  const people = options.people ?? DEMO_PEOPLE;
  const wait = options.wait ?? waitForAbort;
  const latencyMs = options.latencyMs ?? 0;

  /** The vendor-level magic (Fail, Time), or undefined to go on. */
  async function vendorMagic(found: MagicInput[], call: CallOptions | undefined) {
    if (latencyMs > 0) await sleep(latencyMs, undefined, { signal: call?.signal });
    if (found.some((entry) => entry.effect.kind === 'vendor_error')) {
      return { outcome: 'unavailable', reason: 'vendor_error' } as const;
    }
    if (found.some((entry) => entry.effect.kind === 'no_answer')) {
      await wait(call?.signal);
      return { outcome: 'unavailable', reason: 'timeout' } as const;
    }
    return undefined;
  }

  return {
    async resolveIdentity(input: ResolutionInput, call?: CallOptions): Promise<ResolutionResult> {
      const found = entriesFor('identity', { ...input, street: input.address.street });
      const vendor = await vendorMagic(found, call);
      if (vendor) return vendor;

      if (found.some((entry) => entry.effect.kind === 'synthetic_person')) {
        const mismatches: RecordsMismatch[] = found.flatMap((entry) =>
          entry.scope === 'test_ssn' && entry.effect.kind === 'mismatch' ? [entry.effect.mismatch] : [],
        );
        if (input.tinType !== 'ssn') mismatches.unshift('tin');
        return mismatches.length > 0 ? { outcome: 'not_verified', mismatches } : { outcome: 'verified' };
      }

      const person = people.find((p) => p.verified.tin === input.tin && p.verified.tinType === input.tinType);
      if (!person) return { outcome: 'not_verified', mismatches: ['tin'] };
      const mismatches: RecordsMismatch[] = [];
      if (!sameName(person, input.givenName, input.familyName)) mismatches.push('name');
      if (person.verified.birthdate !== input.dateOfBirth.trim()) mismatches.push('date_of_birth');
      if (!sameAddress(personAddress(person), input.address)) mismatches.push('address');
      return mismatches.length > 0 ? { outcome: 'not_verified', mismatches } : { outcome: 'verified' };
    },

    async phoneOwnership(input: PhoneInput, call?: CallOptions): Promise<PhoneResult> {
      const found = entriesFor('phone', input);
      const vendor = await vendorMagic(found, call);
      if (vendor) return vendor;

      const test = found.find((entry) => entry.effect.kind === 'phone');
      if (test?.effect.kind === 'phone') return { outcome: test.effect.outcome };

      const owner = people.find(
        (p) =>
          p.verified.tin === input.tin &&
          p.verified.phone === input.phone.trim() &&
          sameName(p, input.givenName, input.familyName),
      );
      return owner ? { outcome: 'verified' } : { outcome: 'not_owner' };
    },
  };
}

// The personal-details step as pure rules: read the form (name, date of birth, SSN or ITIN,
// address), check each field with the SSA/IRS and USPS rules, prefill from the document, and
// compare what was typed with what the document says. No I/O; table-driven tests in
// test/unit/idv-personal-details.test.ts.
import { parseTin, type TinProblemCode, type TinType } from '../records/tin-rules.ts';
import {
  normaliseAddress,
  type AddressProblemCode,
  type NormalisedAddress,
} from '../records/address-rules.ts';
import type { DocumentFields } from '../engine/document-fields.ts';

export interface PersonalDetails {
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  /** Nine digits. */
  tin: string;
  tinType: TinType;
  address: NormalisedAddress;
}

export const DETAILS_FIELDS = [
  'givenName',
  'familyName',
  'dobMonth',
  'dobDay',
  'dobYear',
  'tinType',
  'tin',
  'street',
  'street2',
  'city',
  'state',
  'postalCode',
] as const;
export type DetailsField = (typeof DETAILS_FIELDS)[number];
export type DetailsForm = Record<DetailsField, string>;

export type DetailsProblemCode =
  | 'required'
  | 'name_invalid'
  | 'date_invalid'
  | 'date_future'
  | 'under_age'
  | 'tin_type_required'
  | TinProblemCode
  | AddressProblemCode;

export interface DetailsProblem {
  /** The form field the message belongs to (`dobMonth` for the whole date). */
  field: DetailsField;
  code: DetailsProblemCode;
}

export type DetailsResult =
  { ok: true; details: PersonalDetails } | { ok: false; problems: DetailsProblem[] };

export interface DetailsOptions {
  /** Development only: the records adapter's test SSNs (900…, 666…). */
  allowTestNumbers: boolean;
  minimumAge: number;
  now: Date;
}

// Letters (any script's), spaces, apostrophes, hyphens and periods; 1–64 characters.
const NAME = /^[\p{L}][\p{L}\p{M}' .-]{0,63}$/u;

function isoDate(year: number, month: number, day: number): string | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (year < 1900 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

function ageOn(dateOfBirth: string, now: Date): number {
  const [y, m, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const today = now.toISOString().slice(0, 10).split('-').map(Number) as [number, number, number];
  return today[0] - y - (today[1] < m || (today[1] === m && today[2] < d) ? 1 : 0);
}

const toNumber = (value: string) => (/^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : NaN);

export function parseDetailsForm(form: DetailsForm, options: DetailsOptions): DetailsResult {
  const problems: DetailsProblem[] = [];
  const givenName = form.givenName.trim().replace(/\s+/g, ' ');
  const familyName = form.familyName.trim().replace(/\s+/g, ' ');
  for (const [field, value] of [
    ['givenName', givenName],
    ['familyName', familyName],
  ] as const) {
    if (value === '') problems.push({ field, code: 'required' });
    else if (!NAME.test(value)) problems.push({ field, code: 'name_invalid' });
  }

  let dateOfBirth: string | undefined;
  if ([form.dobMonth, form.dobDay, form.dobYear].every((part) => part.trim() === ''))
    problems.push({ field: 'dobMonth', code: 'required' });
  else {
    dateOfBirth = isoDate(toNumber(form.dobYear), toNumber(form.dobMonth), toNumber(form.dobDay));
    if (!dateOfBirth) problems.push({ field: 'dobMonth', code: 'date_invalid' });
    else if (dateOfBirth > options.now.toISOString().slice(0, 10))
      problems.push({ field: 'dobMonth', code: 'date_future' });
    else if (ageOn(dateOfBirth, options.now) < options.minimumAge)
      problems.push({ field: 'dobMonth', code: 'under_age' });
  }

  let tin: { tin: string; type: TinType } | undefined;
  const kind = form.tinType === 'ssn' || form.tinType === 'itin' ? form.tinType : undefined;
  if (!kind) problems.push({ field: 'tinType', code: 'tin_type_required' });
  if (form.tin.trim() === '') problems.push({ field: 'tin', code: 'required' });
  else if (kind) {
    const parsed = parseTin(form.tin, { allowTestNumbers: options.allowTestNumbers, kind });
    if (parsed.ok) tin = { tin: parsed.tin, type: parsed.type };
    else problems.push({ field: 'tin', code: parsed.code });
  }

  const address = normaliseAddress({
    street: form.street,
    street2: form.street2,
    city: form.city,
    state: form.state,
    postalCode: form.postalCode,
  });
  if (!address.ok) problems.push(...address.problems.map((p) => ({ field: p.field, code: p.code })));

  if (problems.length > 0 || !dateOfBirth || !tin || !address.ok) return { ok: false, problems };
  return {
    ok: true,
    details: {
      givenName,
      familyName,
      dateOfBirth,
      tin: tin.tin,
      tinType: tin.type,
      address: address.address,
    },
  };
}

const capitalise = (value: string) =>
  value
    .toLowerCase()
    .replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());

/** What the form starts with: the document's name, date of birth and (licences and IDs) address. */
export function prefillFromDocument(fields: DocumentFields | null): Partial<DetailsForm> {
  if (!fields) return {};
  const [year = '', month = '', day = ''] = (fields.dateOfBirth ?? '').split('-');
  return {
    givenName: fields.givenNames ? capitalise(fields.givenNames.split(' ')[0]!) : '',
    familyName: fields.familyName ? capitalise(fields.familyName) : '',
    dobYear: year,
    dobMonth: month.replace(/^0/, ''),
    dobDay: day.replace(/^0/, ''),
    ...(fields.address
      ? {
          street: fields.address.street,
          city: fields.address.city,
          state: fields.address.state,
          postalCode: fields.address.postalCode,
        }
      : {}),
  };
}

/** Case, accents, punctuation and spacing do not count. */
export function comparableName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z]+/g, ' ')
    .trim();
}

export type DocumentMismatch = 'name' | 'date_of_birth';

/**
 * Where the typed details disagree with the document. The given name matches the document's first
 * given name or all of them (a middle name may be left out); the family name must match.
 */
export function compareWithDocument(
  details: PersonalDetails,
  fields: DocumentFields | null,
): DocumentMismatch[] {
  if (!fields) return [];
  const mismatches: DocumentMismatch[] = [];
  const typedGiven = comparableName(details.givenName);
  const documentGiven = comparableName(fields.givenNames ?? '');
  const givenOk =
    documentGiven === '' || typedGiven === documentGiven || typedGiven === documentGiven.split(' ')[0];
  const familyOk =
    !fields.familyName || comparableName(details.familyName) === comparableName(fields.familyName);
  if (!givenOk || !familyOk) mismatches.push('name');
  if (fields.dateOfBirth && fields.dateOfBirth !== details.dateOfBirth) mismatches.push('date_of_birth');
  return mismatches;
}

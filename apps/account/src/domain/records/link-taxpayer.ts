// Matching a signed-in person's verified identity to a taxpayer record: the rules, pure.
//
// The identity provider vouches (IAL2) for an SSN or ITIN, a name, a date of birth and an
// address. The agency finds the taxpayer by the number (a keyed fingerprint, in the
// repository) and then checks, as the IRS does before it shows account data:
//
// - Name: the name control, the first four characters of the last name (IRS rules for
//   individuals: letters, digits and the hyphen only — spaces, apostrophes and periods are
//   dropped, accents are removed, and a suffix such as JR or III is not part of it; a
//   hyphenated last name keeps its hyphen, so "Smith-Jones" is SMIT and "Ng-Lee" NG-L; a
//   name shorter than four letters is the whole name). Only the last name counts.
// - Date of birth: the same calendar date.
// - Address: the address on the most recent return (original or amended, by date received);
//   the address of record when no return is on file. Compared: the 5-digit ZIP code and the
//   delivery line normalised the USPS Publication 28 way — upper case, no accents or
//   punctuation, standard abbreviations (STREET → ST, AVENUE → AVE, NORTH → N, POST OFFICE
//   BOX → PO BOX, FIRST → 1ST…), and without unit designators (APT, UNIT, STE, #), so
//   "1200 Maple Avenue, Apt. 4B" matches "1200 MAPLE AVE # 4B". City and state are not
//   compared: the ZIP code determines them and city names have variants (St Paul, Saint Paul).
//
// Every element that differs is reported, so the page can say what to fix; the number itself
// is never echoed.
import type { PostalAddress } from './tax-records.ts';

export type TinType = 'ssn' | 'itin';

/** The verified attributes the tax account receives (openid profile address social_security_number). */
export interface VerifiedIdentity {
  /** Nine digits. */
  tin: string;
  tinType: TinType;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD */
  birthdate: string;
  address: PostalAddress;
  /** The identity level (acr) the provider vouched for. */
  ial: string;
  aal: string;
  /** When the identity was verified (seconds since the epoch). */
  verifiedAt: number | null;
}

/** What the agency holds about the taxpayer found for the number. */
export interface TaxpayerIdentity {
  tinType: TinType;
  nameControl: string;
  birthdate: string;
  addressOfRecord: PostalAddress;
  /** The address on the most recent return, if any return is on file. */
  latestReturnAddress: PostalAddress | undefined;
}

/**
 * Why a person could not be matched: the verified details were not shared (`claims`), no
 * taxpayer has that number (`tin`), or the name, date of birth or address differ.
 */
export type LinkProblem = 'claims' | 'tin' | 'name' | 'birthdate' | 'address';
export const LINK_PROBLEMS: readonly LinkProblem[] = ['claims', 'tin', 'name', 'birthdate', 'address'];

export type LinkDecision = { matched: true } | { matched: false; problems: LinkProblem[] };

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * The verified identity in the claims the identity provider released (userinfo), or
 * undefined when any part the match needs is missing or malformed.
 */
export function readVerifiedIdentity(claims: Record<string, unknown>): VerifiedIdentity | undefined {
  const tin = text(claims.social_security_number)?.replace(/-/g, '');
  const tinType = claims.tin_type;
  const givenName = text(claims.given_name);
  const familyName = text(claims.family_name);
  const birthdate = text(claims.birthdate);
  const address = claims.address as Record<string, unknown> | undefined;
  const ial = text(claims.ial);
  const aal = text(claims.aal);
  if (!tin || !/^\d{9}$/.test(tin) || (tinType !== 'ssn' && tinType !== 'itin')) return undefined;
  if (!givenName || !familyName || !birthdate || !isCalendarDate(birthdate) || !ial || !aal) return undefined;
  if (typeof address !== 'object' || address === null) return undefined;
  const street = text(address.street_address);
  const locality = text(address.locality);
  const region = text(address.region);
  const postalCode = text(address.postal_code);
  if (!street || !locality || !region || !postalCode) return undefined;
  return {
    tin,
    tinType,
    givenName,
    familyName,
    birthdate,
    address: { street_address: street, locality, region, postal_code: postalCode },
    ial,
    aal,
    verifiedAt: typeof claims.verified_at === 'number' ? claims.verified_at : null,
  };
}

const SUFFIXES = new Set(['JR', 'SR', 'II', 'III', 'IV', 'V']);

const plainUpper = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();

/** The IRS name control of an individual's last name (see the rules at the top). */
export function nameControl(lastName: string): string {
  const words = plainUpper(lastName).replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words
    .join('')
    .replace(/[^A-Z0-9-]/g, '')
    .replace(/^-+/, '')
    .slice(0, 4);
}

const STREET_WORDS: Record<string, string> = {
  ALLEY: 'ALY',
  AVENUE: 'AVE',
  AV: 'AVE',
  BOULEVARD: 'BLVD',
  CIRCLE: 'CIR',
  COURT: 'CT',
  DRIVE: 'DR',
  EXPRESSWAY: 'EXPY',
  FREEWAY: 'FWY',
  HIGHWAY: 'HWY',
  LANE: 'LN',
  PARKWAY: 'PKWY',
  PLACE: 'PL',
  ROAD: 'RD',
  ROUTE: 'RTE',
  SQUARE: 'SQ',
  STREET: 'ST',
  TERRACE: 'TER',
  TRAIL: 'TRL',
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  NORTHEAST: 'NE',
  NORTHWEST: 'NW',
  SOUTHEAST: 'SE',
  SOUTHWEST: 'SW',
  FLOOR: 'FL',
  ROOM: 'RM',
  BUILDING: 'BLDG',
  FIRST: '1ST',
  SECOND: '2ND',
  THIRD: '3RD',
  FOURTH: '4TH',
  FIFTH: '5TH',
  SIXTH: '6TH',
  SEVENTH: '7TH',
  EIGHTH: '8TH',
  NINTH: '9TH',
  TENTH: '10TH',
};

const UNIT_DESIGNATORS = new Set(['APT', 'APARTMENT', 'UNIT', 'STE', 'SUITE', '#', 'NO', 'NUMBER']);

/** The delivery line as comparable words (see the rules at the top). */
export function normaliseStreet(line: string): string {
  const words = plainUpper(line)
    .replace(/#/g, ' # ')
    .replace(/[.']/g, '')
    .replace(/[^A-Z0-9# -]/g, ' ')
    .replace(/\bPOST OFFICE BOX\b/g, 'PO BOX')
    .replace(/\bP O BOX\b/g, 'PO BOX')
    .split(/\s+/)
    .filter(Boolean);
  return words
    .map((word) => STREET_WORDS[word] ?? word)
    .filter((word) => !UNIT_DESIGNATORS.has(word))
    .join(' ');
}

/** The 5-digit ZIP code ("62704-1234" → "62704"). */
export function zip5(postalCode: string): string {
  return postalCode.replace(/\D/g, '').slice(0, 5);
}

export function sameAddress(a: PostalAddress, b: PostalAddress): boolean {
  return (
    zip5(a.postal_code).length === 5 &&
    zip5(a.postal_code) === zip5(b.postal_code) &&
    normaliseStreet(a.street_address) === normaliseStreet(b.street_address)
  );
}

/** Decides whether the verified identity is the taxpayer found by its number. */
export function matchTaxpayer(
  identity: VerifiedIdentity,
  taxpayer: TaxpayerIdentity | undefined,
): LinkDecision {
  if (!taxpayer || taxpayer.tinType !== identity.tinType) return { matched: false, problems: ['tin'] };
  const problems: LinkProblem[] = [];
  const control = nameControl(identity.familyName);
  if (control === '' || control !== taxpayer.nameControl) problems.push('name');
  if (identity.birthdate !== taxpayer.birthdate) problems.push('birthdate');
  if (!sameAddress(identity.address, taxpayer.latestReturnAddress ?? taxpayer.addressOfRecord))
    problems.push('address');
  return problems.length === 0 ? { matched: true } : { matched: false, problems };
}

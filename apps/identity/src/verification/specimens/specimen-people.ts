// Synthetic people for specimen documents, deterministic for a seed: diverse names (hyphens,
// apostrophes, accents), an adult date of birth, an address in one of many states with a real-looking
// ZIP code, a license number in that state's format, and issue/expiry dates making the card valid on
// the given day. Also maps the demo people seeded by `npm start` to matching license data.
import type { DemoPerson } from '../../seed/demo-people.ts';
import { iinForState, type EyeColor, type LicenseData } from './aamva-encoder.ts';
import { mulberry32 } from '../seeded-random.ts';

export interface SpecimenPerson {
  /** Lower-case ASCII words joined by '-', for file names. */
  slug: string;
  license: LicenseData;
  /** Index into the portrait sources (portraits.ts takes it modulo their number). */
  portraitIndex: number;
  /** Passport-style place of birth, e.g. "OHIO, U.S.A.". */
  placeOfBirth: string;
}

export interface SpecimenPersonOptions {
  /** The day the documents must be valid on. */
  now: Date;
  documentType?: 'DL' | 'ID';
}

/** 32-bit FNV-1a of a string, to seed from names and e-mail addresses. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const int = (random: Random, lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
const digits = (random: Random, n: number): string =>
  Array.from({ length: n }, () => String(Math.floor(random() * 10))).join('');
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const letters = (random: Random, n: number): string =>
  Array.from({ length: n }, () => pick(random, [...LETTERS])).join('');

// The portraits come from group photos of women, so most people get feminine given names; 'X' ones
// get names used by any sex.
// prettier-ignore
const GIVEN_F = [
  'Maria', 'Zoë', 'Chloé', 'Siobhan', 'Aaliyah', 'Mei-Ling', 'Anne-Marie', 'Priya', 'Fatima', 'Olga',
  'Yuki', 'Ngozi', 'Renée', 'Inés', 'Sofía', 'Emily', 'Hannah', 'Keiko', 'Lakshmi', 'Ximena', 'Małgorzata',
  'Ayşe', 'Noëlle', 'Jasmine', 'Leilani', 'Nadia', 'Thi Lan', 'Grace', 'Amara', 'Björk', "D'Andra",
  'Marisol', 'Hye-jin', 'Catalina', 'Tamar', 'Ingrid', 'Wanjiru', 'Lucía', 'Dakota', 'Rosalind',
] as const;
const GIVEN_X = ['Alex', 'Jordan', 'Sam', 'Riley', 'Avery', 'Quinn', 'Rowan', 'Sasha', 'Kai', 'Noa'] as const;
// prettier-ignore
const MIDDLE = [
  'Ann', 'Marie', 'Louise', 'Grace', 'Jane', 'Elizabeth', 'Rose', 'Lynn', 'Mae', 'José', 'Kim',
] as const;
// prettier-ignore
const FAMILY = [
  'Garcia', "O'Brien", 'García-López', 'Nguyen', 'Müller', "D'Angelo", 'Van der Berg', 'Smith-Jones',
  'Okafor', 'Kowalski', 'Ødegaard', 'Nakamura', 'Patel', 'Johnson', 'Williams', 'Brown', 'Hernández',
  'Martínez', 'Kim', 'Chen', 'Al-Sayed', 'St. John', 'MacDonald', 'Washington', 'Begay', 'Kealoha',
  'Ó Súilleabháin', 'Łukasiewicz', 'Dubois', 'Rossi', 'Schröder', 'Yılmaz', 'Haddad', 'Mbeki', 'Cohen',
  'Nuñez', 'Abernathy-Whitfield', 'Da Silva', 'Thompson', 'Lee',
] as const;
// prettier-ignore
const STREET_NAMES = [
  'Maple', 'Oak', 'Cedar', 'Pine', 'Elm', 'Washington', 'Lincoln', 'Park', 'Lake', 'Hill', 'Sunset',
  'Main', 'Church', 'Mill', 'River', 'Spring', 'Highland', 'Madison', 'Jefferson', 'Chestnut',
  'Martin Luther King Jr', "O'Farrell", 'De la Vina', 'Calle del Sol', 'N 3rd', 'W 42nd',
] as const;
const STREET_TYPES = ['St', 'Ave', 'Blvd', 'Dr', 'Ln', 'Rd', 'Ct', 'Way', 'Pl'] as const;
const EYES: readonly [EyeColor, number][] = [
  ['BRO', 50],
  ['BLU', 20],
  ['HAZ', 10],
  ['GRN', 10],
  ['GRY', 5],
  ['BLK', 5],
];

interface StateInfo {
  name: string;
  cities: readonly [string, string][];
  /** Years a card is valid. */
  validity: number;
  /** License number from a PRNG and the family name's initial. */
  number: (random: Random, initial: string) => string;
}

const L = (random: Random, initial: string): string => (/[A-Z]/.test(initial) ? initial : letters(random, 1));

/** City and ZIP pairs are "City 12345" joined by "|". */
function stateInfo(name: string, validity: number, cities: string, number: StateInfo['number']): StateInfo {
  return {
    name,
    validity,
    cities: cities.split('|').map((c) => [c.slice(0, -6), c.slice(-5)] as [string, string]),
    number,
  };
}

// prettier-ignore
export const SPECIMEN_STATES: Readonly<Record<string, StateInfo>> = {
  CA: stateInfo('California', 5, 'Sacramento 95814|Fresno 93721|San Diego 92101', (r) => letters(r, 1) + digits(r, 7)),
  TX: stateInfo('Texas', 8, 'Houston 77002|El Paso 79901|Dallas 75201', (r) => digits(r, 8)),
  NY: stateInfo('New York', 8, 'Albany 12207|Buffalo 14202|Brooklyn 11201', (r) => digits(r, 9)),
  FL: stateInfo('Florida', 8, 'Miami 33130|Tampa 33602|Orlando 32801', (r, i) => L(r, i) + digits(r, 12)),
  IL: stateInfo('Illinois', 4, 'Chicago 60601|Peoria 61602|Springfield 62704', (r, i) => L(r, i) + digits(r, 11)),
  PA: stateInfo('Pennsylvania', 4, 'Philadelphia 19107|Pittsburgh 15222', (r) => digits(r, 8)),
  OH: stateInfo('Ohio', 4, 'Columbus 43215|Cleveland 44113', (r) => letters(r, 2) + digits(r, 6)),
  WA: stateInfo('Washington', 6, 'Seattle 98101|Spokane 99201', (r) => `WDL${letters(r, 3)}${digits(r, 3)}${letters(r, 1)}${digits(r, 2)}`),
  AZ: stateInfo('Arizona', 8, 'Phoenix 85004|Tucson 85701', (r) => letters(r, 1) + digits(r, 8)),
  CO: stateInfo('Colorado', 5, 'Denver 80202|Boulder 80302', (r) => digits(r, 9)),
  GA: stateInfo('Georgia', 8, 'Atlanta 30303|Savannah 31401', (r) => digits(r, 9)),
  MI: stateInfo('Michigan', 4, 'Detroit 48226|Lansing 48933', (r, i) => L(r, i) + digits(r, 12)),
  NJ: stateInfo('New Jersey', 4, 'Newark 07102|Trenton 08608', (r, i) => L(r, i) + digits(r, 14)),
  MA: stateInfo('Massachusetts', 5, 'Boston 02108|Worcester 01608', (r) => `S${digits(r, 8)}`),
  VA: stateInfo('Virginia', 8, 'Richmond 23219|Norfolk 23510', (r) => letters(r, 1) + digits(r, 8)),
  MN: stateInfo('Minnesota', 4, 'Minneapolis 55401|Duluth 55802', (r, i) => L(r, i) + digits(r, 12)),
  OR: stateInfo('Oregon', 8, 'Portland 97204|Eugene 97401', (r) => digits(r, 7)),
  NM: stateInfo('New Mexico', 8, 'Albuquerque 87102|Santa Fe 87501', (r) => digits(r, 9)),
  LA: stateInfo('Louisiana', 6, 'New Orleans 70112|Baton Rouge 70801', (r) => `00${digits(r, 7)}`),
  HI: stateInfo('Hawaii', 8, 'Honolulu 96813|Hilo 96720', (r) => `H${digits(r, 8)}`),
  ME: stateInfo('Maine', 6, 'Portland 04101|Bangor 04401', (r) => digits(r, 7)),
  AK: stateInfo('Alaska', 8, 'Anchorage 99501|Juneau 99801', (r) => digits(r, 7)),
  NC: stateInfo('North Carolina', 8, 'Raleigh 27601|Charlotte 28202', (r) => `0000${digits(r, 8)}`),
  WI: stateInfo('Wisconsin', 8, 'Madison 53703|Milwaukee 53202', (r, i) => L(r, i) + digits(r, 13)),
  TN: stateInfo('Tennessee', 8, 'Nashville 37203|Memphis 38103', (r) => digits(r, 9)),
  VT: stateInfo('Vermont', 4, 'Burlington 05401|Montpelier 05602', (r) => digits(r, 8)),
  IA: stateInfo('Iowa', 8, 'Des Moines 50309|Iowa City 52240', (r) => `${digits(r, 3)}${letters(r, 2)}${digits(r, 4)}`),
  PR: stateInfo('Puerto Rico', 6, 'San Juan 00901|Ponce 00730', (r) => digits(r, 7)),
};

const DAY = 86_400_000;
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));
const iso = (date: Date): string => date.toISOString().slice(0, 10);
const startOfDay = (now: Date): Date => utc(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());

/** The first `month/day` anniversary on or after `from` (29 February rolls to 1 March). */
function birthdayOnOrAfter(dob: Date, from: Date): Date {
  for (let year = from.getUTCFullYear(); ; year += 1) {
    const candidate = utc(year, dob.getUTCMonth(), dob.getUTCDate());
    if (candidate >= from) return candidate;
  }
}

/**
 * Issue and expiry dates for a card valid on `now`: issued within the last validity period (and
 * after the holder turned 16), expiring on the first birthday at least `validity` years later.
 */
function cardDates(random: Random, dob: Date, now: Date, validity: number): { issue: Date; expiry: Date } {
  const today = startOfDay(now);
  const sixteen = utc(dob.getUTCFullYear() + 16, dob.getUTCMonth(), dob.getUTCDate());
  const maxBack = Math.min(validity * 365 - 120, Math.floor((today.getTime() - sixteen.getTime()) / DAY));
  const issue = new Date(today.getTime() - int(random, 1, Math.max(1, maxBack)) * DAY);
  const anniversary = utc(issue.getUTCFullYear() + validity, issue.getUTCMonth(), issue.getUTCDate());
  let expiry = birthdayOnOrAfter(dob, anniversary);
  if (expiry <= today) expiry = birthdayOnOrAfter(dob, new Date(today.getTime() + 365 * DAY));
  return { issue, expiry };
}

function weighted<T>(random: Random, list: readonly [T, number][]): T {
  const total = list.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [value, w] of list) {
    x -= w;
    if (x < 0) return value;
  }
  return list[list.length - 1]![0];
}

export function slugify(...words: string[]): string {
  return words
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function discriminator(random: Random, issue: Date): string {
  const d = iso(issue).replace(/-/g, '');
  return `${d.slice(2)}${letters(random, 2)}${digits(random, 4)}${letters(random, 1)}${digits(random, 2)}`;
}

function asciiInitial(familyName: string): string {
  return (
    familyName
      .normalize('NFKD')
      .replace(/[^A-Za-z]/g, '')
      .toUpperCase()[0] ?? ''
  );
}

/** A synthetic adult with a license (or ID) valid on `opts.now`; same seed and day, same person. */
export function specimenPerson(seed: number, opts: SpecimenPersonOptions): SpecimenPerson {
  const random = mulberry32(hashString(`person:${seed}`));
  const sex = weighted<'F' | 'X'>(random, [
    ['F', 85],
    ['X', 15],
  ]);
  const givenName = pick(random, sex === 'X' ? GIVEN_X : GIVEN_F);
  const middleName = random() < 0.6 ? pick(random, MIDDLE) : undefined;
  const familyName = pick(random, FAMILY);
  const stateCodes = Object.keys(SPECIMEN_STATES);
  const state = pick(random, stateCodes);
  const info = SPECIMEN_STATES[state]!;
  const [city, zip] = pick(random, info.cities);
  const postalCode = random() < 0.3 ? `${zip}${digits(random, 4)}` : zip;
  const unit =
    random() < 0.3
      ? ` ${pick(random, ['Apt', 'Unit', 'Ste'])} ${int(random, 1, 40)}${pick(random, ['', 'A', 'B'])}`
      : '';
  const streetLine = `${int(random, 1, 9999)} ${pick(random, STREET_NAMES)} ${pick(random, STREET_TYPES)}`;
  // AAMVA's DAG holds 35 characters: drop the unit rather than truncate.
  const street = `${streetLine}${unit}`.length <= 35 ? `${streetLine}${unit}` : streetLine;

  const today = startOfDay(opts.now);
  const age = int(random, 18, 80);
  const dob = new Date(
    utc(today.getUTCFullYear() - age, today.getUTCMonth(), today.getUTCDate()).getTime() -
      int(random, 1, 364) * DAY,
  );
  const { issue, expiry } = cardDates(random, dob, opts.now, info.validity);
  const license: LicenseData = {
    documentType: opts.documentType ?? 'DL',
    familyName,
    givenName,
    ...(middleName === undefined ? {} : { middleName }),
    dateOfBirth: iso(dob),
    issueDate: iso(issue),
    expirationDate: iso(expiry),
    documentNumber: info.number(random, asciiInitial(familyName)),
    sex,
    eyeColor: weighted(random, EYES),
    heightInches: sex === 'F' ? int(random, 59, 71) : int(random, 60, 74),
    address: { street, city, state, postalCode },
    documentDiscriminator: discriminator(random, issue),
  };
  return {
    slug: slugify(givenName, familyName),
    license,
    portraitIndex: int(random, 0, 1_000_000),
    placeOfBirth: `${pick(random, Object.values(SPECIMEN_STATES)).name.toUpperCase()}, U.S.A.`,
  };
}

/** Demo people have no recorded sex; this is what their cards print. */
const DEMO_SEX: Readonly<Record<string, 'M' | 'F'>> = {
  maria: 'F',
  james: 'M',
  linda: 'F',
  robert: 'M',
  aisha: 'F',
  david: 'M',
  sofia: 'F',
  thomas: 'M',
  olivia: 'F',
};

const FALLBACK_NUMBER = (r: Random): string => digits(r, 9);

/**
 * License data matching a seeded demo person's verified record (name, birth date, address), with a
 * document number and card details derived from their e-mail, so it is the same on every run.
 */
export function specimenPersonFromDemo(
  demo: DemoPerson,
  portraitIndex: number,
  opts: SpecimenPersonOptions = { now: new Date() },
): SpecimenPerson {
  const random = mulberry32(hashString(`demo:${demo.email.toLowerCase()}`));
  const { address } = demo.verified;
  const state = address.region.toUpperCase();
  if (iinForState(state) === undefined) throw new RangeError(`no AAMVA issuer for state ${state}`);
  const info = SPECIMEN_STATES[state];
  const sex = DEMO_SEX[demo.givenName.toLowerCase()] ?? 'X';
  const dob = new Date(`${demo.verified.birthdate}T00:00:00Z`);
  const { issue, expiry } = cardDates(random, dob, opts.now, info?.validity ?? 8);
  const license: LicenseData = {
    documentType: opts.documentType ?? 'DL',
    familyName: demo.familyName,
    givenName: demo.givenName,
    dateOfBirth: demo.verified.birthdate,
    issueDate: iso(issue),
    expirationDate: iso(expiry),
    documentNumber: (info?.number ?? FALLBACK_NUMBER)(random, asciiInitial(demo.familyName)),
    sex,
    eyeColor: weighted(random, EYES),
    heightInches: sex === 'M' ? int(random, 65, 76) : int(random, 60, 70),
    address: {
      street: address.street_address,
      city: address.locality,
      state,
      postalCode: address.postal_code,
    },
    documentDiscriminator: discriminator(random, issue),
  };
  return {
    slug: slugify(demo.givenName, demo.familyName),
    license,
    portraitIndex,
    placeOfBirth: `${(info?.name ?? 'New York').toUpperCase()}, U.S.A.`,
  };
}

// US postal addresses typed by a person, normalised the USPS Publication 28 way so two spellings
// of one address compare equal: uppercase, no punctuation, standard street suffixes, directionals
// and secondary-unit designators, the unit at the end of the delivery line, "PO BOX n", a USPS
// state code and ZIP or ZIP+4. Pure: no I/O. Deliberately small; the limits are listed in
// docs/identity-verification-records.md.

export interface AddressInput {
  street: string;
  street2?: string | undefined;
  city: string;
  state: string;
  postalCode: string;
}

export interface NormalisedAddress {
  /** The delivery line, secondary unit (APT 4B) at its end. */
  street: string;
  /** Only what is left of the second line when it is not a secondary unit (moved into `street`). */
  street2?: string;
  city: string;
  /** A USPS two-letter code. */
  state: string;
  /** `12345` or `12345-6789`. */
  postalCode: string;
}

export type AddressField = 'street' | 'city' | 'state' | 'postalCode';
export type AddressProblemCode = 'street_missing' | 'city_missing' | 'state_invalid' | 'zip_invalid';

export type AddressResult =
  | { ok: true; address: NormalisedAddress }
  | { ok: false; problems: { field: AddressField; code: AddressProblemCode }[] };

/** Street suffixes (Pub 28 appendix C1, the common ones), each with its usual spellings. */
const SUFFIXES: Readonly<Record<string, readonly string[]>> = {
  ALY: ['ALLEY', 'ALLEE', 'ALLY'],
  AVE: ['AVENUE', 'AV', 'AVEN', 'AVENU', 'AVN', 'AVNUE'],
  BLVD: ['BOULEVARD', 'BOUL', 'BOULV'],
  CIR: ['CIRCLE', 'CIRC', 'CIRCL', 'CRCL', 'CRCLE'],
  CT: ['COURT', 'CRT'],
  CV: ['COVE'],
  CRES: ['CRESCENT', 'CRSENT', 'CRSNT'],
  CTR: ['CENTER', 'CENTRE', 'CEN', 'CENT', 'CNTR'],
  CRK: ['CREEK'],
  DR: ['DRIVE', 'DRIV', 'DRV'],
  EXPY: ['EXPRESSWAY', 'EXPRESS', 'EXPW', 'EXPR'],
  FWY: ['FREEWAY', 'FREEWY', 'FRWAY', 'FRWY'],
  GDNS: ['GARDENS'],
  GRV: ['GROVE', 'GROV'],
  HTS: ['HEIGHTS', 'HT'],
  HL: ['HILL'],
  HWY: ['HIGHWAY', 'HIGHWY', 'HIWAY', 'HIWY', 'HWAY'],
  HOLW: ['HOLLOW', 'HLLW', 'HOLLOWS', 'HOLWS'],
  JCT: ['JUNCTION', 'JCTION', 'JCTN', 'JUNCTN', 'JUNCTON'],
  LK: ['LAKE'],
  LNDG: ['LANDING', 'LNDNG'],
  LN: ['LANE'],
  LOOP: ['LOOPS'],
  MNR: ['MANOR'],
  MDWS: ['MEADOWS', 'MDW', 'MEDOWS'],
  MTN: ['MOUNTAIN', 'MNTAIN', 'MNTN', 'MOUNTIN', 'MTIN'],
  ORCH: ['ORCHARD', 'ORCHRD'],
  PARK: ['PRK'],
  PASS: [],
  PATH: ['PATHS'],
  PIKE: ['PIKES'],
  PL: ['PLACE'],
  PLZ: ['PLAZA', 'PLZA'],
  PT: ['POINT'],
  PKWY: ['PARKWAY', 'PARKWY', 'PKWAY', 'PKY'],
  RDG: ['RIDGE', 'RDGE'],
  RD: ['ROAD'],
  ROW: [],
  RUN: [],
  SQ: ['SQUARE', 'SQR', 'SQRE', 'SQU'],
  STA: ['STATION', 'STATN', 'STN'],
  ST: ['STREET', 'STRT', 'STR'],
  TER: ['TERRACE', 'TERR'],
  TPKE: ['TURNPIKE', 'TRNPK', 'TURNPK'],
  TRL: ['TRAIL', 'TRAILS', 'TRLS'],
  VLY: ['VALLEY', 'VALLY', 'VLLY'],
  VW: ['VIEW'],
  VLG: ['VILLAGE', 'VILL', 'VILLAG', 'VILLG', 'VILLIAGE'],
  VIS: ['VISTA', 'VIST', 'VST', 'VSTA'],
  WALK: ['WALKS'],
  WAY: ['WY'],
  XING: ['CROSSING', 'CRSSNG'],
};

const DIRECTIONALS: Readonly<Record<string, string>> = {
  NORTH: 'N',
  SOUTH: 'S',
  EAST: 'E',
  WEST: 'W',
  NORTHEAST: 'NE',
  NORTHWEST: 'NW',
  SOUTHEAST: 'SE',
  SOUTHWEST: 'SW',
  N: 'N',
  S: 'S',
  E: 'E',
  W: 'W',
  NE: 'NE',
  NW: 'NW',
  SE: 'SE',
  SW: 'SW',
};

/** Secondary-unit designators followed by a number or letter (Pub 28 appendix C2). */
const RANGED_DESIGNATORS: Readonly<Record<string, string>> = {
  APARTMENT: 'APT',
  APT: 'APT',
  BUILDING: 'BLDG',
  BLDG: 'BLDG',
  DEPARTMENT: 'DEPT',
  DEPT: 'DEPT',
  FLOOR: 'FL',
  FL: 'FL',
  HANGAR: 'HNGR',
  HNGR: 'HNGR',
  LOT: 'LOT',
  PIER: 'PIER',
  ROOM: 'RM',
  RM: 'RM',
  SLIP: 'SLIP',
  SPACE: 'SPC',
  SPC: 'SPC',
  STOP: 'STOP',
  SUITE: 'STE',
  STE: 'STE',
  TRAILER: 'TRLR',
  TRLR: 'TRLR',
  UNIT: 'UNIT',
};

/** Designators that stand alone; recognised only as the last word of a line of three words or more (or alone on the second line). */
const BARE_DESIGNATORS: Readonly<Record<string, string>> = {
  BASEMENT: 'BSMT',
  BSMT: 'BSMT',
  FRONT: 'FRNT',
  FRNT: 'FRNT',
  LOBBY: 'LBBY',
  LBBY: 'LBBY',
  LOWER: 'LOWR',
  LOWR: 'LOWR',
  OFFICE: 'OFC',
  OFC: 'OFC',
  PENTHOUSE: 'PH',
  PH: 'PH',
  REAR: 'REAR',
  SIDE: 'SIDE',
  UPPER: 'UPPR',
  UPPR: 'UPPR',
};

/** USPS state and territory codes with their names (50 states, DC, territories, military). */
const STATES: Readonly<Record<string, string>> = {
  AL: 'ALABAMA',
  AK: 'ALASKA',
  AZ: 'ARIZONA',
  AR: 'ARKANSAS',
  CA: 'CALIFORNIA',
  CO: 'COLORADO',
  CT: 'CONNECTICUT',
  DE: 'DELAWARE',
  DC: 'DISTRICT OF COLUMBIA',
  FL: 'FLORIDA',
  GA: 'GEORGIA',
  HI: 'HAWAII',
  ID: 'IDAHO',
  IL: 'ILLINOIS',
  IN: 'INDIANA',
  IA: 'IOWA',
  KS: 'KANSAS',
  KY: 'KENTUCKY',
  LA: 'LOUISIANA',
  ME: 'MAINE',
  MD: 'MARYLAND',
  MA: 'MASSACHUSETTS',
  MI: 'MICHIGAN',
  MN: 'MINNESOTA',
  MS: 'MISSISSIPPI',
  MO: 'MISSOURI',
  MT: 'MONTANA',
  NE: 'NEBRASKA',
  NV: 'NEVADA',
  NH: 'NEW HAMPSHIRE',
  NJ: 'NEW JERSEY',
  NM: 'NEW MEXICO',
  NY: 'NEW YORK',
  NC: 'NORTH CAROLINA',
  ND: 'NORTH DAKOTA',
  OH: 'OHIO',
  OK: 'OKLAHOMA',
  OR: 'OREGON',
  PA: 'PENNSYLVANIA',
  RI: 'RHODE ISLAND',
  SC: 'SOUTH CAROLINA',
  SD: 'SOUTH DAKOTA',
  TN: 'TENNESSEE',
  TX: 'TEXAS',
  UT: 'UTAH',
  VT: 'VERMONT',
  VA: 'VIRGINIA',
  WA: 'WASHINGTON',
  WV: 'WEST VIRGINIA',
  WI: 'WISCONSIN',
  WY: 'WYOMING',
  PR: 'PUERTO RICO',
  VI: 'VIRGIN ISLANDS',
  GU: 'GUAM',
  AS: 'AMERICAN SAMOA',
  MP: 'NORTHERN MARIANA ISLANDS',
  AA: 'ARMED FORCES AMERICAS',
  AE: 'ARMED FORCES EUROPE',
  AP: 'ARMED FORCES PACIFIC',
};

const SUFFIX_OF = new Map<string, string>(
  Object.entries(SUFFIXES).flatMap(([code, spellings]) =>
    [code, ...spellings].map((s) => [s, code] as const),
  ),
);
const STATE_OF = new Map<string, string>([
  ...Object.keys(STATES).map((code) => [code, code] as const),
  ...Object.entries(STATES).map(([code, name]) => [name, code] as const),
  ['US VIRGIN ISLANDS', 'VI'],
  ['ARMED FORCES AFRICA', 'AE'],
  ['ARMED FORCES CANADA', 'AE'],
  ['ARMED FORCES MIDDLE EAST', 'AE'],
]);

/** Uppercase, accents off, `.` and `'` dropped, other punctuation to spaces; keeps `#`, and `-`/`/` between characters. */
function cleanText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[.'’]/g, '')
    .replace(/#/g, ' # ')
    .replace(/(?<![A-Z0-9])[-/]|[-/](?![A-Z0-9])/g, ' ')
    .replace(/[^A-Z0-9#\-/]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** A unit number or letter: contains a digit, or is a single letter. */
function isRange(token: string | undefined): token is string {
  return token !== undefined && (/\d/.test(token) || /^[A-Z]$/.test(token));
}

/** Finds and removes the secondary unit; returns it as Pub 28 writes it ("APT 4B", "# 3", "REAR"). */
function takeSecondary(tokens: string[], minTokensForBare: number): string | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const designator = RANGED_DESIGNATORS[token];
    if (designator !== undefined || token === '#') {
      let rangeAt = i + 1;
      if (designator !== undefined && tokens[rangeAt] === '#') rangeAt++; // "APT # 4" → "APT 4"
      const range = tokens[rangeAt];
      if (!isRange(range)) continue; // "100 UNIT RD": a street name, not a unit
      tokens.splice(i, rangeAt - i + 1);
      return `${designator ?? '#'} ${range}`;
    }
  }
  const last = tokens.at(-1);
  const bare = last === undefined ? undefined : BARE_DESIGNATORS[last];
  if (bare !== undefined && tokens.length >= minTokensForBare) {
    tokens.pop();
    return bare;
  }
  return undefined;
}

/** `PO BOX n` from "P.O. Box", "PO Box", "Post Office Box", "POB", "Box"; undefined when not a box. */
function poBox(tokens: readonly string[]): string | undefined {
  const match = /^(?:P ?O ?BOX|POST OFFICE BOX|POST BOX|POB|BOX) ([A-Z0-9-]*\d[A-Z0-9-]*)$/.exec(
    tokens.join(' '),
  );
  return match ? `PO BOX ${match[1]}` : undefined;
}

/**
 * The primary part (house number, street name, suffix): the suffix is abbreviated when it is the
 * last word (or the last before a post-directional) and not the only street word; a directional is
 * abbreviated right after the house number when at least two words follow (so "100 NORTH ST" keeps
 * NORTH as the name), or as the last word after a suffix.
 */
function standardisePrimary(tokens: string[]): string[] {
  const out = [...tokens];
  const nameStart = /^\d/.test(out[0] ?? '') ? 1 : 0;
  const last = out.length - 1;
  let suffixAt = last;
  const lastWord = out[last];
  if (last - nameStart >= 2 && lastWord !== undefined && DIRECTIONALS[lastWord] !== undefined) {
    const before = out[last - 1];
    if (before !== undefined && SUFFIX_OF.has(before)) {
      out[last] = DIRECTIONALS[lastWord];
      suffixAt = last - 1;
    }
  }
  const suffixWord = out[suffixAt];
  if (suffixAt > nameStart && suffixWord !== undefined) {
    const suffix = SUFFIX_OF.get(suffixWord);
    if (suffix !== undefined) out[suffixAt] = suffix;
  }
  const preWord = out[nameStart];
  if (nameStart === 1 && preWord !== undefined && DIRECTIONALS[preWord] !== undefined) {
    if (suffixAt - nameStart >= 2) out[nameStart] = DIRECTIONALS[preWord];
  }
  return out;
}

function tokensOf(value: string | undefined): string[] {
  return cleanText(value ?? '')
    .split(' ')
    .filter(Boolean);
}

/** A '#' with no unit after it says nothing. */
function dropLonePound(tokens: string[]): string[] {
  return tokens.filter((token) => token !== '#');
}

function normaliseStreet(street: string, street2: string | undefined): { street: string; street2?: string } {
  const tokens = tokensOf(street);
  const secondTokens = tokensOf(street2);
  // The unit goes at the end of the delivery line, whichever line it was typed on.
  const secondary = takeSecondary(tokens, 3) ?? takeSecondary(secondTokens, 1);
  const primaryTokens = dropLonePound(tokens);
  if (primaryTokens.length === 0) return { street: '' };
  const primary = poBox(primaryTokens) ?? standardisePrimary(primaryTokens).join(' ');
  const line = secondary === undefined ? primary : `${primary} ${secondary}`;
  const rest2 = dropLonePound(secondTokens);
  return rest2.length === 0 ? { street: line } : { street: line, street2: rest2.join(' ') };
}

/** `12345`, `12345-6789`; nine digits get their hyphen; anything else (or 00000) is undefined. */
export function normaliseZip(value: string): string | undefined {
  const match = /^(\d{5})(?:[- ]?(\d{4}))?$/.exec(value.trim());
  if (!match || match[1] === '00000') return undefined;
  return match[2] === undefined ? match[1] : `${match[1]}-${match[2]}`;
}

/** A USPS state code from a code or a full name ("Illinois", "il", "D.C."), or undefined. */
export function normaliseState(value: string): string | undefined {
  return STATE_OF.get(cleanText(value));
}

export function normaliseAddress(input: AddressInput): AddressResult {
  const problems: { field: AddressField; code: AddressProblemCode }[] = [];
  const street = normaliseStreet(input.street, input.street2);
  if (street.street === '') problems.push({ field: 'street', code: 'street_missing' });
  const city = cleanText(input.city);
  if (city === '') problems.push({ field: 'city', code: 'city_missing' });
  const state = normaliseState(input.state);
  if (state === undefined) problems.push({ field: 'state', code: 'state_invalid' });
  const postalCode = normaliseZip(input.postalCode);
  if (postalCode === undefined) problems.push({ field: 'postalCode', code: 'zip_invalid' });
  if (problems.length > 0 || state === undefined || postalCode === undefined) return { ok: false, problems };
  return { ok: true, address: { ...street, city, state, postalCode } };
}

const UNIT_AT_END = new RegExp(
  `(?: (?:${[...new Set(Object.values(RANGED_DESIGNATORS))].join('|')}|#) (\\S+))$`,
);

/** The delivery line with its unit designator written as '#', since people mix up APT, UNIT and #. */
function comparableLine(street: string): string {
  return street.replace(UNIT_AT_END, ' # $1');
}

/**
 * The same delivery address: normalised delivery line (APT 4B = UNIT 4B = # 4B), second line, city,
 * state and ZIP5 equal (ZIP+4 ignored). False when either does not normalise.
 */
export function sameAddress(a: AddressInput, b: AddressInput): boolean {
  const x = normaliseAddress(a);
  const y = normaliseAddress(b);
  if (!x.ok || !y.ok) return false;
  return (
    comparableLine(x.address.street) === comparableLine(y.address.street) &&
    (x.address.street2 ?? '') === (y.address.street2 ?? '') &&
    x.address.city === y.address.city &&
    x.address.state === y.address.state &&
    x.address.postalCode.slice(0, 5) === y.address.postalCode.slice(0, 5)
  );
}

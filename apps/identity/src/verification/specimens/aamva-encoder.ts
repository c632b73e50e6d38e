// Encodes a synthetic driver's license / ID card as the text of its AAMVA DL/ID PDF417 barcode
// (AAMVA DL/ID Card Design Standard 2020, version 10; 2016 and 2013 headers on request). Pure: the
// header, subfile designators (offsets and lengths counted exactly), a DL or ID subfile with every
// mandatory element, and a small jurisdiction-specific Z subfile. Used by the specimen generator.
import { AAMVA_IIN_TABLE } from '../documents/aamva-validation.ts';

export type EyeColor = 'BLK' | 'BLU' | 'BRO' | 'GRY' | 'GRN' | 'HAZ' | 'MAR' | 'PNK' | 'DIC' | 'UNK';

export interface LicenseData {
  documentType: 'DL' | 'ID';
  familyName: string;
  givenName: string;
  middleName?: string;
  /** YYYY-MM-DD, like the two dates below. */
  dateOfBirth: string;
  issueDate: string;
  expirationDate: string;
  documentNumber: string;
  sex: 'M' | 'F' | 'X';
  eyeColor: EyeColor;
  heightInches: number;
  address: {
    street: string;
    city: string;
    /** Two-letter USPS code. */
    state: string;
    /** 5 or 9 digits (a hyphen is allowed). */
    postalCode: string;
  };
  documentDiscriminator: string;
}

export interface AamvaEncodeOptions {
  version?: 10 | 9 | 8;
  /** Issuer identification number; defaults to the state's entry in the AAMVA IIN table. */
  iin?: string;
  /**
   * 'CR' (default): the standard's LF between data elements and CR ending each subfile. 'CRLF': CR LF
   * between data elements, as some jurisdictions print it; subfiles still end with CR.
   */
  lineEnding?: 'CR' | 'CRLF';
}

const LF = '\n';
const RS = '\x1e';
const CR = '\r';

/** Maximum lengths of the AAMVA 2020 name and address elements (Annex D, table D.3). */
const MAX = { DCS: 40, DAC: 40, DAD: 40, DAG: 35, DAI: 20, DAQ: 25, DCF: 25 } as const;

const FOLD: Readonly<Record<string, string>> = {
  Ø: 'O',
  ø: 'o',
  Æ: 'AE',
  æ: 'ae',
  Œ: 'OE',
  œ: 'oe',
  ß: 'ss',
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  Þ: 'TH',
  þ: 'th',
  ı: 'i',
};

/**
 * The card's character set (AAMVA names and addresses: A–Z, 0–9, space, apostrophe, hyphen and a
 * little punctuation): accents dropped, letters upper-cased, runs of spaces collapsed.
 */
export function aamvaText(value: string): string {
  return value
    .replace(/[ØøÆæŒœßŁłĐđÞþı]/g, (c) => FOLD[c] ?? c)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9 '\-.,#/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** YYYY-MM-DD → MMDDCCYY (the US order of AAMVA v02+). */
export function aamvaDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) throw new RangeError(`date ${JSON.stringify(iso)} is not YYYY-MM-DD`);
  return `${match[2]}${match[3]}${match[1]}`;
}

/** The IIN the AAMVA list assigns to a two-letter jurisdiction code. */
export function iinForState(state: string): string | undefined {
  const code = state.toUpperCase();
  return Object.entries(AAMVA_IIN_TABLE).find(([, entry]) => entry.code === code)?.[0];
}

function fit(value: string, max: number): { value: string; truncated: boolean } {
  return value.length <= max
    ? { value, truncated: false }
    : { value: value.slice(0, max).trimEnd(), truncated: true };
}

/** 11 characters: the ZIP and ZIP+4 (zeros when unknown), space-padded, as the standard stores it. */
function postalCode(raw: string): string {
  const digits = raw.replace(/\D/g, '');
  if (digits.length !== 5 && digits.length !== 9) {
    throw new RangeError(`postal code must have 5 or 9 digits`);
  }
  return digits.padEnd(9, '0').padEnd(11, ' ');
}

const SEX_CODE = { M: '1', F: '2', X: '9' } as const;

/** The DL or ID subfile's elements, in the order of the standard's table D.3. */
export function licenseElements(d: LicenseData): [string, string][] {
  const family = fit(aamvaText(d.familyName), MAX.DCS);
  const given = fit(aamvaText(d.givenName), MAX.DAC);
  const middleText = d.middleName === undefined ? '' : aamvaText(d.middleName);
  const middle = fit(middleText === '' ? 'NONE' : middleText, MAX.DAD);
  const state = d.address.state.toUpperCase();
  if (!/^[A-Z]{2}$/.test(state)) throw new RangeError('state must be a two-letter code');
  if (!Number.isInteger(d.heightInches) || d.heightInches < 1 || d.heightInches > 999) {
    throw new RangeError('height must be a whole number of inches');
  }
  const isDl = d.documentType === 'DL';
  const elements: [string, string][] = [
    ['DCA', isDl ? 'D' : 'NONE'],
    ['DCB', 'NONE'],
    ['DCD', 'NONE'],
    ['DBA', aamvaDate(d.expirationDate)],
    ['DCS', family.value],
    ['DAC', given.value],
    ['DAD', middle.value],
    ['DBD', aamvaDate(d.issueDate)],
    ['DBB', aamvaDate(d.dateOfBirth)],
    ['DBC', SEX_CODE[d.sex]],
    ['DAY', d.eyeColor],
    ['DAU', `${String(d.heightInches).padStart(3, '0')} in`],
    ['DAG', fit(aamvaText(d.address.street), MAX.DAG).value],
    ['DAI', fit(aamvaText(d.address.city), MAX.DAI).value],
    ['DAJ', state],
    ['DAK', postalCode(d.address.postalCode)],
    ['DAQ', fit(aamvaText(d.documentNumber).replace(/ /g, ''), MAX.DAQ).value],
    ['DCF', fit(aamvaText(d.documentDiscriminator).replace(/ /g, ''), MAX.DCF).value],
    ['DCG', 'USA'],
    ['DDE', family.truncated ? 'T' : 'N'],
    ['DDF', given.truncated ? 'T' : 'N'],
    ['DDG', middle.truncated ? 'T' : 'N'],
    // Optional elements most cards carry: compliance type (F = REAL ID compliant), card revision date.
    ['DDA', 'F'],
    ['DDB', '10012020'],
    ['DDK', '0'],
  ];
  return elements;
}

/** The jurisdiction subfile: "Z" + the state's first letter, with a couple of made-up elements. */
function jurisdictionSubfile(d: LicenseData): { type: string; elements: [string, string][] } {
  const type = `Z${d.address.state.toUpperCase()[0] ?? 'X'}`;
  return {
    type,
    elements: [
      [`${type}A`, d.address.state.toUpperCase()],
      [`${type}B`, 'SPECIMEN'],
    ],
  };
}

function subfile(type: string, elements: readonly [string, string][], separator: string): string {
  return `${type}${elements.map(([id, value]) => `${id}${value}`).join(separator)}${CR}`;
}

/** The full barcode payload text. Throws RangeError on data the standard cannot carry. */
export function encodeAamva(d: LicenseData, opts: AamvaEncodeOptions = {}): string {
  const version = opts.version ?? 10;
  const iin = opts.iin ?? iinForState(d.address.state);
  if (iin === undefined || !/^\d{6}$/.test(iin)) {
    throw new RangeError(`no AAMVA issuer number for state ${JSON.stringify(d.address.state)}`);
  }
  const separator = opts.lineEnding === 'CRLF' ? `${CR}${LF}` : LF;
  const z = jurisdictionSubfile(d);
  const bodies: [string, string][] = [
    [d.documentType, subfile(d.documentType, licenseElements(d), separator)],
    [z.type, subfile(z.type, z.elements, separator)],
  ];
  const headerLength = 21 + 10 * bodies.length;
  let offset = headerLength;
  let designators = '';
  for (const [type, body] of bodies) {
    designators += `${type}${String(offset).padStart(4, '0')}${String(body.length).padStart(4, '0')}`;
    offset += body.length;
  }
  const header =
    `@${LF}${RS}${CR}ANSI ${iin}${String(version).padStart(2, '0')}00` +
    `${String(bodies.length).padStart(2, '0')}${designators}`;
  return header + bodies.map(([, body]) => body).join('');
}

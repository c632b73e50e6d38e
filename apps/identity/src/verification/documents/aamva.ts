// AAMVA DL/ID card design standard (PDF417 payload) parser, versions 01–10. Pure text in, typed
// result out. Strict mode checks the header bytes, subfile offsets and terminators exactly as the
// standard says; lenient mode (default) accepts what real decoders and jurisdictions produce (a BOM,
// leading whitespace, CR/LF swapped, garbled preamble bytes, wrong offsets) and lists each deviation
// as a warning with the same code strict mode would fail with.

export type AamvaFailureCode =
  | 'AAMVA_EMPTY'
  | 'AAMVA_TOO_SHORT'
  | 'AAMVA_BAD_COMPLIANCE_INDICATOR'
  | 'AAMVA_BAD_DATA_ELEMENT_SEPARATOR'
  | 'AAMVA_BAD_RECORD_SEPARATOR'
  | 'AAMVA_BAD_SEGMENT_TERMINATOR'
  | 'AAMVA_BAD_FILE_TYPE'
  | 'AAMVA_BAD_HEADER_NUMBER'
  | 'AAMVA_UNSUPPORTED_VERSION'
  | 'AAMVA_NO_ENTRIES'
  | 'AAMVA_BAD_SUBFILE_DESIGNATOR'
  | 'AAMVA_SUBFILE_TYPE_MISSING'
  | 'AAMVA_SUBFILE_TERMINATOR_MISSING'
  | 'AAMVA_NO_DATA_ELEMENTS';

export interface AamvaFailure {
  readonly code: AamvaFailureCode;
  readonly message: string;
  readonly offset?: number;
}

export interface AamvaHeader {
  readonly fileType: 'ANSI ' | 'AAMVA';
  readonly issuerId: string;
  readonly version: number;
  /** Absent in version 01 headers. */
  readonly jurisdictionVersion: number | undefined;
  readonly numberOfEntries: number;
}

export interface AamvaDesignator {
  readonly subfileType: string;
  readonly offset: number;
  readonly length: number;
}

export interface AamvaSubfile {
  readonly subfileType: string;
  /** Element id → raw value (untrimmed, as encoded). */
  readonly elements: Readonly<Record<string, string>>;
}

export type TruncationStatus = 'truncated' | 'not-truncated' | 'unknown';

export interface AamvaFields {
  readonly familyName: string | undefined;
  readonly givenName: string | undefined;
  readonly middleNames: string | undefined;
  readonly suffix: string | undefined;
  readonly truncation: {
    readonly familyName: TruncationStatus;
    readonly givenName: TruncationStatus;
    readonly middleNames: TruncationStatus;
  };
  readonly dateOfBirth: string | undefined;
  readonly expirationDate: string | undefined;
  readonly issueDate: string | undefined;
  readonly revisionDate: string | undefined;
  readonly documentNumber: string | undefined;
  readonly sex: 'M' | 'F' | 'X' | undefined;
  readonly country: 'USA' | 'CAN' | undefined;
  readonly address: {
    readonly street: string | undefined;
    readonly street2: string | undefined;
    readonly city: string | undefined;
    readonly state: string | undefined;
    readonly postalCode: string | undefined;
  };
  readonly eyeColor: string | undefined;
  readonly height: string | undefined;
  readonly documentDiscriminator: string | undefined;
}

export interface AamvaWarning {
  readonly code: AamvaFailureCode | 'AAMVA_DATE_FORMAT_FALLBACK' | 'AAMVA_UNKNOWN_RECORD';
  readonly message: string;
}

export interface AamvaDocument {
  readonly header: AamvaHeader;
  readonly designators: readonly AamvaDesignator[];
  readonly subfiles: readonly AamvaSubfile[];
  /** Elements of the DL or ID subfile. */
  readonly elements: Readonly<Record<string, string>>;
  readonly documentType: 'DL' | 'ID' | undefined;
  readonly fields: AamvaFields;
  readonly warnings: readonly AamvaWarning[];
}

export type AamvaParseResult =
  { readonly ok: true; readonly value: AamvaDocument } | { readonly ok: false; readonly error: AamvaFailure };

export interface AamvaParseOptions {
  readonly strict?: boolean;
}

const LF = '\n';
const RS = '\x1e';
const CR = '\r';

class ParseFailure extends Error {
  constructor(readonly failure: AamvaFailure) {
    super(failure.message);
  }
}

function fail(code: AamvaFailureCode, message: string, offset?: number): never {
  throw new ParseFailure(offset === undefined ? { code, message } : { code, message, offset });
}

/** Canadian jurisdictions' IINs (they use CCYYMMDD dates). Source: AAMVA IIN list. */
const CANADIAN_STATES = new Set([
  'AB',
  'BC',
  'MB',
  'NB',
  'NL',
  'NS',
  'NT',
  'NU',
  'ON',
  'PE',
  'QC',
  'SK',
  'YT',
]);

export function parseAamva(input: string, options: AamvaParseOptions = {}): AamvaParseResult {
  try {
    return { ok: true, value: parse(input, options.strict ?? false) };
  } catch (error) {
    if (error instanceof ParseFailure) return { ok: false, error: error.failure };
    throw error;
  }
}

function parse(input: string, strict: boolean): AamvaDocument {
  const warnings: AamvaWarning[] = [];
  const deviate = (code: AamvaFailureCode, message: string, offset?: number): void => {
    if (strict) fail(code, message, offset);
    warnings.push({ code, message });
  };
  let text = input;
  if (!strict) text = text.replace(/^[\uFEFF\s]+/, '');
  if (text.length === 0) fail('AAMVA_EMPTY', 'empty payload');
  if (text[0] !== '@') fail('AAMVA_BAD_COMPLIANCE_INDICATOR', 'payload must start with "@"', 0);

  // Locate the file type; the standard puts it at offset 4.
  let fileTypeAt = 4;
  if (strict) {
    if (text.length < 21) fail('AAMVA_TOO_SHORT', `header too short (${text.length} characters)`);
    if (text[1] !== LF) fail('AAMVA_BAD_DATA_ELEMENT_SEPARATOR', 'header byte 1 must be LF', 1);
    if (text[2] !== RS) fail('AAMVA_BAD_RECORD_SEPARATOR', 'header byte 2 must be RS', 2);
    if (text[3] !== CR) fail('AAMVA_BAD_SEGMENT_TERMINATOR', 'header byte 3 must be CR', 3);
  } else {
    const match = /ANSI |AAMVA/.exec(text.slice(0, 24));
    if (match === null) {
      if (text.length < 16) fail('AAMVA_TOO_SHORT', `header too short (${text.length} characters)`);
      fail('AAMVA_BAD_FILE_TYPE', 'file type "ANSI " or "AAMVA" not found', 4);
    }
    fileTypeAt = match.index;
    if (text.slice(1, fileTypeAt) !== `${LF}${RS}${CR}`) {
      warnings.push({
        code: 'AAMVA_BAD_SEGMENT_TERMINATOR',
        message: `non-standard header preamble ${JSON.stringify(text.slice(1, fileTypeAt))}`,
      });
    }
  }
  const fileType = text.slice(fileTypeAt, fileTypeAt + 5);
  if (fileType !== 'ANSI ' && fileType !== 'AAMVA') {
    if (text.length < fileTypeAt + 5) fail('AAMVA_TOO_SHORT', 'header too short');
    fail('AAMVA_BAD_FILE_TYPE', 'file type must be "ANSI " or "AAMVA"', fileTypeAt);
  }
  let cursor = fileTypeAt + 5;
  const number = (width: number, what: string): number => {
    const raw = text.slice(cursor, cursor + width);
    if (raw.length < width) fail('AAMVA_TOO_SHORT', `header too short: ${what} missing`, cursor);
    if (!/^\d+$/.test(raw)) fail('AAMVA_BAD_HEADER_NUMBER', `${what} "${raw}" is not numeric`, cursor);
    cursor += width;
    return Number(raw);
  };
  const issuerId = String(number(6, 'issuer identification number')).padStart(6, '0');
  const version = number(2, 'AAMVA version');
  if (version < 1 || version > 10) {
    deviate('AAMVA_UNSUPPORTED_VERSION', `AAMVA version ${version} is not 01–10`);
  }
  const jurisdictionVersion = version >= 2 ? number(2, 'jurisdiction version') : undefined;
  const numberOfEntries = number(2, 'number of entries');
  if (numberOfEntries < 1) fail('AAMVA_NO_ENTRIES', 'number of entries is less than 1', cursor - 2);

  const designators: AamvaDesignator[] = [];
  for (let i = 0; i < numberOfEntries; i += 1) {
    const raw = text.slice(cursor, cursor + 10);
    const match = /^([A-Z]{2})(\d{4})(\d{4})$/.exec(raw);
    if (raw.length < 10) fail('AAMVA_TOO_SHORT', 'header too short: subfile designators missing');
    if (match === null) {
      deviate('AAMVA_BAD_SUBFILE_DESIGNATOR', `subfile designator ${i + 1} "${raw}" is malformed`, cursor);
      break;
    }
    designators.push({
      subfileType: match[1] ?? '',
      offset: Number(match[2]),
      length: Number(match[3]),
    });
    cursor += 10;
  }
  const header: AamvaHeader = {
    fileType,
    issuerId,
    version,
    jurisdictionVersion,
    numberOfEntries,
  };

  const subfiles = strict
    ? strictSubfiles(text, designators)
    : lenientSubfiles(text, cursor, designators, warnings);
  const main = subfiles.find((s) => s.subfileType === 'DL' || s.subfileType === 'ID') ?? subfiles[0];
  const elements = main?.elements ?? {};
  if (Object.keys(elements).length === 0) fail('AAMVA_NO_DATA_ELEMENTS', 'no DL or ID data elements');
  const documentType =
    main?.subfileType === 'DL' || main?.subfileType === 'ID' ? main.subfileType : undefined;
  return {
    header,
    designators,
    subfiles,
    elements,
    documentType,
    fields: normaliseFields(header, elements, warnings),
    warnings,
  };
}

function splitElements(body: string, subfileType: string): Record<string, string> {
  const elements: Record<string, string> = {};
  for (const record of body.split(/[\x00-\x1f\x7f-\x9f]+/)) {
    const match = /^([A-Z]{3})(.*)$/s.exec(record);
    if (match === null) continue;
    let id = match[1] ?? '';
    let value = match[2] ?? '';
    // The first record of a subfile may still carry the subfile type ("DLDAQ…", "ZVZVA…").
    if (id.startsWith(subfileType) && /^[A-Z]/.test(value)) {
      const again = /^([A-Z]{3})(.*)$/s.exec(record.slice(2));
      if (again && (again[1] ?? '').startsWith(subfileType[0] === 'Z' ? subfileType : 'D')) {
        id = again[1] ?? id;
        value = again[2] ?? '';
      }
    }
    if (!(id in elements)) elements[id] = value;
  }
  return elements;
}

function strictSubfiles(text: string, designators: readonly AamvaDesignator[]): AamvaSubfile[] {
  return designators.map(({ subfileType, offset, length }) => {
    if (text.length < offset + length) {
      fail('AAMVA_TOO_SHORT', `payload too short for subfile ${subfileType} (${offset}+${length})`);
    }
    if (text.slice(offset, offset + 2) !== subfileType) {
      fail('AAMVA_SUBFILE_TYPE_MISSING', `missing subfile type ${subfileType} at ${offset}`, offset);
    }
    const end = offset + length - 1;
    if (text[end] !== CR) {
      fail('AAMVA_SUBFILE_TERMINATOR_MISSING', `missing segment terminator of ${subfileType}`, end);
    }
    const body = text.slice(offset + 2, end);
    return { subfileType, elements: splitElements(body, subfileType) };
  });
}

/**
 * Real payloads often have offsets that do not match (BOM removed, CR turned into LF, missing
 * subfile type prefixes), so lenient mode reads records in order and assigns them by element id.
 */
function lenientSubfiles(
  text: string,
  dataStart: number,
  designators: readonly AamvaDesignator[],
  warnings: AamvaWarning[],
): AamvaSubfile[] {
  let start = dataStart;
  if (designators.length === 0) {
    const found = /(DL|ID)(?=[A-Z]{3})/.exec(text.slice(dataStart));
    if (found) start = dataStart + found.index;
  }
  for (const { subfileType, offset } of designators) {
    if (text.slice(offset, offset + 2) !== subfileType) {
      warnings.push({
        code: 'AAMVA_SUBFILE_TYPE_MISSING',
        message: `subfile ${subfileType} not at its declared offset ${offset}`,
      });
    }
  }
  const types = designators.map((d) => d.subfileType);
  const mainType = types.find((t) => t === 'DL' || t === 'ID') ?? 'DL';
  const byType = new Map<string, Record<string, string>>();
  const put = (type: string, id: string, value: string): void => {
    const target = byType.get(type) ?? {};
    if (!(id in target)) target[id] = value;
    byType.set(type, target);
  };
  let current: string = mainType;
  for (const record of text.slice(start).split(/[\x00-\x1f\x7f-\x9f]+/)) {
    if (record.length === 0) continue;
    let rest = record;
    const prefix = rest.slice(0, 2);
    const looksPrefixed =
      /^[A-Z]{2}$/.test(prefix) &&
      (types.includes(prefix) || prefix === 'DL' || prefix === 'ID') &&
      /^[A-Z]{3}/.test(rest.slice(2)) &&
      (prefix.startsWith('Z') ? rest.slice(2, 4) === prefix : rest[2] === 'D');
    if (looksPrefixed) {
      current = prefix;
      rest = rest.slice(2);
    }
    const match = /^([A-Z]{3})(.*)$/s.exec(rest);
    if (match === null) {
      warnings.push({ code: 'AAMVA_UNKNOWN_RECORD', message: `unreadable record ${JSON.stringify(record)}` });
      continue;
    }
    const id = match[1] ?? '';
    const value = match[2] ?? '';
    const type = id.startsWith('Z') ? id.slice(0, 2) : current.startsWith('Z') ? mainType : current;
    put(type, id, value);
  }
  const ordered = [...new Set([mainType, ...types, ...byType.keys()])];
  return ordered
    .filter((type) => byType.has(type))
    .map((type) => ({ subfileType: type, elements: byType.get(type) ?? {} }));
}

// ---- normalisation -------------------------------------------------------------------------------

function clean(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const trimmed = value
    .replace(/\s+/g, ' ')
    .replace(/^[\s,]+|[\s,]+$/g, '')
    .toUpperCase();
  if (trimmed === '' || trimmed === 'NONE' || trimmed === 'UNAVL' || trimmed === 'UNAVAILABLE') {
    return undefined;
  }
  return trimmed;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    year < 1900 ||
    year > 2200 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return undefined;
  }
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** MMDDCCYY (USA, v02+) or CCYYMMDD (Canada, and every v01 card); falls back to the other order. */
export function parseAamvaDate(
  raw: string | undefined,
  preferCcyymmdd: boolean,
): { iso: string | undefined; fallback: boolean } {
  const digits = (raw ?? '').trim().slice(0, 8);
  if (!/^\d{8}$/.test(digits)) return { iso: undefined, fallback: false };
  const n = (a: number, b: number): number => Number(digits.slice(a, b));
  const us = (): string | undefined => isoDate(n(4, 8), n(0, 2), n(2, 4));
  const ca = (): string | undefined => isoDate(n(0, 4), n(4, 6), n(6, 8));
  const first = preferCcyymmdd ? ca() : us();
  if (first !== undefined) return { iso: first, fallback: false };
  const second = preferCcyymmdd ? us() : ca();
  return { iso: second, fallback: second !== undefined };
}

/** US ZIP (12345 or 12345-6789, a +4 of zeros dropped) or Canadian postal code (A1A 1A1). */
export function normalisePostalCode(raw: string | undefined): string | undefined {
  const value = clean(raw);
  if (value === undefined) return undefined;
  const compact = value.replace(/[\s-]/g, '');
  if (/^[A-Z]\d[A-Z]\d[A-Z]\d$/.test(compact)) return `${compact.slice(0, 3)} ${compact.slice(3)}`;
  if (/^\d{5,}$/.test(compact)) {
    const zip = compact.slice(0, 5);
    const plus4 = compact.slice(5, 9);
    return plus4.length === 4 && plus4 !== '0000' ? `${zip}-${plus4}` : zip;
  }
  return value;
}

function truncation(code: string | undefined): TruncationStatus {
  const value = clean(code);
  if (value === 'T') return 'truncated';
  if (value === 'N') return 'not-truncated';
  return 'unknown';
}

function sex(raw: string | undefined): 'M' | 'F' | 'X' | undefined {
  const value = clean(raw);
  if (value === '1' || value === 'M') return 'M';
  if (value === '2' || value === 'F') return 'F';
  if (value === '9' || value === 'X') return 'X';
  return undefined;
}

interface Names {
  family: string | undefined;
  given: string | undefined;
  middle: string | undefined;
  suffix: string | undefined;
}

/** Version 01 DAA: "LAST,FIRST,MIDDLE,SUFFIX", "LAST, FIRST MIDDLE" or "FIRST MIDDLE LAST". */
export function splitFullName(daa: string): Names {
  const value = daa.trim().toUpperCase();
  if (value.includes(',')) {
    const parts = value.split(',').map((p) => clean(p));
    const [family, given, middle, suffix] = parts;
    if (parts.length === 2 && given !== undefined && given.includes(' ')) {
      const [first, ...rest] = given.split(' ');
      return { family, given: first, middle: clean(rest.join(' ')), suffix: undefined };
    }
    return { family, given, middle, suffix };
  }
  const words = value.split(/\s+/).filter((w) => w.length > 0);
  if (words.length === 1) return { family: words[0], given: undefined, middle: undefined, suffix: undefined };
  return {
    given: words[0],
    middle: clean(words.slice(1, -1).join(' ')),
    family: words[words.length - 1],
    suffix: undefined,
  };
}

function splitGiven(value: string | undefined): { given: string | undefined; middle: string | undefined } {
  if (value === undefined) return { given: undefined, middle: undefined };
  const [first, ...rest] = value.split(/[\s,]+/).filter((w) => w.length > 0);
  return { given: first, middle: clean(rest.join(' ')) };
}

function names(e: Readonly<Record<string, string>>): Names {
  const family = clean(e.DCS) ?? clean(e.DAB);
  let given = clean(e.DAC);
  let middle = clean(e.DAD);
  const suffix = clean(e.DCU) ?? clean(e.DAE);
  if (given === undefined && e.DCT !== undefined) {
    ({ given, middle } = splitGiven(clean(e.DCT)));
  } else if (given !== undefined && middle === undefined && given.includes(' ') && e.DCT === undefined) {
    // Some jurisdictions (e.g. WY v04) put "FIRST MIDDLE" in DAC and leave DAD empty.
    ({ given, middle } = splitGiven(given));
  }
  if (family === undefined && given === undefined && e.DAA !== undefined) {
    const full = splitFullName(e.DAA);
    return { ...full, suffix: full.suffix ?? suffix };
  }
  return { family, given, middle, suffix };
}

function normaliseFields(
  header: AamvaHeader,
  e: Readonly<Record<string, string>>,
  warnings: AamvaWarning[],
): AamvaFields {
  const state = clean(e.DAJ) ?? clean(e.DAO);
  const dcg = clean(e.DCG);
  const country: 'USA' | 'CAN' | undefined =
    dcg === 'CAN' || (dcg === undefined && state !== undefined && CANADIAN_STATES.has(state))
      ? 'CAN'
      : dcg === 'USA' || state !== undefined
        ? 'USA'
        : undefined;
  const preferCcyymmdd = header.version === 1 || country === 'CAN';
  const date = (id: string): string | undefined => {
    const { iso, fallback } = parseAamvaDate(e[id], preferCcyymmdd);
    if (fallback) {
      warnings.push({ code: 'AAMVA_DATE_FORMAT_FALLBACK', message: `${id} read in the other date order` });
    }
    return iso;
  };
  const n = names(e);
  return {
    familyName: n.family,
    givenName: n.given,
    middleNames: n.middle,
    suffix: n.suffix,
    truncation: {
      familyName: truncation(e.DDE),
      givenName: truncation(e.DDF),
      middleNames: truncation(e.DDG),
    },
    dateOfBirth: date('DBB'),
    expirationDate: date('DBA'),
    issueDate: date('DBD'),
    revisionDate: date('DDB'),
    documentNumber: e.DAQ?.trim().toUpperCase() || undefined,
    sex: sex(e.DBC),
    country,
    address: {
      street: clean(e.DAG) ?? clean(e.DAL),
      street2: clean(e.DAH) ?? clean(e.DAM),
      city: clean(e.DAI) ?? clean(e.DAN),
      state,
      postalCode: normalisePostalCode(e.DAK ?? e.DAP),
    },
    eyeColor: clean(e.DAY),
    height: clean(e.DAU),
    documentDiscriminator: clean(e.DCF),
  };
}

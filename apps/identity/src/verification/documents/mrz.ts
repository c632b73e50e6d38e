// ICAO Doc 9303 machine-readable zone (MRZ) parser for TD1 (3×30), TD2 (2×36) and TD3 (2×44).
// Pure text in, typed result out: no OCR here. OCR confusions (O/0, I/1, B/8, S/5, Z/2, G/6) are fixed
// by position: numeric fields get digits, alphabetic fields get letters. Check digits use the
// 7-3-1 weights; every one is reported, including the composite one.

export type MrzFormat = 'TD1' | 'TD2' | 'TD3';

export type MrzCheckName = 'documentNumber' | 'birthDate' | 'expirationDate' | 'personalNumber' | 'composite';

export interface MrzCheckDigit {
  readonly name: MrzCheckName;
  /** The digit as printed (after positional correction); '<' is kept as printed. */
  readonly printed: string;
  /** The digit computed over `input`; for TD1 long numbers, the variant that matched (if any). */
  readonly computed: string;
  readonly input: string;
  readonly valid: boolean;
  /** Line index (0-based) and column of the printed digit. */
  readonly line: number;
  readonly column: number;
}

export type MrzSex = 'male' | 'female' | 'unspecified';

export interface MrzDate {
  /** YYMMDD as printed (after correction). */
  readonly raw: string;
  /** YYYY-MM-DD, or undefined when the printed value is not a calendar date. */
  readonly iso: string | undefined;
}

export interface MrzCorrection {
  readonly line: number;
  readonly column: number;
  readonly from: string;
  readonly to: string;
}

export interface MrzDocument {
  readonly format: MrzFormat;
  readonly lines: readonly string[];
  readonly documentCode: string;
  readonly issuingState: string;
  readonly primaryIdentifier: string;
  readonly secondaryIdentifier: string;
  readonly documentNumber: string;
  readonly nationality: string;
  readonly birthDate: MrzDate;
  readonly sex: MrzSex;
  readonly expirationDate: MrzDate;
  /** TD3 personal number / TD2 optional data / TD1 optional data 1. */
  readonly optionalData: string;
  /** TD1 only: optional data 2 (line 2). */
  readonly optionalData2: string;
  readonly checkDigits: readonly MrzCheckDigit[];
  /** Characters changed by the positional OCR correction. */
  readonly corrections: readonly MrzCorrection[];
  /** True when every check digit is valid. */
  readonly checkDigitsValid: boolean;
}

export type MrzFailureCode = 'MRZ_EMPTY' | 'MRZ_LINE_COUNT' | 'MRZ_LINE_LENGTH' | 'MRZ_INVALID_CHARACTER';

export interface MrzFailure {
  readonly code: MrzFailureCode;
  readonly message: string;
  readonly line?: number;
}

export type MrzParseResult =
  { readonly ok: true; readonly value: MrzDocument } | { readonly ok: false; readonly error: MrzFailure };

export interface MrzParseOptions {
  /** Fix OCR confusions by position (default true). */
  readonly correct?: boolean;
  /** Reference date for resolving two-digit years (default: now). */
  readonly referenceDate?: Date;
}

const FORMATS: Record<MrzFormat, { lines: number; length: number }> = {
  TD1: { lines: 3, length: 30 },
  TD2: { lines: 2, length: 36 },
  TD3: { lines: 2, length: 44 },
};

const MRZ_CHAR = /^[A-Z0-9<]*$/;
const WEIGHTS = [7, 3, 1] as const;

function charValue(char: string): number {
  if (char >= '0' && char <= '9') return char.charCodeAt(0) - 48;
  if (char >= 'A' && char <= 'Z') return char.charCodeAt(0) - 55;
  return 0; // '<' and anything else
}

/** ICAO 9303 check digit (weights 7-3-1, mod 10). */
export function mrzCheckDigit(input: string): string {
  let sum = 0;
  for (let i = 0; i < input.length; i += 1) {
    sum += charValue(input[i] ?? '<') * (WEIGHTS[i % 3] ?? 1);
  }
  return String(sum % 10);
}

const TO_DIGIT: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  Z: '2',
  S: '5',
  G: '6',
  B: '8',
};
const TO_LETTER: Record<string, string> = {
  '0': 'O',
  '1': 'I',
  '2': 'Z',
  '5': 'S',
  '6': 'G',
  '8': 'B',
};

type FieldKind = 'numeric' | 'alpha' | 'any';

/** Normalise raw text: uppercase, drop spaces, split lines, pad/trim to the detected format. */
function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .toUpperCase()
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[\s]/g, '').replace(/[«‹]/g, '<'))
    .filter((line) => line.length > 0);
}

function detectFormat(lines: readonly string[]): MrzFormat | MrzFailure {
  if (lines.length === 3) return 'TD1';
  if (lines.length !== 2) {
    return {
      code: 'MRZ_LINE_COUNT',
      message: `an MRZ has two or three lines, found ${lines.length}`,
    };
  }
  const longest = Math.max(...lines.map((line) => line.length));
  // Tolerate OCR dropping or adding a couple of fillers.
  if (Math.abs(longest - 44) <= 3) return 'TD3';
  if (Math.abs(longest - 36) <= 3) return 'TD2';
  return {
    code: 'MRZ_LINE_LENGTH',
    message: `two-line MRZ lines must have 36 (TD2) or 44 (TD3) characters, found ${longest}`,
  };
}

function fit(line: string, length: number): string {
  return line.length >= length ? line.slice(0, length) : line.padEnd(length, '<');
}

class LineEditor {
  readonly corrections: MrzCorrection[] = [];
  readonly chars: string[][];
  constructor(
    lines: readonly string[],
    private readonly correct: boolean,
  ) {
    this.chars = lines.map((line) => [...line]);
  }
  apply(line: number, start: number, end: number, kind: FieldKind): void {
    if (!this.correct || kind === 'any') return;
    const row = this.chars[line];
    if (!row) return;
    for (let col = start; col < end; col += 1) {
      const from = row[col];
      if (from === undefined || from === '<') continue;
      const to = kind === 'numeric' ? TO_DIGIT[from] : TO_LETTER[from];
      if (to !== undefined) {
        row[col] = to;
        this.corrections.push({ line, column: col, from, to });
      }
    }
  }
  lines(): string[] {
    return this.chars.map((row) => row.join(''));
  }
}

/** Field layout per format: [line, start, end, kind]. */
type Span = readonly [number, number, number, FieldKind];
const LAYOUT: Record<MrzFormat, readonly Span[]> = {
  TD3: [
    [0, 0, 2, 'alpha'],
    [0, 2, 5, 'alpha'],
    [0, 5, 44, 'alpha'],
    [1, 0, 9, 'any'],
    [1, 9, 10, 'numeric'],
    [1, 10, 13, 'alpha'],
    [1, 13, 20, 'numeric'],
    [1, 20, 21, 'any'],
    [1, 21, 28, 'numeric'],
    [1, 28, 42, 'any'],
    [1, 42, 44, 'numeric'],
  ],
  TD2: [
    [0, 0, 2, 'alpha'],
    [0, 2, 5, 'alpha'],
    [0, 5, 36, 'alpha'],
    [1, 0, 9, 'any'],
    [1, 9, 10, 'numeric'],
    [1, 10, 13, 'alpha'],
    [1, 13, 20, 'numeric'],
    [1, 20, 21, 'any'],
    [1, 21, 28, 'numeric'],
    [1, 28, 35, 'any'],
    [1, 35, 36, 'numeric'],
  ],
  TD1: [
    [0, 0, 2, 'alpha'],
    [0, 2, 5, 'alpha'],
    [0, 5, 30, 'any'],
    [1, 0, 7, 'numeric'],
    [1, 7, 8, 'any'],
    [1, 8, 15, 'numeric'],
    [1, 15, 18, 'alpha'],
    [1, 18, 29, 'any'],
    [1, 29, 30, 'numeric'],
    [2, 0, 30, 'alpha'],
  ],
};

function fillerToSpace(value: string): string {
  return value.replace(/<+/g, ' ').trim();
}

function parseNames(field: string): { primary: string; secondary: string } {
  const trimmed = field.replace(/<+$/, '');
  const separator = trimmed.indexOf('<<');
  if (separator < 0) return { primary: fillerToSpace(trimmed), secondary: '' };
  return {
    primary: fillerToSpace(trimmed.slice(0, separator)),
    secondary: fillerToSpace(trimmed.slice(separator + 2)),
  };
}

function parseSex(char: string): MrzSex {
  if (char === 'M') return 'male';
  if (char === 'F') return 'female';
  return 'unspecified';
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Resolve a YYMMDD date. Birth dates are never after the reference date; expiry dates may be up to
 * `aheadYears` after it.
 */
export function resolveMrzDate(raw: string, kind: 'birth' | 'expiry', reference: Date): MrzDate {
  if (!/^\d{6}$/.test(raw)) return { raw, iso: undefined };
  const yy = Number(raw.slice(0, 2));
  const mm = Number(raw.slice(2, 4));
  const dd = Number(raw.slice(4, 6));
  const refYear = reference.getUTCFullYear();
  const pivot = kind === 'birth' ? refYear : refYear + 20;
  let year = Math.floor(pivot / 100) * 100 + yy;
  if (year > pivot) year -= 100;
  const date = new Date(Date.UTC(year, mm - 1, dd));
  if (
    mm < 1 ||
    mm > 12 ||
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== mm - 1 ||
    date.getUTCDate() !== dd
  ) {
    return { raw, iso: undefined };
  }
  // A birth date later in the reference year than the reference day belongs to the previous century.
  if (kind === 'birth' && date.getTime() > reference.getTime()) {
    return { raw, iso: `${year - 100}-${pad2(mm)}-${pad2(dd)}` };
  }
  return { raw, iso: `${year}-${pad2(mm)}-${pad2(dd)}` };
}

function check(
  name: MrzCheckName,
  inputs: readonly string[],
  printed: string,
  line: number,
  column: number,
): MrzCheckDigit {
  const first = inputs[0] ?? '';
  // An empty optional field may carry '<' instead of 0 as its check digit.
  const allFiller = /^<*$/.test(first);
  for (const input of inputs) {
    const computed = mrzCheckDigit(input);
    if (computed === printed || (allFiller && printed === '<')) {
      return { name, printed, computed, input, valid: true, line, column };
    }
  }
  return { name, printed, computed: mrzCheckDigit(first), input: first, valid: false, line, column };
}

/** Parse MRZ text (lines separated by newlines) or an array of lines. */
export function parseMrz(input: string | readonly string[], options: MrzParseOptions = {}): MrzParseResult {
  const rawLines = typeof input === 'string' ? splitLines(input) : splitLines(input.join('\n'));
  if (rawLines.length === 0) {
    return { ok: false, error: { code: 'MRZ_EMPTY', message: 'no MRZ text' } };
  }
  const detected = detectFormat(rawLines);
  if (typeof detected !== 'string') return { ok: false, error: detected };
  const format = detected;
  const { length } = FORMATS[format];
  for (let i = 0; i < rawLines.length; i += 1) {
    const line = rawLines[i] ?? '';
    // The name line may lose any number of trailing fillers; the others must be (almost) complete.
    const isNameLine = format === 'TD1' ? i === 2 : i === 0;
    const tooShort = !isNameLine && line.length < length - 3;
    if (tooShort || line.length > length + 3) {
      return {
        ok: false,
        error: {
          code: 'MRZ_LINE_LENGTH',
          message: `${format} line ${i + 1} must have ${length} characters, found ${line.length}`,
          line: i,
        },
      };
    }
  }
  const correct = options.correct ?? true;
  const fitted = rawLines.map((line) => fit(line, length));
  const badLine = fitted.findIndex((line) => !MRZ_CHAR.test(line));
  if (badLine >= 0) {
    return {
      ok: false,
      error: {
        code: 'MRZ_INVALID_CHARACTER',
        message: `line ${badLine + 1} has characters outside A-Z, 0-9 and <`,
        line: badLine,
      },
    };
  }
  const editor = new LineEditor(fitted, correct);
  for (const [line, start, end, kind] of LAYOUT[format]) editor.apply(line, start, end, kind);
  const lines = editor.lines();
  const reference = options.referenceDate ?? new Date();
  const l0 = lines[0] ?? '';
  const l1 = lines[1] ?? '';
  const l2 = lines[2] ?? '';

  const documentCode = l0.slice(0, 2).replace(/<+$/, '');
  const issuingState = l0.slice(2, 5).replace(/<+/g, '');
  const checks: MrzCheckDigit[] = [];
  let names: { primary: string; secondary: string };
  let documentNumber: string;
  let nationality: string;
  let birthRaw: string;
  let sexChar: string;
  let expiryRaw: string;
  let optionalData = '';
  let optionalData2 = '';

  if (format === 'TD1') {
    names = parseNames(l2);
    const numberField = l0.slice(5, 14);
    const opt1 = l0.slice(15, 30);
    if (l0[14] === '<' && /^[A-Z0-9]/.test(opt1)) {
      // Long document number: the extension and its check digit are in optional data 1.
      const extension = opt1.split('<')[0] ?? '';
      const rest = extension.slice(0, -1);
      const digit = extension.slice(-1);
      documentNumber = (numberField + rest).replace(/<+/g, '');
      checks.push(
        check('documentNumber', [numberField + rest, `${numberField}<${rest}`], digit, 0, 15 + rest.length),
      );
    } else {
      documentNumber = numberField.replace(/<+/g, '');
      checks.push(check('documentNumber', [numberField], l0[14] ?? '', 0, 14));
    }
    optionalData = fillerToSpace(opt1);
    birthRaw = l1.slice(0, 6);
    checks.push(check('birthDate', [birthRaw], l1[6] ?? '', 1, 6));
    sexChar = l1[7] ?? '<';
    expiryRaw = l1.slice(8, 14);
    checks.push(check('expirationDate', [expiryRaw], l1[14] ?? '', 1, 14));
    nationality = l1.slice(15, 18).replace(/<+/g, '');
    optionalData2 = fillerToSpace(l1.slice(18, 29));
    const composite = l0.slice(5, 30) + l1.slice(0, 7) + l1.slice(8, 15) + l1.slice(18, 29);
    checks.push(check('composite', [composite], l1[29] ?? '', 1, 29));
  } else {
    names = parseNames(l0.slice(5));
    const numberField = l1.slice(0, 9);
    documentNumber = numberField.replace(/<+/g, '');
    checks.push(check('documentNumber', [numberField], l1[9] ?? '', 1, 9));
    nationality = l1.slice(10, 13).replace(/<+/g, '');
    birthRaw = l1.slice(13, 19);
    checks.push(check('birthDate', [birthRaw], l1[19] ?? '', 1, 19));
    sexChar = l1[20] ?? '<';
    expiryRaw = l1.slice(21, 27);
    checks.push(check('expirationDate', [expiryRaw], l1[27] ?? '', 1, 27));
    if (format === 'TD3') {
      const personal = l1.slice(28, 42);
      optionalData = fillerToSpace(personal);
      checks.push(check('personalNumber', [personal], l1[42] ?? '', 1, 42));
      const composite = l1.slice(0, 10) + l1.slice(13, 20) + l1.slice(21, 43);
      checks.push(check('composite', [composite], l1[43] ?? '', 1, 43));
    } else {
      optionalData = fillerToSpace(l1.slice(28, 35));
      const composite = l1.slice(0, 10) + l1.slice(13, 20) + l1.slice(21, 35);
      checks.push(check('composite', [composite], l1[35] ?? '', 1, 35));
    }
  }

  return {
    ok: true,
    value: {
      format,
      lines,
      documentCode,
      issuingState,
      primaryIdentifier: names.primary,
      secondaryIdentifier: names.secondary,
      documentNumber,
      nationality,
      birthDate: resolveMrzDate(birthRaw, 'birth', reference),
      sex: parseSex(sexChar),
      expirationDate: resolveMrzDate(expiryRaw, 'expiry', reference),
      optionalData,
      optionalData2,
      checkDigits: checks,
      corrections: editor.corrections,
      checkDigitsValid: checks.every((c) => c.valid),
    },
  };
}

// General OCR of the printed side of a card (optional, when time allows) to cross-check the printed name
// and date of birth against the barcode or MRZ, plus pure helpers that look for a name or a date in noisy
// OCR text. Names tolerate one wrong letter per longer word; dates tolerate OCR look-alikes (O/0, I/1 …)
// and layout (03/17/1984, 17 MAR 1984, Mar 17, 1984 …) but never a different digit.
import sharp from 'sharp';
import { recognize } from './tesseract-worker.ts';
import type { RawImage } from './read-mrz.ts';

export interface Region {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Text is read at about this width: card fields then have capitals of ~20–30 px. */
const TARGET_WIDTH = 1100;

/** OCR the image (or a region of it) with the general English model, no whitelist. */
export async function readPrintedText(
  image: RawImage,
  region?: Region,
): Promise<{ text: string; ms: number }> {
  const started = performance.now();
  const channels = Math.round(image.data.length / (image.width * image.height)) as 1 | 3 | 4;
  let pipeline = sharp(image.data, {
    raw: { width: image.width, height: image.height, channels },
  }).greyscale();
  let width = image.width;
  let height = image.height;
  if (region) {
    const left = Math.max(0, Math.floor(region.left));
    const top = Math.max(0, Math.floor(region.top));
    width = Math.max(1, Math.min(image.width - left, Math.round(region.width)));
    height = Math.max(1, Math.min(image.height - top, Math.round(region.height)));
    pipeline = pipeline.extract({ left, top, width, height });
  }
  const scale = Math.min(2, TARGET_WIDTH / width);
  if (Math.abs(scale - 1) > 0.05) {
    pipeline = pipeline.resize(
      Math.max(1, Math.round(width * scale)),
      Math.max(1, Math.round(height * scale)),
      {
        fit: 'fill',
      },
    );
  }
  const { data, info } = await pipeline.normalise().raw().toBuffer({ resolveWithObject: true });
  const gray = info.channels === 1 ? data : Buffer.from(data.filter((_, i) => i % info.channels === 0));
  const pgm = Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`), gray]);
  const page = await recognize(pgm, 'text');
  return { text: page.text, ms: Math.round(performance.now() - started) };
}

// ---------------------------------------------------------------------------------------------------
// Matching helpers (pure)

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function levenshtein(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

function nameTokens(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/['’`]/g, '')
    .split(/[^A-Z]+/)
    .filter((t) => t.length > 0);
}

function tokenFound(token: string, textTokens: readonly string[]): boolean {
  const tolerance = token.length >= 4 ? 1 : 0;
  for (let i = 0; i < textTokens.length; i += 1) {
    const one = textTokens[i]!;
    if (levenshtein(token, one, tolerance) <= tolerance) return true;
    // OCR may split a word in two ("MC DONALD", "GAR CIA").
    const two = one + (textTokens[i + 1] ?? '');
    if (i + 1 < textTokens.length && levenshtein(token, two, tolerance) <= tolerance) return true;
  }
  return false;
}

/**
 * Whether OCR text contains the family name and the given name(s): case-insensitive, accents and
 * apostrophes ignored, hyphenated or multi-word names need every part, and each part of 4 letters or
 * more may differ by one letter (Levenshtein ≤ 1).
 */
export function textContainsName(text: string, family: string, given: string): boolean {
  const textTokens = nameTokens(text);
  const wanted = [...nameTokens(family), ...nameTokens(given)];
  if (wanted.length === 0) return false;
  return wanted.every((token) => tokenFound(token, textTokens));
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** OCR look-alikes of digits, read as digits inside tokens that are mostly digits. */
const DIGIT_LOOKALIKES: Record<string, string> = {
  O: '0',
  Q: '0',
  D: '0',
  I: '1',
  L: '1',
  '|': '1',
  Z: '2',
  S: '5',
  B: '8',
  G: '6',
};

/** In a token with digits, short letter runs are digit look-alikes ('I7' → '17'); month names stay. */
function normaliseDigits(token: string): string {
  if (!/\d/.test(token)) return token;
  return token.replace(/[A-Z|]+/g, (run) =>
    run.length >= 3 ? run : [...run].map((c) => DIGIT_LOOKALIKES[c] ?? c).join(''),
  );
}

/**
 * Whether OCR text shows the date `isoDate` (YYYY-MM-DD) in any usual US or ICAO layout: 03/17/1984,
 * 3-17-84, 03171984, 1984-03-17, 17 MAR 1984, 17MAR84, MAR 17, 1984 … Digits must all be right (a
 * single different digit is a different date); a month name may have one wrong letter.
 */
export function findDateNear(text: string, isoDate: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return false;
  const [, yyyy, mm, dd] = match as unknown as [string, string, string, string];
  const yy = yyyy.slice(2);
  const month = MONTHS[Number(mm) - 1] ?? '';
  const m = String(Number(mm));
  const d = String(Number(dd));
  const tokens = text
    .toUpperCase()
    .replace(/[,.]/g, ' ')
    .split(/\s+/)
    .filter((t) => t.length > 0)
    .map(normaliseDigits);
  const compact = tokens.join(' ');
  // Numeric layouts (after look-alike fixing), with any of / - . as separator or none.
  const numeric = [
    `${mm}/${dd}/${yyyy}`,
    `${m}/${d}/${yyyy}`,
    `${mm}/${dd}/${yy}`,
    `${m}/${d}/${yy}`,
    `${yyyy}/${mm}/${dd}`,
    `${mm}${dd}${yyyy}`,
    `${yyyy}${mm}${dd}`,
  ];
  const flat = compact.replace(/[/\-.]/g, '/');
  for (const form of numeric) {
    const pattern = new RegExp(`(^|[^0-9])${form.replace(/\//g, '[/ ]?')}($|[^0-9])`);
    if (pattern.test(flat)) return true;
  }
  // Month-name layouts: day and year exact, month name within one letter.
  for (let i = 0; i < tokens.length; i += 1) {
    for (let n = 1; n <= 3; n += 1) {
      for (const [dayPart, monthPart, yearPart] of splitDayMonthYear(tokens.slice(i, i + n).join(''))) {
        const dayOk = dayPart === dd || dayPart === d;
        const yearOk = yearPart === yyyy || yearPart === yy;
        if (dayOk && yearOk && levenshtein(monthPart.slice(0, 3), month, 1) <= 1) return true;
      }
    }
    // MAR 17 1984 (the comma already dropped)
    const [first, second, third] = tokens.slice(i, i + 3);
    if (
      first !== undefined &&
      third !== undefined &&
      /^[A-Z]{3,}$/.test(first) &&
      levenshtein(first.slice(0, 3), month, 1) <= 1 &&
      (second === dd || second === d) &&
      (third === yyyy || third === yy)
    ) {
      return true;
    }
  }
  return false;
}

/** '17MAR1984' → [['17', 'MAR', '1984']]; anything else → []. */
function splitDayMonthYear(joined: string): [string, string, string][] {
  const parts = /^(\d{1,2})([A-Z]{3,4})(\d{2}|\d{4})$/.exec(joined);
  return parts ? [[parts[1]!, parts[2]!, parts[3]!]] : [];
}

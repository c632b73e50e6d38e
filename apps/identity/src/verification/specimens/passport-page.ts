// Synthetic, clearly marked SPECIMEN US passport documents for demos, tests and the benchmark: a passport
// book data page (TD3, 125×88 mm at 10 px/mm) and a passport card (ID-1, front and back with a TD1 MRZ).
// Everything is drawn as SVG (text as paths from npm-shipped fonts) and rasterised by sharp, so the output
// is identical on every machine. The MRZ builders follow ICAO 9303 and are exported for tests and callers.
import sharp from 'sharp';
import { mrzCheckDigit } from '../documents/mrz.ts';
import { svgText, textWidth, type SpecimenFont } from './text-paths.ts';
import { mulberry32 } from '../seeded-random.ts';

export interface PassportSpecimen {
  surname: string;
  givenNames: string;
  /** 9 characters (book: digits; card: 'C' + 8 digits). */
  documentNumber: string;
  nationality: 'USA';
  /** YYYY-MM-DD */
  dateOfBirth: string;
  sex: 'M' | 'F' | 'X';
  placeOfBirth: string;
  /** YYYY-MM-DD */
  issueDate: string;
  /** YYYY-MM-DD */
  expirationDate: string;
  /** Any image sharp can read; resized to fit the portrait area. */
  portrait?: Buffer;
}

export interface RenderOptions {
  /** Seeds the background pattern (default 1). */
  seed?: number;
  /** Typeface of the MRZ: 'mono' (Roboto Mono, default) or 'ocr-b' (the ICAO typeface). */
  mrzFont?: MrzFont;
}

export type MrzFont = 'mono' | 'ocr-b';

export const PASSPORT_PAGE_SIZE = { width: 1250, height: 880 } as const;
export const PASSPORT_CARD_SIZE = { width: 1012, height: 638 } as const;

// ---------------------------------------------------------------------------------------------------
// MRZ builders (ICAO 9303 Part 3-5)

const TRANSLITERATION: Record<string, string> = {
  Ä: 'AE',
  Æ: 'AE',
  Å: 'AA',
  Ö: 'OE',
  Ø: 'OE',
  Ü: 'UE',
  ß: 'SS',
  Þ: 'TH',
  Ð: 'D',
  Ł: 'L',
  Œ: 'OE',
};

/**
 * One name (surname or given names) in the MRZ alphabet: uppercase A–Z, diacritics dropped (with ICAO's
 * recommended transliterations for Ä, Ö, Ü, ß …), spaces and hyphens become '<', apostrophes and other
 * punctuation are omitted (Doc 9303 Part 3: D'ARTAGNAN → DARTAGNAN, MARIE-ELISE → MARIE<ELISE).
 */
export function mrzName(name: string): string {
  const upper = [...name.toUpperCase()].map((c) => TRANSLITERATION[c] ?? c).join('');
  return upper
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\s\-‐‑–]+/g, '<')
    .replace(/[^A-Z<]/g, '')
    .replace(/<+/g, '<')
    .replace(/^<|<$/g, '');
}

/**
 * The name field: PRIMARY<<SECONDARY padded with '<'. When too long, the secondary identifier is
 * truncated first; the primary one only when it alone leaves no room for '<<' and an initial.
 */
export function mrzNameField(surname: string, givenNames: string, length: number): string {
  let primary = mrzName(surname);
  let secondary = mrzName(givenNames);
  if (secondary === '') return fitField(primary, length);
  if (primary.length + 2 + secondary.length > length) {
    if (primary.length + 3 > length) primary = primary.slice(0, length - 3).replace(/<+$/, '');
    secondary = secondary.slice(0, length - primary.length - 2).replace(/<+$/, '');
  }
  return fitField(`${primary}<<${secondary}`, length);
}

function fitField(value: string, length: number): string {
  return value.slice(0, length).padEnd(length, '<');
}

/** YYYY-MM-DD → YYMMDD. */
function mrzDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`expected a YYYY-MM-DD date, got "${iso}"`);
  return `${match[1]!.slice(2)}${match[2]}${match[3]}`;
}

function mrzDocumentNumber(value: string): string {
  const cleaned = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (cleaned.length === 0 || cleaned.length > 9) {
    throw new Error('a passport document number has 1 to 9 letters or digits');
  }
  return cleaned.padEnd(9, '<');
}

/** The two 44-character lines of a passport book (TD3) MRZ, every check digit computed. */
export function buildTd3Mrz(p: PassportSpecimen): [string, string] {
  const line1 = `P<${p.nationality}${mrzNameField(p.surname, p.givenNames, 39)}`;
  const number = mrzDocumentNumber(p.documentNumber);
  const birth = mrzDate(p.dateOfBirth);
  const expiry = mrzDate(p.expirationDate);
  const personal = '<'.repeat(14);
  const numberPart = number + mrzCheckDigit(number);
  const birthPart = birth + mrzCheckDigit(birth);
  const expiryPart = expiry + mrzCheckDigit(expiry);
  const personalPart = personal + mrzCheckDigit(personal);
  const composite = mrzCheckDigit(numberPart + birthPart + expiryPart + personalPart);
  const line2 = `${numberPart}${p.nationality}${birthPart}${p.sex}${expiryPart}${personalPart}${composite}`;
  return [line1, line2];
}

/** The three 30-character lines of a passport card (TD1) MRZ, every check digit computed. */
export function buildTd1Mrz(p: PassportSpecimen): [string, string, string] {
  const number = mrzDocumentNumber(p.documentNumber);
  const optional1 = '<'.repeat(15);
  const line1 = `IP${p.nationality}${number}${mrzCheckDigit(number)}${optional1}`;
  const birth = mrzDate(p.dateOfBirth);
  const expiry = mrzDate(p.expirationDate);
  const optional2 = '<'.repeat(11);
  const birthPart = birth + mrzCheckDigit(birth);
  const expiryPart = expiry + mrzCheckDigit(expiry);
  const composite = mrzCheckDigit(line1.slice(5, 30) + birthPart + expiryPart + optional2);
  const line2 = `${birthPart}${p.sex}${expiryPart}${p.nationality}${optional2}${composite}`;
  const line3 = mrzNameField(p.surname, p.givenNames, 30);
  return [line1, line2, line3];
}

// ---------------------------------------------------------------------------------------------------
// Drawing helpers

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** YYYY-MM-DD → '17 MAR 1984', as printed in the visual zone. */
export function printedDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new Error(`expected a YYYY-MM-DD date, got "${iso}"`);
  return `${match[3]} ${MONTHS[Number(match[2]) - 1] ?? '???'} ${match[1]}`;
}

/** Light wavy guilloche lines and a rosette, deterministic from the seed. */
function guilloche(width: number, height: number, seed: number, colors: readonly string[]): string {
  const random = mulberry32(seed);
  const parts: string[] = [];
  const waves = 34;
  const f1 = 1 + random() * 2;
  const f2 = 3 + random() * 4;
  const phase = random() * Math.PI * 2;
  for (let k = 0; k < waves; k += 1) {
    const y0 = (height * (k + 0.5)) / waves;
    const amp = 8 + random() * 10;
    const points: string[] = [];
    for (let x = 0; x <= width; x += 10) {
      const t = x / width;
      const y =
        y0 +
        amp * Math.sin(2 * Math.PI * f1 * t + phase + k * 0.35) +
        amp * 0.45 * Math.sin(2 * Math.PI * f2 * t + k * 0.9);
      points.push(`${x},${y.toFixed(1)}`);
    }
    const color = colors[k % colors.length] ?? '#c8d6e5';
    parts.push(`<polyline points="${points.join(' ')}" fill="none" stroke="${color}" stroke-width="1.2"/>`);
  }
  // A rosette: a hypotrochoid-like closed curve.
  const cx = width * (0.55 + random() * 0.2);
  const cy = height * (0.35 + random() * 0.2);
  const r = Math.min(width, height) * 0.22;
  const lobes = 9 + Math.floor(random() * 6);
  for (let ring = 0; ring < 3; ring += 1) {
    const points: string[] = [];
    for (let i = 0; i <= 720; i += 1) {
      const a = (i / 720) * Math.PI * 2;
      const rr = r * (0.7 + ring * 0.12) + r * 0.18 * Math.sin(lobes * a + ring);
      points.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`);
    }
    parts.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${colors[ring % colors.length] ?? '#c8d6e5'}" stroke-width="1"/>`,
    );
  }
  return parts.join('');
}

interface Field {
  label: string;
  value: string;
  x: number;
  y: number;
  size?: number;
  font?: SpecimenFont;
}

function field(f: Field): string {
  return (
    svgText(f.label, { font: 'sans', size: 15, x: f.x, y: f.y, fill: '#3d4f6b' }) +
    svgText(f.value, { font: f.font ?? 'sans-bold', size: f.size ?? 27, x: f.x, y: f.y + 31, fill: '#111' })
  );
}

function specimenMark(cx: number, cy: number, size: number, angle: number): string {
  return `<g transform="rotate(${angle} ${cx} ${cy})">${svgText('SPECIMEN', {
    font: 'sans-bold',
    size,
    x: cx,
    y: cy + size * 0.35,
    anchor: 'middle',
    fill: '#d0021b',
    opacity: 0.32,
    letterSpacing: size * 0.08,
  })}</g>`;
}

function mrzLines(
  lines: readonly string[],
  x: number,
  firstBaseline: number,
  pitch: number,
  size: number,
  lineGap: number,
  font: MrzFont = 'mono',
): string {
  const advance = textWidth('<', size, font);
  const spacing = pitch - advance;
  return lines
    .map((line, i) =>
      svgText(line, {
        font,
        size,
        x,
        y: firstBaseline + i * lineGap,
        fill: '#0a0a0a',
        letterSpacing: spacing,
      }),
    )
    .join('');
}

async function portraitLayer(portrait: Buffer | undefined, width: number, height: number): Promise<Buffer> {
  if (portrait) {
    return sharp(portrait)
      .rotate()
      .resize(width, height, { fit: 'cover', position: 'attention' })
      .png()
      .toBuffer();
  }
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
    `<rect width="${width}" height="${height}" fill="#e4e7eb"/>` +
    `<circle cx="${width / 2}" cy="${height * 0.38}" r="${width * 0.22}" fill="#9aa3ad"/>` +
    `<ellipse cx="${width / 2}" cy="${height * 1.02}" rx="${width * 0.45}" ry="${height * 0.38}" fill="#9aa3ad"/>` +
    `</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

function svgDocument(width: number, height: number, body: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg>`,
  );
}

function frame(width: number, height: number, radius: number): string {
  return `<rect x="1" y="1" width="${width - 2}" height="${height - 2}" rx="${radius}" fill="none" stroke="#8a99ad" stroke-width="2"/>`;
}

// ---------------------------------------------------------------------------------------------------
// Passport book data page (TD3)

/** A US passport data page look-alike (PNG, 1250×880), marked SPECIMEN, with a valid TD3 MRZ. */
export async function renderPassportPage(p: PassportSpecimen, opts: RenderOptions = {}): Promise<Buffer> {
  const { width, height } = PASSPORT_PAGE_SIZE;
  const seed = opts.seed ?? 1;
  const portrait = { x: 60, y: 175, w: 300, h: 385 };
  const mrzTop = 690; // the MRZ clear zone, bottom 19 mm
  const col1 = 400;
  const col2 = 720;
  const col3 = 960;
  const [line1, line2] = buildTd3Mrz(p);
  const body = [
    `<rect width="${width}" height="${height}" fill="#f3f1ea"/>`,
    `<rect width="${width}" height="${mrzTop}" fill="#eef2f6"/>`,
    guilloche(width, mrzTop, seed, ['#c9d7e6', '#d8cfe3', '#cfe0d6']),
    `<rect x="0" y="${mrzTop}" width="${width}" height="${height - mrzTop}" fill="#fbfaf6"/>`,
    svgText('PASSPORT', { font: 'sans-bold', size: 24, x: 60, y: 62, fill: '#1f3a60' }),
    svgText('PASSEPORT', { font: 'sans-bold', size: 24, x: 230, y: 62, fill: '#1f3a60' }),
    svgText('PASAPORTE', { font: 'sans-bold', size: 24, x: 420, y: 62, fill: '#1f3a60' }),
    svgText('UNITED STATES OF AMERICA', {
      font: 'serif-bold',
      size: 40,
      x: width / 2 + 150,
      y: 128,
      anchor: 'middle',
      fill: '#1f3a60',
      letterSpacing: 2,
    }),
    field({ label: 'Type / Type / Tipo', value: 'P', x: col1, y: 175 }),
    field({ label: 'Code / Code / Código', value: p.nationality, x: col2 - 140, y: 175 }),
    field({
      label: 'Passport No. / No. du Passeport / No. de Pasaporte',
      value: p.documentNumber,
      x: col2 + 110,
      y: 175,
    }),
    field({ label: 'Surname / Nom / Apellidos', value: p.surname.toUpperCase(), x: col1, y: 240 }),
    field({ label: 'Given Names / Prénoms / Nombres', value: p.givenNames.toUpperCase(), x: col1, y: 305 }),
    field({
      label: 'Nationality / Nationalité / Nacionalidad',
      value: 'UNITED STATES OF AMERICA',
      x: col1,
      y: 370,
    }),
    field({
      label: 'Date of birth / Date de naissance / Fecha de nacimiento',
      value: printedDate(p.dateOfBirth),
      x: col1,
      y: 435,
    }),
    field({
      label: 'Place of birth / Lieu de naissance / Lugar de nacimiento',
      value: p.placeOfBirth.toUpperCase(),
      x: col1,
      y: 500,
    }),
    field({ label: 'Sex / Sexe / Sexo', value: p.sex, x: col3, y: 435 }),
    field({
      label: 'Date of issue / Date de délivrance / Fecha de expedición',
      value: printedDate(p.issueDate),
      x: col1,
      y: 565,
      size: 24,
    }),
    field({
      label: 'Authority / Autorité / Autoridad',
      value: 'United States',
      x: col2 + 110,
      y: 565,
      size: 22,
    }),
    svgText('Department of State', { font: 'sans-bold', size: 22, x: col2 + 110, y: 620, fill: '#111' }),
    field({
      label: 'Date of expiration / Date d’expiration / Fecha de caducidad',
      value: printedDate(p.expirationDate),
      x: col1,
      y: 630,
      size: 24,
    }),
    svgText('SEE PAGE 27', { font: 'sans', size: 14, x: 60, y: 600, fill: '#3d4f6b' }),
    specimenMark(800, 400, 130, -18), // clear of the portrait: faces are matched against it
    svgText('SPECIMEN', {
      font: 'sans-bold',
      size: 18,
      x: width - 60,
      y: 62,
      anchor: 'end',
      fill: '#d0021b',
    }),
    mrzLines([line1, line2], 66, 780, 25.4, 33, 50, opts.mrzFont),
    frame(width, height, 14),
  ].join('');
  const portraitPng = await portraitLayer(p.portrait, portrait.w, portrait.h);
  const overlay = svgDocument(
    width,
    height,
    specimenMark(portrait.x + portrait.w / 2, portrait.y + portrait.h * 0.92, 44, -10) +
      `<rect x="${portrait.x}" y="${portrait.y}" width="${portrait.w}" height="${portrait.h}" fill="none" stroke="#5b6b80" stroke-width="2"/>`,
  );
  return sharp(svgDocument(width, height, body))
    .composite([
      { input: portraitPng, left: portrait.x, top: portrait.y },
      { input: overlay, left: 0, top: 0 },
    ])
    .png()
    .toBuffer();
}

// ---------------------------------------------------------------------------------------------------
// Passport card (ID-1, TD1)

/** A US passport card look-alike: front with portrait and fields, back with a valid TD1 MRZ. */
export async function renderPassportCard(
  p: PassportSpecimen,
  opts: RenderOptions = {},
): Promise<{ front: Buffer; back: Buffer }> {
  const { width, height } = PASSPORT_CARD_SIZE;
  const seed = opts.seed ?? 1;
  const portrait = { x: 40, y: 150, w: 270, h: 345 };
  const col1 = 345;
  const col2 = 690;
  const frontBody = [
    `<rect width="${width}" height="${height}" fill="#eef3f8"/>`,
    guilloche(width, height, seed, ['#c6d6e8', '#d5e3d2', '#e0d5e6']),
    `<rect x="0" y="0" width="${width}" height="110" fill="#1f3a60" fill-opacity="0.92"/>`,
    svgText('UNITED STATES OF AMERICA', {
      font: 'serif-bold',
      size: 36,
      x: width / 2,
      y: 55,
      anchor: 'middle',
      fill: '#ffffff',
      letterSpacing: 2,
    }),
    svgText('PASSPORT CARD', {
      font: 'sans-bold',
      size: 26,
      x: width / 2,
      y: 94,
      anchor: 'middle',
      fill: '#ffffff',
    }),
    field({ label: 'Surname', value: p.surname.toUpperCase(), x: col1, y: 150 }),
    field({ label: 'Given Names', value: p.givenNames.toUpperCase(), x: col1, y: 218 }),
    field({ label: 'Nationality', value: p.nationality, x: col1, y: 286, size: 24 }),
    field({ label: 'Sex', value: p.sex, x: col2, y: 286, size: 24 }),
    field({ label: 'Date of Birth', value: printedDate(p.dateOfBirth), x: col1, y: 350, size: 24 }),
    field({ label: 'Place of Birth', value: p.placeOfBirth.toUpperCase(), x: col2 - 30, y: 350, size: 20 }),
    field({ label: 'Card No.', value: p.documentNumber, x: col1, y: 414, size: 24 }),
    field({ label: 'Issued On', value: printedDate(p.issueDate), x: col1, y: 478, size: 24 }),
    field({ label: 'Expires On', value: printedDate(p.expirationDate), x: col2 - 30, y: 478, size: 24 }),
    svgText('Not valid for international air travel', {
      font: 'sans',
      size: 17,
      x: col1,
      y: 585,
      fill: '#3d4f6b',
    }),
    specimenMark(660, 400, 100, -16), // clear of the portrait
    frame(width, height, 36),
  ].join('');
  const portraitPng = await portraitLayer(p.portrait, portrait.w, portrait.h);
  const overlay = svgDocument(
    width,
    height,
    specimenMark(portrait.x + portrait.w / 2, portrait.y + portrait.h * 0.92, 40, -10) +
      `<rect x="${portrait.x}" y="${portrait.y}" width="${portrait.w}" height="${portrait.h}" fill="none" stroke="#5b6b80" stroke-width="2"/>`,
  );
  const front = await sharp(svgDocument(width, height, frontBody))
    .composite([
      { input: portraitPng, left: portrait.x, top: portrait.y },
      { input: overlay, left: 0, top: 0 },
    ])
    .png()
    .toBuffer();

  const mrzTop = 400;
  const backBody = [
    `<rect width="${width}" height="${height}" fill="#eef3f8"/>`,
    guilloche(width, mrzTop, seed + 7919, ['#c6d6e8', '#d5e3d2', '#e0d5e6']),
    `<rect x="0" y="${mrzTop}" width="${width}" height="${height - mrzTop}" fill="#fbfbf8"/>`,
    svgText('UNITED STATES OF AMERICA', { font: 'sans-bold', size: 24, x: 50, y: 70, fill: '#1f3a60' }),
    svgText('This card is valid for land and sea travel between the United States', {
      font: 'sans',
      size: 18,
      x: 50,
      y: 120,
      fill: '#3d4f6b',
    }),
    svgText('and Canada, Mexico, the Caribbean and Bermuda.', {
      font: 'sans',
      size: 18,
      x: 50,
      y: 146,
      fill: '#3d4f6b',
    }),
    svgText('Department of State', { font: 'sans-bold', size: 20, x: 50, y: 200, fill: '#1f3a60' }),
    specimenMark(width * 0.55, 250, 110, -10),
    mrzLines(buildTd1Mrz(p), 56, 480, 30, 39, 58, opts.mrzFont),
    frame(width, height, 36),
  ].join('');
  const back = await sharp(svgDocument(width, height, backBody))
    .png()
    .toBuffer();
  return { front, back };
}

// Synthetic US driver's license / state ID card images (ID-1, 1012×638 px ≈ 300 dpi), clearly marked
// SPECIMEN. Front: state header, portrait and ghost portrait, the printed fields with their AAMVA field
// numbers, a seeded guilloche background. Back: the real AAMVA PDF417 barcode of the same data (via
// bwip-js), a Code 39 of the document number and fine print. All text is drawn as paths (text-paths.ts).
import bwipjs from 'bwip-js';
import sharp from 'sharp';
import { aamvaText, encodeAamva, type AamvaEncodeOptions, type LicenseData } from './aamva-encoder.ts';
import { svgText } from './text-paths.ts';
import { mulberry32 } from '../seeded-random.ts';

export interface LicenseRenderOptions {
  /** The holder's photo (any format sharp reads); cover-fitted. A grey silhouette when absent. */
  portrait?: Buffer;
  /** Seeds the background pattern and the signature (default 1). */
  seed?: number;
  /** Passed to encodeAamva for the back's barcode. */
  aamva?: AamvaEncodeOptions;
}

export const CARD_SIZE = { width: 1012, height: 638 } as const;
const W = CARD_SIZE.width;
const H = CARD_SIZE.height;

// prettier-ignore
const STATE_NAMES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky',
  LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio',
  OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina',
  SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia',
  WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', PR: 'Puerto Rico', GU: 'Guam',
  VI: 'Virgin Islands',
};

interface Palette {
  band: string;
  light: string;
  warm: string;
  lines: readonly string[];
  label: string;
}

const PALETTES: readonly Palette[] = [
  {
    band: '#1d3b6e',
    light: '#e6edf7',
    warm: '#f6f0dc',
    lines: ['#b9cbe4', '#d9c9a3', '#c6d9ce'],
    label: '#8c1c13',
  },
  {
    band: '#0f5a4a',
    light: '#e3f2ec',
    warm: '#f4efe0',
    lines: ['#b3d8c9', '#d6cda5', '#c9d3e6'],
    label: '#7a1f2b',
  },
  {
    band: '#6b1f2e',
    light: '#f6e9ea',
    warm: '#f2ecde',
    lines: ['#e1c1c6', '#d8cfa8', '#c9d2e3'],
    label: '#1d3b6e',
  },
  {
    band: '#3b2f6b',
    light: '#ece9f6',
    warm: '#f5efe0',
    lines: ['#cbc3e6', '#dccfae', '#c4dad6'],
    label: '#8c1c13',
  },
  {
    band: '#7a4b0c',
    light: '#f7efe0',
    warm: '#eef2f6',
    lines: ['#e3cfa8', '#c5d3e3', '#d3d9c3'],
    label: '#1d3b6e',
  },
];

function paletteFor(state: string): Palette {
  const code = state.toUpperCase();
  const index = ((code.charCodeAt(0) || 0) * 31 + (code.charCodeAt(1) || 0)) % PALETTES.length;
  return PALETTES[index]!;
}

export function stateName(state: string): string {
  return STATE_NAMES[state.toUpperCase()] ?? state.toUpperCase();
}

/** MM/DD/YYYY, as US cards print dates. */
export function printedUsDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (match === null) throw new RangeError(`date ${JSON.stringify(iso)} is not YYYY-MM-DD`);
  return `${match[2]}/${match[3]}/${match[1]}`;
}

/** What the card prints (and the barcode carries) for the holder's names and address. */
export function printedLicenseFields(d: LicenseData): {
  familyName: string;
  givenNames: string;
  street: string;
  cityLine: string;
} {
  const zip = d.address.postalCode.replace(/\D/g, '');
  return {
    familyName: aamvaText(d.familyName),
    givenNames: aamvaText(`${d.givenName} ${d.middleName ?? ''}`),
    street: aamvaText(d.address.street),
    cityLine: `${aamvaText(d.address.city)}, ${d.address.state.toUpperCase()} ${
      zip.length === 9 && !zip.endsWith('0000') ? `${zip.slice(0, 5)}-${zip.slice(5)}` : zip.slice(0, 5)
    }`,
  };
}

function svg(body: string): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${body}</svg>`,
  );
}

/** Wavy guilloche lines over the whole card and a rosette, from the seed. */
function background(
  random: () => number,
  palette: Palette,
  rosette: { x: number; y: number; r: number },
): string {
  const parts = [
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">` +
      `<stop offset="0" stop-color="${palette.light}"/><stop offset="1" stop-color="${palette.warm}"/>` +
      `</linearGradient></defs>`,
    `<rect width="${W}" height="${H}" fill="url(#bg)"/>`,
  ];
  const f1 = 1 + random() * 2;
  const f2 = 3 + random() * 4;
  const phase = random() * Math.PI * 2;
  const waves = 30;
  for (let k = 0; k < waves; k += 1) {
    const y0 = (H * (k + 0.5)) / waves;
    const amp = 6 + random() * 10;
    const points: string[] = [];
    for (let x = 0; x <= W; x += 12) {
      const t = x / W;
      const y =
        y0 +
        amp * Math.sin(2 * Math.PI * f1 * t + phase + k * 0.4) +
        amp * 0.4 * Math.sin(2 * Math.PI * f2 * t + k);
      points.push(`${x},${y.toFixed(1)}`);
    }
    parts.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${palette.lines[k % palette.lines.length]}" stroke-width="1.1"/>`,
    );
  }
  const lobes = 11 + Math.floor(random() * 6);
  for (let ring = 0; ring < 4; ring += 1) {
    const points: string[] = [];
    for (let i = 0; i <= 540; i += 1) {
      const a = (i / 540) * Math.PI * 2;
      const rr = rosette.r * (0.62 + ring * 0.11) + rosette.r * 0.16 * Math.sin(lobes * a + ring * 0.8);
      points.push(
        `${(rosette.x + rr * Math.cos(a)).toFixed(1)},${(rosette.y + rr * Math.sin(a)).toFixed(1)}`,
      );
    }
    parts.push(
      `<polyline points="${points.join(' ')}" fill="none" stroke="${palette.lines[ring % palette.lines.length]}" stroke-width="1.3"/>`,
    );
  }
  return parts.join('');
}

function star(cx: number, cy: number, r: number, fill: string): string {
  const points: string[] = [];
  for (let i = 0; i < 10; i += 1) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const rr = i % 2 === 0 ? r : r * 0.42;
    points.push(`${(cx + rr * Math.cos(a)).toFixed(1)},${(cy + rr * Math.sin(a)).toFixed(1)}`);
  }
  return `<polygon points="${points.join(' ')}" fill="${fill}"/>`;
}

function specimenMark(cx: number, cy: number, size: number, angle: number, opacity: number): string {
  return `<g transform="rotate(${angle} ${cx} ${cy})">${svgText('SPECIMEN', {
    font: 'sans-bold',
    size,
    x: cx,
    y: cy + size * 0.35,
    anchor: 'middle',
    fill: '#d0021b',
    opacity,
    letterSpacing: size * 0.06,
  })}</g>`;
}

/** A labelled field: small AAMVA number + caption in the accent colour, value below in bold. */
function field(
  palette: Palette,
  number: string,
  caption: string,
  value: string,
  x: number,
  y: number,
  size = 26,
  valueFill = '#111',
): string {
  return (
    svgText(number, { font: 'sans-bold', size: 15, x, y, fill: palette.label }) +
    svgText(caption, { font: 'sans', size: 15, x: x + 8 + number.length * 8.5, y, fill: '#3b4654' }) +
    svgText(value, { font: 'sans-bold', size, x, y: y + size + 2, fill: valueFill })
  );
}

/** A name-like scribble, seeded. */
function signature(random: () => number, x: number, y: number, width: number): string {
  let d = `M${x} ${y}`;
  let px = x;
  const steps = 9 + Math.floor(random() * 5);
  for (let i = 0; i < steps; i += 1) {
    const nx = px + width / steps;
    const up = (random() - 0.5) * 46;
    d += ` C${(px + nx) / 2} ${(y + up).toFixed(1)} ${(px + nx) / 2 + 6} ${(y - up * 0.8).toFixed(1)} ${nx.toFixed(1)} ${(y + (random() - 0.5) * 10).toFixed(1)}`;
    px = nx;
  }
  return `<path d="${d}" fill="none" stroke="#1b2a4a" stroke-width="2.6" stroke-linecap="round"/>`;
}

async function portraitImage(portrait: Buffer | undefined, width: number, height: number): Promise<Buffer> {
  if (portrait !== undefined) {
    return sharp(portrait)
      .rotate()
      .resize(width, height, { fit: 'cover', position: 'attention' })
      .removeAlpha()
      .png()
      .toBuffer();
  }
  const body =
    `<rect width="${width}" height="${height}" fill="#dfe3e8"/>` +
    `<circle cx="${width / 2}" cy="${height * 0.38}" r="${width * 0.22}" fill="#9aa3ad"/>` +
    `<ellipse cx="${width / 2}" cy="${height * 1.02}" rx="${width * 0.46}" ry="${height * 0.38}" fill="#9aa3ad"/>`;
  return sharp(
    Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${body}</svg>`),
  )
    .png()
    .toBuffer();
}

function heightText(inches: number): string {
  return `${Math.floor(inches / 12)}'-${String(inches % 12).padStart(2, '0')}"`;
}

/** The card front (PNG, 1012×638). */
export async function renderLicenseFront(d: LicenseData, opts: LicenseRenderOptions = {}): Promise<Buffer> {
  const random = mulberry32(opts.seed ?? 1);
  const palette = paletteFor(d.address.state);
  const printed = printedLicenseFields(d);
  const isDl = d.documentType === 'DL';
  const photo = { x: 34, y: 142, w: 270, h: 360 };
  const ghost = { x: 846, y: 392, w: 126, h: 168 };
  const c1 = 336;
  const c2 = 620;

  const base = [
    background(random, palette, { x: 790, y: 330, r: 170 }),
    `<rect width="${W}" height="112" fill="${palette.band}"/>`,
    `<rect y="112" width="${W}" height="6" fill="${palette.lines[1]}"/>`,
    svgText('USA', { font: 'sans-bold', size: 22, x: 36, y: 44, fill: '#ffffff', letterSpacing: 2 }),
    svgText(stateName(d.address.state).toUpperCase(), {
      font: 'serif-bold',
      size: 50,
      x: 36,
      y: 96,
      fill: '#ffffff',
      letterSpacing: 1,
    }),
    svgText(isDl ? 'DRIVER LICENSE' : 'IDENTIFICATION CARD', {
      font: 'sans-bold',
      size: 30,
      x: W - 100,
      y: 62,
      anchor: 'end',
      fill: '#ffffff',
      letterSpacing: 1.5,
    }),
    svgText('SPECIMEN · NOT A GOVERNMENT DOCUMENT', {
      font: 'sans-bold',
      size: 16,
      x: W - 100,
      y: 94,
      anchor: 'end',
      fill: '#ffd7d2',
    }),
    `<circle cx="${W - 52}" cy="56" r="30" fill="#c9a227"/>`,
    star(W - 52, 58, 22, '#ffffff'),
  ].join('');

  const fields = [
    field(palette, '4d', 'DLN', d.documentNumber.toUpperCase(), c1, 150, 32, palette.label),
    field(palette, '1', '', printed.familyName, c1, 214, 30),
    field(palette, '2', '', printed.givenNames, c1, 274, 26),
    field(palette, '8', '', printed.street, c1, 330, 22),
    svgText(printed.cityLine, { font: 'sans-bold', size: 22, x: c1, y: 380, fill: '#111' }),
    field(palette, '3', 'DOB', printedUsDate(d.dateOfBirth), c1, 412, 30, palette.label),
    field(palette, '4b', 'EXP', printedUsDate(d.expirationDate), c2, 412, 26),
    field(palette, '4a', 'ISS', printedUsDate(d.issueDate), c2, 150, 22),
    field(palette, '15', 'SEX', d.sex, c1, 472, 22),
    field(palette, '16', 'HGT', heightText(d.heightInches), c1 + 90, 472, 22),
    field(palette, '18', 'EYES', d.eyeColor, c1 + 210, 472, 22),
    isDl
      ? field(palette, '9', 'CLASS', 'D', c1 + 320, 472, 22) +
        field(palette, '9a', 'END', 'NONE', c1, 530, 18) +
        field(palette, '12', 'RESTR', 'NONE', c1 + 110, 530, 18)
      : field(palette, '', 'NOT FOR DRIVING', '', c1 + 320, 472, 22),
    field(palette, '5', 'DD', d.documentDiscriminator.toUpperCase(), c1 + 240, 530, 18),
    signature(random, 46, 560, 230),
    `<line x1="40" y1="588" x2="300" y2="588" stroke="#4a5668" stroke-width="1"/>`,
    svgText(`DOB ${printedUsDate(d.dateOfBirth).replace(/\//g, '')}`, {
      font: 'sans-bold',
      size: 13,
      x: ghost.x + ghost.w / 2,
      y: ghost.y + ghost.h + 20,
      anchor: 'middle',
      fill: palette.label,
    }),
    // Kept clear of the portrait: a mark across the face would spoil the face match the specimens exist to test.
    specimenMark(630, 300, 112, -17, 0.22),
    specimenMark(photo.x + photo.w / 2, photo.y + photo.h * 0.9, 50, -12, 0.5),
    svgText('SPECIMEN', { font: 'sans-bold', size: 24, x: 36, y: 622, fill: '#d0021b', letterSpacing: 3 }),
    `<rect x="${photo.x}" y="${photo.y}" width="${photo.w}" height="${photo.h}" fill="none" stroke="#54606e" stroke-width="2"/>`,
    `<rect x="1.5" y="1.5" width="${W - 3}" height="${H - 3}" rx="34" fill="none" stroke="#7d8896" stroke-width="3"/>`,
  ].join('');

  const portrait = await portraitImage(opts.portrait, photo.w, photo.h);
  const ghostImage = await sharp(portrait)
    .resize(ghost.w, ghost.h)
    .grayscale()
    .linear(0.4, 255 * 0.6)
    .png()
    .toBuffer();
  return sharp(svg(base))
    .composite([
      { input: portrait, left: photo.x, top: photo.y },
      { input: ghostImage, left: ghost.x, top: ghost.y, blend: 'multiply' },
      { input: svg(fields), left: 0, top: 0 },
    ])
    .removeAlpha()
    .png()
    .toBuffer();
}

/**
 * The AAMVA payload as a PDF417 symbol the way cards print it: 13 data columns, error correction
 * level 5, rows 3 modules high, 3 px per module (≈ 870 px wide, 86% of the card), on white with a
 * quiet zone.
 */
export async function pdf417Png(payload: string): Promise<Buffer> {
  return bwipjs.toBuffer({
    bcid: 'pdf417',
    text: payload,
    columns: 13,
    eclevel: 5,
    rowmult: 3,
    scale: 3,
    backgroundcolor: 'FFFFFF',
    paddingwidth: 6,
    paddingheight: 6,
  } as Parameters<typeof bwipjs.toBuffer>[0]);
}

/** The card back (PNG, 1012×638) with the real AAMVA PDF417 of `d`. */
export async function renderLicenseBack(d: LicenseData, opts: LicenseRenderOptions = {}): Promise<Buffer> {
  const random = mulberry32((opts.seed ?? 1) ^ 0xbac4);
  const palette = paletteFor(d.address.state);
  const payload = encodeAamva(d, opts.aamva);
  const barcode = await pdf417Png(payload);
  const meta = await sharp(barcode).metadata();
  // 13 columns fix the width; an unusually long payload adds rows, so keep room for the rest.
  const box = { width: Math.round(W * 0.9), height: 300 };
  const scaled =
    (meta.width ?? 0) > box.width || (meta.height ?? 0) > box.height
      ? await sharp(barcode)
          .resize({ ...box, fit: 'inside', kernel: 'nearest' })
          .png()
          .toBuffer()
      : barcode;
  const size = await sharp(scaled).metadata();
  const bw = size.width ?? 0;
  const bh = size.height ?? 0;
  const bx = Math.round((W - bw) / 2);
  const by = 62;

  const code39 = await bwipjs.toBuffer({
    bcid: 'code39',
    text: aamvaText(d.documentNumber).replace(/[^A-Z0-9]/g, ''),
    scale: 2,
    height: 9,
    backgroundcolor: 'FFFFFF',
    paddingwidth: 8,
    paddingheight: 4,
  } as Parameters<typeof bwipjs.toBuffer>[0]);
  const c39 = await sharp(code39).metadata();
  const c39Width = Math.min(c39.width ?? 0, 420);
  const c39Png =
    (c39.width ?? 0) > 420
      ? await sharp(code39)
          .resize({ width: 420, height: c39.height ?? 60, fit: 'fill', kernel: 'nearest' })
          .png()
          .toBuffer()
      : code39;
  const lowerTop = Math.max(by + bh + 22, 360);
  const isDl = d.documentType === 'DL';
  const fine = [
    isDl ? 'CLASS D: Any non-commercial vehicle except motorcycles.' : 'This card is not a license to drive.',
    isDl ? 'ENDORSEMENTS: NONE    RESTRICTIONS: NONE' : 'Valid for identification only.',
    `ISSUED BY: ${stateName(d.address.state).toUpperCase()} (SPECIMEN ISSUER)`,
    'If found, drop in any mailbox. Return postage guaranteed.',
  ];
  const body = [
    background(random, palette, { x: 820, y: 520, r: 110 }),
    `<rect width="${W}" height="46" fill="${palette.band}"/>`,
    svgText(
      `${stateName(d.address.state).toUpperCase()} · ${isDl ? 'DRIVER LICENSE' : 'IDENTIFICATION CARD'}`,
      {
        font: 'sans-bold',
        size: 20,
        x: 34,
        y: 31,
        fill: '#ffffff',
        letterSpacing: 1,
      },
    ),
    svgText('SPECIMEN · NOT A GOVERNMENT DOCUMENT', {
      font: 'sans-bold',
      size: 18,
      x: W - 34,
      y: 31,
      anchor: 'end',
      fill: '#ffd7d2',
    }),
    svgText(d.documentNumber.toUpperCase(), {
      font: 'mono',
      size: 18,
      x: 40 + c39Width / 2,
      y: lowerTop + (c39.height ?? 50) + 22,
      anchor: 'middle',
      fill: '#111',
    }),
    ...fine.map((line, i) =>
      svgText(line, { font: 'sans', size: 15, x: 500, y: lowerTop + 18 + i * 24, fill: '#26313e' }),
    ),
    svgText(`DD ${d.documentDiscriminator.toUpperCase()}`, {
      font: 'mono',
      size: 15,
      x: 500,
      y: lowerTop + 18 + fine.length * 24,
      fill: '#26313e',
    }),
    specimenMark(700, H - 62, 96, 0, 0.85),
    `<rect x="1.5" y="1.5" width="${W - 3}" height="${H - 3}" rx="34" fill="none" stroke="#7d8896" stroke-width="3"/>`,
  ].join('');
  return sharp(svg(body))
    .composite([
      { input: scaled, left: bx, top: by },
      { input: c39Png, left: 40, top: lowerTop },
    ])
    .removeAlpha()
    .png()
    .toBuffer();
}

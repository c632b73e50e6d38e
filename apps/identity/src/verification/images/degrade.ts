// Deterministic image degradations that imitate phone captures of a document (tilt, keystone, focus blur,
// heavy JPEG, glare, uneven light, a busy table under the card, low resolution). Used by the unit tests and
// by `npm run bench:idv` to build degradation grids.
//
// Convention: every function takes an ENCODED image (PNG, JPEG or WebP bytes) and returns PNG bytes,
// except `jpeg()`, which returns JPEG bytes. Alpha is kept where it matters (a card with rounded,
// transparent corners composited by `onBusyBackground`) and flattened otherwise. Same inputs and seed →
// same output bytes.
import sharp, { type Sharp } from 'sharp';
import { warpPerspective, type Point } from './locate-card.ts';
import { mulberry32 } from '../seeded-random.ts';

type Bytes = Buffer | Uint8Array;

const png = (s: Sharp) => s.png({ compressionLevel: 1 }).toBuffer();

async function rawRgb(bytes: Bytes): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(bytes)
    .flatten({ background: '#ffffff' })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

const fromRaw = (data: Buffer, width: number, height: number, channels: 3 | 4 = 3) =>
  sharp(data, { raw: { width, height, channels } });

/** Table-top grey used to fill corners uncovered by a rotation or a keystone. */
export const DEFAULT_FILL = '#5a5550';

/** Rotates by `deg` degrees (positive = clockwise), growing the canvas; uncovered corners get `background`. */
export async function rotate(img: Bytes, deg: number, background: string = DEFAULT_FILL): Promise<Buffer> {
  return png(sharp(img).flatten({ background }).rotate(deg, { background }));
}

/**
 * Mild keystone, as when the phone is tilted towards the bottom edge: the top edge shrinks by
 * `strength` × width (split over both sides) and drops a little. 0.05–0.15 is "mild".
 */
export async function perspective(
  img: Bytes,
  strength: number,
  background: string = DEFAULT_FILL,
): Promise<Buffer> {
  const { data, width: w, height: h } = await rawRgb(img);
  const inset = (strength * w) / 2;
  const drop = strength * h * 0.15;
  const dst: [Point, Point, Point, Point] = [
    { x: inset, y: drop },
    { x: w - 1 - inset, y: drop },
    { x: w - 1, y: h - 1 },
    { x: 0, y: h - 1 },
  ];
  const src: [Point, Point, Point, Point] = [
    { x: 0, y: 0 },
    { x: w - 1, y: 0 },
    { x: w - 1, y: h - 1 },
    { x: 0, y: h - 1 },
  ];
  const fill = hexRgb(background);
  const out = warpPerspective({ data, width: w, height: h }, src, dst, w, h, fill);
  return png(fromRaw(out.data, w, h));
}

/** Gaussian blur (out of focus / motion-free shake). */
export async function blur(img: Bytes, sigma: number): Promise<Buffer> {
  if (sigma < 0.3) return png(sharp(img));
  return png(sharp(img).blur(sigma));
}

/** Re-encodes as JPEG at `quality` (1–100), 4:2:0 chroma like phone cameras. Returns JPEG bytes. */
export async function jpeg(img: Bytes, quality: number): Promise<Buffer> {
  return sharp(img)
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: Math.round(quality), chromaSubsampling: '4:2:0', mozjpeg: false })
    .toBuffer();
}

export interface GlareOptions {
  /** Centre, as a fraction of the width (0–1). */
  x: number;
  /** Centre, as a fraction of the height (0–1). */
  y: number;
  /** Radius as a fraction of the shorter side. */
  radius: number;
  /** 0–1: how far pixels are pushed to white at the centre (1 = fully saturated core). */
  strength: number;
}

/** A specular highlight: pixels are pushed towards white, saturating in the core (30% of the radius). */
export async function glare(img: Bytes, o: GlareOptions): Promise<Buffer> {
  const { data, width: w, height: h } = await rawRgb(img);
  const cx = o.x * w;
  const cy = o.y * h;
  const r = Math.max(1, o.radius * Math.min(w, h));
  const core = 0.3 * r;
  const y0 = Math.max(0, Math.floor(cy - r));
  const y1 = Math.min(h - 1, Math.ceil(cy + r));
  const x0 = Math.max(0, Math.floor(cx - r));
  const x1 = Math.min(w - 1, Math.ceil(cx + r));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if (d >= r) continue;
      const t = d <= core ? 1 : 1 - smoothstep((d - core) / (r - core));
      const a = Math.min(1, o.strength * t);
      const i = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) data[i + c] = Math.round(data[i + c]! + (255 - data[i + c]!) * a);
    }
  }
  return png(fromRaw(data, w, h));
}

/** Darkens the image along a diagonal ramp (down to 1 − strength) with a mild vignette: a lamp off to one side. */
export async function unevenLight(img: Bytes, strength: number): Promise<Buffer> {
  const { data, width: w, height: h } = await rawRgb(img);
  const diag = w + h;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const ramp = (x + y) / diag;
      const dx = (x - w / 2) / (w / 2);
      const dy = (y - h / 2) / (h / 2);
      const vignette = 0.25 * Math.min(1, (dx * dx + dy * dy) / 2);
      const gain = Math.max(0, 1 - strength * Math.min(1, ramp + vignette));
      const i = (y * w + x) * 3;
      // Slightly warm light: blue loses a bit more.
      data[i] = Math.round(data[i]! * gain);
      data[i + 1] = Math.round(data[i + 1]! * gain);
      data[i + 2] = Math.round(data[i + 2]! * gain * (1 - 0.08 * strength));
    }
  }
  return png(fromRaw(data, w, h));
}

/** Resizes by `factor` (0.5 = half width and height). */
export async function downscale(img: Bytes, factor: number): Promise<Buffer> {
  const meta = await sharp(img).metadata();
  const width = Math.max(1, Math.round((meta.width ?? 1) * factor));
  return png(sharp(img).resize({ width }));
}

export interface BackgroundOptions {
  seed: number;
  /** Card width as a fraction of the background width (default 0.6). */
  scale?: number;
  /** Card rotation in degrees, positive = clockwise (default 0). */
  angle?: number;
}

/**
 * Composites the card (kept at its pixel size; transparent rounded corners respected) with a soft shadow
 * onto a generated background: wood grain, woven cloth or desk clutter (chosen by seed), 4:3, whose
 * width is card width / scale. The card position is seeded and always fully inside the frame.
 */
export async function onBusyBackground(cardImg: Bytes, o: BackgroundOptions): Promise<Buffer> {
  const scale = o.scale ?? 0.6;
  const angle = o.angle ?? 0;
  const rand = mulberry32(o.seed * 7919 + 17);
  const card = sharp(cardImg).ensureAlpha();
  const transparent = { r: 0, g: 0, b: 0, alpha: 0 };
  const rotated = await card
    .rotate(angle, { background: transparent })
    .png()
    .toBuffer({ resolveWithObject: true });
  const cardMeta = await sharp(cardImg).metadata();
  const W = Math.round((cardMeta.width ?? 1) / scale);
  const H = Math.round(W * 0.75);
  const rw = rotated.info.width;
  const rh = rotated.info.height;
  if (rw + 8 > W || rh + 8 > H) throw new RangeError('card does not fit on the background at this scale');
  const left = Math.round(4 + rand() * (W - rw - 8));
  const top = Math.round(4 + rand() * (H - rh - 8));

  const kind = o.seed % 3;
  let background: Buffer;
  if (kind === 0) background = await pngFromRaw(woodTexture(W, H, rand), W, H);
  else if (kind === 1) background = await pngFromRaw(clothTexture(W, H, rand), W, H);
  else background = await clutterTexture(W, H, rand);

  // Shadow: the card's alpha, darkened and blurred, offset down-right.
  const shadow = await sharp(rotated.data)
    .extractChannel('alpha')
    .toColourspace('b-w')
    .linear(0.45, 0)
    .blur(6)
    .toBuffer();
  const shadowRgba = await sharp({ create: { width: rw, height: rh, channels: 3, background: '#000000' } })
    .joinChannel(shadow)
    .png()
    .toBuffer();
  const offset = Math.max(2, Math.round(W * 0.006));
  return png(
    sharp(background).composite([
      { input: shadowRgba, left: Math.min(W - rw, left + offset), top: Math.min(H - rh, top + offset) },
      { input: rotated.data, left, top },
    ]),
  );
}

// ---------- textures ----------

function pngFromRaw(data: Buffer, w: number, h: number): Promise<Buffer> {
  return png(fromRaw(data, w, h));
}

function woodTexture(w: number, h: number, rand: () => number): Buffer {
  const out = Buffer.allocUnsafe(w * h * 3);
  const noise = valueNoise(rand, 64);
  const base = [140 + rand() * 50, 90 + rand() * 30, 50 + rand() * 20];
  const freq = 0.03 + rand() * 0.04;
  const tilt = (rand() - 0.5) * 0.3;
  const plank = Math.round(h / (3 + Math.floor(rand() * 3)));
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const n = noise(x / 180, y / 40);
      const grain = Math.sin((y + x * tilt) * freq + n * 6) * 0.5 + 0.5;
      const fine = noise(x / 6, y / 1.5) - 0.5;
      const seam = y % plank < 2 ? 0.55 : 1;
      const k = (0.72 + 0.28 * grain + 0.12 * fine) * seam;
      const i = (y * w + x) * 3;
      out[i] = clamp8(base[0]! * k);
      out[i + 1] = clamp8(base[1]! * k);
      out[i + 2] = clamp8(base[2]! * k);
    }
  }
  return out;
}

function clothTexture(w: number, h: number, rand: () => number): Buffer {
  const out = Buffer.allocUnsafe(w * h * 3);
  const noise = valueNoise(rand, 64);
  const c1 = [rand() * 200 + 30, rand() * 200 + 30, rand() * 200 + 30];
  const c2 = [rand() * 200 + 30, rand() * 200 + 30, rand() * 200 + 30];
  const period = 40 + Math.floor(rand() * 60);
  const thread = 3 + Math.floor(rand() * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const stripeX = Math.floor(x / period) % 2;
      const stripeY = Math.floor(y / period) % 2;
      const weave = (Math.floor(x / thread) + Math.floor(y / thread)) % 2 ? 0.88 : 1;
      const fold = 0.8 + 0.2 * noise(x / 300, y / 300);
      const mix = (stripeX + stripeY) / 2;
      const k = weave * fold * (0.9 + 0.2 * (noise(x / 3, y / 3) - 0.5));
      const i = (y * w + x) * 3;
      for (let c = 0; c < 3; c++) out[i + c] = clamp8((c1[c]! * (1 - mix) + c2[c]! * mix) * k);
    }
  }
  return out;
}

async function clutterTexture(w: number, h: number, rand: () => number): Promise<Buffer> {
  const colour = () =>
    `rgb(${Math.round(rand() * 220)},${Math.round(rand() * 220)},${Math.round(rand() * 220)})`;
  const shapes: string[] = [];
  for (let i = 0; i < 40; i++) {
    const x = rand() * w;
    const y = rand() * h;
    const s = (0.05 + rand() * 0.25) * w;
    const rot = rand() * 180;
    const kind = Math.floor(rand() * 4);
    if (kind === 0) {
      shapes.push(
        `<rect x="${x}" y="${y}" width="${s}" height="${s * (0.3 + rand())}" fill="${colour()}" transform="rotate(${rot} ${x} ${y})"/>`,
      );
    } else if (kind === 1) {
      shapes.push(`<circle cx="${x}" cy="${y}" r="${s / 3}" fill="${colour()}"/>`);
    } else if (kind === 2) {
      shapes.push(
        `<line x1="${x}" y1="${y}" x2="${x + s * 2}" y2="${y + (rand() - 0.5) * s * 2}" stroke="${colour()}" stroke-width="${2 + rand() * 10}"/>`,
      );
    } else {
      // Printed-matter stripes (like text lines on a receipt).
      const lines = Array.from(
        { length: 6 },
        (_, k) =>
          `<rect x="${x + 8}" y="${y + 10 + k * 14}" width="${s * (0.5 + rand() * 0.5)}" height="6" fill="#333"/>`,
      ).join('');
      shapes.push(
        `<g transform="rotate(${rot} ${x} ${y})"><rect x="${x}" y="${y}" width="${s * 1.1}" height="100" fill="rgb(235,232,222)"/>${lines}</g>`,
      );
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><rect width="100%" height="100%" fill="${colour()}"/>${shapes.join('')}</svg>`;
  return png(sharp(Buffer.from(svg)).flatten({ background: '#808080' }));
}

// ---------- helpers ----------

function smoothstep(t: number): number {
  const u = Math.min(1, Math.max(0, t));
  return u * u * (3 - 2 * u);
}

function clamp8(v: number): number {
  return v < 0 ? 0 : v > 255 ? 255 : Math.round(v);
}

function hexRgb(hex: string): [number, number, number] {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return [128, 128, 128];
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

/** 2-D value noise in [0, 1] over a seeded lattice of `size`×`size` cells (wrapping). */
function valueNoise(rand: () => number, size: number): (x: number, y: number) => number {
  const lattice = Float64Array.from({ length: size * size }, () => rand());
  const at = (ix: number, iy: number) =>
    lattice[(((iy % size) + size) % size) * size + (((ix % size) + size) % size)]!;
  return (x, y) => {
    const ix = Math.floor(x);
    const iy = Math.floor(y);
    const fx = x - ix;
    const fy = y - iy;
    const sx = fx * fx * (3 - 2 * fx);
    const sy = fy * fy * (3 - 2 * fy);
    const a = at(ix, iy) + (at(ix + 1, iy) - at(ix, iy)) * sx;
    const b = at(ix, iy + 1) + (at(ix + 1, iy + 1) - at(ix, iy + 1)) * sx;
    return a + (b - a) * sy;
  };
}

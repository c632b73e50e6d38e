// Portraits and "selfies" for specimen documents, cut from the group photos that ship with
// @vladmandic/face-api (demo/sample1..6.jpg). A document portrait is a tight 3:4 head-and-shoulders
// crop; a selfie is the same face photographed differently (wider crop, tilt, other light, blur or
// noise, JPEG again), so face matching has a genuine pair to work on. Deterministic for a seed.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type OverlayOptions, type Sharp } from 'sharp';
import { mulberry32 } from '../seeded-random.ts';

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PortraitSource {
  /** e.g. "s1-f0": sample1.jpg, face 0. */
  id: string;
  /** File name inside @vladmandic/face-api/demo/. */
  file: string;
  /** Face box in the original photo's pixels. */
  box: FaceBox;
  score: number;
  /** Head tilt in degrees, when known; portraits are turned upright by it. */
  roll?: number;
}

export interface PortraitOptions {
  /** JSON list of sources; defaults to portrait-sources.json beside this file. */
  sourcesPath?: string;
}

export const DEFAULT_PORTRAIT_SOURCES = fileURLToPath(new URL('./portrait-sources.json', import.meta.url));
export const PORTRAIT_SIZE = { width: 300, height: 400 } as const;
export const SELFIE_SIZE = { width: 640, height: 800 } as const;

const require = createRequire(import.meta.url);
/** The face-api package has no `exports` map, so its package.json resolves and demo/ sits beside it. */
export const FACE_API_DEMO_DIR = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

/**
 * Faces in the demo photos that make poor portraits (looking down or away) and so may be missing from
 * the sources list, found by eye. They are blurred out of crops like the listed neighbours.
 */
const UNLISTED_FACES: Readonly<Record<string, readonly FaceBox[]>> = {
  'sample1.jpg': [{ x: 830, y: 410, width: 170, height: 230 }],
  'sample2.jpg': [
    { x: 360, y: 140, width: 190, height: 260 },
    { x: 890, y: 210, width: 190, height: 250 },
  ],
  'sample5.jpg': [{ x: 600, y: 430, width: 200, height: 230 }],
};

/** True when the boxes overlap by more than a third of the smaller one. */
function overlaps(a: FaceBox, b: FaceBox): boolean {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 && w * h > Math.min(a.width * a.height, b.width * b.height) / 3;
}

const sourcesCache = new Map<string, Promise<PortraitSource[]>>();

function isSource(value: unknown): value is PortraitSource {
  const v = value as PortraitSource;
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof v.id === 'string' &&
    typeof v.file === 'string' &&
    /^[\w.-]+$/.test(v.file) &&
    typeof v.box === 'object' &&
    v.box !== null &&
    [v.box.x, v.box.y, v.box.width, v.box.height].every((n) => typeof n === 'number' && Number.isFinite(n)) &&
    v.box.width > 0 &&
    v.box.height > 0
  );
}

/** The face boxes to cut portraits from, in file order. */
export function loadPortraitSources(path: string = DEFAULT_PORTRAIT_SOURCES): Promise<PortraitSource[]> {
  let cached = sourcesCache.get(path);
  if (cached === undefined) {
    cached = readFile(path, 'utf8').then((text) => {
      const parsed: unknown = JSON.parse(text);
      if (!Array.isArray(parsed) || parsed.length === 0 || !parsed.every(isSource)) {
        throw new Error(`portrait sources ${path}: expected a non-empty array of {id, file, box, score}`);
      }
      return parsed;
    });
    cached.catch(() => sourcesCache.delete(path));
    sourcesCache.set(path, cached);
  }
  return cached;
}

/** The source for an id, or for an index (taken modulo the number of sources), and its neighbours. */
export async function resolvePortraitSource(
  which: string | number,
  opts: PortraitOptions = {},
): Promise<{ source: PortraitSource; others: FaceBox[] }> {
  const sources = await loadPortraitSources(opts.sourcesPath);
  let source: PortraitSource | undefined;
  if (typeof which === 'number') {
    if (!Number.isInteger(which)) throw new RangeError('portrait index must be an integer');
    const n = sources.length;
    source = sources[((which % n) + n) % n];
  } else {
    source = sources.find((s) => s.id === which);
  }
  if (source === undefined) throw new RangeError(`no portrait source ${JSON.stringify(which)}`);
  const others = [...sources.filter((s) => s.file === source.file && s !== source).map((s) => s.box)];
  for (const box of UNLISTED_FACES[source.file] ?? []) {
    if (!others.some((o) => overlaps(o, box)) && !overlaps(source.box, box)) others.push(box);
  }
  return { source, others };
}

interface Photo {
  data: Buffer;
  width: number;
  height: number;
}

// Decoded photos (1920 px wide, ~8 MB raw each); six at most, kept for the life of the process.
const photoCache = new Map<string, Promise<Photo>>();

function loadPhoto(file: string): Promise<Photo> {
  let cached = photoCache.get(file);
  if (cached === undefined) {
    cached = sharp(join(FACE_API_DEMO_DIR, file))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, width: info.width, height: info.height }));
    cached.catch(() => photoCache.delete(file));
    photoCache.set(file, cached);
  }
  return cached;
}

function rawImage(photo: Photo): Sharp {
  return sharp(photo.data, { raw: { width: photo.width, height: photo.height, channels: 3 } });
}

type Region = { left: number; top: number; width: number; height: number };

function intersect(a: Region, b: Region): Region | undefined {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  return right - left >= 2 && bottom - top >= 2
    ? { left, top, width: right - left, height: bottom - top }
    : undefined;
}

/**
 * `region` of the photo as a raw image, with the other people's faces in it smeared out of
 * recognition, so a portrait or selfie shows exactly one face to a detector.
 */
async function extractOneFace(photo: Photo, region: Region, others: readonly FaceBox[]): Promise<Sharp> {
  const patches: OverlayOptions[] = [];
  for (const { x, y, width, height } of others) {
    const grown = {
      left: Math.round(x - width * 0.3),
      top: Math.round(y - height * 0.35),
      width: Math.round(width * 1.6),
      height: Math.round(height * 1.7),
    };
    const area = intersect(
      intersect(grown, { left: 0, top: 0, width: photo.width, height: photo.height }) ?? grown,
      region,
    );
    if (area === undefined) continue;
    // Blurred, inside a feathered ellipse so no hard rectangle edge shows.
    const mask = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${area.width}" height="${area.height}">` +
        `<defs><filter id="f"><feGaussianBlur stdDeviation="${Math.max(4, width / 14)}"/></filter></defs>` +
        `<ellipse cx="${grown.left + grown.width / 2 - area.left}" cy="${grown.top + grown.height / 2 - area.top}" ` +
        `rx="${grown.width * 0.45}" ry="${grown.height * 0.45}" fill="#fff" filter="url(#f)"/></svg>`,
    );
    const alpha = await sharp(mask).extractChannel(3).raw().toBuffer();
    const patch = await rawImage(photo)
      .extract(area)
      .blur(Math.max(12, width / 6))
      .joinChannel(alpha, { raw: { width: area.width, height: area.height, channels: 1 } })
      .raw()
      .toBuffer();
    patches.push({
      input: patch,
      raw: { width: area.width, height: area.height, channels: 4 },
      left: area.left - region.left,
      top: area.top - region.top,
    });
  }
  const cut = rawImage(photo).extract(region);
  if (patches.length === 0) return cut;
  const { data, info } = await cut
    .composite(patches)
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
}

/**
 * The crop rectangle (in photo pixels) of `aspect` (width / height) around the face: `scale` × the
 * face size wide, the face centre at `faceY` of the height; shifted (then shrunk) to stay inside.
 */
export function cropAround(
  box: FaceBox,
  photo: { width: number; height: number },
  scale: number,
  aspect: number,
  faceY: number,
): Region {
  let width = Math.max(box.width, box.height * 0.8) * scale;
  let height = width / aspect;
  if (width > photo.width) {
    width = photo.width;
    height = width / aspect;
  }
  if (height > photo.height) {
    height = photo.height;
    width = height * aspect;
  }
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const left = Math.min(Math.max(0, cx - width / 2), photo.width - width);
  const top = Math.min(Math.max(0, cy - height * faceY), photo.height - height);
  return {
    left: Math.round(left),
    top: Math.round(top),
    width: Math.min(Math.round(width), photo.width - Math.round(left)),
    height: Math.min(Math.round(height), photo.height - Math.round(top)),
  };
}

/**
 * `crop` of the photo turned by `angle` degrees about `pivot` (the face centre) and scaled to `out`
 * pixels. A square around the pivot (mirrored past the photo's edges) is rotated, so no empty corner
 * shows and the face stays where the crop put it.
 */
async function rotatedCrop(
  photo: Photo,
  crop: Region,
  pivot: { x: number; y: number },
  angle: number,
  others: readonly FaceBox[],
  out: { width: number; height: number },
): Promise<{ data: Buffer; width: number; height: number }> {
  const px = Math.round(pivot.x);
  const py = Math.round(pivot.y);
  const dx = Math.max(px - crop.left, crop.left + crop.width - px);
  const dy = Math.max(py - crop.top, crop.top + crop.height - py);
  const half = Math.ceil(Math.hypot(dx, dy)) + 2;
  const square = { left: px - half, top: py - half, width: 2 * half, height: 2 * half };
  const inside = intersect(square, { left: 0, top: 0, width: photo.width, height: photo.height }) ?? crop;
  const cut = await (
    await extractOneFace(photo, inside, others)
  )
    .extend({
      left: inside.left - square.left,
      top: inside.top - square.top,
      right: square.left + square.width - (inside.left + inside.width),
      bottom: square.top + square.height - (inside.top + inside.height),
      extendWith: 'mirror',
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const factor = out.width / crop.width;
  const side = Math.round(square.width * factor);
  let turned = sharp(cut.data, {
    raw: { width: cut.info.width, height: cut.info.height, channels: 3 },
  }).resize(side, side, { fit: 'fill' });
  if (Math.abs(angle) > 0.05) turned = turned.rotate(angle, { background: '#808080' });
  const big = await turned.raw().toBuffer({ resolveWithObject: true });
  const left = Math.round(big.info.width / 2 - (px - crop.left) * factor);
  const top = Math.round(big.info.height / 2 - (py - crop.top) * factor);
  const final = await sharp(big.data, {
    raw: { width: big.info.width, height: big.info.height, channels: 3 },
  })
    .extract({
      left: Math.max(0, Math.min(left, big.info.width - out.width)),
      top: Math.max(0, Math.min(top, big.info.height - out.height)),
      width: out.width,
      height: out.height,
    })
    .raw()
    .toBuffer();
  return { data: final, width: out.width, height: out.height };
}

const centre = (box: FaceBox): { x: number; y: number } => ({
  x: box.x + box.width / 2,
  y: box.y + box.height / 2,
});

/** The turn (degrees, sharp's clockwise convention) that makes the head upright; 0 for small tilts. */
function uprightAngle(source: PortraitSource): number {
  const roll = source.roll ?? 0;
  return Number.isFinite(roll) && Math.abs(roll) >= 3 ? -roll : 0;
}

/** A document-style portrait (PNG, 300×400, 3:4): head and shoulders, upright, face above centre. */
export async function portraitFor(which: string | number, opts: PortraitOptions = {}): Promise<Buffer> {
  const { source, others } = await resolvePortraitSource(which, opts);
  const photo = await loadPhoto(source.file);
  const crop = cropAround(source.box, photo, 2.1, 3 / 4, 0.44);
  const image = await rotatedCrop(
    photo,
    crop,
    centre(source.box),
    uprightAngle(source),
    others,
    PORTRAIT_SIZE,
  );
  return sharp(image.data, { raw: { width: image.width, height: image.height, channels: 3 } })
    .modulate({ brightness: 1.04 })
    .png()
    .toBuffer();
}

/**
 * The same face "photographed differently" (JPEG, 640×800): a wider crop showing some of the scene,
 * held a little differently (±5° from the source photo's tilt), brightness/saturation/hue shifted,
 * mildly blurred or noisy, recompressed. Deterministic for (face, seed).
 */
export async function selfieFor(
  which: string | number,
  seed: number,
  opts: PortraitOptions = {},
): Promise<Buffer> {
  const { source, others } = await resolvePortraitSource(which, opts);
  const photo = await loadPhoto(source.file);
  const random = mulberry32(seed ^ 0x5e1f1e);
  const between = (lo: number, hi: number): number => lo + (hi - lo) * random();
  const tilt = between(-5, 5);
  const shifted: FaceBox = {
    ...source.box,
    x: source.box.x + between(-0.2, 0.2) * source.box.width,
    y: source.box.y + between(-0.1, 0.15) * source.box.height,
  };
  const crop = cropAround(shifted, photo, between(2.3, 2.9), SELFIE_SIZE.width / SELFIE_SIZE.height, 0.42);
  // Upright like a selfie held at arm's length, but only halfway for strongly tilted heads.
  const angle = uprightAngle(source) / 2 + tilt;
  const turned = await rotatedCrop(photo, crop, centre(source.box), angle, others, SELFIE_SIZE);
  let image = sharp(turned.data, { raw: { width: turned.width, height: turned.height, channels: 3 } })
    .modulate({
      brightness: between(0.85, 1.15),
      saturation: between(0.8, 1.2),
      hue: Math.round(between(-8, 8)),
    })
    .linear(between(0.9, 1.1), between(-10, 10));
  const blurred = random() < 0.5;
  if (blurred) image = image.blur(between(0.6, 1.2));
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  if (!blurred) {
    const amplitude = between(4, 9);
    for (let i = 0; i < data.length; i += 1) {
      data[i] = Math.max(0, Math.min(255, data[i]! + Math.round((random() + random() - 1) * amplitude)));
    }
  }
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .jpeg({ quality: Math.round(between(70, 88)) })
    .toBuffer();
}

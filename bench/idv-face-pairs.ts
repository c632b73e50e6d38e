// Face-match benchmark (issue #5: FNMR ≤ 2% at FMR ≤ 0.1%), on the faces listed in
// apps/identity/src/verification/specimens/portrait-sources.json (from the group photos shipped in
// @vladmandic/face-api). No identity labels exist, so:
// - each face yields "document portrait" variants (tight crop, small, grayscale/desaturated print,
//   print-and-photograph with glare) and "selfie" variants (wide crop, light/contrast, blur, noise,
//   rotation, mirror, webcam-size, JPEG);
// - genuine pairs = document variant × selfie variant of the SAME face; impostor pairs = document variant
//   of one face × selfie variant of every OTHER face (all cross pairs).
// Both sides of a genuine pair come from the same original photo, so genuine scores are optimistic next to
// a real card photographed years before the selfie; impostors are all young women photographed alike, so
// impostor scores are, if anything, pessimistic. Run directly: `npx tsx bench/idv-face-pairs.ts [--quick]`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type Sharp } from 'sharp';
import {
  analyzeFaces,
  type DetectedFace,
  type FaceBox,
} from '../apps/identity/src/verification/faces/face-analyzer.ts';
import {
  faceSimilarity,
  DEFAULT_FACE_THRESHOLDS,
} from '../apps/identity/src/verification/faces/face-match.ts';
import {
  DEFAULT_PORTRAIT_SOURCES,
  type PortraitSource,
} from '../apps/identity/src/verification/specimens/portraits.ts';
import { humanLoadInfo, openHuman } from '../apps/identity/src/verification/faces/human-loader.ts';
import type { DecodedImage } from '../apps/identity/src/verification/images/decode-image.ts';

const require = createRequire(import.meta.url);
const DEMO_DIR = join(dirname(dirname(require.resolve('@vladmandic/face-api'))), 'demo');

export type { PortraitSource };

export function readPortraitSources(): PortraitSource[] {
  return JSON.parse(readFileSync(DEFAULT_PORTRAIT_SOURCES, 'utf8')) as PortraitSource[];
}

const photoCache = new Map<string, Promise<DecodedImage>>();

/** The original demo photo, decoded once. */
export function readDemoPhoto(file: string): Promise<DecodedImage> {
  let photo = photoCache.get(file);
  if (!photo) {
    photo = sharp(join(DEMO_DIR, file))
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, width: info.width, height: info.height }));
    photoCache.set(file, photo);
  }
  return photo;
}

const raw = (img: DecodedImage) =>
  sharp(img.data, { raw: { width: img.width, height: img.height, channels: 3 } });

async function toRgb(pipeline: Sharp): Promise<DecodedImage> {
  const { data, info } = await pipeline
    .toColourspace('srgb')
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Re-decodes an image after encoding it as JPEG at `quality`. */
async function jpeg(img: DecodedImage, quality: number): Promise<DecodedImage> {
  const bytes = await raw(img).jpeg({ quality }).toBuffer();
  return toRgb(sharp(bytes));
}

/** Crop around the face box with `margin` × box width on each side (more below for shoulders). */
export async function cropFace(photo: DecodedImage, box: FaceBox, margin: number): Promise<DecodedImage> {
  const mx = box.width * margin;
  const left = Math.max(0, Math.round(box.x - mx));
  const top = Math.max(0, Math.round(box.y - mx * 1.1));
  const right = Math.min(photo.width, Math.round(box.x + box.width + mx));
  const bottom = Math.min(photo.height, Math.round(box.y + box.height + mx * 1.3));
  return toRgb(raw(photo).extract({ left, top, width: right - left, height: bottom - top }));
}

/** Deterministic pseudo-random (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Adds zero-mean uniform noise of ±`amount` per channel (sensor noise / print grain). */
function noise(img: DecodedImage, amount: number, seed: number): DecodedImage {
  const rnd = random(seed);
  const data = Buffer.from(img.data);
  for (let i = 0; i < data.length; i++) {
    data[i] = Math.max(0, Math.min(255, Math.round(data[i]! + (rnd() * 2 - 1) * amount)));
  }
  return { ...img, data };
}

/** A soft white glare ellipse, as on a laminated card under a lamp. */
async function glare(img: DecodedImage, strength: number): Promise<DecodedImage> {
  const { width: w, height: h } = img;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><radialGradient id="g">
<stop offset="0" stop-color="#fff" stop-opacity="${strength}"/><stop offset="1" stop-color="#fff" stop-opacity="0"/>
</radialGradient></defs><ellipse cx="${w * 0.72}" cy="${h * 0.25}" rx="${w * 0.35}" ry="${h * 0.22}" fill="url(#g)"/></svg>`;
  return toRgb(raw(img).composite([{ input: Buffer.from(svg) }]));
}

const resizeWidth = (img: DecodedImage, width: number) => toRgb(raw(img).resize({ width }));

/**
 * Print-and-photograph: the portrait is printed small (downscaled, grain, lifted blacks, warm ink cast,
 * soft dots), then photographed (slight shear and rotation, glare, upscaled by the camera, JPEG).
 */
async function printAndPhotograph(img: DecodedImage, seed: number): Promise<DecodedImage> {
  let out = await resizeWidth(img, 120);
  out = noise(out, 14, seed);
  out = await toRgb(
    raw(out)
      .recomb([
        [0.95, 0.08, 0.0],
        [0.05, 0.88, 0.05],
        [0.0, 0.1, 0.78],
      ])
      .linear(0.78, 30)
      .blur(0.7),
  );
  out = await toRgb(
    raw(out)
      .resize({ width: 260 })
      .affine(
        [
          [1, 0.04],
          [0.02, 1],
        ],
        { background: '#c8c4bc' },
      )
      .rotate(4, { background: '#c8c4bc' }),
  );
  out = await glare(out, 0.45);
  return jpeg(out, 50);
}

export type Variant = (photo: DecodedImage, box: FaceBox, seed: number) => Promise<DecodedImage>;

/** The document side: how a card or passport portrait looks once extracted from a photo of the document. */
export const DOCUMENT_VARIANTS: Record<string, Variant> = {
  'doc-clean': async (p, b) => jpeg(await resizeWidth(await cropFace(p, b, 0.3), 200), 75),
  'doc-gray-print': async (p, b) => {
    const c = await cropFace(p, b, 0.3);
    return jpeg(await toRgb(raw(c).modulate({ saturation: 0 }).linear(0.85, 20).resize({ width: 170 })), 60);
  },
  'doc-print-photo': async (p, b, s) => printAndPhotograph(await cropFace(p, b, 0.3), s),
  'doc-desaturated-small': async (p, b) => {
    const c = await cropFace(p, b, 0.25);
    return jpeg(await toRgb(raw(c).modulate({ saturation: 0.3 }).resize({ width: 120 }).blur(0.6)), 45);
  },
};

/** The selfie side: a phone or webcam photo of the person. */
export const SELFIE_VARIANTS: Record<string, Variant> = {
  'selfie-wide': async (p, b) => jpeg(await cropFace(p, b, 1.0), 85),
  'selfie-bright-contrast': async (p, b) => {
    const c = await cropFace(p, b, 0.6);
    return jpeg(await toRgb(raw(c).modulate({ brightness: 1.3 }).linear(1.2, -20)), 70);
  },
  'selfie-dark-noisy-rotated': async (p, b, s) => {
    const c = await cropFace(p, b, 0.6);
    const dark = noise(await toRgb(raw(c).modulate({ brightness: 0.65 })), 10, s);
    return jpeg(await toRgb(raw(dark).rotate(-7, { background: '#202020' })), 70);
  },
  'selfie-blur': async (p, b) => jpeg(await toRgb(raw(await cropFace(p, b, 0.8)).blur(1.5)), 50),
  'selfie-webcam-small': async (p, b) => {
    const c = await cropFace(p, b, 0.5);
    return jpeg(await resizeWidth(c, Math.round(c.width * (90 / b.width))), 60);
  },
  'selfie-mirrored-rotated-cool': async (p, b) => {
    const c = await cropFace(p, b, 0.7);
    const cool = raw(c)
      .flop()
      .recomb([
        [0.85, 0.05, 0.0],
        [0.0, 0.95, 0.05],
        [0.0, 0.05, 1.1],
      ])
      .rotate(10, { background: '#808080' });
    return jpeg(await toRgb(cool), 75);
  },
};

/** Crude presentation attacks on the selfie side (for the liveness figures only, never paired for matching). */
export const ATTACK_VARIANTS: Record<string, Variant> = {
  'attack-print-photo': async (p, b, s) => printAndPhotograph(await cropFace(p, b, 0.6), s),
  'attack-screen-replay': async (p, b) => {
    const small = await resizeWidth(await cropFace(p, b, 0.6), 220);
    const lines = Array.from(
      { length: Math.ceil(small.height / 3) },
      (_, i) => `<rect y="${i * 3}" width="${small.width}" height="1" fill="#000" fill-opacity="0.18"/>`,
    ).join('');
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${small.width}" height="${small.height}">${lines}</svg>`;
    const shown = raw(small)
      .composite([{ input: Buffer.from(svg) }])
      .recomb([
        [0.9, 0, 0],
        [0, 1, 0.05],
        [0.05, 0.1, 1.15],
      ])
      .resize({ width: 440 });
    return jpeg(await toRgb(shown), 60);
  },
};

/** Combined passive liveness of one face, as analyzeSelfie computes it per frame. */
export const combinedLiveness = (face: DetectedFace) => Math.min(face.real ?? 0, face.live ?? 0);

const QUICK_DOCUMENTS = ['doc-clean', 'doc-print-photo'];
const QUICK_SELFIES = ['selfie-wide', 'selfie-blur', 'selfie-mirrored-rotated-cool'];

export interface ScoreSummary {
  count: number;
  min: number;
  p5: number;
  p50: number;
  p95: number;
  max: number;
  mean: number;
}

export interface FaceMatchBenchmark {
  faces: number;
  genuinePairs: number;
  impostorPairs: number;
  /** Genuine pairs whose probe had no detectable face (counted as non-matches in fnmr). */
  failuresToAcquire: number;
  threshold: number;
  /** Threshold the bench would pick from this run's impostor scores (max impostor + 0.01). */
  suggestedThreshold: number;
  fnmr: number;
  fmr: number;
  targetMet: boolean;
  genuineScores: ScoreSummary;
  impostorScores: ScoreSummary;
  /** Lowest genuine score per (document variant, selfie variant). */
  worstByVariant: Record<string, number>;
  /** Detector score of the main face on document and selfie variants (to place minFaceScore). */
  detectorScores: ScoreSummary;
  /** FNMR and FMR at a range of thresholds (to see the trade-off). */
  sweep: { threshold: number; fnmr: number; fmr: number }[];
  msPerFace: { p50: number; p95: number; cpuP50: number; cpuP95: number };
  loadMs: number;
  /** Mean antispoof ("real") and liveness ("live") per variant. */
  liveness: Record<string, { real: number; live: number }>;
  /** Combined liveness (min of real, live) of genuine selfie variants vs crude attacks. */
  livenessGenuine: ScoreSummary;
  livenessAttacks: ScoreSummary;
  /** Share of genuine selfies below, and of attacks at or above, DEFAULT_FACE_THRESHOLDS.liveness. */
  livenessThreshold: number;
  livenessGenuineRejected: number;
  livenessAttacksAccepted: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export function summarise(scores: number[]): ScoreSummary {
  const s = [...scores].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    count: s.length,
    min: r(s[0] ?? Number.NaN),
    p5: r(percentile(s, 0.05)),
    p50: r(percentile(s, 0.5)),
    p95: r(percentile(s, 0.95)),
    max: r(s[s.length - 1] ?? Number.NaN),
    mean: r(s.reduce((a, b) => a + b, 0) / (s.length || 1)),
  };
}

interface Probe {
  face: string;
  variant: string;
  detected: DetectedFace | undefined;
}

/** Runs the benchmark. `threshold` defaults to DEFAULT_FACE_THRESHOLDS.match. */
export async function measureFaceMatching(
  opts: { quick?: boolean; threshold?: number; log?: (line: string) => void } = {},
): Promise<FaceMatchBenchmark> {
  const log = opts.log ?? (() => {});
  const threshold = opts.threshold ?? DEFAULT_FACE_THRESHOLDS.match;
  await openHuman();
  const loadMs = humanLoadInfo()?.ms ?? Number.NaN;
  const sources = readPortraitSources();
  const docNames = opts.quick ? QUICK_DOCUMENTS : Object.keys(DOCUMENT_VARIANTS);
  const selfieNames = opts.quick ? QUICK_SELFIES : Object.keys(SELFIE_VARIANTS);
  const attackNames = opts.quick ? [] : Object.keys(ATTACK_VARIANTS);
  const wall: number[] = [];
  const cpu: number[] = [];
  const probes: Probe[] = [];
  const liveness: Record<string, { real: number[]; live: number[] }> = {};

  for (const [index, source] of sources.entries()) {
    const photo = await readDemoPhoto(source.file);
    for (const variant of [...docNames, ...selfieNames, ...attackNames]) {
      const make = DOCUMENT_VARIANTS[variant] ?? SELFIE_VARIANTS[variant] ?? ATTACK_VARIANTS[variant];
      if (!make) throw new Error(`unknown variant ${variant}`);
      const image = await make(photo, source.box, 1000 + index);
      const cpu0 = process.cpuUsage();
      const analysis = await analyzeFaces(image);
      const used = process.cpuUsage(cpu0);
      wall.push(analysis.ms);
      cpu.push((used.user + used.system) / 1000);
      const detected = analysis.faces[0];
      probes.push({ face: source.id, variant, detected });
      const l = (liveness[variant] ??= { real: [], live: [] });
      if (detected) {
        l.real.push(detected.real ?? 0);
        l.live.push(detected.live ?? 0);
      }
    }
    log(`  ${source.id}: ${docNames.length + selfieNames.length + attackNames.length} variants analysed`);
  }

  const genuine: number[] = [];
  const impostor: number[] = [];
  let failuresToAcquire = 0;
  const worstByVariant: Record<string, number> = {};
  const docs = probes.filter((p) => docNames.includes(p.variant));
  const selfies = probes.filter((p) => selfieNames.includes(p.variant));
  for (const d of docs) {
    for (const s of selfies) {
      if (d.face === s.face) {
        const score =
          d.detected && s.detected ? faceSimilarity(d.detected.embedding, s.detected.embedding) : 0;
        if (!d.detected || !s.detected) failuresToAcquire++;
        genuine.push(score);
        const key = `${d.variant} × ${s.variant}`;
        worstByVariant[key] = Math.min(worstByVariant[key] ?? 1, score);
      } else if (d.detected && s.detected) {
        impostor.push(faceSimilarity(d.detected.embedding, s.detected.embedding));
      }
    }
  }
  const fnmrAt = (t: number) => genuine.filter((x) => x < t).length / (genuine.length || 1);
  const fmrAt = (t: number) => impostor.filter((x) => x >= t).length / (impostor.length || 1);
  const fnmr = fnmrAt(threshold);
  const fmr = fmrAt(threshold);
  const sweep = Array.from({ length: 11 }, (_, i) => Math.round((0.55 + i * 0.02) * 100) / 100).map((t) => ({
    threshold: t,
    fnmr: fnmrAt(t),
    fmr: fmrAt(t),
  }));
  const livenessOf = (names: string[]) =>
    probes.filter((p) => names.includes(p.variant) && p.detected).map((p) => combinedLiveness(p.detected!));
  const liveGenuine = livenessOf(selfieNames);
  const liveAttacks = livenessOf(attackNames);
  const livenessThreshold = DEFAULT_FACE_THRESHOLDS.liveness;
  const maxImpostor = Math.max(...impostor);
  const ws = [...wall].sort((a, b) => a - b);
  const cs = [...cpu].sort((a, b) => a - b);
  const mean = (a: number[]) => Math.round((a.reduce((x, y) => x + y, 0) / (a.length || 1)) * 100) / 100;
  return {
    faces: sources.length,
    genuinePairs: genuine.length,
    impostorPairs: impostor.length,
    failuresToAcquire,
    threshold,
    suggestedThreshold: Math.round((maxImpostor + 0.01) * 100) / 100,
    fnmr,
    fmr,
    targetMet: fnmr <= 0.02 && fmr <= 0.001,
    genuineScores: summarise(genuine),
    impostorScores: summarise(impostor),
    worstByVariant,
    detectorScores: summarise(
      probes.filter((p) => !attackNames.includes(p.variant) && p.detected).map((p) => p.detected!.score),
    ),
    sweep,
    msPerFace: {
      p50: Math.round(percentile(ws, 0.5)),
      p95: Math.round(percentile(ws, 0.95)),
      cpuP50: Math.round(percentile(cs, 0.5)),
      cpuP95: Math.round(percentile(cs, 0.95)),
    },
    loadMs: Math.round(loadMs),
    liveness: Object.fromEntries(
      Object.entries(liveness).map(([k, v]) => [k, { real: mean(v.real), live: mean(v.live) }]),
    ),
    livenessGenuine: summarise(liveGenuine),
    livenessAttacks: summarise(liveAttacks),
    livenessThreshold,
    livenessGenuineRejected:
      liveGenuine.filter((x) => x < livenessThreshold).length / (liveGenuine.length || 1),
    livenessAttacksAccepted:
      liveAttacks.filter((x) => x >= livenessThreshold).length / (liveAttacks.length || 1),
  };
}

function print(result: FaceMatchBenchmark, line: (s: string) => void): void {
  const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
  const dist = (s: ScoreSummary) =>
    `n=${s.count} min ${s.min} p5 ${s.p5} p50 ${s.p50} p95 ${s.p95} max ${s.max} (mean ${s.mean})`;
  line(`Face match on ${result.faces} faces from the face-api demo photos`);
  line(
    `  model load ${result.loadMs} ms; per face analysed: wall p50 ${result.msPerFace.p50} ms, p95 ${result.msPerFace.p95} ms; CPU p50 ${result.msPerFace.cpuP50} ms, p95 ${result.msPerFace.cpuP95} ms`,
  );
  line(`  genuine  ${dist(result.genuineScores)}`);
  line(`  impostor ${dist(result.impostorScores)}`);
  line(`  threshold ${result.threshold} (this run's impostor max + 0.01 = ${result.suggestedThreshold})`);
  line(
    `  FNMR ${pct(result.fnmr)} (${result.failuresToAcquire} without a detectable face), FMR ${pct(result.fmr)} over ${result.genuinePairs} genuine / ${result.impostorPairs} impostor pairs`,
  );
  line(`  target FNMR ≤ 2% at FMR ≤ 0.1%: ${result.targetMet ? 'MET' : 'NOT MET'}`);
  line(`  detector score of the main face: ${dist(result.detectorScores)}`);
  line(
    `  sweep: ${result.sweep.map((r) => `${r.threshold}: FNMR ${pct(r.fnmr)} FMR ${pct(r.fmr)}`).join(' | ')}`,
  );
  line('  worst genuine score per variant pair:');
  for (const [k, v] of Object.entries(result.worstByVariant).sort((a, b) => a[1] - b[1]))
    line(`    ${v.toFixed(2)}  ${k}`);
  line('  mean antispoof (real) / liveness (live) per variant:');
  for (const [k, v] of Object.entries(result.liveness)) line(`    ${k}: real ${v.real} live ${v.live}`);
  line(`  combined liveness min(real, live): genuine selfies ${dist(result.livenessGenuine)}`);
  line(`                                     crude attacks   ${dist(result.livenessAttacks)}`);
  line(
    `  at liveness threshold ${result.livenessThreshold}: genuine selfies rejected ${pct(result.livenessGenuineRejected)}, attacks accepted ${pct(result.livenessAttacksAccepted)}`,
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const quick = process.argv.includes('--quick');
  const result = await measureFaceMatching({ quick, log: (s) => process.stdout.write(`${s}\n`) });
  print(result, (s) => process.stdout.write(`${s}\n`));
}

// Face analysis on decoded RGB photos with @vladmandic/human (tfjs wasm, models from node_modules):
// every face's box, detector score, 1024-d embedding, anti-spoof ("real") and liveness scores, and for a
// selfie (one image or a short series of frames) one combined verdict: the face, how many faces, a 0..1
// liveness, whether all frames show the same person and whether the frames are not identical copies.
// Calls are serialised: human keeps per-model state in module scope, so two photos must not interleave.
import sharp from 'sharp';
import type { DecodedImage } from '../images/decode-image.ts';
import { faceSimilarity, DEFAULT_FACE_THRESHOLDS, type FaceThresholds } from './face-match.ts';
import { openHuman, type HumanFace, type HumanLike, type HumanTensor } from './human-loader.ts';

export type { DecodedImage };

export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface DetectedFace {
  /** Box around the face mesh (forehead to chin, cheek to cheek) in the pixels of the image passed in. */
  box: FaceBox;
  /** Detector (blazeface) confidence, 0..1. */
  score: number;
  /** Face-mesh confidence, 0..1 (human already drops faces below 0.5). */
  meshScore: number;
  /** faceres descriptor (1024 values). Never log it. */
  embedding: Float32Array;
  /** Anti-spoof model: 1 = real face, 0 = spoof; undefined if the model gave nothing. */
  real: number | undefined;
  /** Liveness model: 1 = live, 0 = not; undefined if the model gave nothing. */
  live: number | undefined;
  /** Head pose in degrees from the mesh, when available. */
  pose: { yaw: number; pitch: number; roll: number } | undefined;
  /**
   * Eye aspect ratio from the mesh (lid opening / eye width, mean of both eyes): ≈0.3 for open eyes looking
   * at the camera; the demo faces looking down scored 0.20–0.24. Undefined without a full mesh.
   */
  eyeOpenness: number | undefined;
}

export interface FaceAnalysis {
  faces: DetectedFace[];
  /** Wall-clock time of this analysis (downscale + models), in ms. */
  ms: number;
}

/**
 * Longest side fed to the detector. Blazeface sees the whole frame at 256×256 and the face crop fed to
 * the mesh, embedding, anti-spoof and liveness models is resampled to 192×192, so pixels beyond ~200 px
 * of face add nothing: at 1280 px a selfie's face stays ≥ 300 px and a card's portrait (a quarter of a
 * card filling most of the frame) ≥ 200 px, while a 4032 px phone photo costs 10× fewer pixels to move.
 */
export const FACE_MAX_SIDE = 1280;

let queue: Promise<unknown> = Promise.resolve();

/** Runs `task` after every earlier queued task has settled. */
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function assertImage(image: DecodedImage): void {
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError('analyzeFaces: width and height must be positive integers');
  }
  if (data.length !== width * height * 3) {
    throw new RangeError('analyzeFaces: data must hold width × height × 3 bytes of RGB');
  }
}

async function downscale(
  image: DecodedImage,
  maxSide: number,
): Promise<{ image: DecodedImage; scale: number }> {
  const longest = Math.max(image.width, image.height);
  if (longest <= maxSide) return { image, scale: 1 };
  const { data, info } = await sharp(image.data, {
    raw: { width: image.width, height: image.height, channels: 3 },
  })
    .resize({ width: maxSide, height: maxSide, fit: 'inside' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { image: { data, width: info.width, height: info.height }, scale: image.width / info.width };
}

/** Face-mesh indices: [corner, corner, three upper-lid points, the three lower-lid points below them]. */
const EYES = [
  { corners: [33, 133], upper: [160, 159, 158], lower: [144, 145, 153] },
  { corners: [263, 362], upper: [387, 386, 385], lower: [373, 374, 380] },
] as const;

function eyeOpenness(mesh: number[][] | undefined): number | undefined {
  if (!mesh || mesh.length < 468) return undefined;
  const dist = (i: number, j: number) => Math.hypot(mesh[i]![0]! - mesh[j]![0]!, mesh[i]![1]! - mesh[j]![1]!);
  let total = 0;
  for (const eye of EYES) {
    const width = dist(eye.corners[0], eye.corners[1]);
    if (width <= 0) return undefined;
    const height = eye.upper.reduce((sum, u, k) => sum + dist(u, eye.lower[k]!), 0) / eye.upper.length;
    total += height / width;
  }
  return Math.round((total / EYES.length) * 1000) / 1000;
}

/** Box around the 468 mesh points (the face itself, forehead to chin), or human's (detector box ×1.4). */
function faceBox(face: HumanFace): [number, number, number, number] {
  const mesh = face.mesh;
  if (!mesh || mesh.length < 468) return face.box;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x = 0, y = 0] of mesh) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  return [x0, y0, x1 - x0, y1 - y0];
}

/** Rec. 601 luma weights. */
const LUMA = [0.299, 0.587, 0.114];

/**
 * The faceres descriptor of a face crop turned to grayscale. Human's own pass feeds the colour crop; ID
 * portraits are often printed gray or washed out, and on the benchmark (bench/idv-face-pairs.ts, 18 faces,
 * 432 genuine / 7,344 impostor pairs) gray crops separate better: impostor max 0.71 → 0.62 while genuine
 * p5 stayed 0.69 → 0.71. This mirrors human's faceres.enhance (bilinear resize to the model input, ×255)
 * on the same rotation-corrected crop, at no extra cost (faceres still runs once per face).
 */
function grayEmbedding(human: HumanLike, crop: HumanTensor): Float32Array | undefined {
  const model = human.models.models['faceres'];
  const shape = model?.inputs[0]?.shape;
  if (!model || !shape || crop.shape.length !== 3) return undefined;
  const size: [number, number] = [shape[1] ?? 224, shape[2] ?? 224];
  const tf = human.tf;
  return tf.tidy(() => {
    const batch = tf.expandDims(crop, 0);
    const luma = tf.sum(tf.mul(batch, tf.tensor1d(LUMA, 'float32')), 3, true);
    const gray = tf.tile(luma, [1, 1, 1, 3]);
    const input = tf.mul(tf.image.resizeBilinear(gray, size, false), 255);
    const out = model.execute(input);
    const descriptor = (Array.isArray(out) ? out : [out]).find((t) => t.shape[1] === 1024);
    return descriptor ? Float32Array.from(descriptor.dataSync()) : undefined;
  });
}

function toDetected(
  face: HumanFace,
  embedding: Float32Array | undefined,
  map: { scale: number; pad: number; width: number; height: number },
): DetectedFace | undefined {
  if (!embedding || embedding.length === 0) return undefined;
  const { scale, pad, width, height } = map;
  const [bx0, by0, bw, bh] = faceBox(face);
  const [bx, by] = [bx0 - pad, by0 - pad];
  const x = Math.min(width - 1, Math.max(0, Math.round(bx * scale)));
  const y = Math.min(height - 1, Math.max(0, Math.round(by * scale)));
  const angle = face.rotation?.angle;
  const deg = (rad: number) => Math.round((rad * 180) / Math.PI);
  return {
    box: {
      x,
      y,
      width: Math.max(1, Math.min(width - x, Math.round((bx + bw) * scale) - x)),
      height: Math.max(1, Math.min(height - y, Math.round((by + bh) * scale) - y)),
    },
    score: face.boxScore,
    meshScore: face.faceScore,
    embedding,
    real: typeof face.real === 'number' ? face.real : undefined,
    live: typeof face.live === 'number' ? face.live : undefined,
    pose: angle ? { yaw: deg(angle.yaw), pitch: deg(angle.pitch), roll: deg(angle.roll) } : undefined,
    eyeOpenness: eyeOpenness(face.mesh),
  };
}

/** Runs human on one RGB image; boxes are mapped by (coordinate − pad) × scale into the caller's pixels. */
async function detectIn(
  human: HumanLike,
  img: DecodedImage,
  map: { scale: number; pad: number; width: number; height: number },
): Promise<DetectedFace[]> {
  const pixels = new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.length);
  const tensor = human.tf.tensor3d(pixels, [img.height, img.width, 3], 'int32');
  const detected: DetectedFace[] = [];
  try {
    const result = await human.detect(tensor);
    try {
      if (result.error) throw new Error(`face analysis failed: ${result.error}`);
      for (const face of result.face) {
        const embedding = face.tensor ? grayEmbedding(human, face.tensor) : undefined;
        const out = toDetected(face, embedding, map);
        if (out) detected.push(out);
      }
    } finally {
      for (const face of result.face) face.tensor?.dispose();
    }
  } finally {
    tensor.dispose();
  }
  return detected;
}

/** Border added (each side, as a share of the longer side) for the one retry when no face was found. */
const RETRY_PAD = 0.25;

/**
 * Detects every face in `image` (raw RGB) and describes each; boxes are in `image`'s pixels, largest face
 * first. Big images are downscaled to FACE_MAX_SIDE first. If nothing is found, one retry runs on the image
 * with a gray border: blazeface misses some faces that fill the whole frame (1 of the 18 benchmark faces
 * cropped to the bare face box), and a border brings them back to a size it knows.
 */
export async function analyzeFaces(
  image: DecodedImage,
  opts: { maxSide?: number } = {},
): Promise<FaceAnalysis> {
  assertImage(image);
  const human = await openHuman();
  return serialised(async () => {
    const started = performance.now();
    const { image: small, scale } = await downscale(image, opts.maxSide ?? FACE_MAX_SIDE);
    const target = { scale, pad: 0, width: image.width, height: image.height };
    let detected = await detectIn(human, small, target);
    if (detected.length === 0) {
      const pad = Math.round(Math.max(small.width, small.height) * RETRY_PAD);
      const { data, info } = await sharp(small.data, {
        raw: { width: small.width, height: small.height, channels: 3 },
      })
        .extend({ top: pad, bottom: pad, left: pad, right: pad, background: '#808080' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      const padded = { data, width: info.width, height: info.height };
      detected = await detectIn(human, padded, { ...target, pad });
    }
    const faces = detected.sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
    return { faces, ms: performance.now() - started };
  });
}

export interface SelfieAnalysis {
  /** Faces found in each frame, in frame order (every detection, whatever its score). */
  frames: FaceAnalysis[];
  /** The selfie's face: the first frame's only face scoring ≥ minFaceScore (undefined if none or several). */
  face: DetectedFace | undefined;
  /** Most faces scoring ≥ minFaceScore in any one frame (the selfie needs exactly one). */
  faceCount: number;
  /** Combined passive liveness, 0..1: mean over frames of min(antispoof, liveness) of the main face. */
  liveness: number;
  /** Every frame's main face matches the first frame's (same person). True for a single frame. */
  consistent: boolean;
  /** Frames differ (not one image sent several times). False for a single frame. */
  motion: boolean;
}

/** Mean absolute pixel difference between two frames (0..255), on a coarse grid; Infinity if sizes differ. */
function frameDifference(a: DecodedImage, b: DecodedImage): number {
  if (a.width !== b.width || a.height !== b.height) return Number.POSITIVE_INFINITY;
  const step = Math.max(1, Math.floor(Math.sqrt((a.width * a.height) / 40_000)));
  let sum = 0;
  let count = 0;
  for (let y = 0; y < a.height; y += step) {
    for (let x = 0; x < a.width; x += step) {
      const i = (y * a.width + x) * 3;
      for (let c = 0; c < 3; c++) sum += Math.abs(a.data[i + c]! - b.data[i + c]!);
      count += 3;
    }
  }
  return count === 0 ? 0 : sum / count;
}

/** A frame counts as "moved" if its pixels differ by more than this mean (0..255) from the previous one. */
const MOTION_MIN_DIFFERENCE = 0.5;

/** Frames analysed per selfie at most (each costs one full face analysis, ~150 ms of CPU). */
export const MAX_SELFIE_FRAMES = 5;

/** Analyses a selfie: one image, or a short series of frames (the first MAX_SELFIE_FRAMES are used). */
export async function analyzeSelfie(
  frames: DecodedImage[],
  thresholds: Pick<FaceThresholds, 'match' | 'minFaceScore'> = DEFAULT_FACE_THRESHOLDS,
): Promise<SelfieAnalysis> {
  if (frames.length === 0) throw new RangeError('analyzeSelfie: at least one frame is needed');
  const used = frames.slice(0, MAX_SELFIE_FRAMES);
  const analyses: FaceAnalysis[] = [];
  for (const frame of used) analyses.push(await analyzeFaces(frame));
  const trusted = analyses.map((a) => a.faces.filter((f) => f.score >= thresholds.minFaceScore));
  const faceCount = Math.max(...trusted.map((faces) => faces.length));
  const mains = trusted.map((faces) => faces[0]);
  const first = mains[0];
  const face = trusted[0]?.length === 1 ? first : undefined;
  const livenessOf = (f: DetectedFace | undefined) => (f ? Math.min(f.real ?? 0, f.live ?? 0) : 0);
  const liveness = mains.reduce((sum, f) => sum + livenessOf(f), 0) / mains.length;
  const consistent =
    first !== undefined &&
    mains.every((f) => f !== undefined && faceSimilarity(first.embedding, f.embedding) >= thresholds.match);
  let motion = false;
  for (let i = 1; i < used.length; i++) {
    if (frameDifference(used[i - 1]!, used[i]!) > MOTION_MIN_DIFFERENCE) motion = true;
  }
  return { frames: analyses, face, faceCount, liveness, consistent, motion };
}

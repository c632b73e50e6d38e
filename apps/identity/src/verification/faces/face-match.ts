// Face-embedding similarity (pure) and the default face thresholds.
// faceSimilarity reimplements human's `match.similarity` with its defaults (order 2, multiplier 25,
// normalised to the 0.2..0.8 range and clamped to 0..1, rounded to 2 decimals), so scores read the same as
// in human's docs and demos: 1 = identical descriptors, ≥ 0.5 "can be considered a match" per human.

/** Human's defaults for `match.similarity`. */
const ORDER = 2;
const MULTIPLIER = 25;
const MIN = 0.2;
const MAX = 0.8;

/** Similarity of two face embeddings, 0..1 (human's `match.similarity` semantics). */
export function faceSimilarity(a: Float32Array, b: Float32Array): number {
  if (a.length === 0 || a.length !== b.length) return 0;
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const diff = a[i]! - b[i]!;
    sum += diff * diff;
  }
  const distance = Math.round(100 * MULTIPLIER * sum) / 100;
  if (distance === 0) return 1;
  const root = distance ** (1 / ORDER);
  const norm = (1 - root / 100 - MIN) / (MAX - MIN);
  return Math.round(100 * Math.max(Math.min(norm, 1), 0)) / 100;
}

export interface FaceThresholds {
  /** faceSimilarity at or above which a selfie matches the document portrait. */
  match: number;
  /** Combined liveness (0..1) at or above which a selfie counts as live. */
  liveness: number;
  /** Detector score below which a face is not trusted. */
  minFaceScore: number;
}

/**
 * Defaults, chosen from `npx tsx bench/idv-face-pairs.ts` (18 faces from the face-api demo photos;
 * 432 genuine pairs = 4 document-portrait variants × 6 selfie variants of the same face; 7,344 impostor
 * pairs = every cross pair; embeddings from grayscale face crops, see face-analyzer.ts):
 * - match 0.63: impostor scores max 0.62 (p95 0.43), so 0.63 is the lowest threshold with no impostor
 *   accepted (FMR 0 / 7,344; target ≤ 0.1%). Genuine scores min 0.57, p5 0.70, median 0.87, giving
 *   FNMR 1.16% (5 / 432; target ≤ 2%). Sweep: 0.61 → FNMR 0.69% / FMR 0.03%; 0.65 → FNMR 2.31% / FMR 0.
 *   The margin is thin and the impostor tail comes from only 18 people (153 identity pairs), while genuine
 *   pairs share one source photo: re-measure on real document/selfie pairs before trusting these rates.
 * - liveness 0.4: combined liveness (min of antispoof "real" and liveness "live") on the 108 genuine selfie
 *   variants is min 0.40, p5 0.46, median 0.64; crude print-and-photo / screen-replay attacks score median
 *   0.62 (min 0.26). The models do not separate those attacks, so this is only a floor that rejects no
 *   genuine selfie of the benchmark; it is not anti-spoofing to rely on.
 * - minFaceScore 0.6: blazeface scores of the main face on all 180 genuine document/selfie variants are
 *   min 0.65, p5 0.77, median 0.85; human itself drops detections under 0.5. Blank and noise images give
 *   no face at all (test/unit/face-analyzer.test.ts).
 */
export const DEFAULT_FACE_THRESHOLDS: FaceThresholds = {
  match: 0.63,
  liveness: 0.4,
  minFaceScore: 0.6,
};

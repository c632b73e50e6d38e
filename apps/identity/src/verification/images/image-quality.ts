// Capture-quality checks run before any analysis, so the user gets a specific "retake" message (too
// small, blurry, glare) instead of a vague failure later. Synchronous and cheap (work copies of ≤ 800 px).
// False retakes are costly to users, so thresholds sit well on the "flag only when it really hurts" side:
// see DEFAULT_QUALITY_THRESHOLDS for how each one was measured.
import type { DecodedImage, GrayImage } from './decode-image.ts';

export type CaptureKind = 'card' | 'passport' | 'selfie';
export type QualityIssue = 'image_too_small' | 'image_blurry' | 'image_glare';

export interface QualityBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface QualityThresholds {
  /** Minimum shorter side of the photo, in pixels, per kind. */
  minShortSide: Readonly<Record<CaptureKind, number>>;
  /** Minimum `blurScore` per kind (below → image_blurry). */
  minBlur: Readonly<Record<CaptureKind, number>>;
  /** Maximum `glareFraction` (above → image_glare); not applied to selfies. */
  maxGlare: number;
}

/**
 * How these were chosen. Scratch measurements on synthetic 1012×638 license backs (two designs) and fronts,
 * photographed alone (tilted, ≈ 1100×750 px) or on wood / cloth / clutter at 0.6 of a 1687×1265 frame,
 * then degraded with degrade.ts; the PDF417 decode grid (1,372 cells) ran on the same images.
 *
 * - minShortSide: the barcode still decodes at ×0.5 (card ≈ 500 px wide, modules ≈ 1.5 px), but printed
 *   fields and the MRZ need more; 600 px is the floor for documents. Selfies only need a face big enough for
 *   the face models.
 * - minBlur (card / passport): JPEG q40, uneven light, keystone and ×0.5 do not lower `blurScore`
 *   (all ≥ 0.27). Gaussian blur σ ≤ 1.5 px scored ≥ 0.127 and σ = 2 (the largest blur at which every barcode
 *   cell still decodes) ≥ 0.080; σ = 2.5 (no cell decodes: modules are 3 px) scored 0.054–0.060 on card-only
 *   photos but 0.094–0.118 on the wider 1687 px framing, where σ ≥ 4 scores ≤ 0.060. 0.075 flags the
 *   unreadable cases it can without ever flagging σ ≤ 2: false retakes cost more than a later
 *   "barcode not found".
 * - minBlur (selfie): six face photos (≈ 1150 px) scored 0.14–0.31 sharp, 0.084–0.17 at σ 1, 0.042–0.061 at
 *   σ 2 and ≤ 0.038 at σ ≥ 3; 0.04 flags the last group only.
 * - maxGlare: clean photos, uneven light (0.55–0.8) and faint glare (strength ≤ 0.5) score 0, including
 *   specimens with pure-white boxes round their barcodes. A fully saturated highlight whose radius is ≥ 20%
 *   of a card-filling photo's short side scores ≥ 0.0176; strength 0.85 (paper clips, ink still visible,
 *   barcodes decode) scores 0–0.019. Measured on the whole frame a card covering a third of it dilutes the
 *   fraction ≈ 3×: pass the card box (from locateCard) when known.
 */
export const DEFAULT_QUALITY_THRESHOLDS: QualityThresholds = {
  minShortSide: { card: 600, passport: 600, selfie: 360 },
  minBlur: { card: 0.075, passport: 0.075, selfie: 0.04 },
  maxGlare: 0.015,
};

export interface QualityReport {
  issues: QualityIssue[];
  metrics: { width: number; height: number; blur: number; glare: number };
}

export function assessQuality(
  img: DecodedImage,
  kind: CaptureKind,
  cardBox?: QualityBox,
  thresholds: QualityThresholds = DEFAULT_QUALITY_THRESHOLDS,
): QualityReport {
  const issues: QualityIssue[] = [];
  const blur = blurScore(img, cardBox);
  const glare = kind === 'selfie' ? 0 : glareFraction(img, cardBox);
  if (Math.min(img.width, img.height) < thresholds.minShortSide[kind]) issues.push('image_too_small');
  if (blur < thresholds.minBlur[kind]) issues.push('image_blurry');
  if (glare > thresholds.maxGlare) issues.push('image_glare');
  return {
    issues,
    metrics: { width: img.width, height: img.height, blur: round4(blur), glare: round4(glare) },
  };
}

const BLUR_SIDE = 800;

/**
 * Sharpness, roughly 0–1 (higher = sharper): the variance of the Laplacian of a gray copy of the region
 * (≤ 800 px long side, contrast stretched between its 1st and 99th percentiles), divided by the mean
 * squared gradient over the same pixels. The division makes the score depend on how steep edges are rather
 * than on how many edges there are, so a text-poor card front and a barcode-covered back score alike.
 */
export function blurScore(img: DecodedImage | GrayImage, box?: QualityBox): number {
  const g = workCopy(img, box, BLUR_SIDE);
  const { width: w, height: h } = g;
  if (w < 8 || h < 8) return 0;
  const d = stretch(g.data);
  let lapSum = 0;
  let lapSq = 0;
  let gradSq = 0;
  let n = 0;
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      const c = d[i]!;
      const lap = d[i - 1]! + d[i + 1]! + d[i - w]! + d[i + w]! - 4 * c;
      const gx = (d[i + 1]! - d[i - 1]!) / 2;
      const gy = (d[i + w]! - d[i - w]!) / 2;
      lapSum += lap;
      lapSq += lap * lap;
      gradSq += gx * gx + gy * gy;
      n++;
    }
  }
  if (gradSq <= 0) return 0;
  const variance = lapSq / n - (lapSum / n) ** 2;
  return variance / (gradSq / n) / 8;
}

const GLARE_SIDE = 400;

/**
 * Fraction of the region covered by glare: near-saturated, colourless pixels (≥ 250 and brighter than
 * the card's own paper level, so a white card is not glare) that form fat blobs (they survive an erosion
 * 2.5% of the region wide, which removes thin white frames, gaps between bars and text counters) of at least 0.1% of the
 * region.
 */
export function glareFraction(img: DecodedImage, box?: QualityBox): number {
  const work = workCopyRgb(img, box, GLARE_SIDE);
  const { width: w, height: h, data } = work;
  const n = w * h;
  if (n === 0) return 0;
  const luma = new Uint8Array(n);
  const hist = new Float64Array(256);
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const r = data[j]!;
    const g = data[j + 1]!;
    const b = data[j + 2]!;
    const y = (r * 306 + g * 601 + b * 117 + 512) >> 10;
    luma[i] = y;
    hist[y]!++;
  }
  // Paper level: the brightest unsaturated luma that a sizeable share (≥ 3%) of the region has — the card
  // stock, even when a darker table covers most of the frame. Glare must be brighter than that.
  const windowSum = (v: number) => {
    let s = 0;
    for (let k = Math.max(0, v - 3); k <= Math.min(251, v + 3); k++) s += hist[k]!;
    return s;
  };
  let paper = 0;
  for (let v = 251; v >= 100; v--) {
    if (windowSum(v) < n * 0.03) continue;
    paper = v;
    for (let k = v - 1; k >= Math.max(100, v - 6); k--) if (windowSum(k) > windowSum(paper)) paper = k;
    break;
  }
  const hot = Math.min(254, Math.max(250, paper + 6));
  const mask = new Uint8Array(n);
  for (let i = 0, j = 0; i < n; i++, j += 3) {
    const mx = Math.max(data[j]!, data[j + 1]!, data[j + 2]!);
    const mn = Math.min(data[j]!, data[j + 1]!, data[j + 2]!);
    if (luma[i]! >= hot && mx - mn <= 30) mask[i] = 1;
  }
  // Morphological opening: erosion drops thin white structures (a white frame round a barcode,
  // gaps between bars, text counters) even where they touch a real highlight.
  const r = Math.max(2, Math.round(Math.max(w, h) * 0.012));
  const core = erode(mask, w, h, r);
  const minBlob = Math.max(4, Math.round(n * 0.001));
  const kept = new Uint8Array(n);
  const seen = new Uint8Array(n);
  const stack: number[] = [];
  const members: number[] = [];
  for (let start = 0; start < n; start++) {
    if (!core[start] || seen[start]) continue;
    members.length = 0;
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      members.push(i);
      const x = i % w;
      const y = (i - x) / w;
      for (const j of [
        x > 0 ? i - 1 : -1,
        x < w - 1 ? i + 1 : -1,
        y > 0 ? i - w : -1,
        y < h - 1 ? i + w : -1,
      ]) {
        if (j >= 0 && core[j] && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    if (members.length >= minBlob) for (const i of members) kept[i] = 1;
  }
  const opened = dilate(kept, w, h, r);
  let covered = 0;
  for (let i = 0; i < n; i++) if (opened[i] && mask[i]) covered++;
  return covered / n;
}

// ---------------------------------------------------------------- helpers

function round4(v: number): number {
  return Math.round(v * 10000) / 10000;
}

/** Binary erosion with a (2r+1)² square (separable). */
function erode(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const tmp = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    let run = 0;
    // Horizontal: a pixel survives when the 2r+1 window centred on it is all set.
    const row = y * w;
    const ok = new Uint8Array(w);
    for (let x = 0; x < w; x++) {
      run = mask[row + x] ? run + 1 : 0;
      if (run >= 2 * r + 1) ok[x - r] = 1;
    }
    for (let x = 0; x < w; x++) tmp[row + x] = ok[x]!;
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < w; x++) {
    let run = 0;
    for (let y = 0; y < h; y++) {
      run = tmp[y * w + x] ? run + 1 : 0;
      if (run >= 2 * r + 1) out[(y - r) * w + x] = 1;
    }
  }
  return out;
}

/** Binary dilation with a (2r+1)² square (separable). */
function dilate(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const tmp = new Uint8Array(mask.length);
  for (let y = 0; y < h; y++) {
    const row = y * w;
    let last = -Infinity;
    for (let x = 0; x < w; x++) {
      if (mask[row + x]) last = x;
      if (x - last <= r) tmp[row + x] = 1;
    }
    last = Infinity;
    for (let x = w - 1; x >= 0; x--) {
      if (mask[row + x]) last = x;
      if (last - x <= r) tmp[row + x] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < w; x++) {
    let last = -Infinity;
    for (let y = 0; y < h; y++) {
      if (tmp[y * w + x]) last = y;
      if (y - last <= r) out[y * w + x] = 1;
    }
    last = Infinity;
    for (let y = h - 1; y >= 0; y--) {
      if (tmp[y * w + x]) last = y;
      if (last - y <= r) out[y * w + x] = 1;
    }
  }
  return out;
}

/** Contrast stretch to 0–255 between the 1st and 99th percentiles (as floats). */
function stretch(data: Uint8Array): Float32Array {
  const hist = new Uint32Array(256);
  for (let i = 0; i < data.length; i++) hist[data[i]!]!++;
  const lo = percentile(hist, data.length, 0.01);
  const hi = percentile(hist, data.length, 0.99);
  const scale = hi > lo ? 255 / (hi - lo) : 1;
  const out = new Float32Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const v = (data[i]! - lo) * scale;
    out[i] = v < 0 ? 0 : v > 255 ? 255 : v;
  }
  return out;
}

function percentile(hist: Uint32Array, total: number, p: number): number {
  const target = total * p;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= target) return v;
  }
  return 255;
}

function clampBox(img: { width: number; height: number }, box?: QualityBox): QualityBox {
  if (!box) return { x: 0, y: 0, width: img.width, height: img.height };
  const x = Math.max(0, Math.min(img.width - 1, Math.floor(box.x)));
  const y = Math.max(0, Math.min(img.height - 1, Math.floor(box.y)));
  const width = Math.max(1, Math.min(img.width - x, Math.round(box.width)));
  const height = Math.max(1, Math.min(img.height - y, Math.round(box.height)));
  return { x, y, width, height };
}

function isRgb(img: DecodedImage | GrayImage): boolean {
  return img.data.length === img.width * img.height * 3;
}

/** Area-averaged gray copy of the box, long side ≤ maxSide (never enlarged). */
function workCopy(img: DecodedImage | GrayImage, box: QualityBox | undefined, maxSide: number): GrayImage {
  const b = clampBox(img, box);
  const rgb = isRgb(img);
  const f = Math.min(1, maxSide / Math.max(b.width, b.height));
  const w = Math.max(1, Math.round(b.width * f));
  const h = Math.max(1, Math.round(b.height * f));
  const out = Buffer.allocUnsafe(w * h);
  // Column boundaries of each output pixel, in box coordinates.
  const xs = new Int32Array(w + 1);
  for (let x = 0; x <= w; x++) xs[x] = Math.min(b.width, Math.floor((x * b.width) / w));
  const acc = new Float64Array(b.width);
  const src = img.data;
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor((y * b.height) / h);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * b.height) / h));
    acc.fill(0);
    for (let yy = y0; yy < y1; yy++) {
      const row = (b.y + yy) * img.width + b.x;
      if (rgb) {
        for (let x = 0, i = row * 3; x < b.width; x++, i += 3) {
          acc[x]! += src[i]! * 0.299 + src[i + 1]! * 0.587 + src[i + 2]! * 0.114;
        }
      } else {
        for (let x = 0; x < b.width; x++) acc[x]! += src[row + x]!;
      }
    }
    const rows = y1 - y0;
    for (let x = 0; x < w; x++) {
      const x0 = xs[x]!;
      const x1 = Math.max(x0 + 1, xs[x + 1]!);
      let sum = 0;
      for (let xx = x0; xx < x1; xx++) sum += acc[xx]!;
      out[y * w + x] = Math.round(sum / (rows * (x1 - x0)));
    }
  }
  return { data: out, width: w, height: h };
}

/** Area-averaged RGB copy of the box, long side ≤ maxSide (never enlarged). */
function workCopyRgb(img: DecodedImage, box: QualityBox | undefined, maxSide: number): DecodedImage {
  const b = clampBox(img, box);
  const f = Math.min(1, maxSide / Math.max(b.width, b.height));
  const w = Math.max(1, Math.round(b.width * f));
  const h = Math.max(1, Math.round(b.height * f));
  const out = Buffer.allocUnsafe(w * h * 3);
  const sx = b.width / w;
  const sy = b.height / h;
  for (let y = 0; y < h; y++) {
    const y0 = b.y + Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, b.y + Math.floor((y + 1) * sy));
    for (let x = 0; x < w; x++) {
      const x0 = b.x + Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, b.x + Math.floor((x + 1) * sx));
      let r = 0;
      let g = 0;
      let bl = 0;
      for (let yy = y0; yy < y1; yy++) {
        for (let xx = x0; xx < x1; xx++) {
          const i = (yy * img.width + xx) * 3;
          r += img.data[i]!;
          g += img.data[i + 1]!;
          bl += img.data[i + 2]!;
        }
      }
      const k = (y1 - y0) * (x1 - x0);
      const o = (y * w + x) * 3;
      out[o] = Math.round(r / k);
      out[o + 1] = Math.round(g / k);
      out[o + 2] = Math.round(bl / k);
    }
  }
  return { data: out, width: w, height: h };
}

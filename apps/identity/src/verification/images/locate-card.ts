// Finds an ID-1 card (85.6 × 54 mm, aspect ≈ 1.586) in a photo, even on a busy background, and returns a
// rectified (deskewed, keystone-corrected) crop of it. Classic CV over raw pixels: smoothed colour
// gradients on a ~480 px copy → orientation-guided Hough transform → pairs of parallel lines crossed with
// perpendicular pairs → candidate quadrilaterals filtered by aspect and size → scored by how much of each
// side is backed by edges whose gradient is normal to that side and whose polarity is consistent, minus a
// penalty when the supporting lines run on far past the corners (table seams, long clutter edges).
// The crop is resampled with a homography from the four corners (bilinear, in TypeScript).
import { rgbFromSharp, sharpFromRgb, type DecodedImage } from './decode-image.ts';

export interface Point {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface LocatedCard {
  /** Axis-aligned bounding box of the card in the input image. */
  box: Box;
  /** Tilt of the card's long side in degrees, positive = clockwise (image y points down). */
  angle: number;
  /** Corners in the input image: top-left, top-right, bottom-right, bottom-left (after deskew). */
  corners: [Point, Point, Point, Point];
  /** The card, rectified to a landscape image with the ID-1 aspect ratio. */
  crop: DecodedImage;
  /** 0–1 edge support of the chosen quadrilateral. */
  score: number;
}

export const ID1_ASPECT = 85.6 / 53.98;
const WORK_SIDE = 480;
const MAX_CROP_WIDTH = 1400;

export async function locateCard(img: DecodedImage): Promise<LocatedCard | null> {
  const scale = Math.min(1, WORK_SIDE / Math.max(img.width, img.height));
  // Resampling and the Gaussian pre-smoothing (σ 1.6 px, against wood grain and weave) run in libvips.
  const small = await rgbFromSharp(
    sharpFromRgb(img)
      .resize({
        width: Math.max(1, Math.round(img.width * scale)),
        height: Math.max(1, Math.round(img.height * scale)),
        fit: 'fill',
      })
      .blur(1.6),
  );
  const sx = img.width / small.width;
  const sy = img.height / small.height;
  const quad = findCardQuad(small);
  if (!quad) return null;
  const corners = quad.corners.map((p) => ({ x: p.x * sx, y: p.y * sy })) as [Point, Point, Point, Point];
  return rectify(img, corners, quad.score);
}

/** Rectifies the quadrilateral `corners` (TL, TR, BR, BL) of `img` into a landscape ID-1 crop. */
export function rectify(img: DecodedImage, corners: [Point, Point, Point, Point], score = 1): LocatedCard {
  const [tl, tr, br, bl] = corners;
  const top = dist(tl, tr);
  const bottom = dist(bl, br);
  const left = dist(tl, bl);
  const right = dist(tr, br);
  let width = Math.round(Math.min(MAX_CROP_WIDTH, Math.max(top, bottom)));
  let height = Math.round(width / ID1_ASPECT);
  // Keep the resolution of the short sides too (never upsample the long side beyond the photo).
  if (Math.max(left, right) > height && width < MAX_CROP_WIDTH) {
    height = Math.round(Math.max(left, right));
    width = Math.round(Math.min(MAX_CROP_WIDTH, height * ID1_ASPECT));
    height = Math.round(width / ID1_ASPECT);
  }
  width = Math.max(2, width);
  height = Math.max(2, height);
  const src: [Point, Point, Point, Point] = corners;
  const dst: [Point, Point, Point, Point] = [
    { x: 0, y: 0 },
    { x: width - 1, y: 0 },
    { x: width - 1, y: height - 1 },
    { x: 0, y: height - 1 },
  ];
  const crop = warpPerspective(img, src, dst, width, height, [255, 255, 255]);
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const x1 = Math.min(img.width, Math.ceil(Math.max(...xs)));
  const y1 = Math.min(img.height, Math.ceil(Math.max(...ys)));
  const angle = (Math.atan2(tr.y - tl.y + (br.y - bl.y), tr.x - tl.x + (br.x - bl.x)) * 180) / Math.PI;
  return { box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }, angle, corners, crop, score };
}

// ---------------------------------------------------------------- geometry

/** 3×3 homography (row-major, h[8] = 1) mapping each `from[i]` to `to[i]`. */
export function homography(from: readonly Point[], to: readonly Point[]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i]!;
    const { x: u, y: v } = to[i]!;
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y, u]);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y, v]);
  }
  // Gaussian elimination with partial pivoting on the 8×9 augmented matrix.
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    const pivot = a[c]![c]!;
    if (Math.abs(pivot) < 1e-12) throw new RangeError('degenerate quadrilateral');
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / pivot;
      if (f === 0) continue;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  const h = a.map((row, i) => row[8]! / row[i]!);
  h.push(1);
  return h;
}

/**
 * Resamples `img` (RGB) so that the quadrilateral `src` lands on `dst` in a `width`×`height` output
 * (bilinear; pixels mapping outside the source get `fill`).
 */
export function warpPerspective(
  img: { data: Buffer; width: number; height: number },
  src: readonly Point[],
  dst: readonly Point[],
  width: number,
  height: number,
  fill: [number, number, number],
): DecodedImage {
  const h = homography(dst, src); // output → input
  const out = Buffer.allocUnsafe(width * height * 3);
  const { data, width: w, height: hh } = img;
  const [h0, h1, h2, h3, h4, h5, h6, h7, h8] = h as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const stride = w * 3;
  for (let y = 0; y < height; y++) {
    // Homogeneous source coordinates advance linearly along an output row.
    let nx = h1 * y + h2;
    let ny = h4 * y + h5;
    let dd = h7 * y + h8;
    let o = y * width * 3;
    for (let x = 0; x < width; x++, nx += h0, ny += h3, dd += h6, o += 3) {
      const fx = nx / dd;
      const fy = ny / dd;
      if (!(fx >= 0 && fy >= 0 && fx <= w - 1 && fy <= hh - 1)) {
        out[o] = fill[0];
        out[o + 1] = fill[1];
        out[o + 2] = fill[2];
        continue;
      }
      const x0 = fx < w - 1 ? fx | 0 : w - 2;
      const y0 = fy < hh - 1 ? fy | 0 : hh - 2;
      const ax = fx - x0;
      const ay = fy - y0;
      const w00 = (1 - ax) * (1 - ay);
      const w01 = ax * (1 - ay);
      const w10 = (1 - ax) * ay;
      const w11 = ax * ay;
      const i = y0 * stride + x0 * 3;
      const j = i + stride;
      out[o] = (data[i]! * w00 + data[i + 3]! * w01 + data[j]! * w10 + data[j + 3]! * w11 + 0.5) | 0;
      out[o + 1] =
        (data[i + 1]! * w00 + data[i + 4]! * w01 + data[j + 1]! * w10 + data[j + 4]! * w11 + 0.5) | 0;
      out[o + 2] =
        (data[i + 2]! * w00 + data[i + 5]! * w01 + data[j + 2]! * w10 + data[j + 5]! * w11 + 0.5) | 0;
    }
  }
  return { data: out, width, height };
}

function dist(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

// ---------------------------------------------------------------- detection

interface Line {
  /** Normal angle in radians, [0, π). Line: x cos θ + y sin θ = ρ. */
  theta: number;
  rho: number;
  votes: number;
}

interface Quad {
  corners: [Point, Point, Point, Point];
  score: number;
}

interface Gradients {
  w: number;
  h: number;
  gx: Float32Array;
  gy: Float32Array;
  mag: Float32Array;
}

/** Colour gradients (Sobel) of a smoothed copy: per pixel, the channel with the strongest gradient. */
function gradients(img: DecodedImage): Gradients {
  const { width: w, height: h } = img;
  const n = w * h;
  const smooth = [new Uint8Array(n), new Uint8Array(n), new Uint8Array(n)];
  for (let i = 0; i < n; i++) {
    smooth[0]![i] = img.data[i * 3]!;
    smooth[1]![i] = img.data[i * 3 + 1]!;
    smooth[2]![i] = img.data[i * 3 + 2]!;
  }
  const gx = new Float32Array(n);
  const gy = new Float32Array(n);
  const mag = new Float32Array(n);
  for (let y = 1; y < h - 1; y++) {
    for (let x = 1; x < w - 1; x++) {
      const i = y * w + x;
      let best = -1;
      for (const c of smooth) {
        const dx =
          c[i - w + 1]! + 2 * c[i + 1]! + c[i + w + 1]! - c[i - w - 1]! - 2 * c[i - 1]! - c[i + w - 1]!;
        const dy =
          c[i + w - 1]! + 2 * c[i + w]! + c[i + w + 1]! - c[i - w - 1]! - 2 * c[i - w]! - c[i - w + 1]!;
        const m = dx * dx + dy * dy;
        if (m > best) {
          best = m;
          gx[i] = dx;
          gy[i] = dy;
        }
      }
      mag[i] = Math.sqrt(best);
    }
  }
  return { w, h, gx, gy, mag };
}

const THETA_STEPS = 360; // 0.5°

function houghLines(g: Gradients, edgeThreshold: number): Line[] {
  const { w, h, gx, gy, mag } = g;
  const diag = Math.ceil(Math.hypot(w, h));
  const rhoBins = 2 * diag + 1;
  const acc = new Float32Array(THETA_STEPS * rhoBins);
  const cos = new Float32Array(THETA_STEPS);
  const sin = new Float32Array(THETA_STEPS);
  for (let t = 0; t < THETA_STEPS; t++) {
    cos[t] = Math.cos((t * Math.PI) / THETA_STEPS);
    sin[t] = Math.sin((t * Math.PI) / THETA_STEPS);
  }
  const spread = 6; // ±3° around the gradient direction
  for (let y = 2; y < h - 2; y++) {
    for (let x = 2; x < w - 2; x++) {
      const i = y * w + x;
      const m = mag[i]!;
      if (m < edgeThreshold) continue;
      // Thin edges: keep local maxima along the gradient direction only.
      const ux = gx[i]! / m;
      const uy = gy[i]! / m;
      const ox = Math.round(ux);
      const oy = Math.round(uy);
      if (m < mag[i + oy * w + ox]! || m < mag[i - oy * w - ox]!) continue;
      let theta = Math.atan2(uy, ux);
      if (theta < 0) theta += Math.PI;
      if (theta >= Math.PI) theta -= Math.PI;
      const t0 = Math.round((theta / Math.PI) * THETA_STEPS);
      const weight = Math.min(m, edgeThreshold * 4);
      for (let dt = -spread; dt <= spread; dt++) {
        let t = t0 + dt;
        let flip = 1;
        if (t < 0) {
          t += THETA_STEPS;
          flip = -1;
        } else if (t >= THETA_STEPS) {
          t -= THETA_STEPS;
          flip = -1;
        }
        const rho = flip * (x * cos[t]! + y * sin[t]!);
        const r = Math.round(rho) + diag;
        acc[t * rhoBins + r]! += weight;
      }
    }
  }
  // Peaks with non-maximum suppression in a (±3°, ±6 px) window.
  const candidates: Line[] = [];
  let maxVotes = 0;
  for (let i = 0; i < acc.length; i++) if (acc[i]! > maxVotes) maxVotes = acc[i]!;
  const floor = maxVotes * 0.12;
  for (let t = 0; t < THETA_STEPS; t++) {
    for (let r = 1; r < rhoBins - 1; r++) {
      const v = acc[t * rhoBins + r]!;
      if (v < floor) continue;
      let isMax = true;
      for (let dt = -6; dt <= 6 && isMax; dt++) {
        let tt = t + dt;
        let rr = r;
        if (tt < 0) {
          tt += THETA_STEPS;
          rr = 2 * diag - r;
        } else if (tt >= THETA_STEPS) {
          tt -= THETA_STEPS;
          rr = 2 * diag - r;
        }
        for (let dr = -6; dr <= 6; dr++) {
          const r2 = rr + dr;
          if (r2 < 0 || r2 >= rhoBins || (dt === 0 && dr === 0)) continue;
          const u = acc[tt * rhoBins + r2]!;
          if (u > v || (u === v && (dt < 0 || (dt === 0 && dr < 0)))) {
            isMax = false;
            break;
          }
        }
      }
      if (isMax) candidates.push({ theta: (t * Math.PI) / THETA_STEPS, rho: r - diag, votes: v });
    }
  }
  candidates.sort((a, b) => b.votes - a.votes);
  return candidates.slice(0, 48);
}

function intersect(a: Line, b: Line): Point | null {
  const ca = Math.cos(a.theta);
  const sa = Math.sin(a.theta);
  const cb = Math.cos(b.theta);
  const sb = Math.sin(b.theta);
  const det = ca * sb - sa * cb;
  if (Math.abs(det) < 1e-6) return null;
  return { x: (a.rho * sb - b.rho * sa) / det, y: (ca * b.rho - cb * a.rho) / det };
}

/** Angle between two line normals, folded into [0, π/2]. */
function angleBetween(a: Line, b: Line): number {
  let d = Math.abs(a.theta - b.theta) % Math.PI;
  if (d > Math.PI / 2) d = Math.PI - d;
  return d;
}

/** Orders four points TL, TR, BR, BL with the long side horizontal. */
function orderCorners(pts: Point[]): [Point, Point, Point, Point] {
  const cx = pts.reduce((s, p) => s + p.x, 0) / 4;
  const cy = pts.reduce((s, p) => s + p.y, 0) / 4;
  const sorted = [...pts].sort((a, b) => Math.atan2(a.y - cy, a.x - cx) - Math.atan2(b.y - cy, b.x - cx));
  // sorted clockwise in image coordinates starting from the upper-left-ish quadrant
  let start = 0;
  let bestSum = Infinity;
  sorted.forEach((p, i) => {
    if (p.x + p.y < bestSum) {
      bestSum = p.x + p.y;
      start = i;
    }
  });
  const q = [0, 1, 2, 3].map((k) => sorted[(start + k) % 4]!) as [Point, Point, Point, Point];
  const horizontal = dist(q[0], q[1]) + dist(q[3], q[2]);
  const vertical = dist(q[0], q[3]) + dist(q[1], q[2]);
  if (vertical > horizontal) {
    // Portrait card: rotate the labelling so the long side becomes the top edge.
    return [q[3], q[0], q[1], q[2]];
  }
  return q;
}

function findCardQuad(img: DecodedImage): Quad | null {
  const g = gradients(img);
  const { w, h, mag } = g;
  // Edge threshold relative to the image: the 85th percentile of the gradient magnitude, bounded below.
  const sample: number[] = [];
  for (let i = 0; i < mag.length; i += 7) sample.push(mag[i]!);
  sample.sort((a, b) => a - b);
  const edgeThreshold = Math.max(40, sample[Math.floor(sample.length * 0.85)] ?? 40);
  const lines = houghLines(g, edgeThreshold);
  if (lines.length < 4) return null;

  const minSide = Math.min(w, h);
  const imageArea = w * h;
  const maxParallel = (8 * Math.PI) / 180;
  const maxSkew = (10 * Math.PI) / 180;
  const pairs: [Line, Line][] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const a = lines[i]!;
      const b = lines[j]!;
      if (angleBetween(a, b) > maxParallel) continue;
      // Separation measured at the image centre.
      const c = { x: w / 2, y: h / 2 };
      const da = c.x * Math.cos(a.theta) + c.y * Math.sin(a.theta) - a.rho;
      let db = c.x * Math.cos(b.theta) + c.y * Math.sin(b.theta) - b.rho;
      if (Math.cos(a.theta - b.theta) < 0) db = -db; // normals point opposite ways (θ near 0 vs near π)
      const sep = Math.abs(da - db);
      if (sep < minSide * 0.15) continue;
      pairs.push([a, b]);
    }
  }

  let best: Quad | null = null;
  for (let i = 0; i < pairs.length; i++) {
    for (let j = i + 1; j < pairs.length; j++) {
      const [a, b] = pairs[i]!;
      const [c, d] = pairs[j]!;
      if (Math.abs(angleBetween(a, c) - Math.PI / 2) > maxSkew) continue;
      if (a === c || a === d || b === c || b === d) continue;
      const p1 = intersect(a, c);
      const p2 = intersect(a, d);
      const p3 = intersect(b, c);
      const p4 = intersect(b, d);
      if (!p1 || !p2 || !p3 || !p4) continue;
      const pts = [p1, p2, p3, p4];
      const margin = minSide * 0.03;
      if (pts.some((p) => p.x < -margin || p.y < -margin || p.x > w - 1 + margin || p.y > h - 1 + margin))
        continue;
      const corners = orderCorners(pts);
      const [tl, tr, br, bl] = corners;
      const long = (dist(tl, tr) + dist(bl, br)) / 2;
      const short = (dist(tl, bl) + dist(tr, br)) / 2;
      const aspect = long / short;
      if (aspect < 1.3 || aspect > 1.95) continue;
      const area = polygonArea(corners);
      if (area < imageArea * 0.06) continue;
      if (!isConvex(corners)) continue;
      const support = quadSupport(g, corners, edgeThreshold);
      if (support <= 0) continue;
      const aspectPenalty = Math.abs(Math.log(aspect / ID1_ASPECT));
      const score = support * (1 - aspectPenalty) * (0.85 + 0.15 * Math.sqrt(area / imageArea));
      if (!best || score > best.score) best = { corners, score };
    }
  }
  if (!best || best.score < 0.45) return null;
  return { corners: widenToCardEdges(g, best.corners, edgeThreshold), score: best.score };
}

/**
 * A strong printed band along a card edge (a dark header, a colour stripe) can beat the card's real, lower
 * contrast edge. For each side, look up to 12% of the card's short side further out for a parallel edge
 * with decent support; move the side there when that brings the aspect ratio clearly closer to ID-1.
 */
function widenToCardEdges(
  g: Gradients,
  corners: [Point, Point, Point, Point],
  threshold: number,
): [Point, Point, Point, Point] {
  let c = corners;
  for (let s = 0; s < 4; s++) {
    const a = c[s]!;
    const b = c[(s + 1) % 4]!;
    const len = dist(a, b);
    const cx = (c[0].x + c[1].x + c[2].x + c[3].x) / 4;
    const cy = (c[0].y + c[1].y + c[2].y + c[3].y) / 4;
    let nx = -(b.y - a.y) / len;
    let ny = (b.x - a.x) / len;
    if ((cx - a.x) * nx + (cy - a.y) * ny > 0) {
      nx = -nx;
      ny = -ny; // outward
    }
    const short = Math.min(dist(c[0], c[3]), dist(c[1], c[2]), dist(c[0], c[1]), dist(c[3], c[2]));
    const current = Math.abs(Math.log(quadAspect(c) / ID1_ASPECT));
    let bestQuad: [Point, Point, Point, Point] | null = null;
    let bestGain = 0.02;
    for (let d = 2; d <= Math.round(short * 0.12); d++) {
      const a2 = { x: a.x + nx * d, y: a.y + ny * d };
      const b2 = { x: b.x + nx * d, y: b.y + ny * d };
      if (sideSupport(g, a2, b2, nx, ny, threshold) < 0.5) continue;
      const moved = [...c] as [Point, Point, Point, Point];
      moved[s] = a2;
      moved[(s + 1) % 4] = b2;
      const gain = current - Math.abs(Math.log(quadAspect(moved) / ID1_ASPECT));
      if (gain > bestGain) {
        bestGain = gain;
        bestQuad = moved;
      }
    }
    if (bestQuad) c = bestQuad;
  }
  return c;
}

function quadAspect(c: readonly Point[]): number {
  const long = (dist(c[0]!, c[1]!) + dist(c[3]!, c[2]!)) / 2;
  const short = (dist(c[0]!, c[3]!) + dist(c[1]!, c[2]!)) / 2;
  return Math.max(long, short) / Math.min(long, short);
}

/** Fraction of the middle 80% of segment a–b that sits on an edge normal to (nx, ny). */
function sideSupport(g: Gradients, a: Point, b: Point, nx: number, ny: number, threshold: number): number {
  const samples = Math.max(12, Math.round(dist(a, b) / 2));
  let hits = 0;
  for (let k = 0; k < samples; k++) {
    const t = 0.1 + (0.8 * k) / (samples - 1);
    if (edgeAt(g, a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, nx, ny, threshold) !== 0) hits++;
  }
  return hits / samples;
}

function polygonArea(p: readonly Point[]): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) {
    const a = p[i]!;
    const b = p[(i + 1) % p.length]!;
    s += a.x * b.y - b.x * a.y;
  }
  return Math.abs(s) / 2;
}

function isConvex(p: readonly Point[]): boolean {
  let sign = 0;
  for (let i = 0; i < 4; i++) {
    const a = p[i]!;
    const b = p[(i + 1) % 4]!;
    const c = p[(i + 2) % 4]!;
    const cross = (b.x - a.x) * (c.y - b.y) - (b.y - a.y) * (c.x - b.x);
    const s = Math.sign(cross);
    if (s === 0) return false;
    if (sign === 0) sign = s;
    else if (s !== sign) return false;
  }
  return true;
}

/**
 * Edge support of a quadrilateral, 0–1: for each side, the fraction of samples over its middle 80% that sit
 * (within ±2 px) on an edge whose gradient is normal to the side, with consistent polarity; the result is
 * the mean over sides, pulled down by the weakest side and by lines that keep going past the corners.
 */
function quadSupport(g: Gradients, c: [Point, Point, Point, Point], threshold: number): number {
  const sides: number[] = [];
  let overshoot = 0;
  const cx = (c[0].x + c[1].x + c[2].x + c[3].x) / 4;
  const cy = (c[0].y + c[1].y + c[2].y + c[3].y) / 4;
  for (let s = 0; s < 4; s++) {
    const a = c[s]!;
    const b = c[(s + 1) % 4]!;
    const len = dist(a, b);
    const tx = (b.x - a.x) / len;
    const ty = (b.y - a.y) / len;
    // Inward normal.
    let nx = -ty;
    let ny = tx;
    if ((cx - a.x) * nx + (cy - a.y) * ny < 0) {
      nx = -nx;
      ny = -ny;
    }
    const samples = Math.max(12, Math.round(len / 2));
    let hits = 0;
    let polarity = 0;
    for (let k = 0; k < samples; k++) {
      const t = 0.1 + (0.8 * k) / (samples - 1);
      const px = a.x + (b.x - a.x) * t;
      const py = a.y + (b.y - a.y) * t;
      const e = edgeAt(g, px, py, nx, ny, threshold);
      if (e !== 0) {
        hits++;
        polarity += e;
      }
    }
    const coverage = hits / samples;
    const consistency = hits ? Math.abs(polarity) / hits : 0;
    sides.push(coverage * (0.6 + 0.4 * consistency));
    // Does the edge continue beyond both corners? (Sample 12% of the side length past each end.)
    const ext = Math.max(6, Math.round(len * 0.12));
    let beyond = 0;
    let total = 0;
    for (let k = 3; k <= ext; k += 2) {
      for (const [p, dir] of [
        [a, -1],
        [b, 1],
      ] as const) {
        const px = p.x + tx * k * dir;
        const py = p.y + ty * k * dir;
        if (px < 2 || py < 2 || px > g.w - 3 || py > g.h - 3) continue;
        total++;
        if (edgeAt(g, px, py, nx, ny, threshold) !== 0) beyond++;
      }
    }
    if (total) overshoot += beyond / total;
  }
  const mean = sides.reduce((x, y) => x + y, 0) / 4;
  const min = Math.min(...sides);
  return 0.6 * mean + 0.4 * min - 0.25 * (overshoot / 4);
}

/** +1 / −1 (polarity along the inward normal) when an edge normal to (nx, ny) is within ±2 px, else 0. */
function edgeAt(g: Gradients, px: number, py: number, nx: number, ny: number, threshold: number): number {
  const cosTol = 0.94; // ≈ 20°
  for (let d = -2; d <= 2; d++) {
    const x = Math.round(px + nx * d);
    const y = Math.round(py + ny * d);
    if (x < 1 || y < 1 || x >= g.w - 1 || y >= g.h - 1) continue;
    const i = y * g.w + x;
    const m = g.mag[i]!;
    if (m < threshold * 0.6) continue;
    const dot = (g.gx[i]! * nx + g.gy[i]! * ny) / m;
    if (Math.abs(dot) >= cosTol) return dot > 0 ? 1 : -1;
  }
  return 0;
}

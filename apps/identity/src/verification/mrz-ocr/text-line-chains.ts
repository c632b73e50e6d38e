// Text lines in a dark-text mask: glyph-sized connected components chained left to right, each chain
// measured (capital height, character pitch, slope, regularity of its spacing).
import { median } from './median.ts';

// Dark connected components of glyph size are chained left to right into text lines (tolerating a
// tilt of up to ~15°). An MRZ line is a long chain of glyphs of one height at an even pitch; the MRZ is
// two or three such chains stacked at the same angle. Noise from a busy background does not chain.

export interface Glyph {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  cx: number;
  cy: number;
  h: number;
}

export interface Chain {
  glyphs: Glyph[];
  /** Capital height: the upper quartile of glyph heights ('<' is shorter than letters). */
  cap: number;
  pitch: number;
  /** Slope of the baseline, dy/dx. */
  slope: number;
  /** y of the line's centre at x = 0, in the analysis image. */
  intercept: number;
  left: number;
  right: number;
  /** Character cells the chain spans (its extent over its pitch). */
  cells: number;
  /** Share of neighbouring glyph gaps that sit on the pitch grid. */
  regularity: number;
}

export function components(mask: Uint8Array, width: number, height: number): Glyph[] {
  const labels = new Int32Array(width * height);
  const stack = new Int32Array(width * height);
  const glyphs: Glyph[] = [];
  let next = 0;
  for (let start = 0; start < mask.length; start += 1) {
    if (!mask[start] || labels[start]) continue;
    next += 1;
    let top = 0;
    stack[top++] = start;
    labels[start] = next;
    let x0 = width;
    let x1 = 0;
    let y0 = height;
    let y1 = 0;
    let count = 0;
    while (top > 0) {
      const p = stack[--top]!;
      const x = p % width;
      const y = (p - x) / width;
      count += 1;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      for (let dy = -1; dy <= 1; dy += 1) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (mask[q] && !labels[q]) {
            labels[q] = next;
            stack[top++] = q;
          }
        }
      }
    }
    const h = y1 - y0 + 1;
    const w = x1 - x0 + 1;
    // Glyph-sized: not a speck, not a page-sized blob; runs of touching fillers may be wide.
    if (h >= 5 && h <= 80 && count >= 10 && w <= h * 30) {
      glyphs.push({ x0, x1, y0, y1, cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, h });
    }
  }
  return glyphs;
}

export function buildChains(glyphs: Glyph[]): Chain[] {
  const sorted = [...glyphs].sort((a, b) => a.x0 - b.x0);
  const successor = new Map<Glyph, Glyph>();
  const predecessor = new Map<Glyph, Glyph>();
  for (let i = 0; i < sorted.length; i += 1) {
    const g = sorted[i]!;
    let best: Glyph | undefined;
    let bestGap = Infinity;
    for (let j = i + 1; j < sorted.length; j += 1) {
      const s = sorted[j]!;
      const gap = s.x0 - g.x1;
      const size = Math.max(g.h, s.h);
      if (gap > size * 1.3) break;
      if (gap < -size * 0.2) continue;
      const ratio = s.h / g.h;
      if (ratio < 0.4 || ratio > 2.5) continue;
      // Centres on one (possibly tilted, ≤ ~15°) line.
      if (Math.abs(s.cy - g.cy) > size * 0.3 + (s.cx - g.cx) * 0.27) continue;
      if (gap < bestGap) {
        best = s;
        bestGap = gap;
      }
    }
    if (!best) continue;
    const held = predecessor.get(best);
    if (held && best.x0 - held.x1 <= bestGap) continue;
    if (held) successor.delete(held);
    successor.set(g, best);
    predecessor.set(best, g);
  }
  const chains: Chain[] = [];
  for (const head of sorted) {
    if (predecessor.has(head)) continue;
    const members: Glyph[] = [head];
    let cursor = successor.get(head);
    while (cursor) {
      members.push(cursor);
      cursor = successor.get(cursor);
    }
    if (members.length >= 8) {
      const chain = measureChain(members);
      if (chain) chains.push(chain);
    }
  }
  return chains;
}

function measureChain(glyphs: Glyph[]): Chain | undefined {
  const heights = glyphs.map((g) => g.h).sort((a, b) => a - b);
  const cap = heights[Math.floor(heights.length * 0.75)]!;
  // Pitch from neighbouring narrow glyphs (single characters).
  const narrow = (g: Glyph) => g.x1 - g.x0 + 1 <= cap * 1.2;
  const gaps: number[] = [];
  for (let i = 1; i < glyphs.length; i += 1) {
    const a = glyphs[i - 1]!;
    const b = glyphs[i]!;
    if (narrow(a) && narrow(b)) gaps.push(b.cx - a.cx);
  }
  if (gaps.length < 5) return undefined;
  const pitch = median(gaps);
  if (!(pitch >= cap * 0.6 && pitch <= cap * 1.8)) return undefined;
  const onGrid = gaps.filter(
    (g) => Math.abs(g / pitch - Math.round(g / pitch)) < 0.22 && g / pitch > 0.6,
  ).length;
  // Line fit through the letters (full-height glyphs) for the angle.
  const tall = glyphs.filter((g) => g.h >= cap * 0.8);
  const fit = tall.length >= 5 ? tall : glyphs;
  const mx = fit.reduce((s, g) => s + g.cx, 0) / fit.length;
  const my = fit.reduce((s, g) => s + g.cy, 0) / fit.length;
  const sxx = fit.reduce((s, g) => s + (g.cx - mx) ** 2, 0);
  const sxy = fit.reduce((s, g) => s + (g.cx - mx) * (g.cy - my), 0);
  const slope = sxx > 0 ? sxy / sxx : 0;
  const left = glyphs[0]!.x0;
  const right = glyphs[glyphs.length - 1]!.x1;
  return {
    glyphs,
    cap,
    pitch,
    slope,
    intercept: my - slope * mx,
    left,
    right,
    cells: Math.round((right - left) / pitch),
    regularity: onGrid / gaps.length,
  };
}

// Locating the MRZ band: the 2–3 stacked, evenly pitched, MRZ-long text-line chains of one angle.
import type { MrzFormat } from '../documents/mrz.ts';
import { FORMAT_SHAPE } from './mrz-format-shape.ts';
import { median } from './median.ts';
import type { Chain } from './text-line-chains.ts';

export interface Band {
  /** Bounds of the MRZ in the analysis image (axis-aligned once the image is straightened). */
  left: number;
  right: number;
  top: number;
  bottom: number;
  cap: number;
  pitch: number;
  /** Tilt of the MRZ lines in degrees (positive: falling to the right). */
  angle: number;
  lines: number;
}

/** The best stack of 2–3 evenly pitched, MRZ-long chains (the lowest on the page wins ties). */
export function findMrzBand(chains: readonly Chain[], hint: MrzFormat | undefined): Band | undefined {
  const minCells = hint ? FORMAT_SHAPE[hint].length * 0.7 : 20;
  const lines = chains
    .filter((c) => c.cells >= minCells && c.cells <= 50 && c.regularity >= 0.7)
    .sort((a, b) => a.intercept + a.slope * a.left - (b.intercept + b.slope * b.left));
  const yAt = (c: Chain, x: number) => c.intercept + c.slope * x;
  let best: { band: Band; score: number } | undefined;
  for (let i = 0; i < lines.length; i += 1) {
    const group: Chain[] = [lines[i]!];
    for (let j = i + 1; j < lines.length && group.length < 3; j += 1) {
      const prev = group[group.length - 1]!;
      const next = lines[j]!;
      const x = (prev.left + prev.right) / 2;
      const spacing = yAt(next, x) - yAt(prev, x);
      const similar =
        Math.abs(next.pitch - prev.pitch) <= prev.pitch * 0.15 &&
        Math.abs(next.slope - prev.slope) <= 0.03 &&
        Math.abs(next.left - prev.left) <= prev.pitch * 3 &&
        spacing >= prev.cap * 1.2 &&
        spacing <= prev.cap * 3;
      if (similar) group.push(next);
    }
    for (let size = 2; size <= group.length; size += 1) {
      const members = group.slice(0, size);
      const cells = Math.max(...members.map((l) => l.cells));
      const expected = hint ? FORMAT_SHAPE[hint] : size === 3 ? FORMAT_SHAPE.TD1 : FORMAT_SHAPE.TD3;
      let score = size * 10 - Math.abs(cells + 1 - expected.length);
      if (hint && size === FORMAT_SHAPE[hint].lines) score += 30;
      if (!hint && size === 3 && Math.abs(cells + 1 - 30) <= 4) score += 30;
      score += yAt(members[size - 1]!, 0) / 100_000; // tie-break: lower on the page
      if (!best || score > best.score) {
        const left = Math.min(...members.map((l) => l.left));
        const right = Math.max(...members.map((l) => l.right));
        const first = members[0]!;
        const last = members[size - 1]!;
        const cap = median(members.map((l) => l.cap));
        best = {
          score,
          band: {
            left,
            right,
            top: Math.min(yAt(first, left), yAt(first, right)) - cap / 2,
            bottom: Math.max(yAt(last, left), yAt(last, right)) + cap / 2,
            cap,
            pitch: median(members.map((l) => l.pitch)),
            angle: (Math.atan(median(members.map((l) => l.slope))) * 180) / Math.PI,
            lines: size,
          },
        };
      }
    }
  }
  return best?.band;
}

// Reading the MRZ on its fixed-width character grid: OCR symbols snapped to monospaced cells by position,
// so doubled or dropped characters and miscounted filler runs do not shift the line.
import type { MrzFormat } from '../documents/mrz.ts';
import type { OcrLine } from './mrz-candidates.ts';
import { FORMAT_SHAPE } from './mrz-format-shape.ts';
import { median } from './median.ts';

export interface OcrSymbol {
  text: string;
  center: number;
  confidence: number;
}

export function lowestConfidence(symbols: readonly { text: string; confidence: number }[]): number {
  const confidences = symbols.filter((s) => s.text !== '<').map((s) => s.confidence);
  return confidences.length > 0 ? Math.min(...confidences) : 100;
}

/** Letters tesseract also emits, with boxes as tall as the line, beside an OCR-B filler it read right. */
const FILLER_LOOKALIKES = 'KLC';

/**
 * Which of two symbols in one cell to keep: a filler over a K/L/C (OCR-B fillers come out as a short
 * '<' plus a spurious letter), otherwise the more confident.
 */
function wins(s: OcrSymbol, held: OcrSymbol): boolean {
  if (s.text === '<' && FILLER_LOOKALIKES.includes(held.text)) return true;
  if (held.text === '<' && FILLER_LOOKALIKES.includes(s.text)) return false;
  return s.confidence > held.confidence;
}

/**
 * Rebuild the lines from where OCR saw each character: MRZ type is monospaced, so every character sits
 * in a cell at a fixed pitch from the common left edge. Characters OCR doubled land in the same cell
 * (the more confident one is kept), characters it dropped leave a cell empty (a filler), and the line
 * comes out at its exact length whatever OCR did to runs of fillers.
 */
export function snapToGrid(symbolRows: readonly OcrSymbol[][], hint?: MrzFormat): OcrLine[] | undefined {
  const rows = symbolRows.filter((row) => row.length >= 12);
  if (rows.length < 2) return undefined;
  const spacings = rows.flatMap((row) => row.slice(1).map((s, i) => s.center - row[i]!.center));
  const rough = median(spacings.filter((d) => d > 0));
  const pitch = median(spacings.filter((d) => d > rough * 0.75 && d < rough * 1.25));
  if (!(pitch > 0)) return undefined;
  // The left edge: the first character in any line that has a neighbour one pitch to its right.
  const starts = rows
    .map(
      (row) =>
        row.find((s, i) => {
          const next = row[i + 1];
          return next !== undefined && Math.abs(next.center - s.center - pitch) < pitch * 0.35;
        })?.center,
    )
    .filter((x): x is number => x !== undefined);
  if (starts.length === 0) return undefined;
  const left = Math.min(...starts);
  const length = hint
    ? FORMAT_SHAPE[hint].length
    : rows.length >= 3
      ? 30
      : Math.max(...rows.map((row) => Math.round((row[row.length - 1]!.center - left) / pitch) + 1)) > 40
        ? 44
        : 36;
  return rows.map((row) => {
    // Refine this line's pitch and origin by least squares on the provisional cells, then re-assign.
    const provisional = row.map((s) => ({ s, k: Math.round((s.center - left) / pitch) }));
    const fit = provisional.filter((p) => p.k >= 0 && p.k < length);
    let origin = left;
    let step = pitch;
    if (fit.length >= 10) {
      const mk = fit.reduce((a, p) => a + p.k, 0) / fit.length;
      const mc = fit.reduce((a, p) => a + p.s.center, 0) / fit.length;
      const sxx = fit.reduce((a, p) => a + (p.k - mk) ** 2, 0);
      const sxy = fit.reduce((a, p) => a + (p.k - mk) * (p.s.center - mc), 0);
      if (sxx > 0 && Math.abs(sxy / sxx / pitch - 1) < 0.05) {
        step = sxy / sxx;
        origin = mc - step * mk;
      }
    }
    const cells: (OcrSymbol | undefined)[] = new Array(length).fill(undefined);
    for (const s of row) {
      const k = Math.round((s.center - origin) / step);
      if (k < 0 || k >= length) continue;
      const held = cells[k];
      if (!held || wins(s, held)) cells[k] = s;
    }
    const chosen = cells.filter((c): c is OcrSymbol => c !== undefined);
    return {
      text: cells.map((c) => c?.text ?? '<').join(''),
      confidence: lowestConfidence(chosen),
      cells: cells.map((c) => c?.confidence ?? 100),
    };
  });
}

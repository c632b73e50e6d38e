// Turning OCR output (text, or lines with confidences) into the best MRZ reading: lines cleaned to the
// MRZ alphabet, every window of the right number of lines read in each format, the best one kept.
import type { MrzFormat } from '../documents/mrz.ts';
import { evaluate, isClean, rank, type Candidate } from './mrz-candidate-score.ts';
import { FORMAT_SHAPE } from './mrz-format-shape.ts';
import { lineVariants } from './mrz-line-variants.ts';
import { settle } from './mrz-repairs.ts';

export interface OcrLine {
  text: string;
  /** Lowest symbol confidence (0–100) in the line, fillers aside; 100 when unknown. */
  confidence: number;
  /** Per character, when the line was rebuilt on the character grid (same length as `text`). */
  cells?: number[];
}

function cleanLines(lines: readonly OcrLine[]): OcrLine[] {
  return lines
    .map((l) => ({
      text: l.text
        .toUpperCase()
        .replace(/\s+/g, '')
        .replace(/[«‹]/g, '<')
        .replace(/[^A-Z0-9<]/g, ''),
      confidence: l.confidence,
      ...(l.cells ? { cells: l.cells } : {}),
    }))
    .filter((l) => l.text.length >= 12);
}

/** Best MRZ reading of `window` (already the right number of lines) in `format`. */
function bestForWindow(window: readonly string[], format: MrzFormat): Candidate | undefined {
  const { length } = FORMAT_SHAPE[format];
  const perLine = window.map((line, i) => lineVariants(line, length, format, i));
  const baseline = perLine.map((variants) => [...variants].sort((a, b) => a.edits - b.edits)[0]!);
  const simplest = settle(
    evaluate(
      baseline.map((b) => b.text),
      baseline.reduce((s, b) => s + b.edits, 0),
    ),
    format,
  );
  // Explore other readings only when the simplest one is wrong somewhere: every extra reading is one
  // more chance for check digits (mod 10) to agree by luck.
  if (isClean(simplest)) return simplest;
  // Rank each line's variants with the other lines held at their simplest reading, keep a few.
  const shortlists = perLine.map((variants, i) => {
    const scored = variants.map((v) => {
      const lines = baseline.map((b, j) => (j === i ? v.text : b.text));
      return { v, score: rank(evaluate(lines, v.edits)) };
    });
    scored.sort((a, b) => b.score - a.score);
    return scored.slice(0, 4).map((s) => s.v);
  });
  let best: Candidate = simplest;
  const combine = (i: number, lines: string[], edits: number): void => {
    if (i === shortlists.length) {
      const c = settle(evaluate([...lines], edits), format);
      if (rank(c) > rank(best)) best = c;
      return;
    }
    for (const v of shortlists[i]!) {
      lines.push(v.text);
      combine(i + 1, lines, edits + v.edits);
      lines.pop();
    }
  };
  combine(0, [], 0);
  return best;
}

/** Check digit positions per format and line: a misread there cannot pass its own check. */
const CHECK_COLUMNS: Record<MrzFormat, readonly (readonly number[])[]> = {
  TD3: [[], [9, 19, 27, 42, 43]],
  TD2: [[], [9, 19, 27, 35]],
  TD1: [[14], [6, 14, 29], []],
};

/**
 * How sure OCR was of the characters that no check digit protects by itself: fillers and check digits
 * aside (a wrong check digit fails its check), when the line was read cell by cell.
 */
function dataConfidence(line: OcrLine, format: MrzFormat, index: number): number {
  if (
    !line.cells ||
    line.cells.length !== line.text.length ||
    line.text.length !== FORMAT_SHAPE[format].length
  ) {
    return line.confidence;
  }
  const skip = CHECK_COLUMNS[format][index] ?? [];
  let lowest = 100;
  line.cells.forEach((confidence, column) => {
    if (line.text[column] !== '<' && !skip.includes(column)) lowest = Math.min(lowest, confidence);
  });
  return lowest;
}

/** The best MRZ in OCR output (text, or lines with confidences), or undefined when nothing looks like one. */
export function bestMrzFromText(ocr: string | readonly OcrLine[], hint?: MrzFormat): Candidate | undefined {
  const raw = typeof ocr === 'string' ? ocr.split(/\r?\n/).map((text) => ({ text, confidence: 100 })) : ocr;
  const lines = cleanLines(raw);
  const formats: MrzFormat[] = hint ? [hint] : ['TD3', 'TD1', 'TD2'];
  let best: Candidate | undefined;
  for (const format of formats) {
    const shape = FORMAT_SHAPE[format];
    for (let from = 0; from + shape.lines <= lines.length; from += 1) {
      const window = lines.slice(from, from + shape.lines);
      // The name line may lose any number of trailing fillers; the others must be about right.
      const nameLine = format === 'TD1' ? 2 : 0;
      const misfit = window.reduce(
        (s, l, i) =>
          s +
          (i === nameLine
            ? Math.max(0, l.text.length - shape.length)
            : Math.abs(l.text.length - shape.length)),
        0,
      );
      if (misfit > shape.lines * 6) continue;
      const candidate = bestForWindow(
        window.map((l) => l.text),
        format,
      );
      if (candidate && (!best || rank(candidate) > rank(best))) {
        best = { ...candidate, confidence: Math.min(...window.map((l, i) => dataConfidence(l, format, i))) };
      }
    }
  }
  if (!best || !best.result.ok) return undefined;
  // MRZ-like only if check digits agree or fixed fields are mostly plausible (noise parses as neither).
  const first = best.result.value.lines[0] ?? '';
  const shaped = /^[PACIV][A-Z<][A-Z<]{3}/.test(first) && best.misfits <= 3;
  if (best.valid < 2 && !(best.valid >= 1 && shaped)) return undefined;
  return best;
}

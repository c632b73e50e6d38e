// Reads the machine-readable zone of a passport data page (TD3), a passport card back or ID card (TD1)
// or a TD2 document from a photo. Find the MRZ: on a reduced, binarised copy, glyph-sized components
// are chained into text lines and the 2–3 stacked lines of evenly pitched characters are the MRZ (their
// slope gives the rotation to undo). Crop it with a margin, scale it so capitals are ~23 px tall and OCR
// it with the MRZ alphabet only. Each OCR pass is read two ways (its text lines fitted to the format,
// and its characters snapped to the monospaced grid), corrected by position (parseMrz), and the reading
// with the most valid check digits and plausible fixed fields wins. A confident clean reading is taken at
// once; otherwise other scales / thresholds run until two readings agree or a majority vote is clean.
import type { MrzFormat, MrzParseResult } from '../documents/mrz.ts';
import { binarise } from './binarise.ts';
import { estimateSkew } from './estimate-skew.ts';
import { resizeGray, rotateGray, toGray, type RawImage } from './gray-image.ts';
import { findMrzBand } from './locate-mrz-band.ts';
import { rank, type Candidate } from './mrz-candidate-score.ts';
import { FORMAT_SHAPE } from './mrz-format-shape.ts';
import { decide } from './mrz-vote.ts';
import { clampCrop, ocrCrop, type Crop } from './ocr-mrz-crop.ts';
import { buildChains, components } from './text-line-chains.ts';

export type { RawImage } from './gray-image.ts';
export { bestMrzFromText, type OcrLine } from './mrz-candidates.ts';

export interface MrzReading {
  lines: string[];
  result: MrzParseResult;
  /** Which preprocessing produced the reading, e.g. 'band/gray@23' or 'rot2.9/band/gray@23+…'. */
  strategy: string;
  ms: number;
  /** Lowest OCR confidence (0–100) of a character in the MRZ lines read, fillers aside. */
  confidence: number;
}

/** Width of the reduced copy used to find the skew and the MRZ lines. */
const ANALYSIS_WIDTH = 900;

/**
 * Past this, no further preprocessing variant is tried once something was read (latency over a
 * last bit of accuracy; a miss asks for a retake). Tests of accuracy pass a larger budget, so
 * their results do not depend on how busy the machine is.
 */
export const MRZ_TIME_BUDGET_MS = 1200;

/**
 * Read the MRZ in a photo of a document. Returns null when nothing MRZ-like is found; otherwise the
 * best reading (check `result.ok` and `result.value.checkDigitsValid`).
 */
export async function readMrz(
  image: RawImage,
  hint?: MrzFormat,
  options: { timeBudgetMs?: number } = {},
): Promise<MrzReading | null> {
  const budget = options.timeBudgetMs ?? MRZ_TIME_BUDGET_MS;
  const started = performance.now();
  let work = await toGray(image);
  let analysis = await resizeGray(work, ANALYSIS_WIDTH);
  let mask = binarise(analysis);
  let chains = buildChains(components(mask, analysis.width, analysis.height));
  let band = findMrzBand(chains, hint);
  // Straighten: by the MRZ lines themselves, or (no MRZ found yet) by the text of the whole image.
  const skew = band ? Math.round(band.angle * 10) / 10 : estimateSkew(mask, analysis.width, analysis.height);
  if (Math.abs(skew) >= 0.3) {
    work = await rotateGray(work, -skew);
    analysis = await resizeGray(work, ANALYSIS_WIDTH);
    mask = binarise(analysis);
    chains = buildChains(components(mask, analysis.width, analysis.height));
    band = findMrzBand(chains, hint);
  }
  const factor = work.width / analysis.width;
  const attempts: { name: string; crop: Crop; cap: number; binary: boolean }[] = [];
  const rotation = Math.abs(skew) >= 0.3 ? `rot${skew}/` : '';
  if (band) {
    // A line the chaining missed (expected three, found two) is above or below: widen the crop by one.
    const missing = hint ? Math.max(0, FORMAT_SHAPE[hint].lines - band.lines) : 0;
    const marginY = band.cap * (0.7 + missing * 2.2);
    const marginX = band.cap * 0.8;
    const crop = clampCrop(
      (band.left - marginX) * factor,
      (band.top - marginY) * factor,
      (band.right + marginX) * factor,
      (band.bottom + marginY) * factor,
      work,
      band.cap * factor,
    );
    attempts.push({ name: `${rotation}band/gray@23`, crop, cap: 23, binary: false });
    attempts.push({ name: `${rotation}band/gray@30`, crop, cap: 30, binary: false });
    attempts.push({ name: `${rotation}band/binary@26`, crop, cap: 26, binary: true });
    attempts.push({ name: `${rotation}band/gray@19`, crop, cap: 19, binary: false });
  }
  // Fallback: the bottom of the document, where ICAO puts the MRZ; assume MRZ capitals ~3% of the height.
  // Not worth an OCR pass when nothing in the image even looks like a line of evenly spaced characters.
  const texty = chains.some((c) => c.cells >= 15 && c.glyphs.length >= 12 && c.regularity >= 0.75);
  if (!band && !texty) return null;
  const bottomShare = hint === 'TD1' ? 0.5 : 0.4;
  const bottom = clampCrop(
    0,
    work.height * (1 - bottomShare),
    work.width,
    work.height,
    work,
    work.height * 0.028,
  );
  attempts.push({ name: `${rotation}bottom/gray@23`, crop: bottom, cap: 23, binary: false });

  const readings: { candidate: Candidate; strategy: string }[] = [];
  let accepted: { candidate: Candidate; strategy: string } | undefined;
  for (const attempt of attempts) {
    // Bounded effort: past the budget, settle for the best reading so far.
    if (readings.length > 0 && performance.now() - started > budget) break;
    const candidate = await ocrCrop(work, attempt.crop, attempt.cap, attempt.binary, hint);
    if (!candidate) continue;
    readings.push({ candidate, strategy: attempt.name });
    accepted = decide(readings);
    if (accepted) break;
  }
  const best = accepted ?? [...readings].sort((a, b) => rank(b.candidate) - rank(a.candidate))[0];
  if (!best) return null;
  return {
    lines: best.candidate.lines,
    result: best.candidate.result,
    strategy: best.strategy,
    ms: Math.round(performance.now() - started),
    confidence: best.candidate.confidence ?? 100,
  };
}

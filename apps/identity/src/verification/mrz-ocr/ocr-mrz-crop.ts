// One OCR pass over a crop of the MRZ: scaled to a target capital height (optionally binarised), read
// with the MRZ alphabet, and interpreted both as text lines and on the character grid.
import type { MrzFormat } from '../documents/mrz.ts';
import { graySharp, toSingleChannel, type Gray } from './gray-image.ts';
import { bestMrzFromText, type OcrLine } from './mrz-candidates.ts';
import { isClean, rank } from './mrz-candidate-score.ts';
import { fillersByHeight } from './mrz-filler-shape.ts';
import { lowestConfidence, snapToGrid, type OcrSymbol } from './mrz-grid-reading.ts';
import { recognize } from './tesseract-worker.ts';

export interface Crop {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Capital height in the crop, px. */
  capHeight: number;
}

export async function ocrCrop(work: Gray, crop: Crop, capTarget: number, binary: boolean, hint?: MrzFormat) {
  const scale = Math.min(4, Math.max(0.5, capTarget / Math.max(4, crop.capHeight)));
  let pipeline = graySharp(work)
    .extract({ left: crop.left, top: crop.top, width: crop.width, height: crop.height })
    .resize(Math.round(crop.width * scale), Math.round(crop.height * scale), { kernel: 'cubic', fit: 'fill' })
    .normalise();
  if (binary) pipeline = pipeline.blur(0.8).threshold(128);
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  const gray = toSingleChannel(data, info.channels);
  const pgm = Buffer.concat([Buffer.from(`P5\n${info.width} ${info.height}\n255\n`), gray]);
  const page = await recognize(pgm, 'mrz');
  const rows: OcrSymbol[][] = [];
  const lines: OcrLine[] = [];
  for (const block of page.blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        const symbols = line.words.flatMap((w) => w.symbols);
        // OCR-B fillers read as K/L/C are told apart by their height (mrz-filler-shape.ts).
        const texts = fillersByHeight(symbols);
        rows.push(
          symbols.map((symbol, i) => ({
            text: texts[i]!,
            center: (symbol.bbox.x0 + symbol.bbox.x1) / 2,
            confidence: symbol.confidence,
          })),
        );
        let at = 0;
        const text = line.words.map((w) => w.symbols.map(() => texts[at++]!).join('')).join(' ');
        lines.push({ text, confidence: lowestConfidence(symbols) });
      }
    }
  }
  const fromText = bestMrzFromText(lines.length > 0 ? lines : page.text, hint);
  const grid = snapToGrid(rows, hint);
  const fromGrid = grid ? bestMrzFromText(grid, hint) : undefined;
  if (fromGrid && isClean(fromGrid)) return fromGrid;
  if (fromText && isClean(fromText)) return fromText;
  if (!fromGrid) return fromText;
  if (!fromText) return fromGrid;
  return rank(fromGrid) >= rank(fromText) ? fromGrid : fromText;
}

export function clampCrop(
  left: number,
  top: number,
  right: number,
  bottom: number,
  g: Gray,
  capHeight: number,
): Crop {
  const l = Math.max(0, Math.floor(left));
  const t = Math.max(0, Math.floor(top));
  const r = Math.min(g.width, Math.ceil(right));
  const b = Math.min(g.height, Math.ceil(bottom));
  return { left: l, top: t, width: Math.max(1, r - l), height: Math.max(1, b - t), capHeight };
}

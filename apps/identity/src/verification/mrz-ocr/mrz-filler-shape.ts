// Telling the '<' filler from the capitals OCR mistakes it for, by glyph height. In OCR-B (the ICAO MRZ
// typeface) '<' spans ~80% of the capital height and sits clear of the baseline; tesseract with the MRZ
// alphabet reads it as K, L or C almost everywhere. Those misreads are invisible to check digits (K is
// worth 20 ≡ 0 mod 10, like '<'), so they must be undone before reading: a K, L or C whose box is
// clearly shorter than the line's capitals is a filler. (Roboto Mono's '<' is shorter still.)

export interface SymbolBox {
  text: string;
  bbox: { y0: number; y1: number };
}

/** Letters tesseract reads OCR-B fillers as. */
const FILLER_LOOKALIKES = new Set(['K', 'L', 'C']);

/** Height, as a share of the line's median capital/digit height, below which a K/L/C is a filler. */
const FILLER_HEIGHT_SHARE = 0.88;

/** Median box height of the line's letters and digits (fillers and look-alikes aside), or 0. */
function capitalHeight(symbols: readonly SymbolBox[]): number {
  const heights = symbols
    .filter((s) => /^[A-Z0-9]$/.test(s.text) && !FILLER_LOOKALIKES.has(s.text))
    .map((s) => s.bbox.y1 - s.bbox.y0)
    .sort((a, b) => a - b);
  return heights.length >= 5 ? heights[heights.length >> 1]! : 0;
}

/** The symbols' texts, with K/L/C too short to be capitals read as '<'. */
export function fillersByHeight(symbols: readonly SymbolBox[]): string[] {
  const cap = capitalHeight(symbols);
  return symbols.map((s) =>
    cap > 0 && FILLER_LOOKALIKES.has(s.text) && s.bbox.y1 - s.bbox.y0 < cap * FILLER_HEIGHT_SHARE
      ? '<'
      : s.text,
  );
}

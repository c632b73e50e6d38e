// Fillers OCR read as K, L or C (OCR-B's '<' looks like them to tesseract) where the format says only
// fillers can be: after the end of the name (the second '<<' of the name field: the first separates
// surname from given names, given names are joined by single fillers, so a second '<<' starts the
// padding), and isolated inside the filler tail of an optional-data field. K is worth 20 ≡ 0 mod 10,
// exactly like '<', so check digits cannot catch these; only letters that look like a filler are changed.
import type { MrzFormat } from '../documents/mrz.ts';

const LOOKALIKE = /[KLC]/g;

/** Name field per format: [line, start]; it runs to the end of the line. */
const NAME_FIELD: Record<MrzFormat, readonly [number, number]> = {
  TD3: [0, 5],
  TD2: [0, 5],
  TD1: [2, 0],
};

/** Optional-data fields per format: [line, start, end). */
const OPTIONAL_FIELDS: Record<MrzFormat, readonly [number, number, number][]> = {
  TD3: [[1, 28, 42]],
  TD2: [[1, 28, 35]],
  TD1: [
    [0, 15, 30],
    [1, 18, 29],
  ],
};

function replaceAt(line: string, start: number, end: number, text: string): string {
  return line.slice(0, start) + text + line.slice(end);
}

/** The name field with look-alikes after the end of the name (see the file comment) made fillers. */
function nameTail(field: string): string {
  const separator = field.indexOf('<<');
  if (separator < 0) return field;
  const end = field.indexOf('<<', separator + 2);
  if (end < 0) return field;
  const tail = field.slice(end);
  if (!/^[<KLC]*$/.test(tail)) return field;
  return field.slice(0, end) + tail.replace(LOOKALIKE, '<');
}

/** An optional field whose filler tail holds isolated look-alikes (`<K<`, `<L` at the end) made fillers. */
function optionalTail(field: string): string {
  // Optional data is left-aligned: a field that starts with a filler is all fillers.
  const first = field.startsWith('<') ? 0 : field.indexOf('<<');
  if (first < 0) return field;
  const tail = field.slice(first);
  if (!/^[<KLC]*$/.test(tail) || /[KLC]{2}/.test(tail)) return field;
  return field.slice(0, first) + tail.replace(LOOKALIKE, '<');
}

/** `lines` (exact format length) with fillers misread as K/L/C restored where only fillers can be. */
export function restoreFillers(lines: readonly string[], format: MrzFormat): string[] {
  const out = [...lines];
  const [nameLine, nameStart] = NAME_FIELD[format];
  const name = out[nameLine];
  if (name !== undefined)
    out[nameLine] = replaceAt(name, nameStart, name.length, nameTail(name.slice(nameStart)));
  for (const [line, start, end] of OPTIONAL_FIELDS[format]) {
    const text = out[line];
    if (text === undefined || text.length < end) continue;
    out[line] = replaceAt(text, start, end, optionalTail(text.slice(start, end)));
  }
  return out;
}

// Ways to read one OCR line as an MRZ line of the exact length: filler runs lengthened or shortened,
// a stray character dropped, a lost or misread document code restored.
import type { MrzFormat } from '../documents/mrz.ts';

export interface Variant {
  text: string;
  edits: number;
}

/** Make a line exactly `length` long by lengthening or shortening its runs of fillers. */
function fitFillers(line: string, length: number, edits: number, out: Variant[]): void {
  const diff = length - line.length;
  if (diff === 0) {
    out.push({ text: line, edits });
    return;
  }
  const cost = edits + Math.abs(diff);
  if (diff > 0) {
    out.push({ text: line + '<'.repeat(diff), edits: cost });
    for (const run of line.matchAll(/<+/g)) {
      out.push({ text: line.slice(0, run.index) + '<'.repeat(diff) + line.slice(run.index), edits: cost });
    }
  } else {
    const extra = -diff;
    out.push({ text: line.slice(0, length), edits: /^<*$/.test(line.slice(length)) ? edits : cost + 2 });
    for (const run of line.matchAll(/<+/g)) {
      if (run[0].length >= extra) {
        out.push({ text: line.slice(0, run.index) + line.slice(run.index + extra), edits: cost });
      }
    }
  }
}

/** ICAO fixes the first character: P for passports (TD3), A, C or I for TD1/TD2 cards. */
function fixDocumentCode(line: string, format: MrzFormat): string {
  const first = line[0] ?? '';
  if (format === 'TD3' && first !== 'P' && 'RBFDE'.includes(first)) return `P${line.slice(1)}`;
  if (format !== 'TD3' && !'ACI'.includes(first) && '1LTJ'.includes(first)) return `I${line.slice(1)}`;
  return line;
}

/**
 * Ways to read an OCR line as an MRZ line of `length` characters: fillers miscounted, plus (for data
 * lines) one stray character dropped or one lost first character restored.
 */
export function lineVariants(line: string, length: number, format: MrzFormat, index: number): Variant[] {
  const isNameLine = format === 'TD1' ? index === 2 : index === 0;
  const starts: Variant[] = [{ text: line, edits: 0 }];
  if (index === 0) {
    if (format === 'TD3' && line.startsWith('<')) starts.push({ text: `P${line}`, edits: 1 });
    if (format !== 'TD3' && /^[A-Z<][A-Z]{3}/.test(line) && !'ACI'.includes(line[0]!)) {
      starts.push({ text: `I${line}`, edits: 1 });
    }
  }
  const out: Variant[] = [];
  for (const start of starts) {
    if (isNameLine && start.text.length < length && start.text.endsWith('<')) {
      // Trailing fillers lost: the name itself is intact.
      out.push({ text: start.text.padEnd(length, '<'), edits: start.edits });
    }
    if (Math.abs(start.text.length - length) > 6) {
      out.push({ text: start.text.slice(0, length).padEnd(length, '<'), edits: start.edits + 6 });
      continue;
    }
    fitFillers(start.text, length, start.edits, out);
    if (isNameLine) continue;
    // One stray character (OCR noise between two glyphs), then fillers adjusted.
    for (let i = 0; i < start.text.length; i += 1) {
      if (start.text[i] === '<') continue;
      fitFillers(start.text.slice(0, i) + start.text.slice(i + 1), length, start.edits + 1, out);
    }
  }
  const unique = new Map<string, Variant>();
  for (const v of out) {
    const text = index === 0 ? fixDocumentCode(v.text, format) : v.text;
    const known = unique.get(text);
    if (!known || v.edits < known.edits) unique.set(text, { text, edits: v.edits });
  }
  return [...unique.values()];
}

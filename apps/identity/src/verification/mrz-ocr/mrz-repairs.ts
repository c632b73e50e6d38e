// Repairs of a candidate MRZ reading: digit look-alikes for letters left in numeric spans, the usual
// OCR swaps in the alphanumeric document number (kept only when the check digits then agree), and digit
// look-alikes in the one numeric field whose check digit fails (mrz-check-digit-repair.ts).
import type { MrzFormat } from '../documents/mrz.ts';
import { evaluate, NUMERIC, rank, type Candidate } from './mrz-candidate-score.ts';
import { repairByCheckDigits } from './mrz-check-digit-repair.ts';
import { restoreFillers } from './mrz-filler-runs.ts';

/** Alternatives for characters OCR confuses, tried inside the alphanumeric document number. */
const AMBIGUOUS: Record<string, string[]> = {
  O: ['0'],
  '0': ['O'],
  D: ['0'],
  Q: ['0'],
  U: ['0'],
  C: ['0'],
  I: ['1'],
  '1': ['I'],
  L: ['1'],
  T: ['1', '7'],
  J: ['1'],
  Z: ['2', '7'],
  '2': ['Z'],
  S: ['5', '8'],
  '5': ['S'],
  G: ['6'],
  '6': ['G'],
  B: ['8', '0'],
  '8': ['B'],
  A: ['4'],
  H: ['4'],
  E: ['8'],
  F: ['7'],
  Y: ['7'],
};

/** Letters left in numeric spans (parseMrz maps only the common confusions): try digit look-alikes. */
function repairNumeric(candidate: Candidate): Candidate {
  if (!candidate.result.ok) return candidate;
  const doc = candidate.result.value;
  const slots: { line: number; column: number; options: string[] }[] = [];
  for (const [line, start, end] of NUMERIC[doc.format]) {
    for (let column = start; column < end; column += 1) {
      const char = doc.lines[line]?.[column] ?? '';
      if (/[A-Z]/.test(char)) {
        slots.push({ line, column, options: (AMBIGUOUS[char] ?? []).filter((a) => /\d/.test(a)) });
      }
    }
  }
  if (slots.length === 0 || slots.length > 3 || slots.some((s) => s.options.length === 0)) return candidate;
  let best = candidate;
  const walk = (k: number, lines: string[]): void => {
    if (k === slots.length) {
      const next = evaluate(lines, candidate.edits + slots.length);
      if (next.valid >= best.valid && next.misfits < best.misfits) best = next;
      return;
    }
    const slot = slots[k]!;
    for (const option of slot.options) {
      const copy = [...lines];
      const row = copy[slot.line]!;
      copy[slot.line] = row.slice(0, slot.column) + option + row.slice(slot.column + 1);
      walk(k + 1, copy);
    }
  };
  walk(0, [...doc.lines]);
  return best;
}

/**
 * The document number is alphanumeric, so parseMrz cannot fix it by position. Try the usual OCR swaps
 * and keep a reading only if every check digit, the composite included, agrees. US passport books and
 * cards number as one optional letter and eight digits, so for issuer USA letters after the first are
 * read as digits even when a lucky swap kept the check digits valid.
 */
function fixDocumentNumber(candidate: Candidate, format: MrzFormat): Candidate {
  if (!candidate.result.ok) return candidate;
  const value = candidate.result.value;
  const numberCheck = value.checkDigits.find((c) => c.name === 'documentNumber');
  if (!numberCheck) return candidate;
  const lineIndex = format === 'TD1' ? 0 : 1;
  const start = format === 'TD1' ? 5 : 0;
  const original = value.lines[lineIndex] ?? '';
  // US rules: a passport card number is C + 8 digits, a book number 9 digits or a letter + 8 digits.
  const usa = value.issuingState === 'USA';
  const card = usa && format === 'TD1' && value.documentCode === 'IP';
  let base = original;
  if (card && base[start] !== 'C' && '0OQDG6'.includes(base[start] ?? '')) {
    base = `${base.slice(0, start)}C${base.slice(start + 1)}`;
  }
  const needsDigit = (i: number) => usa && i > start && i < start + 9 && /[A-Z]/.test(base[i] ?? '');
  const forced = base !== original || [...base.slice(start, start + 9)].some((_, k) => needsDigit(start + k));
  if (numberCheck.valid && !forced) return candidate;
  const choices: { at: number; options: string[] }[] = [];
  for (let i = start; i < start + 10 && choices.length < 6; i += 1) {
    const char = base[i] ?? '';
    const alternatives = AMBIGUOUS[char] ?? [];
    if (needsDigit(i)) {
      const digits = alternatives.filter((a) => /\d/.test(a));
      choices.push({ at: i, options: digits.length > 0 ? digits : [char] });
    } else if (alternatives.length > 0 && !(card && i === start)) {
      choices.push({ at: i, options: [char, ...alternatives] });
    }
  }
  const withLine = (line: string, swaps: number): Candidate => {
    const lines = [...value.lines];
    lines[lineIndex] = line;
    return evaluate(lines, candidate.edits + swaps);
  };
  let best: Candidate | undefined;
  const walk = (k: number, chars: string[], swaps: number): void => {
    if (k === choices.length) {
      if (swaps === 0 && !forced) return;
      const next = withLine(chars.join(''), swaps);
      if (next.result.ok && next.result.value.checkDigitsValid && (!best || rank(next) > rank(best))) {
        best = next;
      }
      return;
    }
    const { at, options } = choices[k]!;
    for (const option of options) {
      chars[at] = option;
      walk(k + 1, chars, swaps + (option === base[at] ? 0 : 1));
    }
    chars[at] = base[at]!;
  };
  walk(0, [...base], 0);
  if (best) return best;
  if (!forced) return candidate;
  // No reading fits: keep the one corrected by position, whose check digits then (honestly) fail,
  // rather than a number with letters in digit positions whose check digits added up by luck.
  const positional = [...base]
    .map((c, i) => (needsDigit(i) ? ((AMBIGUOUS[c] ?? []).find((a) => /\d/.test(a)) ?? c) : c))
    .join('');
  return withLine(positional, 1);
}

/** Fillers misread as K/L/C where only fillers can be (mrz-filler-runs.ts) put back; edits unchanged. */
function restoreFillerRuns(candidate: Candidate, format: MrzFormat): Candidate {
  if (!candidate.result.ok) return candidate;
  const lines = restoreFillers(candidate.lines, format);
  return lines.join('\n') === candidate.lines.join('\n') ? candidate : evaluate(lines, candidate.edits);
}

export function settle(candidate: Candidate, format: MrzFormat): Candidate {
  return repairByCheckDigits(fixDocumentNumber(repairNumeric(restoreFillerRuns(candidate, format)), format));
}

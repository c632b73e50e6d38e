// Check-digit-constrained repair of one numeric field (a date, or an all-digit document number) whose
// check digit fails: its digits (check digit included) are swapped for their OCR look-alikes (0↔8, 5↔6,
// 1↔7 …), one at a time. A repair counts only if every check digit, the composite included, then passes
// and the dates are calendar dates; it is kept only when exactly one repair does. Never two swaps: under
// the 7-3-1 weights two swaps can satisfy both the field and the composite check by luck (measured: a
// misaligned line gave a wrong but "valid" birth date), so several errors stay "unknown", never a guess.
import { evaluate, isClean, type Candidate } from './mrz-candidate-score.ts';

/** Digits OCR takes for one another (most likely first). */
const DIGIT_LOOKALIKES: Record<string, readonly string[]> = {
  '0': ['8', '6', '9'],
  '8': ['0', '3', '6', '9'],
  '6': ['8', '5', '0'],
  '5': ['6', '3'],
  '3': ['8', '5'],
  '9': ['8', '0'],
  '1': ['7', '4'],
  '7': ['1'],
  '4': ['1'],
  '2': ['7'],
};

/** Data length in front of each repairable check digit. */
const FIELD_LENGTH = { birthDate: 6, expirationDate: 6, documentNumber: 9 } as const;

/** Edits charged per swap: a repaired reading is never "sure" on its own (see mrz-vote.ts). */
const EDITS_PER_SWAP = 3;

interface Slot {
  line: number;
  column: number;
}

function swapped(lines: readonly string[], changes: readonly [Slot, string][]): string[] {
  const copy = [...lines];
  for (const [{ line, column }, char] of changes) {
    const row = copy[line]!;
    copy[line] = row.slice(0, column) + char + row.slice(column + 1);
  }
  return copy;
}

/** Repair the one failing numeric field of `candidate` (see the file comment), or return it unchanged. */
export function repairByCheckDigits(candidate: Candidate): Candidate {
  if (!candidate.result.ok || candidate.result.value.checkDigitsValid) return candidate;
  const doc = candidate.result.value;
  const failing = doc.checkDigits.filter((c) => !c.valid && c.name !== 'composite');
  if (failing.length !== 1) return candidate;
  const check = failing[0]!;
  if (!(check.name in FIELD_LENGTH)) return candidate;
  const length = FIELD_LENGTH[check.name as keyof typeof FIELD_LENGTH];
  const slots: Slot[] = [];
  for (let column = check.column - length; column <= check.column; column += 1) {
    const char = doc.lines[check.line]?.[column] ?? '';
    // Only all-digit fields: letters (and fillers of short numbers) are another repair's business.
    if (!/\d/.test(char)) return candidate;
    slots.push({ line: check.line, column });
  }
  const lines = doc.lines;
  const passing = (changes: [Slot, string][]): Candidate | undefined => {
    const next = evaluate(swapped(lines, changes), candidate.edits + EDITS_PER_SWAP * changes.length);
    return isClean(next) ? next : undefined;
  };
  const options = slots.map((slot) => DIGIT_LOOKALIKES[lines[slot.line]![slot.column]!] ?? []);
  const singles: Candidate[] = [];
  slots.forEach((slot, i) => {
    for (const option of options[i]!) {
      const next = passing([[slot, option]]);
      if (next) singles.push(next);
    }
  });
  return singles.length === 1 ? singles[0]! : candidate;
}

// Choosing between MRZ readings of several preprocessing variants: one confident clean reading, two that
// agree, or a character-by-character majority vote.
import { evaluate, isClean, type Candidate } from './mrz-candidate-score.ts';
import { settle } from './mrz-repairs.ts';

/** Below this OCR confidence a clean reading is confirmed by a second preprocessing variant. */
const CONFIDENT = 93;

/**
 * Whether the readings so far settle the MRZ: one clean, confident reading that needed few edits; two
 * clean readings that agree; or, from three readings, a clean character-by-character majority.
 */
export function decide(
  readings: readonly { candidate: Candidate; strategy: string }[],
): { candidate: Candidate; strategy: string } | undefined {
  const clean = readings.filter((r) => isClean(r.candidate));
  const sure = clean.find((r) => (r.candidate.confidence ?? 100) >= CONFIDENT && r.candidate.edits <= 2);
  if (sure) return sure;
  for (let i = 0; i < clean.length; i += 1) {
    for (let j = i + 1; j < clean.length; j += 1) {
      if (clean[i]!.candidate.lines.join('\n') === clean[j]!.candidate.lines.join('\n')) {
        return { candidate: clean[i]!.candidate, strategy: `${clean[i]!.strategy}+${clean[j]!.strategy}` };
      }
    }
  }
  if (readings.length >= 3) {
    const voted = vote(readings.map((r) => r.candidate));
    if (voted && isClean(voted)) return { candidate: voted, strategy: `vote(${readings.length})` };
  }
  return undefined;
}

/** Character-by-character majority over readings of the same format (ties: the most confident). */
function vote(candidates: readonly Candidate[]): Candidate | undefined {
  const ok = candidates.filter((c) => c.result.ok);
  const format = ok[0]?.result.ok ? ok[0].result.value.format : undefined;
  if (!format) return undefined;
  const same = ok
    .filter((c) => c.result.ok && c.result.value.format === format)
    .sort((a, b) => (b.confidence ?? 100) - (a.confidence ?? 100));
  if (same.length < 3) return undefined;
  const lines = same[0]!.lines.map((line, i) =>
    [...line]
      .map((_, k) => {
        const counts = new Map<string, number>();
        for (const c of same) {
          const char = c.lines[i]?.[k] ?? '<';
          counts.set(char, (counts.get(char) ?? 0) + 1);
        }
        let winner = line[k]!;
        for (const [char, n] of counts) if (n > (counts.get(winner) ?? 0)) winner = char;
        return winner;
      })
      .join(''),
  );
  const voted = settle(evaluate(lines, 0), format);
  return { ...voted, confidence: Math.min(...same.map((c) => c.confidence ?? 100)) };
}

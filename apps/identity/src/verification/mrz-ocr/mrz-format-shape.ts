// Lines and characters per line of each MRZ format (ICAO 9303: TD1 cards, TD2, TD3 passport books).
import type { MrzFormat } from '../documents/mrz.ts';

export const FORMAT_SHAPE: Record<MrzFormat, { lines: number; length: number }> = {
  TD1: { lines: 3, length: 30 },
  TD2: { lines: 2, length: 36 },
  TD3: { lines: 2, length: 44 },
};

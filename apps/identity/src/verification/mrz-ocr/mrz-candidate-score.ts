// A candidate MRZ reading and how plausible it is: check digits that agree, ICAO fixed positions
// (document code, state codes, sex, digits in numeric spans) and the edits it took to get there.
import { parseMrz, type MrzDocument, type MrzFormat, type MrzParseResult } from '../documents/mrz.ts';

export interface Candidate {
  lines: string[];
  result: MrzParseResult;
  valid: number;
  /** Characters inserted, deleted or swapped to reach this reading (fewer is more plausible). */
  edits: number;
  /** Fixed-position rules broken (document code, nationality letters, sex). */
  misfits: number;
  /** Lowest OCR confidence (0–100) of a character in the lines used, fillers aside. */
  confidence?: number;
}

const LETTER_OR_FILLER = /^[A-Z<]$/;

/** Positions ICAO fixes, checked on the corrected lines: [line, column, allowed]. */
const STRUCTURE: Record<MrzFormat, readonly [number, number, RegExp][]> = {
  TD3: [
    [0, 0, /^P$/],
    [0, 2, LETTER_OR_FILLER],
    [0, 3, LETTER_OR_FILLER],
    [0, 4, LETTER_OR_FILLER],
    [1, 10, LETTER_OR_FILLER],
    [1, 11, LETTER_OR_FILLER],
    [1, 12, LETTER_OR_FILLER],
    [1, 20, /^[MFX<]$/],
  ],
  TD2: [
    [0, 0, /^[ACIP]$/],
    [0, 2, LETTER_OR_FILLER],
    [0, 3, LETTER_OR_FILLER],
    [0, 4, LETTER_OR_FILLER],
    [1, 10, LETTER_OR_FILLER],
    [1, 11, LETTER_OR_FILLER],
    [1, 12, LETTER_OR_FILLER],
    [1, 20, /^[MFX<]$/],
  ],
  TD1: [
    [0, 0, /^[ACI]$/],
    [0, 2, LETTER_OR_FILLER],
    [0, 3, LETTER_OR_FILLER],
    [0, 4, LETTER_OR_FILLER],
    [1, 7, /^[MFX<]$/],
    [1, 15, LETTER_OR_FILLER],
    [1, 16, LETTER_OR_FILLER],
    [1, 17, LETTER_OR_FILLER],
  ],
};

/** ISO 3166-1 alpha-3 codes and the other codes ICAO 9303 Part 3 allows for states and nationalities. */
const STATE_CODES = new Set(
  (
    'ABW AFG AGO AIA ALA ALB AND ARE ARG ARM ASM ATA ATF ATG AUS AUT AZE BDI BEL BEN BES BFA BGD BGR BHR ' +
    'BHS BIH BLM BLR BLZ BMU BOL BRA BRB BRN BTN BVT BWA CAF CAN CCK CHE CHL CHN CIV CMR COD COG COK COL ' +
    'COM CPV CRI CUB CUW CXR CYM CYP CZE DEU DJI DMA DNK DOM DZA ECU EGY ERI ESH ESP EST ETH FIN FJI FLK ' +
    'FRA FRO FSM GAB GBR GEO GGY GHA GIB GIN GLP GMB GNB GNQ GRC GRD GRL GTM GUF GUM GUY HKG HMD HND HRV ' +
    'HTI HUN IDN IMN IND IOT IRL IRN IRQ ISL ISR ITA JAM JEY JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO ' +
    'LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAC MAF MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG ' +
    'MNP MOZ MRT MSR MTQ MUS MWI MYS MYT NAM NCL NER NFK NGA NIC NIU NLD NOR NPL NRU NZL OMN PAK PAN PCN ' +
    'PER PHL PLW PNG POL PRI PRK PRT PRY PSE PYF QAT REU ROU RUS RWA SAU SDN SEN SGP SGS SHN SJM SLB SLE ' +
    'SLV SMR SOM SPM SRB SSD STP SUR SVK SVN SWE SWZ SXM SYC SYR TCA TCD TGO THA TJK TKL TKM TLS TON TTO ' +
    'TUN TUR TUV TWN TZA UGA UKR UMI URY USA UZB VAT VCT VEN VGB VIR VNM VUT WLF WSM YEM ZAF ZMB ZWE ' +
    'D GBD GBN GBO GBP GBS UNO UNA UNK XBA XIM XCC XCE XCO XEC XPO XES XMP XOM XDC XXA XXB XXC XXX EUE RKS UTO'
  ).split(' '),
);

/** Numeric spans (dates and check digits) per format: [line, start, end]. */
export const NUMERIC: Record<MrzFormat, readonly [number, number, number][]> = {
  TD3: [
    [1, 9, 10],
    [1, 13, 20],
    [1, 21, 28],
    [1, 42, 44],
  ],
  TD2: [
    [1, 9, 10],
    [1, 13, 20],
    [1, 21, 28],
    [1, 35, 36],
  ],
  TD1: [
    [1, 0, 7],
    [1, 8, 15],
    [1, 29, 30],
  ],
};

function countMisfits(doc: MrzDocument): number {
  let misfits = STRUCTURE[doc.format].filter(
    ([line, column, allowed]) => !allowed.test(doc.lines[line]?.[column] ?? ''),
  ).length;
  for (const [line, start, end] of NUMERIC[doc.format]) {
    const text = doc.lines[line]?.slice(start, end) ?? '';
    // An empty personal number may carry '<' as its check digit.
    misfits += [...text].filter(
      (c, k) => !/\d/.test(c) && !(c === '<' && doc.format === 'TD3' && start + k === 42),
    ).length;
  }
  if (!doc.birthDate.iso) misfits += 1;
  if (!doc.expirationDate.iso) misfits += 1;
  if (!STATE_CODES.has(doc.issuingState)) misfits += 1;
  if (!STATE_CODES.has(doc.nationality)) misfits += 1;
  if (doc.issuingState === 'USA') {
    const number =
      doc.format === 'TD1' ? (doc.lines[0] ?? '').slice(5, 14) : (doc.lines[1] ?? '').slice(0, 9);
    if (/[A-Z]/.test(number.slice(1))) misfits += 1;
    if (doc.format === 'TD1' && doc.documentCode === 'IP' && number[0] !== 'C') misfits += 1;
  }
  return misfits;
}

export function evaluate(lines: string[], edits: number): Candidate {
  const result = parseMrz(lines);
  if (!result.ok) return { lines, result, valid: -1, edits, misfits: 99 };
  const valid = result.value.checkDigits.filter((c) => c.valid).length;
  return { lines: [...result.value.lines], result, valid, edits, misfits: countMisfits(result.value) };
}

export function rank(c: Candidate): number {
  const corrections = c.result.ok ? c.result.value.corrections.length : 50;
  return c.valid * 1000 - c.misfits * 100 - c.edits * 10 - corrections;
}

/** Every check digit valid, every fixed position plausible. */
export function isClean(c: Candidate): boolean {
  return c.result.ok && c.result.value.checkDigitsValid && c.misfits === 0;
}

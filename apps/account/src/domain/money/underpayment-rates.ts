// IRC 6621(a)(2) underpayment rates for individuals, per calendar quarter, from 2019 on.
//
// The rate is the federal short-term rate (determined in the first month of the preceding
// quarter, rounded to the nearest whole percent, IRC 6621(b)(2)–(3)) plus 3 percentage points,
// so every rate is a whole percent. Interest compounds daily (IRC 6622(a)) and a rate applies to
// the days of its quarter (IRC 6621(b)(1)).
//
// `confidence` follows ../shared/reference/domain.md: 'verified' = read in a primary text;
// 'secondary' = only secondary sources, consistent with each other; 'unconfirmed' = not
// confirmed at all — check it before relying on it. Rates after the last row are taken to stay
// at the last row's rate (see interest.ts), which is how a future payoff amount is quoted: the
// rate for a future quarter is not known yet.

export type RateConfidence = 'verified' | 'secondary' | 'unconfirmed';

export interface QuarterRate {
  /** "2019-Q1". */
  readonly quarter: string;
  /** Whole percent per year. */
  readonly ratePercent: number;
  readonly source: string;
  readonly confidence: RateConfidence;
}

const FR_2024_21785 =
  'Federal Register Doc. 2024-21785 (CBP table of IRS underpayment rates for non-corporate taxpayers); ' +
  'the 2019–2023 periods also match the IRS notice insert table (domain.md §2)';

export const UNDERPAYMENT_RATES: readonly QuarterRate[] = [
  { quarter: '2019-Q1', ratePercent: 6, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2019-Q2', ratePercent: 6, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2019-Q3', ratePercent: 5, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2019-Q4', ratePercent: 5, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2020-Q1', ratePercent: 5, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2020-Q2', ratePercent: 5, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2020-Q3', ratePercent: 3, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2020-Q4', ratePercent: 3, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2021-Q1', ratePercent: 3, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2021-Q2', ratePercent: 3, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2021-Q3', ratePercent: 3, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2021-Q4', ratePercent: 3, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2022-Q1', ratePercent: 3, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2022-Q2', ratePercent: 4, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2022-Q3', ratePercent: 5, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2022-Q4', ratePercent: 6, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2023-Q1', ratePercent: 7, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2023-Q2', ratePercent: 7, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2023-Q3', ratePercent: 7, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2023-Q4', ratePercent: 8, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2024-Q1', ratePercent: 8, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2024-Q2', ratePercent: 8, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2024-Q3', ratePercent: 8, source: FR_2024_21785, confidence: 'verified' },
  { quarter: '2024-Q4', ratePercent: 8, source: FR_2024_21785, confidence: 'verified' },
  {
    quarter: '2025-Q1',
    ratePercent: 7,
    source: 'Federal Register Doc. 2025-02228',
    confidence: 'verified',
  },
  {
    quarter: '2025-Q2',
    ratePercent: 7,
    source: 'Rev. Rul. 2025-7 (via kpmg.com)',
    confidence: 'secondary',
  },
  {
    quarter: '2025-Q3',
    ratePercent: 7,
    source: 'IR-2025-59, Rev. Rul. 2025-11 (via an einpresswire copy of the release)',
    confidence: 'secondary',
  },
  {
    quarter: '2025-Q4',
    ratePercent: 7,
    source: 'Rev. Rul. 2025-18 (via rsmus.com)',
    confidence: 'secondary',
  },
  {
    quarter: '2026-Q1',
    ratePercent: 7,
    source: 'IR-2025-112, Rev. Rul. 2025-22 (via kpmg.com, accountingtoday.com)',
    confidence: 'secondary',
  },
  {
    quarter: '2026-Q2',
    ratePercent: 6,
    source: 'NOT CONFIRMED: a single secondary source (legalclarity.org); no IRS release found',
    confidence: 'unconfirmed',
  },
  {
    quarter: '2026-Q3',
    ratePercent: 6,
    source: 'NOT CONFIRMED: no published rate found; the 2026-Q2 rate carried forward',
    confidence: 'unconfirmed',
  },
  {
    quarter: '2026-Q4',
    ratePercent: 6,
    source: 'NOT CONFIRMED: no published rate found; the 2026-Q2 rate carried forward',
    confidence: 'unconfirmed',
  },
];

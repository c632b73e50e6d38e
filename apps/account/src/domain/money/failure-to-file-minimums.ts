// The minimum failure-to-file penalty (IRC 6651(a), the sentence after paragraph (3)): when a
// return of income tax is filed more than 60 days after its due date (with extensions), the
// penalty is at least the lesser of the amount below or 100% of the tax required to be shown on
// the return (net of timely payments and credits, IRC 6651(b)(1)). $435 was set by the SECURE
// Act (Pub. L. 116-94, Div. O, §402) for returns due after 2019 and is adjusted for inflation
// each year (IRC 6651(j)); the amount is the one for the calendar year the return is due in.
//
// Sources as in ../shared/reference/domain.md §2: the IRS table copied on mathsdaq.com,
// inquisitrs.com, ourtaxpartner.com [S]; 2026 from taxesforexpats.com [S]; $435 in the statute
// text quoted on ttlc.intuit.com [S]. Due years after the last row use the last row.

import type { RateConfidence } from './underpayment-rates.ts';

export interface MinimumPenaltyRow {
  /** The calendar year the return is due in, including extensions. */
  readonly dueYear: number;
  /** Whole dollars. */
  readonly dollars: number;
  readonly source: string;
  readonly confidence: RateConfidence;
}

const IRS_TABLE = 'IRS minimum-penalty table (copies on mathsdaq.com, inquisitrs.com, ourtaxpartner.com)';

export const FAILURE_TO_FILE_MINIMUMS: readonly MinimumPenaltyRow[] = [
  { dueYear: 2018, dollars: 210, source: IRS_TABLE, confidence: 'secondary' },
  { dueYear: 2019, dollars: 210, source: IRS_TABLE, confidence: 'secondary' },
  { dueYear: 2020, dollars: 435, source: `${IRS_TABLE}; SECURE Act §402`, confidence: 'secondary' },
  { dueYear: 2021, dollars: 435, source: `${IRS_TABLE}; SECURE Act §402`, confidence: 'secondary' },
  { dueYear: 2022, dollars: 435, source: `${IRS_TABLE}; SECURE Act §402`, confidence: 'secondary' },
  { dueYear: 2023, dollars: 450, source: IRS_TABLE, confidence: 'secondary' },
  { dueYear: 2024, dollars: 485, source: IRS_TABLE, confidence: 'secondary' },
  { dueYear: 2025, dollars: 510, source: IRS_TABLE, confidence: 'secondary' },
  { dueYear: 2026, dollars: 525, source: 'taxesforexpats.com', confidence: 'secondary' },
];

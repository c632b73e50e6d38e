// Failure to file, IRC 6651(a)(1):
// - 5% of the net amount due for each month or part of a month the return is late, at most five
//   months (25%). The net amount due is the tax required to be shown less what was paid, and the
//   credits that could be claimed, by the due date (IRC 6651(b)(1)) — `tax` in the scenario.
//   Payments made after the due date do not lower it: unlike the failure-to-pay penalty, the
//   statute reduces this base only by payments "on or before the date prescribed for payment"
//   (Treas. Reg. 301.6651-1(a)(1) example: 5% a month "of the net amount due of $300 ($1,000
//   required to be shown on the return less $700 paid on or before April 15)").
// - For a month in which the failure-to-pay penalty also applies, reduced by it (IRC
//   6651(c)(1)), so the two together are 5% (4.5% + 0.5%).
// - Minimum (IRC 6651(a), last sentence): a return filed more than 60 days late is charged at
//   least the lesser of the year's minimum (failure-to-file-minimums.ts) or 100% of the net
//   amount due. How the minimum meets the 6651(c)(1) reduction is not settled in our sources
//   [U]; we apply the minimum last, to the penalty after the reduction: the charge is
//   max(Σ monthly charges less the failure-to-pay of those months, minimum). The minimum counts
//   from the 61st day after the due date whether or not the tax was paid since.
import { civilDate } from './calendar.ts';
import { FAILURE_TO_FILE_MINIMUMS } from './failure-to-file-minimums.ts';
import { FAILURE_TO_FILE_BP_PER_MONTH, FAILURE_TO_FILE_MINIMUM_AFTER_DAYS } from './penalty-rules.ts';
import { roundedCharge } from './failure-to-pay.ts';

/** The gross charge for one month late: 5% of the net amount due, to the cent. */
export function failureToFileMonthCharge(netDueCents: bigint): bigint {
  return roundedCharge(netDueCents, FAILURE_TO_FILE_BP_PER_MONTH);
}

/** The first day on which a return not yet filed is more than 60 days late. */
export function minimumPenaltyDay(dueDay: number): number {
  return dueDay + FAILURE_TO_FILE_MINIMUM_AFTER_DAYS + 1;
}

/** The minimum penalty for a return due on `dueDay`: lesser of the year's amount or the net amount due. */
export function minimumFailureToFile(dueDay: number, netDueCents: bigint): bigint {
  const { year } = civilDate(dueDay);
  let row = FAILURE_TO_FILE_MINIMUMS[0]!;
  for (const candidate of FAILURE_TO_FILE_MINIMUMS) if (candidate.dueYear <= year) row = candidate;
  const minimum = BigInt(row.dollars) * 100n;
  return minimum < netDueCents ? minimum : netDueCents;
}

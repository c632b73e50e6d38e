// How a payment (or any credit) is applied: to tax, then penalties, then interest (domain.md §2;
// the IRS's order for voluntary payments without a designation, Rev. Proc. 2002-26 §3.01 [S:
// from memory, not re-read]). Among the penalties, failure to file before failure to pay, and
// within failure to pay the part not yet bearing interest first (the older charges). What is
// left over is a credit; a credit is applied again, in the same order, to anything charged
// later (a later month's penalty, the minimum failure-to-file penalty) as it is charged.
// Interest on an overpayment (IRC 6611) is not modelled.

export interface Owed {
  tax: bigint;
  failureToFile: bigint;
  failureToPayPending: bigint;
  failureToPayBearing: bigint;
  interest: bigint;
}

/** Takes `amount` off `owed` in the order above (mutating it); returns what is left over. */
export function applyInOrder(owed: Owed, amount: bigint): bigint {
  let left = amount;
  let paid = owed.tax < left ? owed.tax : left;
  owed.tax -= paid;
  left -= paid;
  paid = owed.failureToFile < left ? owed.failureToFile : left;
  owed.failureToFile -= paid;
  left -= paid;
  paid = owed.failureToPayPending < left ? owed.failureToPayPending : left;
  owed.failureToPayPending -= paid;
  left -= paid;
  paid = owed.failureToPayBearing < left ? owed.failureToPayBearing : left;
  owed.failureToPayBearing -= paid;
  left -= paid;
  paid = owed.interest < left ? owed.interest : left;
  owed.interest -= paid;
  return left - paid;
}

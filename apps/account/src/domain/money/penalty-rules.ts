// The penalty percentages, caps and periods, as named constants with their citations.
// Rates are in basis points (1 bp = 0.01%), so every computation stays in integers.

/** Basis points in 100%. */
export const BASIS_POINTS = 10_000n;

/** IRC 6651(a)(1): 5% of the net amount due for each month or part of a month the return is late. */
export const FAILURE_TO_FILE_BP_PER_MONTH = 500n;
/** IRC 6651(a)(1): "not exceeding 25 percent in the aggregate" — five months. */
export const FAILURE_TO_FILE_MAX_MONTHS = 5;
/** IRC 6651(a), flush language: the minimum applies to a return not filed within 60 days. */
export const FAILURE_TO_FILE_MINIMUM_AFTER_DAYS = 60;

/** IRC 6651(a)(2): 0.5% of the unpaid tax for each month or part of a month. */
export const FAILURE_TO_PAY_BP_PER_MONTH = 50;
/** IRC 6651(h): 0.25% for a month in which an installment agreement (IRC 6159) is in effect,
 *  for an individual who filed on time (including extensions). */
export const FAILURE_TO_PAY_INSTALLMENT_BP_PER_MONTH = 25;
/** IRC 6651(d)(1): 1% for each month beginning after the day 10 days after a notice of intent
 *  to levy (IRC 6331(d)). */
export const FAILURE_TO_PAY_LEVY_BP_PER_MONTH = 100;
/** IRC 6651(d)(2)(A): the days after the notice of intent to levy before the 1% rate. */
export const LEVY_NOTICE_DAYS = 10;
/** IRC 6651(a)(2): "not exceeding 25 percent in the aggregate". */
export const FAILURE_TO_PAY_CAP_BP = 2_500;

/** IRC 6601(e)(2)(A): interest on the failure-to-pay penalty is charged only if it is not paid
 *  within 21 calendar days of notice and demand (10 business days when the notice is for
 *  $100,000 or more), and then from the date of the notice. */
export const NOTICE_PAYMENT_DAYS = 21;
export const NOTICE_PAYMENT_BUSINESS_DAYS_LARGE = 10;
export const NOTICE_LARGE_AMOUNT_CENTS = 10_000_000n;

// The dishonored-payment penalty (TC 280), charged when a payment is returned unpaid (an ACH
// debit returned for insufficient funds, a closed account…). Pure.
//
// Source: IRC 6657 as amended by P.L. 111-198 (2010) [V]: 2% of the payment; when the payment
// is under $1,250, the penalty is $25 or the amount of the payment, whichever is less. The
// thresholds are data so the agency can follow a change in the law.

export const DISHONORED_PENALTY_RATE_BP = 200n;
export const DISHONORED_SMALL_PAYMENT_BELOW_CENTS = 125_000n;
export const DISHONORED_SMALL_PAYMENT_PENALTY_CENTS = 2_500n;
export const DISHONORED_PENALTY_SOURCE = 'IRC 6657 (as amended by P.L. 111-198, 2010)';

/** The penalty, in cents, for a returned payment of `amountCents` (half-cents round up). */
export function dishonoredPaymentPenalty(amountCents: bigint): bigint {
  if (amountCents <= 0n) return 0n;
  if (amountCents < DISHONORED_SMALL_PAYMENT_BELOW_CENTS) {
    return amountCents < DISHONORED_SMALL_PAYMENT_PENALTY_CENTS
      ? amountCents
      : DISHONORED_SMALL_PAYMENT_PENALTY_CENTS;
  }
  return (amountCents * DISHONORED_PENALTY_RATE_BP + 5_000n) / 10_000n;
}

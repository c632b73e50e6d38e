// The card-processor port: how the tax account charges a debit or credit card (issue #8).
// The agency never keeps a card number; a processor (Pay1040, ACI Payments, … or, in
// development, dev-card-processor.ts) charges the card and its convenience fee and answers
// approved, declined or "could not answer". A real vendor's adapter implements CardProcessor.
//
// Idempotency contract, for every adapter: the same idempotencyKey always returns the result of
// the first charge that got an answer (approved or declined), whatever the later request says,
// and never charges twice — concurrent calls with one key included. An 'error' result means
// nothing was charged or recorded, so the caller may retry with the same key.
import type { CardBrand } from '../domain/payments/card-number.ts';

export type { CardBrand };

export interface CardDetails {
  /** Digits only, already checked with parseCardNumber (Luhn, brand, length). */
  number: string;
  /** 1–12. */
  expMonth: number;
  /** Four digits (2027). */
  expYear: number;
  /** The three or four digits on the card (CVV/CVC/CID). Never stored or logged. */
  securityCode: string;
  postalCode: string;
  nameOnCard: string;
}

export interface CardChargeRequest {
  /** The payment's idempotency key: the same for every try of one payment. */
  idempotencyKey: string;
  /** What the agency receives, in cents (> 0). */
  amountCents: bigint;
  /** The processor's convenience fee the person was shown (processor-fees.ts), in cents (≥ 0). */
  feeCents: bigint;
  card: CardDetails;
  description: string;
}

export type CardDeclineReason =
  'card_declined' | 'insufficient_funds' | 'expired_card' | 'incorrect_security_code' | 'over_limit';

export const CARD_DECLINE_REASONS: readonly CardDeclineReason[] = [
  'card_declined',
  'insufficient_funds',
  'expired_card',
  'incorrect_security_code',
  'over_limit',
];

export type CardChargeResult =
  | { outcome: 'approved'; chargeId: string; brand: CardBrand; last4: string }
  | { outcome: 'declined'; reason: CardDeclineReason; brand: CardBrand; last4: string }
  /** Nothing charged and nothing recorded: safe to retry with the same key. */
  | { outcome: 'error'; reason: 'processor_unavailable' };

export interface CardProcessor {
  /** A CARD_PROCESSORS id in processor-fees.ts ('pay1040', 'aci', or 'development'). */
  readonly name: string;
  charge(request: CardChargeRequest): Promise<CardChargeResult>;
  /**
   * What the processor did with this key: the recorded answer (approved or declined), or
   * undefined when nothing was charged under it. For a charge whose answer was lost (the
   * server died between asking and recording); never charges.
   */
  lookup(idempotencyKey: string): Promise<CardChargeResult | undefined>;
}

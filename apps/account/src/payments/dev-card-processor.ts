// The development card processor: stands in for Pay1040 / ACI so a person can pay by card on
// a laptop and see each answer a real processor gives. It records each charge the way a
// processor would (table dev_card_charges, shown at /dev/payments) and keeps only the brand and
// the last four digits: never the full number, never the security code, and it logs nothing.
//
// Test cards (DEV_TEST_CARDS; the numbers are the processors' published, Luhn-valid test
// numbers): each gives the outcome in the table whatever the expiry and security code. Any
// other valid number is approved, unless its expiry month is before the agency's current month
// (expired_card) or its security code is not the brand's length, 4 digits for American
// Express and 3 for the others (incorrect_security_code).
//
// Idempotency (card-processor.ts): INSERT … ON CONFLICT (idempotency_key) DO NOTHING, then
// SELECT, so the first answer recorded under a key is the only one, even for concurrent calls.
//
// The "processor unavailable" card 4000 0000 0000 0119 answers `error` on EVERY attempt and
// records nothing. So a retry with the same key and the same card fails again; a retry with the
// same key and another card is charged normally, exactly once. And if the key already has a
// recorded answer, that answer is returned (the error card cannot undo a charge).
import { randomBytes } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import { parseCardNumber, type CardBrand } from '../domain/payments/card-number.ts';
import { agencyToday } from '../domain/records/agency-date.ts';
import {
  CARD_DECLINE_REASONS,
  type CardChargeRequest,
  type CardChargeResult,
  type CardDeclineReason,
  type CardDetails,
  type CardProcessor,
} from './card-processor.ts';

/** The CARD_PROCESSORS id of the development processor (its fees are development values). */
export const DEV_CARD_PROCESSOR_NAME = 'development';

export type DevCardOutcome =
  { outcome: 'approved' } | { outcome: 'declined'; reason: CardDeclineReason } | { outcome: 'error' };

export interface DevTestCard {
  /** Digits only, as typed into the form (spaces and hyphens are fine there too). */
  number: string;
  /** Grouped as printed on the card. */
  display: string;
  brand: CardBrand;
  result: DevCardOutcome;
  /** What it shows, for people reading this file (the page has its own translated text). */
  meaning: string;
}

export const DEV_TEST_CARDS: readonly DevTestCard[] = [
  {
    number: '4111111111111111',
    display: '4111 1111 1111 1111',
    brand: 'visa',
    result: { outcome: 'approved' },
    meaning: 'Approved',
  },
  {
    number: '5555555555554444',
    display: '5555 5555 5555 4444',
    brand: 'mastercard',
    result: { outcome: 'approved' },
    meaning: 'Approved',
  },
  {
    number: '378282246310005',
    display: '3782 822463 10005',
    brand: 'amex',
    result: { outcome: 'approved' },
    meaning: 'Approved (security code: 4 digits)',
  },
  {
    number: '6011111111111117',
    display: '6011 1111 1111 1117',
    brand: 'discover',
    result: { outcome: 'approved' },
    meaning: 'Approved',
  },
  {
    number: '4000000000000002',
    display: '4000 0000 0000 0002',
    brand: 'visa',
    result: { outcome: 'declined', reason: 'card_declined' },
    meaning: 'Declined by the bank that issued the card',
  },
  {
    number: '4000000000009995',
    display: '4000 0000 0000 9995',
    brand: 'visa',
    result: { outcome: 'declined', reason: 'insufficient_funds' },
    meaning: 'Declined: insufficient funds',
  },
  {
    number: '4000000000000069',
    display: '4000 0000 0000 0069',
    brand: 'visa',
    result: { outcome: 'declined', reason: 'expired_card' },
    meaning: 'Declined: the card has expired (whatever expiry is typed)',
  },
  {
    number: '4000000000000127',
    display: '4000 0000 0000 0127',
    brand: 'visa',
    result: { outcome: 'declined', reason: 'incorrect_security_code' },
    meaning: 'Declined: the security code does not match',
  },
  {
    number: '4000000000006975',
    display: '4000 0000 0000 6975',
    brand: 'visa',
    result: { outcome: 'declined', reason: 'over_limit' },
    meaning: 'Declined: over the card’s credit or transaction limit',
  },
  {
    number: '4000000000000119',
    display: '4000 0000 0000 0119',
    brand: 'visa',
    result: { outcome: 'error' },
    meaning: 'The processor cannot answer: nothing is charged or recorded; every try with this card fails',
  },
];

/** The security code's length for each brand (Amex CID: 4; CVV2/CVC2/CID elsewhere: 3). */
export const SECURITY_CODE_LENGTH: Readonly<Record<CardBrand, number>> = {
  visa: 3,
  mastercard: 3,
  amex: 4,
  discover: 3,
};

export type DevCardDecision =
  | { outcome: 'approved'; brand: CardBrand; last4: string }
  | { outcome: 'declined'; reason: CardDeclineReason; brand: CardBrand; last4: string }
  | { outcome: 'error' };

/**
 * What the development processor answers for this card on the agency's date `today`
 * (YYYY-MM-DD), before any idempotency: the test card's outcome, else expired_card for an expiry
 * month before today's, else incorrect_security_code for a code of the wrong length, else
 * approved. Throws TypeError for a number parseCardNumber refuses (the caller checks it first).
 */
export function devCardDecision(card: CardDetails, today: string): DevCardDecision {
  const parsed = parseCardNumber(card.number);
  if (!parsed.ok)
    throw new TypeError(`Card number refused (${parsed.problem}); check it with parseCardNumber`);
  const { brand, lastFour: last4 } = parsed;
  const test = DEV_TEST_CARDS.find((c) => c.number === parsed.cardNumber);
  if (test && test.result.outcome !== 'approved') {
    return test.result.outcome === 'error'
      ? { outcome: 'error' }
      : { outcome: 'declined', reason: test.result.reason, brand, last4 };
  }
  if (isExpired(card.expMonth, card.expYear, today)) {
    return { outcome: 'declined', reason: 'expired_card', brand, last4 };
  }
  if (!new RegExp(`^[0-9]{${SECURITY_CODE_LENGTH[brand]}}$`).test(card.securityCode.trim())) {
    return { outcome: 'declined', reason: 'incorrect_security_code', brand, last4 };
  }
  return { outcome: 'approved', brand, last4 };
}

/** A card is good through the last day of its expiry month; two-digit years are 20xx. */
export function isExpired(expMonth: number, expYear: number, today: string): boolean {
  if (!Number.isInteger(expMonth) || expMonth < 1 || expMonth > 12 || !Number.isInteger(expYear)) return true;
  const year = expYear < 100 ? 2000 + expYear : expYear;
  const [thisYear, thisMonth] = today.split('-').map(Number) as [number, number];
  return year < thisYear || (year === thisYear && expMonth < thisMonth);
}

interface ChargeRow {
  outcome: string;
  reason: string | null;
  charge_id: string;
  brand: string;
  last4: string;
}

const BRANDS: readonly string[] = ['visa', 'mastercard', 'amex', 'discover'];

function toResult(row: ChargeRow): CardChargeResult {
  if (!BRANDS.includes(row.brand)) throw new Error(`dev_card_charges: unknown brand ${row.brand}`);
  const brand = row.brand as CardBrand;
  if (row.outcome === 'approved')
    return { outcome: 'approved', chargeId: row.charge_id, brand, last4: row.last4 };
  const reason = CARD_DECLINE_REASONS.find((r) => r === row.reason);
  if (row.outcome === 'declined' && reason) return { outcome: 'declined', reason, brand, last4: row.last4 };
  throw new Error(`dev_card_charges: unexpected outcome ${row.outcome}/${row.reason ?? ''}`);
}

export interface DevCardProcessorOptions {
  /** The clock (tests); the agency's date of it decides whether a card has expired. */
  now?: () => Date;
}

export function createDevCardProcessor(db: Queryable, options: DevCardProcessorOptions = {}): CardProcessor {
  const now = options.now ?? (() => new Date());

  async function recorded(idempotencyKey: string): Promise<CardChargeResult | undefined> {
    const [row] = await db.query<ChargeRow>(
      'SELECT outcome, reason, charge_id, brand, last4 FROM dev_card_charges WHERE idempotency_key = $1',
      [idempotencyKey],
    );
    return row ? toResult(row) : undefined;
  }

  return {
    name: DEV_CARD_PROCESSOR_NAME,
    lookup: recorded,
    async charge(request: CardChargeRequest): Promise<CardChargeResult> {
      if (request.idempotencyKey === '') throw new TypeError('A card charge needs an idempotency key');
      if (request.amountCents <= 0n) throw new RangeError('A card charge must be for more than $0');
      if (request.feeCents < 0n) throw new RangeError('A convenience fee cannot be negative');
      const at = now();
      const decision = devCardDecision(request.card, agencyToday(at));
      if (decision.outcome === 'error') {
        return (
          (await recorded(request.idempotencyKey)) ?? { outcome: 'error', reason: 'processor_unavailable' }
        );
      }
      await db.query(
        `INSERT INTO dev_card_charges
           (idempotency_key, charge_id, outcome, reason, brand, last4, amount_cents, fee_cents, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [
          request.idempotencyKey,
          `dev_ch_${randomBytes(12).toString('hex')}`,
          decision.outcome,
          decision.outcome === 'declined' ? decision.reason : null,
          decision.brand,
          decision.last4,
          request.amountCents.toString(),
          request.feeCents.toString(),
          at,
        ],
      );
      const result = await recorded(request.idempotencyKey);
      if (!result) throw new Error('dev_card_charges: the charge just recorded is missing');
      return result;
    },
  };
}

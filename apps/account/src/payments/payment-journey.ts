// The "make a payment" journey as a declared step graph: details (what and when) → method
// (bank account or card type) → review (and, for a card, the card itself, entered on the last
// step so a card number is never stored). The state is persisted (journeys table); a deep link
// to a later step lands on the furthest step allowed. Also the checks of the method and card
// forms, as problems per field named by their message keys. Pure.
import { defineSteps } from '#platform/flows/step-graph.ts';
import {
  checkBankAccount,
  type AccountType,
  type BankAccountProblem,
} from '../domain/payments/bank-account.ts';
import { parseRoutingNumber, type RoutingNumberProblem } from '../domain/payments/routing-number.ts';
import { cardBrand, parseCardNumber, type CardNumberProblem } from '../domain/payments/card-number.ts';
import type { CardKind } from '../domain/payments/processor-fees.ts';
import type { PaymentDetails, PaymentReason } from '../domain/payments/payment-reasons.ts';
import type { CardDetails } from './card-processor.ts';

export type PaymentStep = 'details' | 'method' | 'review';

/** As stored (JSON): cents as a decimal string. */
export interface StoredDetails {
  reason: PaymentReason;
  taxYear: number;
  amountCents: string;
  paymentDate: string;
  overBalanceConfirmed: boolean;
}

export type StoredMethod =
  | { kind: 'bank'; routingNumber: string; accountNumber: string; accountType: AccountType }
  | { kind: 'card'; cardKind: CardKind };

export interface PaymentJourneyState {
  details?: StoredDetails;
  method?: StoredMethod;
  /** Set once the payment is made: every step of the journey then shows that payment. */
  paymentId?: string;
}

export const PAYMENT_STEPS = defineSteps<PaymentStep, PaymentJourneyState>({
  steps: ['details', 'method', 'review'],
  allowed: {
    details: () => true,
    method: (s) => s.details !== undefined,
    review: (s) => s.details !== undefined && s.method !== undefined,
  },
});

export const CARD_KINDS: readonly CardKind[] = ['personal-debit', 'credit', 'commercial'];

export function storeDetails(d: PaymentDetails): StoredDetails {
  return { ...d, amountCents: d.amountCents.toString() };
}

export function loadDetails(d: StoredDetails): PaymentDetails {
  return { ...d, amountCents: BigInt(d.amountCents) };
}

// ---------------------------------------------------------------------------------------------
// The method step

export type ErrorKey = `acct.pay.error.${string}`;
export type MethodField =
  'method' | 'routingNumber' | 'accountType' | 'accountNumber' | 'accountNumberAgain' | 'cardKind';

const ROUTING_ERRORS: Record<RoutingNumberProblem, ErrorKey> = {
  routing_required: 'acct.pay.error.routing_missing',
  routing_characters: 'acct.pay.error.routing_format',
  routing_length: 'acct.pay.error.routing_format',
  routing_prefix: 'acct.pay.error.routing_prefix',
  routing_zero: 'acct.pay.error.routing_checksum',
  routing_checksum: 'acct.pay.error.routing_checksum',
};

const ACCOUNT_ERRORS: Record<BankAccountProblem, ErrorKey> = {
  account_required: 'acct.pay.error.account_missing',
  account_characters: 'acct.pay.error.account_format',
  account_length: 'acct.pay.error.account_format',
  account_confirmation_required: 'acct.pay.error.account_mismatch',
  account_mismatch: 'acct.pay.error.account_mismatch',
  account_type_required: 'acct.pay.error.account_type_missing',
  account_type_invalid: 'acct.pay.error.account_type_missing',
};

export type MethodResult =
  { ok: true; method: StoredMethod } | { ok: false; problems: Partial<Record<MethodField, ErrorKey>> };

export function checkMethod(input: Record<MethodField, string>, paymentIsToday: boolean): MethodResult {
  if (input.method === 'card') {
    if (!paymentIsToday) return { ok: false, problems: { method: 'acct.pay.error.card_future_date' } };
    const cardKind = CARD_KINDS.find((k) => k === input.cardKind);
    return cardKind
      ? { ok: true, method: { kind: 'card', cardKind } }
      : { ok: false, problems: { cardKind: 'acct.pay.error.card_kind_missing' } };
  }
  if (input.method !== 'bank') return { ok: false, problems: { method: 'acct.pay.error.method_missing' } };
  const problems: Partial<Record<MethodField, ErrorKey>> = {};
  const routing = parseRoutingNumber(input.routingNumber);
  if (!routing.ok) problems.routingNumber = ROUTING_ERRORS[routing.problem];
  const account = checkBankAccount({
    accountNumber: input.accountNumber,
    accountNumberConfirmation: input.accountNumberAgain,
    accountType: input.accountType,
  });
  if (!account.ok) {
    if (account.problems.accountNumber)
      problems.accountNumber = ACCOUNT_ERRORS[account.problems.accountNumber];
    if (account.problems.accountNumberConfirmation)
      problems.accountNumberAgain = ACCOUNT_ERRORS[account.problems.accountNumberConfirmation];
    if (account.problems.accountType) problems.accountType = ACCOUNT_ERRORS[account.problems.accountType];
  }
  if (!routing.ok || !account.ok) return { ok: false, problems };
  return {
    ok: true,
    method: {
      kind: 'bank',
      routingNumber: routing.routingNumber,
      accountNumber: account.accountNumber,
      accountType: account.accountType,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The card, entered on the review step

export type CardField = 'cardNumber' | 'expMonth' | 'expYear' | 'securityCode' | 'nameOnCard' | 'postalCode';

const CARD_ERRORS: Record<CardNumberProblem, ErrorKey> = {
  card_required: 'acct.pay.error.card_number_format',
  card_characters: 'acct.pay.error.card_number_format',
  card_length: 'acct.pay.error.card_number_format',
  card_brand_not_accepted: 'acct.pay.error.card_brand',
  card_checksum: 'acct.pay.error.card_number_luhn',
};

export type CardResult =
  { ok: true; card: CardDetails } | { ok: false; problems: Partial<Record<CardField, ErrorKey>> };

/** `today` is YYYY-MM-DD: a card expires at the end of its month. */
export function checkCard(input: Record<CardField, string>, today: string): CardResult {
  const problems: Partial<Record<CardField, ErrorKey>> = {};
  const number = parseCardNumber(input.cardNumber);
  if (!number.ok) problems.cardNumber = CARD_ERRORS[number.problem];
  const month = /^\d{1,2}$/.test(input.expMonth.trim()) ? Number(input.expMonth.trim()) : NaN;
  const year = /^\d{4}$/.test(input.expYear.trim()) ? Number(input.expYear.trim()) : NaN;
  if (!(month >= 1 && month <= 12)) problems.expMonth = 'acct.pay.error.card_expiry';
  if (!(year >= 2000 && year <= 2100)) problems.expYear = 'acct.pay.error.card_expiry';
  else if (month >= 1 && month <= 12 && `${year}-${String(month).padStart(2, '0')}` < today.slice(0, 7))
    problems.expYear = 'acct.pay.error.card_expired';
  const code = input.securityCode.trim();
  // The code's length follows the card's brand, read from its first digits even when the
  // number has a typo (so a right code is not flagged for a wrong number).
  const amex = cardBrand(input.cardNumber.replace(/[\s-]/g, '')) === 'amex';
  if (!(amex ? /^\d{4}$/ : /^\d{3}$/).test(code)) problems.securityCode = 'acct.pay.error.card_security_code';
  const name = input.nameOnCard.trim();
  if (name.length < 2 || name.length > 100) problems.nameOnCard = 'acct.pay.error.card_name';
  const zip = input.postalCode.trim();
  if (!/^\d{5}(-\d{4})?$/.test(zip)) problems.postalCode = 'acct.pay.error.card_postal_code';
  if (!number.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    card: {
      number: number.cardNumber,
      expMonth: month,
      expYear: year,
      securityCode: code,
      postalCode: zip,
      nameOnCard: name,
    },
  };
}

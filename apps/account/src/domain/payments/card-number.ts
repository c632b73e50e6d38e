// Debit and credit card numbers (primary account numbers, PANs) for a payment through a card
// processor: the Luhn check, the brand from the issuer identification number (IIN) and the
// lengths each brand issues, and masking (pure, no I/O).
//
// Sources:
// - Luhn (mod 10) check digit: ISO/IEC 7812-1, Annex B. [S: standard, quoted identically everywhere]
// - IIN ranges and lengths of the four brands the IRS's processors accept [S: card-network
//   published ranges as summarised in processor developer docs, e.g. Stripe/Braintree/Adyen
//   "card brand detection"]:
//     Visa        4                                   13, 16 or 19 digits
//     Mastercard  51–55, 2221–2720                    16
//     Amex        34, 37                              15
//     Discover    6011, 644–649, 65, 622126–622925    16–19 (622126–622925: China UnionPay co-brand)
//   Networks change ranges; this table is data so it can be updated without touching the code.
// - Which brands are accepted: IRS "Pay your taxes by debit or credit card or digital wallet"
//   lists Visa, Mastercard, American Express and Discover (via the processors). [S]
// - Published test numbers (tests): 4111111111111111, 4012888888881881 (Visa), 5555555555554444,
//   2223003122003222 (Mastercard), 378282246310005 (Amex), 6011111111111117 (Discover).
// - Masking: PCI DSS v4.0 requirement 3.4.1: at most the BIN and the last four digits may be
//   displayed; we show only the last four. [S]

export type CardBrand = 'visa' | 'mastercard' | 'amex' | 'discover';

export type CardNumberProblem =
  'card_required' | 'card_characters' | 'card_brand_not_accepted' | 'card_length' | 'card_checksum';

export type CardNumberResult =
  | { ok: true; cardNumber: string; brand: CardBrand; lastFour: string; masked: string }
  | { ok: false; problem: CardNumberProblem };

export interface CardBrandRule {
  brand: CardBrand;
  /** Inclusive IIN prefix ranges; `from` and `to` have the same number of digits. */
  prefixes: readonly { from: string; to: string }[];
  lengths: readonly number[];
}

export const CARD_BRAND_RULES: readonly CardBrandRule[] = [
  { brand: 'visa', prefixes: [{ from: '4', to: '4' }], lengths: [13, 16, 19] },
  {
    brand: 'mastercard',
    prefixes: [
      { from: '51', to: '55' },
      { from: '2221', to: '2720' },
    ],
    lengths: [16],
  },
  {
    brand: 'amex',
    prefixes: [
      { from: '34', to: '34' },
      { from: '37', to: '37' },
    ],
    lengths: [15],
  },
  {
    brand: 'discover',
    prefixes: [
      { from: '6011', to: '6011' },
      { from: '644', to: '649' },
      { from: '65', to: '65' },
      { from: '622126', to: '622925' },
    ],
    lengths: [16, 17, 18, 19],
  },
];

/** Longer input is refused before looking at it; a 19-digit number with separators is 23. */
export const CARD_INPUT_MAX_LENGTH = 40;

const ALLOWED = /^[0-9\s-]*$/;

/** The brand whose IIN ranges contain this number's first digits, if any. */
export function cardBrand(digits: string): CardBrand | undefined {
  for (const rule of CARD_BRAND_RULES) {
    for (const { from, to } of rule.prefixes) {
      const head = digits.slice(0, from.length);
      if (head.length === from.length && head >= from && head <= to) return rule.brand;
    }
  }
  return undefined;
}

/** The Luhn check over a string of ASCII digits. */
export function luhnValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let value = digits.charCodeAt(i) - 48;
    if (double) {
      value *= 2;
      if (value > 9) value -= 9;
    }
    sum += value;
    double = !double;
  }
  return sum % 10 === 0;
}

export function parseCardNumber(input: string): CardNumberResult {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'card_required' };
  if (text.length > CARD_INPUT_MAX_LENGTH || !ALLOWED.test(text))
    return { ok: false, problem: 'card_characters' };
  const digits = text.replace(/[\s-]/g, '');
  const brand = cardBrand(digits);
  if (!brand) return { ok: false, problem: 'card_brand_not_accepted' };
  const rule = CARD_BRAND_RULES.find((r) => r.brand === brand);
  if (!rule?.lengths.includes(digits.length)) return { ok: false, problem: 'card_length' };
  if (!luhnValid(digits)) return { ok: false, problem: 'card_checksum' };
  const lastFour = digits.slice(-4);
  return { ok: true, cardNumber: digits, brand, lastFour, masked: maskCardNumber(digits) };
}

/** "•••• 1111": the last four digits only (PCI DSS 3.4.1 allows no more than BIN + last four). */
export function maskCardNumber(cardNumber: string): string {
  const digits = cardNumber.replace(/[^0-9]/g, '');
  return `•••• ${digits.slice(-4)}`;
}

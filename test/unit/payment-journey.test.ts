// The "make a payment" journey (pure): its step graph (a deep link lands on the furthest step
// the saved state allows), the method step (a bank account with its routing number, the account
// number typed twice and its type, or a card — today only — and its kind), and the card entered
// on the review step (brand, Luhn, security code length by brand, expiry at the end of its
// month, name, ZIP). Every problem is a message key, and every key any test sees is checked
// against the English payments catalog.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveStep } from '#platform/flows/step-graph.ts';
import { enPayments } from '#platform/i18n/messages/en-payments.ts';
import {
  CARD_KINDS,
  PAYMENT_STEPS,
  checkCard,
  checkMethod,
  loadDetails,
  storeDetails,
  type CardField,
  type MethodField,
  type PaymentJourneyState,
  type PaymentStep,
  type StoredDetails,
  type StoredMethod,
} from '../../apps/account/src/payments/payment-journey.ts';

const CATALOG = new Set(Object.keys(enPayments));

/** Every message key a result names exists in the English catalog. */
function assertKeysExist(problems: Record<string, string | undefined>): void {
  for (const [field, key] of Object.entries(problems)) {
    assert.ok(key !== undefined && CATALOG.has(key), `${field}: ${key} is not in en-payments.ts`);
  }
}

describe('the catalog check', () => {
  it('knows the payment error keys, and refuses one that is not there', () => {
    assert.ok(CATALOG.has('acct.pay.error.routing_checksum'));
    assert.throws(() => assertKeysExist({ routingNumber: 'acct.pay.error.routing_nonsense' }));
    assert.throws(() => assertKeysExist({ routingNumber: undefined }));
  });
});

const DETAILS: StoredDetails = {
  reason: 'balance_due',
  taxYear: 2025,
  amountCents: '150000',
  paymentDate: '2026-04-01',
  overBalanceConfirmed: false,
};
const BANK: StoredMethod = {
  kind: 'bank',
  routingNumber: '021000021',
  accountNumber: '1234567890',
  accountType: 'checking',
};

describe('PAYMENT_STEPS: details → method → review', () => {
  const rows: [string, PaymentJourneyState, PaymentStep, PaymentStep][] = [
    ['nothing saved, deep link to review', {}, 'review', 'details'],
    ['nothing saved, deep link to method', {}, 'method', 'details'],
    ['nothing saved, details', {}, 'details', 'details'],
    ['details saved, deep link to review', { details: DETAILS }, 'review', 'method'],
    ['details saved, method', { details: DETAILS }, 'method', 'method'],
    ['details saved, back to details', { details: DETAILS }, 'details', 'details'],
    ['everything saved, review', { details: DETAILS, method: BANK }, 'review', 'review'],
    ['everything saved, back to method', { details: DETAILS, method: BANK }, 'method', 'method'],
    ['everything saved, back to details', { details: DETAILS, method: BANK }, 'details', 'details'],
    ['a method without details (stale state), review', { method: BANK }, 'review', 'details'],
    ['a method without details (stale state), method', { method: BANK }, 'method', 'details'],
  ];
  for (const [why, state, requested, expected] of rows) {
    it(`${why} → ${expected}`, () => {
      assert.equal(resolveStep(PAYMENT_STEPS, state, requested), expected);
    });
  }

  it('the steps in order', () => {
    assert.deepEqual(PAYMENT_STEPS.steps, ['details', 'method', 'review']);
  });

  it('details survive storage as JSON: cents as a decimal string, back to bigint', () => {
    const stored = storeDetails({ ...loadDetails(DETAILS), amountCents: 999_999_999n });
    assert.equal(stored.amountCents, '999999999');
    const roundTrip = loadDetails(JSON.parse(JSON.stringify(stored)) as StoredDetails);
    assert.equal(roundTrip.amountCents, 999_999_999n);
    assert.equal(roundTrip.taxYear, 2025);
  });
});

const method = (more: Partial<Record<MethodField, string>> = {}): Record<MethodField, string> => ({
  method: 'bank',
  routingNumber: '021000021',
  accountType: 'checking',
  accountNumber: '1234567890',
  accountNumberAgain: '1234567890',
  cardKind: '',
  ...more,
});

describe('checkMethod: a bank account', () => {
  it('spaces and dashes in the account number are dropped, and both entries compared after', () => {
    const result = checkMethod(
      method({
        routingNumber: ' 0210-0002 1 ',
        accountNumber: '1234 5678-90',
        accountNumberAgain: '12-3456 7890',
        accountType: 'savings',
      }),
      false,
    );
    assert.deepEqual(result, {
      ok: true,
      method: {
        kind: 'bank',
        routingNumber: '021000021',
        accountNumber: '1234567890',
        accountType: 'savings',
      },
    });
  });

  it('a future payment date does not matter for a bank account', () => {
    assert.equal(checkMethod(method(), false).ok, true);
    assert.equal(checkMethod(method(), true).ok, true);
  });

  // 021000021: 3·(0+0+0) + 7·(2+0+2) + (1+0+1) = 30 ≡ 0 (mod 10), prefix 02.
  // 021000022: the same with a last digit one higher: 31, not a multiple of 10.
  // 130000000: prefix 13 is unassigned (checked before the checksum).
  const routing: [string, string, string][] = [
    ['', 'acct.pay.error.routing_missing', 'missing'],
    ['   ', 'acct.pay.error.routing_missing', 'blank'],
    ['02100002A', 'acct.pay.error.routing_format', 'a letter'],
    ['02100002', 'acct.pay.error.routing_format', 'eight digits'],
    ['0210000210', 'acct.pay.error.routing_format', 'ten digits'],
    ['130000000', 'acct.pay.error.routing_prefix', 'prefix 13 is unassigned'],
    ['501000006', 'acct.pay.error.routing_prefix', 'prefix 50 is unassigned'],
    ['000000000', 'acct.pay.error.routing_checksum', 'all zeros: never a bank'],
    ['021000022', 'acct.pay.error.routing_checksum', 'check digit off by one'],
  ];
  for (const [routingNumber, key, why] of routing) {
    it(`routing ${JSON.stringify(routingNumber)} (${why}) → ${key}`, () => {
      const result = checkMethod(method({ routingNumber }), false);
      assert.deepEqual(result, { ok: false, problems: { routingNumber: key } });
      assertKeysExist(result.ok ? {} : result.problems);
    });
  }

  const account: [string, Partial<Record<MethodField, string>>, Partial<Record<MethodField, string>>][] = [
    [
      'mismatched account numbers',
      { accountNumber: '12345678', accountNumberAgain: '12345679' },
      { accountNumberAgain: 'acct.pay.error.account_mismatch' },
    ],
    [
      'the second entry left empty',
      { accountNumberAgain: '' },
      { accountNumberAgain: 'acct.pay.error.account_mismatch' },
    ],
    ['no account number', { accountNumber: '' }, { accountNumber: 'acct.pay.error.account_missing' }],
    [
      'three digits (4 to 17 allowed)',
      { accountNumber: '123', accountNumberAgain: '123' },
      { accountNumber: 'acct.pay.error.account_format' },
    ],
    [
      'eighteen digits',
      { accountNumber: '123456789012345678', accountNumberAgain: '123456789012345678' },
      { accountNumber: 'acct.pay.error.account_format' },
    ],
    [
      'a letter in the account number',
      { accountNumber: '1234A678', accountNumberAgain: '1234A678' },
      { accountNumber: 'acct.pay.error.account_format' },
    ],
    ['no account type', { accountType: '' }, { accountType: 'acct.pay.error.account_type_missing' }],
    [
      'an account type not offered',
      { accountType: 'money_market' },
      { accountType: 'acct.pay.error.account_type_missing' },
    ],
    [
      'everything wrong: one key per field',
      { routingNumber: '', accountNumber: '', accountNumberAgain: '', accountType: '' },
      {
        routingNumber: 'acct.pay.error.routing_missing',
        accountNumber: 'acct.pay.error.account_missing',
        accountNumberAgain: 'acct.pay.error.account_mismatch',
        accountType: 'acct.pay.error.account_type_missing',
      },
    ],
  ];
  for (const [why, more, expected] of account) {
    it(why, () => {
      const result = checkMethod(method(more), false);
      assert.deepEqual(result, { ok: false, problems: expected });
      assertKeysExist(result.ok ? {} : result.problems);
    });
  }

  const noMethod: [string, string][] = [
    ['', 'nothing chosen'],
    ['cash', 'not a method'],
    ['Bank', 'case matters'],
  ];
  for (const [chosen, why] of noMethod) {
    it(`method ${JSON.stringify(chosen)} (${why}) → method_missing`, () => {
      const result = checkMethod(method({ method: chosen }), true);
      assert.deepEqual(result, { ok: false, problems: { method: 'acct.pay.error.method_missing' } });
      assertKeysExist(result.ok ? {} : result.problems);
    });
  }
});

describe('checkMethod: a card', () => {
  for (const cardKind of ['personal-debit', 'credit', 'commercial'] as const) {
    it(`${cardKind}, paying today: accepted`, () => {
      const result = checkMethod(method({ method: 'card', cardKind }), true);
      assert.deepEqual(result, { ok: true, method: { kind: 'card', cardKind } });
    });
  }

  it('the card kinds offered', () => {
    assert.deepEqual([...CARD_KINDS].sort(), ['commercial', 'credit', 'personal-debit']);
  });

  it('refused for a payment dated later than today, whatever the kind', () => {
    for (const cardKind of ['credit', '']) {
      const result = checkMethod(method({ method: 'card', cardKind }), false);
      assert.deepEqual(result, { ok: false, problems: { method: 'acct.pay.error.card_future_date' } });
      assertKeysExist(result.ok ? {} : result.problems);
    }
  });

  for (const cardKind of ['', 'debit', 'Credit', 'prepaid']) {
    it(`card kind ${JSON.stringify(cardKind)} → card_kind_missing`, () => {
      const result = checkMethod(method({ method: 'card', cardKind }), true);
      assert.deepEqual(result, { ok: false, problems: { cardKind: 'acct.pay.error.card_kind_missing' } });
      assertKeysExist(result.ok ? {} : result.problems);
    });
  }

  it('bank fields are ignored for a card', () => {
    const result = checkMethod(
      method({ method: 'card', cardKind: 'credit', routingNumber: 'x', accountNumber: '' }),
      true,
    );
    assert.equal(result.ok, true);
  });
});

const TODAY = '2026-05-20';
const VISA = '4111111111111111';
const AMEX = '378282246310005';
const MASTERCARD = '5555555555554444';

const card = (more: Partial<Record<CardField, string>> = {}): Record<CardField, string> => ({
  cardNumber: VISA,
  expMonth: '08',
  expYear: '2028',
  securityCode: '123',
  nameOnCard: 'Jordan Q. Public',
  postalCode: '20500',
  ...more,
});

describe('checkCard: the card, on the review step', () => {
  it('a Visa with separators: the digits, the expiry as numbers, the fields trimmed', () => {
    const result = checkCard(
      card({
        cardNumber: '4111 1111-1111 1111',
        expMonth: ' 8 ',
        securityCode: ' 123 ',
        nameOnCard: '  Jordan Q. Public ',
        postalCode: ' 20500-0003 ',
      }),
      TODAY,
    );
    assert.deepEqual(result, {
      ok: true,
      card: {
        number: VISA,
        expMonth: 8,
        expYear: 2028,
        securityCode: '123',
        postalCode: '20500-0003',
        nameOnCard: 'Jordan Q. Public',
      },
    });
  });

  const accepted: [string, Partial<Record<CardField, string>>][] = [
    ['Visa, 3-digit code', { cardNumber: VISA, securityCode: '000' }],
    ['Mastercard, 3-digit code', { cardNumber: MASTERCARD, securityCode: '999' }],
    ['Amex, 4-digit code', { cardNumber: AMEX, securityCode: '1234' }],
    ['expiring this month (valid to the end of it)', { expMonth: '05', expYear: '2026' }],
    ['expiring this month, month without a leading zero', { expMonth: '5', expYear: '2026' }],
    ['expiring in December this year', { expMonth: '12', expYear: '2026' }],
    ['ZIP, 5 digits', { postalCode: '94103' }],
    ['ZIP+4, 9 digits', { postalCode: '94103-1234' }],
    ['a two-letter name', { nameOnCard: 'Al' }],
  ];
  for (const [why, more] of accepted) {
    it(`accepted: ${why}`, () => {
      const result = checkCard(card(more), TODAY);
      assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    });
  }

  const refused: [string, Partial<Record<CardField, string>>, Partial<Record<CardField, string>>][] = [
    [
      'Visa with a 4-digit code',
      { securityCode: '1234' },
      { securityCode: 'acct.pay.error.card_security_code' },
    ],
    [
      'Visa with a 2-digit code',
      { securityCode: '12' },
      { securityCode: 'acct.pay.error.card_security_code' },
    ],
    [
      'Amex with a 3-digit code',
      { cardNumber: AMEX, securityCode: '123' },
      { securityCode: 'acct.pay.error.card_security_code' },
    ],
    [
      'Amex with a 5-digit code',
      { cardNumber: AMEX, securityCode: '12345' },
      { securityCode: 'acct.pay.error.card_security_code' },
    ],
    ['letters in the code', { securityCode: '12a' }, { securityCode: 'acct.pay.error.card_security_code' }],
    ['expired last month', { expMonth: '04', expYear: '2026' }, { expYear: 'acct.pay.error.card_expired' }],
    ['expired last year', { expMonth: '12', expYear: '2025' }, { expYear: 'acct.pay.error.card_expired' }],
    ['month 13', { expMonth: '13' }, { expMonth: 'acct.pay.error.card_expiry' }],
    ['month 0', { expMonth: '0' }, { expMonth: 'acct.pay.error.card_expiry' }],
    ['no month', { expMonth: '' }, { expMonth: 'acct.pay.error.card_expiry' }],
    ['a two-digit year', { expYear: '28' }, { expYear: 'acct.pay.error.card_expiry' }],
    ['year 2101', { expYear: '2101' }, { expYear: 'acct.pay.error.card_expiry' }],
    ['ZIP, 4 digits', { postalCode: '2050' }, { postalCode: 'acct.pay.error.card_postal_code' }],
    ['ZIP+4 cut short', { postalCode: '20500-03' }, { postalCode: 'acct.pay.error.card_postal_code' }],
    ['a UK postcode', { postalCode: 'SW1A 1AA' }, { postalCode: 'acct.pay.error.card_postal_code' }],
    ['no ZIP', { postalCode: '' }, { postalCode: 'acct.pay.error.card_postal_code' }],
    ['a one-letter name', { nameOnCard: ' J ' }, { nameOnCard: 'acct.pay.error.card_name' }],
    ['a 101-character name', { nameOnCard: 'N'.repeat(101) }, { nameOnCard: 'acct.pay.error.card_name' }],
    [
      'Luhn failure (last digit of 4111…1111 changed)',
      { cardNumber: '4111111111111112' },
      { cardNumber: 'acct.pay.error.card_number_luhn' },
    ],
    [
      'a brand not accepted (9…)',
      { cardNumber: '9111111111111111' },
      { cardNumber: 'acct.pay.error.card_brand' },
    ],
    ['twelve digits', { cardNumber: '411111111111' }, { cardNumber: 'acct.pay.error.card_number_format' }],
    ['no card number', { cardNumber: '' }, { cardNumber: 'acct.pay.error.card_number_format' }],
    [
      'a letter in the card number',
      { cardNumber: '4111 1111 1111 111O' },
      { cardNumber: 'acct.pay.error.card_number_format' },
    ],
  ];
  for (const [why, more, expected] of refused) {
    it(`refused: ${why} → ${Object.values(expected).join(', ')}`, () => {
      const result = checkCard(card(more), TODAY);
      assert.deepEqual(result, { ok: false, problems: expected });
      assertKeysExist(result.ok ? {} : result.problems);
    });
  }

  it('January: December of last year has expired, January of this year has not', () => {
    const january = '2027-01-05';
    const december = checkCard(card({ expMonth: '12', expYear: '2026' }), january);
    assert.deepEqual(december, { ok: false, problems: { expYear: 'acct.pay.error.card_expired' } });
    assert.equal(checkCard(card({ expMonth: '01', expYear: '2027' }), january).ok, true);
  });

  it('the last day of the expiry month is still valid', () => {
    assert.equal(checkCard(card({ expMonth: '05', expYear: '2026' }), '2026-05-31').ok, true);
    assert.equal(checkCard(card({ expMonth: '05', expYear: '2026' }), '2026-06-01').ok, false);
  });

  it('an Amex number with a typo: only the number is reported, not its correct 4-digit code', () => {
    // 378282246310006 still starts 37 (Amex), but fails Luhn: the 4-digit code is right.
    const result = checkCard(card({ cardNumber: '378282246310006', securityCode: '1234' }), TODAY);
    assert.deepEqual(result, { ok: false, problems: { cardNumber: 'acct.pay.error.card_number_luhn' } });
  });

  it('a bad month is not also reported as expired', () => {
    const result = checkCard(card({ expMonth: '13', expYear: '2020' }), TODAY);
    assert.deepEqual(result, { ok: false, problems: { expMonth: 'acct.pay.error.card_expiry' } });
  });

  it('every field wrong: one key per field', () => {
    const result = checkCard(
      { cardNumber: '', expMonth: 'xx', expYear: '', securityCode: '', nameOnCard: '', postalCode: '' },
      TODAY,
    );
    assert.deepEqual(result, {
      ok: false,
      problems: {
        cardNumber: 'acct.pay.error.card_number_format',
        expMonth: 'acct.pay.error.card_expiry',
        expYear: 'acct.pay.error.card_expiry',
        securityCode: 'acct.pay.error.card_security_code',
        nameOnCard: 'acct.pay.error.card_name',
        postalCode: 'acct.pay.error.card_postal_code',
      },
    });
    assertKeysExist(result.ok ? {} : result.problems);
  });
});

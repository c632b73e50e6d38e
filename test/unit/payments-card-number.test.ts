// Card numbers (pure): Luhn, the brand from its IIN range, the brand's lengths, and masking, on
// the processors' published test numbers and boundary IINs.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  cardBrand,
  luhnValid,
  maskCardNumber,
  parseCardNumber,
  type CardBrand,
} from '../../apps/account/src/domain/payments/card-number.ts';

describe('published test numbers are accepted with their brand', () => {
  const cases: [string, CardBrand, string][] = [
    ['4111111111111111', 'visa', '1111'],
    ['4012888888881881', 'visa', '1881'],
    ['4222222222222', 'visa', '2222'], // 13 digits
    ['4111 1111 1111 1111', 'visa', '1111'],
    ['5555555555554444', 'mastercard', '4444'],
    ['5105105105105100', 'mastercard', '5100'],
    ['2223003122003222', 'mastercard', '3222'], // 2-series
    ['378282246310005', 'amex', '0005'],
    ['371449635398431', 'amex', '8431'],
    ['3782-822463-10005', 'amex', '0005'],
    ['6011111111111117', 'discover', '1117'],
    ['6011000990139424', 'discover', '9424'],
  ];
  for (const [input, brand, lastFour] of cases) {
    it(`${input} → ${brand}`, () => {
      const result = parseCardNumber(input);
      assert.ok(result.ok, JSON.stringify(result));
      assert.equal(result.brand, brand);
      assert.equal(result.lastFour, lastFour);
      assert.equal(result.masked, `•••• ${lastFour}`);
      assert.equal(result.cardNumber, input.replace(/[\s-]/g, ''));
    });
  }
});

describe('refused card numbers, with the problem code', () => {
  const cases: [string, string, string][] = [
    ['', 'card_required', 'empty'],
    ['4111.1111.1111.1111', 'card_characters', 'dots'],
    ['4111x111111111111', 'card_characters', 'a letter'],
    ['4'.repeat(41), 'card_characters', 'too long to look at'],
    ['4111111111111112', 'card_checksum', 'Visa, Luhn fails'],
    ['5555555555554445', 'card_checksum', 'Mastercard, Luhn fails'],
    ['378282246310006', 'card_checksum', 'Amex, Luhn fails'],
    ['411111111111111', 'card_length', 'Visa with 15 digits'],
    ['37828224631000', 'card_length', 'Amex with 14 digits'],
    ['3782822463100050', 'card_length', 'Amex with 16 digits'],
    ['555555555555444', 'card_length', 'Mastercard with 15 digits'],
    ['3530111333300000', 'card_brand_not_accepted', 'JCB'],
    ['30569309025904', 'card_brand_not_accepted', 'Diners Club'],
    ['6200000000000005', 'card_brand_not_accepted', 'UnionPay outside the Discover co-brand range'],
    ['1234567812345670', 'card_brand_not_accepted', 'no brand (Luhn-valid)'],
  ];
  for (const [input, problem, what] of cases) {
    it(`${what} → ${problem}`, () => assert.deepEqual(parseCardNumber(input), { ok: false, problem }));
  }
});

describe('IIN range boundaries', () => {
  const cases: [string, CardBrand | undefined][] = [
    ['2220999999999999', undefined],
    ['2221000000000000', 'mastercard'],
    ['2720999999999999', 'mastercard'],
    ['2721000000000000', undefined],
    ['5099999999999999', undefined],
    ['5100000000000000', 'mastercard'],
    ['5599999999999999', 'mastercard'],
    ['5600000000000000', undefined],
    ['3399999999999999', undefined],
    ['3400000000000000', 'amex'],
    ['3500000000000000', undefined],
    ['3700000000000000', 'amex'],
    ['6010999999999999', undefined],
    ['6011000000000000', 'discover'],
    ['6439999999999999', undefined],
    ['6440000000000000', 'discover'],
    ['6499999999999999', 'discover'],
    ['6500000000000000', 'discover'],
    ['6600000000000000', undefined],
    ['6221259999999999', undefined],
    ['6221260000000000', 'discover'],
    ['6229250000000000', 'discover'],
    ['6229260000000000', undefined],
    ['4', 'visa'],
    ['22', undefined], // too short to tell
  ];
  for (const [digits, brand] of cases) {
    it(`${digits} → ${brand ?? 'none'}`, () => assert.equal(cardBrand(digits), brand));
  }
});

describe('Luhn and masking', () => {
  it('Luhn on known values', () => {
    assert.equal(luhnValid('79927398713'), true); // the textbook example
    assert.equal(luhnValid('79927398710'), false);
    assert.equal(luhnValid('0'), true);
    assert.equal(luhnValid(''), false);
    assert.equal(luhnValid('12a4'), false);
  });
  it('Luhn catches every single-digit error in a test number', () => {
    const valid = '4111111111111111';
    for (let i = 0; i < valid.length; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = valid.slice(0, i) + String(d) + valid.slice(i + 1);
        if (changed !== valid) assert.equal(luhnValid(changed), false, changed);
      }
    }
  });
  it('masks to the last four digits only', () => {
    assert.equal(maskCardNumber('4111 1111 1111 1111'), '•••• 1111');
    assert.equal(maskCardNumber('378282246310005'), '•••• 0005');
  });
});

// ABA routing numbers (pure): the 3-7-1 checksum, the Federal Reserve prefix ranges, and input
// tidying, on published routing numbers and constructed edge cases.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  parseRoutingNumber,
  routingChecksumValid,
} from '../../apps/account/src/domain/payments/routing-number.ts';

describe('valid routing numbers', () => {
  const cases: [string, string, string][] = [
    ['011000015', '011000015', 'Federal Reserve Bank of Boston (published test number)'],
    ['021000021', '021000021', 'JPMorgan Chase, New York'],
    ['026009593', '026009593', 'Bank of America, New York'],
    ['121000358', '121000358', 'Bank of America, California'],
    ['322271627', '322271627', 'Chase, California (thrift range 21–32)'],
    ['061000052', '061000052', 'Bank of America, Georgia'],
    ['211274450', '211274450', 'prefix 21: first of the thrift range'],
    [' 0110-0001 5 ', '011000015', 'spaces and hyphens are ignored'],
    ['001000009', '001000009', 'prefix 00: U.S. Government'],
    ['121000002', '121000002', 'prefix 12: last Federal Reserve district'],
    ['321000006', '321000006', 'prefix 32: last thrift'],
    ['611000004', '611000004', 'prefix 61: first electronic'],
    ['721000004', '721000004', 'prefix 72: last electronic'],
    ['801000005', '801000005', "prefix 80: traveler's cheques"],
  ];
  for (const [input, normalised, what] of cases) {
    it(`${JSON.stringify(input)}: ${what}`, () => {
      assert.deepEqual(parseRoutingNumber(input), { ok: true, routingNumber: normalised });
    });
  }
});

describe('invalid routing numbers, with the problem code', () => {
  const cases: [string, string, string][] = [
    ['', 'routing_required', 'empty'],
    ['   ', 'routing_required', 'blank'],
    ['01100001S', 'routing_characters', 'a letter'],
    ['011.000.015', 'routing_characters', 'dots'],
    ['０１１０００００１５', 'routing_characters', 'full-width digits'],
    ['01100001', 'routing_length', '8 digits'],
    ['0110000150', 'routing_length', '10 digits'],
    ['000000000', 'routing_zero', 'all zeros (passes the checksum)'],
    ['131000005', 'routing_prefix', 'prefix 13 (checksum valid)'],
    ['201000003', 'routing_prefix', 'prefix 20 (checksum valid)'],
    ['331000009', 'routing_prefix', 'prefix 33'],
    ['601000001', 'routing_prefix', 'prefix 60'],
    ['731000007', 'routing_prefix', 'prefix 73'],
    ['791000005', 'routing_prefix', 'prefix 79'],
    ['811000008', 'routing_prefix', 'prefix 81'],
    ['991000009', 'routing_prefix', 'prefix 99'],
    ['011000016', 'routing_checksum', 'last digit off by one'],
    ['101000015', 'routing_checksum', 'two digits swapped'],
    ['021000012', 'routing_checksum', 'two trailing digits swapped'],
  ];
  for (const [input, problem, what] of cases) {
    it(`${JSON.stringify(input)}: ${what} → ${problem}`, () => {
      assert.deepEqual(parseRoutingNumber(input), { ok: false, problem });
    });
  }
});

describe('routingChecksumValid', () => {
  it('changing any single digit of a valid number breaks the checksum (weights 3, 7, 1 are coprime to 10)', () => {
    const valid = '011000015';
    for (let i = 0; i < 9; i++) {
      for (let d = 0; d <= 9; d++) {
        const changed = valid.slice(0, i) + String(d) + valid.slice(i + 1);
        if (changed !== valid) assert.equal(routingChecksumValid(changed), false, changed);
      }
    }
  });
  it('only nine ASCII digits', () => {
    assert.equal(routingChecksumValid('01100001'), false);
    assert.equal(routingChecksumValid('01100001a'), false);
  });
});

// US (NANP) phone number parsing and normalisation, and the E.164 helpers of the telephony port
// (pure). Numbers are from the fictional 555-0100…0199 range.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  parsePhoneNumber,
  PHONE_INPUT_MAX_LENGTH,
  type PhoneNumberProblem,
} from '#platform/telephony/phone-number.ts';
import { isE164, spokenDigits, TelephonyError } from '#platform/telephony/telephony-port.ts';

describe('parsePhoneNumber accepts US numbers as people write them', () => {
  const same = { e164: '+12025550143', display: '(202) 555-0143', masked: '(***) ***-0143' };
  const accepted: [input: string, expected: { e164: string; display: string; masked: string }][] = [
    ['(202) 555-0143', same],
    ['202.555.0143', same],
    ['202-555-0143', same],
    ['202 555 0143', same],
    ['2025550143', same],
    ['+1 202 555 0143', same],
    ['+1 (202) 555-0143', same],
    ['+12025550143', same],
    ['12025550143', same],
    ['1 202 555 0143', same],
    ['1-202-555-0143', same],
    ['  (202) 555-0143\t', same],
    ['(202)555-0143', same],
    ['+1\u00a0202\u00a0555\u00a00143', same],
    ['(415) 555-0199', { e164: '+14155550199', display: '(415) 555-0199', masked: '(***) ***-0199' }],
    [`+1 202${' '.repeat(PHONE_INPUT_MAX_LENGTH - 15)} 555 0143`, same], // exactly the longest input
    ['800-555-0100', { e164: '+18005550100', display: '(800) 555-0100', masked: '(***) ***-0100' }],
    // Lowest and highest assignable codes: 200 and 999 (neither starts with 0/1, neither is N11).
    ['(200) 200-0100', { e164: '+12002000100', display: '(200) 200-0100', masked: '(***) ***-0100' }],
    ['(999) 999-0101', { e164: '+19999990101', display: '(999) 999-0101', masked: '(***) ***-0101' }],
  ];
  for (const [input, expected] of accepted) {
    it(`${JSON.stringify(input)} → ${expected.e164}`, () => {
      assert.deepEqual(parsePhoneNumber(input), { ok: true, ...expected });
    });
  }

  it('gives back what it was given when parsing its own E.164 output (for stored numbers)', () => {
    for (const [input] of accepted) {
      const first = parsePhoneNumber(input);
      assert.ok(first.ok);
      assert.deepEqual(parsePhoneNumber(first.e164), first);
    }
  });

  it('returns values the telephony port accepts as E.164', () => {
    const parsed = parsePhoneNumber('(202) 555-0143');
    assert.ok(parsed.ok);
    assert.equal(isE164(parsed.e164), true);
  });
});

describe('parsePhoneNumber refuses what is not a US number, with the reason', () => {
  const refused: [input: string, reason: PhoneNumberProblem][] = [
    ['', 'empty'],
    ['   ', 'empty'],
    ['\t\n', 'empty'],
    // Length: too few or too many digits.
    ['555-0143', 'length'],
    ['202 555 014', 'length'],
    ['202 555 01433', 'length'],
    ['22025550143', 'length'], // eleven digits not starting with the country code 1
    ['112025550143', 'length'],
    ['+1 202 555 014', 'length'],
    ['+1 202 555 01433', 'length'],
    ['+1 1 202 555 0143', 'length'],
    ['+', 'length'],
    ['()', 'length'],
    ['-', 'length'],
    [`202 555 0143${' '.repeat(PHONE_INPUT_MAX_LENGTH)}0`, 'length'],
    [`+1 202${' '.repeat(PHONE_INPUT_MAX_LENGTH - 14)} 555 0143`, 'length'], // 41 characters, 11 digits
    // Area code: starts with 0 or 1, or is an N11 service code.
    ['(011) 555-0143', 'area_code'], // ten digits: an area code, not the international prefix
    ['(002) 555-0143', 'area_code'],
    ['(102) 555-0143', 'area_code'],
    ['+1 102 555 0143', 'area_code'],
    ['1 (002) 555-0143', 'area_code'],
    ['(911) 555-0143', 'area_code'],
    ['(411) 555-0143', 'area_code'],
    ['(211) 555-0143', 'area_code'],
    ['(811) 555-0143', 'area_code'],
    // Exchange code: the same rules.
    ['(202) 055-0143', 'exchange_code'],
    ['(202) 155-0143', 'exchange_code'],
    ['(202) 911-0143', 'exchange_code'],
    ['(202) 611-0143', 'exchange_code'],
    ['+1 202 011 0143', 'exchange_code'],
    // Characters: letters, extensions, a "+" anywhere but first, other punctuation or scripts.
    ['202-555-O143', 'characters'],
    ['1-800-FLOWERS', 'characters'],
    ['(202) 555-0143 x12', 'characters'],
    ['(202) 555-0143 ext. 12', 'characters'],
    ['202/555/0143', 'characters'],
    ['202_555_0143', 'characters'],
    ['1+202 555 0143', 'characters'],
    ['++1 202 555 0143', 'characters'],
    ['#2025550143', 'characters'],
    ['２０２５５５０１４３', 'characters'], // full-width digits
    ['٢٠٢٥٥٥٠١٤٣', 'characters'], // Arabic-Indic digits
    ['tel:+12025550143', 'characters'],
    // Other countries: for now, anything with a country code other than +1.
    ['+44 20 7946 0958', 'not_us'],
    ['+52 55 5555 0143', 'not_us'],
    ['+33 1 23 45 67 89', 'not_us'],
    ['+7 202 555 0143', 'not_us'],
    ['011 44 20 7946 0958', 'not_us'],
  ];
  for (const [input, reason] of refused) {
    it(`${JSON.stringify(input)} → ${reason}`, () => {
      assert.deepEqual(parsePhoneNumber(input), { ok: false, reason });
    });
  }

  it('covers every reason in the table', () => {
    const all: PhoneNumberProblem[] = [
      'empty',
      'length',
      'area_code',
      'exchange_code',
      'characters',
      'not_us',
    ];
    assert.deepEqual([...new Set(refused.map(([, reason]) => reason))].sort(), [...all].sort());
  });
});

describe('isE164', () => {
  const valid = ['+12025550143', '+442079460958', '+12', '+123456789012345'];
  const invalid = [
    '',
    '12025550143',
    '+',
    '+0123456789',
    '+1 202 555 0143',
    '+1234567890123456',
    '+1202555014a',
    ' +12025550143',
  ];
  for (const value of valid) it(`accepts ${JSON.stringify(value)}`, () => assert.equal(isE164(value), true));
  for (const value of invalid)
    it(`rejects ${JSON.stringify(value)}`, () => assert.equal(isE164(value), false));
});

describe('spokenDigits', () => {
  const cases: [input: string, spoken: string][] = [
    ['Your code is 123456. Again: 123456.', 'Your code is 1 2 3 4 5 6. Again: 1 2 3 4 5 6.'],
    ['Call 2025550143 for help.', 'Call 2 0 2 5 5 5 0 1 4 3 for help.'],
    ['It expires in 10 minutes, at 123 Main St.', 'It expires in 10 minutes, at 123 Main St.'],
    ['Code 1234', 'Code 1 2 3 4'],
    ['Code 1 2 3 4 5 6', 'Code 1 2 3 4 5 6'],
    ['no digits', 'no digits'],
  ];
  for (const [input, spoken] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(spoken)}`, () =>
      assert.equal(spokenDigits(input), spoken));
  }

  it('is idempotent', () => {
    for (const [input] of cases) assert.equal(spokenDigits(spokenDigits(input)), spokenDigits(input));
  });
});

describe('TelephonyError', () => {
  it('carries the kind, the channel, the status and the cause', () => {
    const cause = new Error('socket hang up');
    const error = new TelephonyError('unreachable', 'voice', 'no answer', { cause, status: 504 });
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'TelephonyError');
    assert.equal(error.kind, 'unreachable');
    assert.equal(error.channel, 'voice');
    assert.equal(error.status, 504);
    assert.equal(error.cause, cause);
    assert.equal(error.message, 'unreachable (voice): no answer');
  });
});

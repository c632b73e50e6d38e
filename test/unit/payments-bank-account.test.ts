// Bank account details (pure): the account number's digits and length, the two entries that
// must match, checking or savings, and masking.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  checkBankAccount,
  maskAccountNumber,
  parseAccountNumber,
  parseAccountType,
} from '../../apps/account/src/domain/payments/bank-account.ts';

describe('account numbers', () => {
  const valid: [string, string][] = [
    ['1234', '1234'], // the minimum, 4
    ['12345678901234567', '12345678901234567'], // the maximum, 17 (Nacha field width)
    ['0001234567', '0001234567'], // leading zeros are kept
    [' 1234 5678-90 ', '1234567890'],
  ];
  for (const [input, digits] of valid) {
    it(`${JSON.stringify(input)} → ${digits}`, () => {
      assert.deepEqual(parseAccountNumber(input), { ok: true, accountNumber: digits });
    });
  }
  const invalid: [string, string][] = [
    ['', 'account_required'],
    ['  ', 'account_required'],
    ['123', 'account_length'],
    ['123456789012345678', 'account_length'],
    ['12 3', 'account_length'],
    ['1234A678', 'account_characters'],
    ['1234.5678', 'account_characters'],
  ];
  for (const [input, problem] of invalid) {
    it(`${JSON.stringify(input)} → ${problem}`, () =>
      assert.deepEqual(parseAccountNumber(input), { ok: false, problem }));
  }
});

describe('account type', () => {
  const cases: [string, unknown][] = [
    ['checking', { ok: true, accountType: 'checking' }],
    ['savings', { ok: true, accountType: 'savings' }],
    [' savings ', { ok: true, accountType: 'savings' }],
    ['', { ok: false, problem: 'account_type_required' }],
    ['Checking', { ok: false, problem: 'account_type_invalid' }],
    ['money-market', { ok: false, problem: 'account_type_invalid' }],
  ];
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => assert.deepEqual(parseAccountType(input), expected));
  }
});

describe('the whole entry: both numbers must match', () => {
  const cases: [string, [string, string, string], unknown][] = [
    [
      'matching entries',
      ['123456789', '123456789', 'checking'],
      { ok: true, accountNumber: '123456789', accountType: 'checking', masked: '••••6789' },
    ],
    [
      'matching after spaces are ignored',
      ['1234 5678 9', '123456789', 'savings'],
      { ok: true, accountNumber: '123456789', accountType: 'savings', masked: '••••6789' },
    ],
    [
      'a mistyped confirmation',
      ['123456789', '123456798', 'checking'],
      { ok: false, problems: { accountNumberConfirmation: 'account_mismatch' } },
    ],
    [
      'a confirmation that is not a number',
      ['123456789', '12345678x', 'checking'],
      { ok: false, problems: { accountNumberConfirmation: 'account_mismatch' } },
    ],
    [
      'no confirmation',
      ['123456789', '', 'checking'],
      { ok: false, problems: { accountNumberConfirmation: 'account_confirmation_required' } },
    ],
    [
      'bad number: only that problem, not also a mismatch',
      ['12', '12', 'checking'],
      { ok: false, problems: { accountNumber: 'account_length' } },
    ],
    [
      'every field wrong at once',
      ['', '', ''],
      {
        ok: false,
        problems: {
          accountNumber: 'account_required',
          accountNumberConfirmation: 'account_confirmation_required',
          accountType: 'account_type_required',
        },
      },
    ],
  ];
  for (const [what, [accountNumber, accountNumberConfirmation, accountType], expected] of cases) {
    it(what, () => {
      assert.deepEqual(checkBankAccount({ accountNumber, accountNumberConfirmation, accountType }), expected);
    });
  }
  it('masks to the last four', () => assert.equal(maskAccountNumber('12345678901234567'), '••••4567'));
});

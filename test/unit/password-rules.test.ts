// Password length and confirmation rules (pure). Lengths count characters (code points),
// so an emoji counts once even though it is two UTF-16 units.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  checkPassword,
} from '../../apps/identity/src/auth/password-rules.ts';

const EMOJI = '😀'; // U+1F600: one character, two UTF-16 code units.

describe('checkPassword', () => {
  it('uses the documented limits (12 to 128 characters)', () => {
    assert.equal(PASSWORD_MIN_LENGTH, 12);
    assert.equal(PASSWORD_MAX_LENGTH, 128);
  });

  const cases: [name: string, password: string, expected: string | undefined][] = [
    ['empty', '', 'idp.password.tooShort'],
    ['11 ASCII characters', 'a'.repeat(11), 'idp.password.tooShort'],
    ['12 ASCII characters', 'a'.repeat(12), undefined],
    ['128 ASCII characters', 'a'.repeat(128), undefined],
    ['129 ASCII characters', 'a'.repeat(129), 'idp.password.tooLong'],
    ['11 emoji (22 UTF-16 units)', EMOJI.repeat(11), 'idp.password.tooShort'],
    ['12 emoji (24 UTF-16 units)', EMOJI.repeat(12), undefined],
    ['128 emoji (256 UTF-16 units)', EMOJI.repeat(128), undefined],
    ['129 emoji', EMOJI.repeat(129), 'idp.password.tooLong'],
    ['10 letters + 2 emoji = 12 characters', `${'b'.repeat(10)}${EMOJI}${EMOJI}`, undefined],
    ['127 letters + 2 emoji = 129 characters', `${'c'.repeat(127)}${EMOJI}${EMOJI}`, 'idp.password.tooLong'],
    ['12 accented letters', 'ñ'.repeat(12), undefined],
    ['a passphrase with spaces', 'correct horse battery staple', undefined],
  ];
  for (const [name, password, expected] of cases) {
    it(`${name} → ${expected ?? 'accepted'}`, () => {
      assert.equal(checkPassword(password, password), expected);
    });
  }

  it('rejects a confirmation that differs', () => {
    assert.equal(checkPassword('a'.repeat(12), `${'a'.repeat(11)}b`), 'idp.password.mismatch');
    assert.equal(checkPassword('a'.repeat(12), ''), 'idp.password.mismatch');
    assert.equal(checkPassword('Password-1234', 'password-1234'), 'idp.password.mismatch');
  });

  it('reports length before a mismatch', () => {
    assert.equal(checkPassword('short', 'different'), 'idp.password.tooShort');
    assert.equal(checkPassword('a'.repeat(129), 'b'), 'idp.password.tooLong');
  });
});

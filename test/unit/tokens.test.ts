// Random link/session tokens, their stored hashes, and constant-time comparison (pure).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashToken, randomToken, safeEqual } from '#platform/crypto/tokens.ts';

describe('randomToken', () => {
  it('defaults to 32 random bytes as base64url (43 characters, no padding)', () => {
    const token = randomToken();
    assert.match(token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(Buffer.from(token, 'base64url').length, 32);
  });

  const sizes: [number, number][] = [
    [16, 22],
    [24, 32],
    [48, 64],
  ];
  for (const [bytes, chars] of sizes) {
    it(`${bytes} bytes → ${chars} base64url characters`, () => {
      const token = randomToken(bytes);
      assert.match(token, new RegExp(`^[A-Za-z0-9_-]{${chars}}$`));
      assert.equal(Buffer.from(token, 'base64url').length, bytes);
    });
  }

  it('does not repeat', () => {
    const tokens = new Set(Array.from({ length: 500 }, () => randomToken()));
    assert.equal(tokens.size, 500);
  });
});

describe('hashToken', () => {
  const vectors: [string, string][] = [
    // SHA-256 in base64url, computed independently with openssl.
    ['abc', 'ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0'],
    ['', '47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU'],
  ];
  for (const [token, hash] of vectors) {
    it(`SHA-256 base64url of ${JSON.stringify(token)}`, () => assert.equal(hashToken(token), hash));
  }

  it('is deterministic, differs per token, and does not contain the token', () => {
    const token = randomToken();
    assert.equal(hashToken(token), hashToken(token));
    assert.notEqual(hashToken(token), hashToken(`${token}x`));
    assert.notEqual(hashToken(token), token);
    assert.ok(!hashToken(token).includes(token));
  });
});

describe('safeEqual', () => {
  const cases: [string, string, boolean][] = [
    ['abc', 'abc', true],
    ['', '', true],
    ['ñandú 😀', 'ñandú 😀', true],
    ['abc', 'abd', false],
    ['abc', 'ABC', false],
    ['abc', 'abcd', false],
    ['abcd', 'abc', false],
    ['', 'a', false],
    // Same number of UTF-16 units, different number of bytes.
    ['é', 'e', false],
  ];
  for (const [left, right, expected] of cases) {
    it(`${JSON.stringify(left)} vs ${JSON.stringify(right)} → ${expected}`, () => {
      assert.equal(safeEqual(left, right), expected);
    });
  }
});

// AES-256-GCM field encryption and HMAC fingerprints (pure, in memory).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createFieldCipher } from '#platform/crypto/field-cipher.ts';

const dataKey = randomBytes(32);
const fingerprintKey = randomBytes(32);
const cipher = createFieldCipher(dataKey, fingerprintKey);

// printf abc | openssl dgst -sha256 -mac HMAC -macopt hexkey:0202…02 (32 bytes) -binary | base64url
const KNOWN_HMAC = 'RzVF4pKYuE7H-tftXIfSt8WDhnRGGmNpPChxMOijgwQ';

/** Replaces one base64url part of a sealed value. */
function withPart(sealed: string, index: number, change: (part: string) => string): string {
  const parts = sealed.split('.');
  parts[index] = change(parts[index]!);
  return parts.join('.');
}

/** Flips the low bit of the first byte of a base64url value. */
function flipFirstByte(part: string): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[0] = bytes[0]! ^ 1;
  return bytes.toString('base64url');
}

describe('field cipher', () => {
  describe('round trip', () => {
    const values = [
      'person@example.com',
      '123-45-6789',
      'José Ñúñez-Müller',
      '张伟',
      'emoji 😀👩‍👩‍👧 and combining é',
      'x'.repeat(10_000),
      'dots.and.more.dots',
      ' leading and trailing spaces ',
    ];
    for (const value of values) {
      it(`${JSON.stringify(value.slice(0, 30))}`, () => {
        const sealed = cipher.encrypt(value);
        assert.equal(cipher.decrypt(sealed), value);
      });
    }

    it('the empty string', () => {
      assert.equal(cipher.decrypt(cipher.encrypt('')), '');
    });
  });

  it('seals as v1.<iv>.<body>.<tag> in base64url, without the plain text', () => {
    const sealed = cipher.encrypt('person@example.com');
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    assert.ok(!sealed.includes('person'));
  });

  it('produces a different ciphertext each time (random IV)', () => {
    const sealed = new Set(Array.from({ length: 20 }, () => cipher.encrypt('same value')));
    assert.equal(sealed.size, 20);
    const ivs = new Set([...sealed].map((value) => value.split('.')[1]));
    assert.equal(ivs.size, 20);
  });

  describe('rejects tampering', () => {
    const sealed = cipher.encrypt('person@example.com');
    const tampered: [string, string][] = [
      ['a flipped body byte', withPart(sealed, 2, flipFirstByte)],
      ['a flipped tag byte', withPart(sealed, 3, flipFirstByte)],
      ['a flipped IV byte', withPart(sealed, 1, flipFirstByte)],
      [
        'a body from another value',
        withPart(sealed, 2, () => cipher.encrypt('other@example.com').split('.')[2]!),
      ],
      [
        'a tag from another encryption',
        withPart(sealed, 3, () => cipher.encrypt('person@example.com').split('.')[3]!),
      ],
      ['an empty tag', withPart(sealed, 3, () => '')],
      ['a missing tag', sealed.split('.').slice(0, 3).join('.')],
      ['an unknown version', withPart(sealed, 0, () => 'v2')],
      ['no version', sealed.split('.').slice(1).join('.')],
      ['an empty string', ''],
      ['plain text', 'person@example.com'],
    ];
    for (const [name, value] of tampered) {
      it(name, () => {
        assert.throws(() => cipher.decrypt(value));
      });
    }

    it('a truncated (4-byte) authentication tag', () => {
      const short = withPart(sealed, 3, (tag) =>
        Buffer.from(tag, 'base64url').subarray(0, 4).toString('base64url'),
      );
      assert.throws(() => cipher.decrypt(short));
    });
  });

  it('a different data key cannot decrypt', () => {
    const sealed = cipher.encrypt('person@example.com');
    const other = createFieldCipher(randomBytes(32), fingerprintKey);
    assert.throws(() => other.decrypt(sealed));
  });

  it('the fingerprint key does not affect decryption (keys are independent)', () => {
    const sealed = cipher.encrypt('person@example.com');
    const sameDataKey = createFieldCipher(dataKey, randomBytes(32));
    assert.equal(sameDataKey.decrypt(sealed), 'person@example.com');
  });

  describe('fingerprint', () => {
    it('is deterministic for the same key and value', () => {
      assert.equal(cipher.fingerprint('person@example.com'), cipher.fingerprint('person@example.com'));
      const sameKeys = createFieldCipher(Buffer.from(dataKey), Buffer.from(fingerprintKey));
      assert.equal(sameKeys.fingerprint('person@example.com'), cipher.fingerprint('person@example.com'));
    });

    it('depends on the value (exactly: no normalisation)', () => {
      const values = [
        'person@example.com',
        'Person@example.com',
        'person@example.com ',
        'person@example.co',
        '',
      ];
      assert.equal(new Set(values.map((value) => cipher.fingerprint(value))).size, values.length);
    });

    it('depends on the fingerprint key, not the data key', () => {
      const otherFingerprintKey = createFieldCipher(dataKey, randomBytes(32));
      const otherDataKey = createFieldCipher(randomBytes(32), fingerprintKey);
      assert.notEqual(otherFingerprintKey.fingerprint('v'), cipher.fingerprint('v'));
      assert.equal(otherDataKey.fingerprint('v'), cipher.fingerprint('v'));
    });

    it('is HMAC-SHA-256 in base64url (43 characters) and does not reveal the value', () => {
      const fp = cipher.fingerprint('person@example.com');
      assert.match(fp, /^[A-Za-z0-9_-]{43}$/);
      const known = createFieldCipher(Buffer.alloc(32, 1), Buffer.alloc(32, 2));
      assert.equal(known.fingerprint('abc'), KNOWN_HMAC);
    });
  });

  describe('rejects keys that are not 32 bytes', () => {
    const sizes = [0, 16, 31, 33, 64];
    for (const size of sizes) {
      it(`a ${size}-byte data key`, () => {
        assert.throws(() => createFieldCipher(randomBytes(size), randomBytes(32)), /32 bytes/);
      });
      it(`a ${size}-byte fingerprint key`, () => {
        assert.throws(() => createFieldCipher(randomBytes(32), randomBytes(size)), /32 bytes/);
      });
    }
  });
});

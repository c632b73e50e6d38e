// The sealed verified profile: a DEK wrapped under the password and under the personal key
// (argon2id with the production parameters, so each unlock costs one real KDF run).
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  CROCKFORD_ALPHABET,
  ProfileVaultError,
  formatPersonalKey,
  generatePersonalKey,
  isSealedVault,
  normalisePersonalKey,
  openSessionKey,
  openVault,
  rewrapForPassword,
  rewrapForPersonalKey,
  sealSessionKey,
  sealVault,
  sealVaultAndKeepKey,
  unlockWithPassword,
  unlockWithPersonalKey,
  type SealedVault,
} from '../../apps/identity/src/verification/profile-vault.ts';

const ACCOUNT = 'acct-7f3c';
const OTHER_ACCOUNT = 'acct-9a01';
const PASSWORD = 'correct horse battery staple';
const PEPPER = randomBytes(32);
const PROFILE = {
  givenName: 'José',
  familyName: 'Ñúñez-Müller',
  birthDate: '1980-02-29',
  ssn: '123-45-6789',
  address: { line1: '1 Main St', city: 'Springfield', state: 'IL', zip: '62701' },
  verifiedAt: '2026-11-26T12:00:00Z',
};
type Profile = typeof PROFILE;

/** Flips the low bit of the first byte of a base64url value. */
function flip(part: string): string {
  const bytes = Buffer.from(part, 'base64url');
  bytes[0] = bytes[0]! ^ 1;
  return bytes.toString('base64url');
}

/** A deep copy with one field of one box changed. */
function tamper(
  vault: SealedVault,
  box: 'data' | 'byPassword' | 'byPersonalKey',
  field: 'iv' | 'ct' | 'tag' | 'salt',
): SealedVault {
  const copy = structuredClone(vault) as unknown as Record<string, Record<string, string>>;
  copy[box]![field] = flip(copy[box]![field]!);
  return copy as unknown as SealedVault;
}

describe('personal key format', () => {
  it('is four groups of four Crockford base32 characters', () => {
    for (let i = 0; i < 200; i++) {
      const key = generatePersonalKey();
      assert.match(key, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
      assert.doesNotMatch(key, /[ILOU]/);
      assert.equal(normalisePersonalKey(key), key.replaceAll('-', ''));
    }
  });

  it('the alphabet is the 32 Crockford symbols', () => {
    assert.equal(CROCKFORD_ALPHABET.length, 32);
    assert.equal(new Set(CROCKFORD_ALPHABET).size, 32);
    assert.doesNotMatch(CROCKFORD_ALPHABET, /[ILOU]/);
  });

  it('1000 generated keys are unique and use every symbol', () => {
    const keys = Array.from({ length: 1000 }, generatePersonalKey);
    assert.equal(new Set(keys).size, 1000);
    const used = new Set(keys.join('').replaceAll('-', ''));
    assert.equal(used.size, 32);
  });

  it('formats 16 characters as 4 groups', () => {
    assert.equal(formatPersonalKey('7KQ2M9XA3PRTW4HZ'), '7KQ2-M9XA-3PRT-W4HZ');
  });

  describe('normalisation', () => {
    const cases: [string, string, string | undefined][] = [
      ['canonical with dashes', '7KQ2-M9XA-3PRT-W4HZ', '7KQ2M9XA3PRTW4HZ'],
      ['no separators', '7KQ2M9XA3PRTW4HZ', '7KQ2M9XA3PRTW4HZ'],
      ['lowercase', '7kq2-m9xa-3prt-w4hz', '7KQ2M9XA3PRTW4HZ'],
      ['spaces instead of dashes', '7KQ2 M9XA 3PRT W4HZ', '7KQ2M9XA3PRTW4HZ'],
      ['surrounding and repeated whitespace', '  7kq2  m9xa\t3prt-w4hz \n', '7KQ2M9XA3PRTW4HZ'],
      ['letter O read as zero', 'OOOO-oooo-0000-0000', '0000000000000000'],
      ['letters I and L read as one', 'IIII-llll-LLLL-1111', '1111111111111111'],
      ['too short', '7KQ2-M9XA-3PRT-W4H', undefined],
      ['too long', '7KQ2-M9XA-3PRT-W4HZ-0', undefined],
      ['empty', '', undefined],
      ['U is not in the alphabet', '7KQ2-M9XA-3PRT-W4HU', undefined],
      ['punctuation', '7KQ2.M9XA.3PRT.W4HZ', undefined],
      ['non-ASCII letter', '7KQ2-M9XA-3PRT-W4HÉ', undefined],
    ];
    for (const [name, input, expected] of cases) {
      it(name, () => assert.equal(normalisePersonalKey(input), expected));
    }
  });
});

describe('profile vault', () => {
  let vault: SealedVault;
  let personalKey: string;

  before(async () => {
    personalKey = generatePersonalKey();
    vault = await sealVault({
      accountId: ACCOUNT,
      profile: PROFILE,
      password: PASSWORD,
      personalKey,
      pepper: PEPPER,
    });
  });

  it('has the stored shape, base64url strings and no plain text', () => {
    assert.ok(isSealedVault(vault));
    assert.equal(vault.v, 1);
    assert.deepEqual(Object.keys(vault).sort(), ['byPassword', 'byPersonalKey', 'data', 'v']);
    const json = JSON.stringify(vault);
    for (const secret of [
      'José',
      '123-45-6789',
      'Springfield',
      PASSWORD,
      personalKey,
      personalKey.slice(0, 4),
    ])
      assert.ok(!json.includes(secret), secret);
    assert.equal(Buffer.from(vault.byPassword.salt, 'base64url').length, 16);
    assert.equal(Buffer.from(vault.data.iv, 'base64url').length, 12);
    assert.equal(Buffer.from(vault.data.tag, 'base64url').length, 16);
  });

  it('opens with the password', async () => {
    const key = await unlockWithPassword(vault, ACCOUNT, PASSWORD, PEPPER);
    assert.ok(key);
    assert.deepEqual(openVault<Profile>(vault, ACCOUNT, key), PROFILE);
  });

  it('opens with the personal key, as displayed or as typed', async () => {
    for (const typed of [personalKey, personalKey.toLowerCase().replaceAll('-', ' ')]) {
      const key = await unlockWithPersonalKey(vault, ACCOUNT, typed, PEPPER);
      assert.ok(key, typed);
      assert.deepEqual(openVault<Profile>(vault, ACCOUNT, key), PROFILE);
    }
  });

  it('round-trips through JSON (a jsonb column)', async () => {
    const stored: unknown = JSON.parse(JSON.stringify(vault));
    assert.ok(isSealedVault(stored));
    const key = await unlockWithPassword(stored, ACCOUNT, PASSWORD, PEPPER);
    assert.ok(key);
    assert.deepEqual(openVault<Profile>(stored, ACCOUNT, key), PROFILE);
  });

  it('two seals of the same profile share no salt, IV or ciphertext', async () => {
    const again = await sealVault({
      accountId: ACCOUNT,
      profile: PROFILE,
      password: PASSWORD,
      personalKey,
      pepper: PEPPER,
    });
    for (const part of [again.data.iv, again.data.ct, again.byPassword.salt, again.byPersonalKey.salt])
      assert.ok(!JSON.stringify(vault).includes(part));
  });

  describe('wrong secrets give undefined', () => {
    const otherKey = generatePersonalKey();
    const cases: [string, () => Promise<Buffer | undefined>][] = [
      ['wrong password', () => unlockWithPassword(vault, ACCOUNT, 'correct horse battery stapler', PEPPER)],
      ['empty password', () => unlockWithPassword(vault, ACCOUNT, '', PEPPER)],
      ['the personal key as password', () => unlockWithPassword(vault, ACCOUNT, personalKey, PEPPER)],
      ['wrong personal key', () => unlockWithPersonalKey(vault, ACCOUNT, otherKey, PEPPER)],
      ['malformed personal key', () => unlockWithPersonalKey(vault, ACCOUNT, 'not-a-key', PEPPER)],
      ['the password as personal key', () => unlockWithPersonalKey(vault, ACCOUNT, PASSWORD, PEPPER)],
      ['wrong pepper (password)', () => unlockWithPassword(vault, ACCOUNT, PASSWORD, randomBytes(32))],
      [
        'wrong pepper (personal key)',
        () => unlockWithPersonalKey(vault, ACCOUNT, personalKey, randomBytes(32)),
      ],
      ['wrong account (password)', () => unlockWithPassword(vault, OTHER_ACCOUNT, PASSWORD, PEPPER)],
      [
        'wrong account (personal key)',
        () => unlockWithPersonalKey(vault, OTHER_ACCOUNT, personalKey, PEPPER),
      ],
      ['wraps swapped', () => unlockWithPassword(swapWraps(vault), ACCOUNT, PASSWORD, PEPPER)],
      [
        'not a vault',
        () => unlockWithPassword({ v: 1 } as unknown as SealedVault, ACCOUNT, PASSWORD, PEPPER),
      ],
    ];
    for (const [name, attempt] of cases) {
      it(name, async () => assert.equal(await attempt(), undefined));
    }
  });

  it('openVault throws for another account id', async () => {
    const key = (await unlockWithPassword(vault, ACCOUNT, PASSWORD, PEPPER))!;
    assert.throws(() => openVault(vault, OTHER_ACCOUNT, key), isCode('tampered'));
    assert.throws(() => openVault(vault, ACCOUNT, randomBytes(32)), isCode('tampered'));
    assert.throws(() => openVault(vault, ACCOUNT, randomBytes(16)), isCode('bad_key'));
  });

  describe('tampering', () => {
    for (const field of ['iv', 'ct', 'tag'] as const) {
      it(`data.${field}: openVault throws and unlock refuses`, async () => {
        const key = (await unlockWithPassword(vault, ACCOUNT, PASSWORD, PEPPER))!;
        const bad = tamper(vault, 'data', field);
        assert.throws(() => openVault(bad, ACCOUNT, key), isCode('tampered'));
        // The wraps are bound to the data box's IV; a changed ct or tag fails the account check.
        assert.equal(await unlockWithPassword(bad, ACCOUNT, PASSWORD, PEPPER), undefined);
      });
    }
    for (const box of ['byPassword', 'byPersonalKey'] as const) {
      for (const field of ['salt', 'iv', 'ct', 'tag'] as const) {
        it(`${box}.${field}: unlock refuses`, async () => {
          const bad = tamper(vault, box, field);
          const key =
            box === 'byPassword'
              ? await unlockWithPassword(bad, ACCOUNT, PASSWORD, PEPPER)
              : await unlockWithPersonalKey(bad, ACCOUNT, personalKey, PEPPER);
          assert.equal(key, undefined);
        });
      }
    }
    it('a truncated tag is refused', async () => {
      const key = (await unlockWithPassword(vault, ACCOUNT, PASSWORD, PEPPER))!;
      const bad = { ...vault, data: { ...vault.data, tag: vault.data.tag.slice(0, 10) } };
      assert.throws(() => openVault(bad, ACCOUNT, key), isCode('tampered'));
    });
  });

  it('rejects a bad pepper or personal key when sealing', async () => {
    const input = { accountId: ACCOUNT, profile: PROFILE, password: PASSWORD, personalKey, pepper: PEPPER };
    await assert.rejects(sealVault({ ...input, pepper: randomBytes(16) }), isCode('bad_pepper'));
    await assert.rejects(sealVault({ ...input, personalKey: 'ABCD-EFGH' }), isCode('bad_key'));
  });
});

describe('password reset and personal key recovery', () => {
  it('after a reset: the new password opens, the old does not, the personal key still does', async () => {
    const personalKey = generatePersonalKey();
    const vault = await sealVault({
      accountId: ACCOUNT,
      profile: PROFILE,
      password: PASSWORD,
      personalKey,
      pepper: PEPPER,
    });

    const key = (await unlockWithPersonalKey(vault, ACCOUNT, personalKey, PEPPER))!;
    const reset = await rewrapForPassword(vault, key, 'a brand new passphrase', PEPPER);
    assert.deepEqual(reset.data, vault.data);
    assert.deepEqual(reset.byPersonalKey, vault.byPersonalKey);

    assert.ok(await unlockWithPassword(reset, ACCOUNT, 'a brand new passphrase', PEPPER));
    assert.equal(await unlockWithPassword(reset, ACCOUNT, PASSWORD, PEPPER), undefined);
    const byKey = await unlockWithPersonalKey(reset, ACCOUNT, personalKey, PEPPER);
    assert.ok(byKey);
    assert.deepEqual(openVault<Profile>(reset, ACCOUNT, byKey), PROFILE);
  });

  it('a new personal key replaces the old one', async () => {
    const oldKey = generatePersonalKey();
    const newKey = generatePersonalKey();
    const vault = await sealVault({
      accountId: ACCOUNT,
      profile: PROFILE,
      password: PASSWORD,
      personalKey: oldKey,
      pepper: PEPPER,
    });

    const key = (await unlockWithPersonalKey(vault, ACCOUNT, oldKey, PEPPER))!;
    const recovered = await rewrapForPersonalKey(vault, key, newKey, PEPPER);
    assert.equal(await unlockWithPersonalKey(recovered, ACCOUNT, oldKey, PEPPER), undefined);
    const byNew = await unlockWithPersonalKey(recovered, ACCOUNT, newKey, PEPPER);
    assert.ok(byNew);
    assert.deepEqual(openVault<Profile>(recovered, ACCOUNT, byNew), PROFILE);
    assert.ok(await unlockWithPassword(recovered, ACCOUNT, PASSWORD, PEPPER));
    await assert.rejects(rewrapForPersonalKey(vault, key, 'too-short', PEPPER), isCode('bad_key'));
  });

  it('sealVaultAndKeepKey returns the DEK the wraps enclose', async () => {
    const personalKey = generatePersonalKey();
    const { vault, dataKey } = await sealVaultAndKeepKey({
      accountId: ACCOUNT,
      profile: PROFILE,
      password: PASSWORD,
      personalKey,
      pepper: PEPPER,
    });
    assert.deepEqual(openVault<Profile>(vault, ACCOUNT, dataKey), PROFILE);
    assert.deepEqual(await unlockWithPassword(vault, ACCOUNT, PASSWORD, PEPPER), dataKey);
  });
});

describe('session key', () => {
  const dataKey = randomBytes(32);
  const token = randomBytes(32).toString('base64url');

  it('round-trips', () => {
    const sealed = sealSessionKey(dataKey, token, PEPPER);
    assert.match(sealed, /^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{43}\.[A-Za-z0-9_-]{22}$/);
    assert.deepEqual(openSessionKey(sealed, token, PEPPER), dataKey);
    assert.notEqual(sealSessionKey(dataKey, token, PEPPER), sealed);
  });

  it('does not modify the caller’s DEK', () => {
    const copy = Buffer.from(dataKey);
    sealSessionKey(dataKey, token, PEPPER);
    assert.deepEqual(dataKey, copy);
  });

  describe('gives undefined for', () => {
    const sealed = sealSessionKey(dataKey, token, PEPPER);
    const parts = sealed.split('.');
    const cases: [string, string, string, Buffer][] = [
      ['a wrong token', sealed, randomBytes(32).toString('base64url'), PEPPER],
      ['a wrong pepper', sealed, token, randomBytes(32)],
      ['a tampered ciphertext', [parts[0], parts[1], flip(parts[2]!), parts[3]].join('.'), token, PEPPER],
      ['a tampered tag', [parts[0], parts[1], parts[2], flip(parts[3]!)].join('.'), token, PEPPER],
      ['another version', ['v2', ...parts.slice(1)].join('.'), token, PEPPER],
      ['a missing part', parts.slice(0, 3).join('.'), token, PEPPER],
      ['garbage', 'not a sealed key', token, PEPPER],
      ['the empty string', '', token, PEPPER],
    ];
    for (const [name, value, tok, pepper] of cases) {
      it(name, () => assert.equal(openSessionKey(value, tok, pepper), undefined));
    }
  });
});

describe('isSealedVault', () => {
  const box = { iv: 'AAAAAAAAAAAAAAAA', ct: 'AAAA', tag: 'AAAAAAAAAAAAAAAAAAAAAA' };
  const wrap = { ...box, salt: 'AAAAAAAAAAAAAAAAAAAAAA' };
  const good = { v: 1, data: box, byPassword: wrap, byPersonalKey: wrap };
  const cases: [string, unknown, boolean][] = [
    ['a well-formed vault', good, true],
    ['null', null, false],
    ['a string', JSON.stringify(good), false],
    ['version 2', { ...good, v: 2 }, false],
    ['missing the personal-key wrap', { ...good, byPersonalKey: undefined }, false],
    ['a wrap without salt', { ...good, byPassword: box }, false],
    ['a non-base64url field', { ...good, data: { ...box, ct: 'a+b/' } }, false],
    ['a numeric field', { ...good, data: { ...box, iv: 12 } }, false],
  ];
  for (const [name, value, expected] of cases) {
    it(name, () => assert.equal(isSealedVault(value), expected));
  }
});

function swapWraps(vault: SealedVault): SealedVault {
  return { ...vault, byPassword: vault.byPersonalKey, byPersonalKey: vault.byPassword };
}

function isCode(code: string) {
  return (error: unknown) => error instanceof ProfileVaultError && error.code === code;
}

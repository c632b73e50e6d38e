// WebAuthn ceremonies (pure, in memory): the options we hand the browser, the sealed
// challenge and what it refuses, and both ceremonies end to end against a small software
// authenticator (ES256, "none" attestation) built here from node:crypto.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, generateKeyPairSync, randomBytes, randomUUID, sign } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { createFieldCipher } from '#platform/crypto/field-cipher.ts';
import type { Database, Queryable } from '#platform/db/database.ts';
import { createTestClock } from '#platform/time/clock.ts';
import type { MfaMethod, MfaMethodsRepo, NewMfaMethod } from '../../apps/identity/src/db/mfa-methods-repo.ts';
import {
  createWebauthn,
  parseStoredCredential,
  type ChallengeBinding,
} from '../../apps/identity/src/auth/mfa/webauthn.ts';

const ISSUER = 'https://id.example.gov';
const ORIGIN = 'https://id.example.gov';
const RP_ID = 'id.example.gov';

/** An in-memory MfaMethodsRepo: just what the ceremonies use. */
function memoryMethods() {
  const rows: (MfaMethod & { lookup?: string | undefined })[] = [];
  const copy = (row: MfaMethod): MfaMethod => ({ ...row });
  const repo: MfaMethodsRepo = {
    async create(_tx: Queryable, method: NewMfaMethod) {
      const row = {
        id: randomUUID(),
        accountId: method.accountId,
        kind: method.kind,
        label: method.label,
        secret: method.secret ?? null,
        createdAt: new Date(),
        lastUsedAt: null,
        lookup: method.lookupFingerprint,
      };
      rows.push(row);
      return copy(row);
    },
    list: async (accountId) => rows.filter((r) => r.accountId === accountId).map(copy),
    find: async (accountId, id) => rows.find((r) => r.accountId === accountId && r.id === id),
    findByLookup: async (fp) => rows.find((r) => r.lookup === fp),
    rename: async () => false,
    remove: async () => false,
    acceptTotpStep: async () => false,
    async updateSecret(id, secret) {
      rows.find((r) => r.id === id)!.secret = secret;
    },
    async markUsed(id, at) {
      rows.find((r) => r.id === id)!.lastUsedAt = at;
    },
  };
  return { repo, rows };
}

function setup(issuer = ISSUER) {
  const cipher = createFieldCipher(randomBytes(32), randomBytes(32));
  const clock = createTestClock(new Date('2030-01-01T12:00:00Z'));
  const { repo, rows } = memoryMethods();
  const db = { transaction: (work: (tx: Queryable) => Promise<unknown>) => work({} as Queryable) };
  const webauthn = createWebauthn({
    db: db as unknown as Database,
    methods: repo,
    cipher,
    clock,
    issuer,
    rpName: 'Identity provider',
  });
  return { cipher, clock, methods: repo, rows, webauthn };
}

const binding = (accountId = randomUUID()): ChallengeBinding => ({
  accountId,
  sessionToken: randomBytes(32).toString('base64url'),
  mfaAt: null,
});

/** Flips one bit of the sealed value's authentication tag. */
function tamper(sealed: string): string {
  const parts = sealed.split('.');
  const tag = Buffer.from(parts[3]!, 'base64url');
  tag[0] = tag[0]! ^ 1;
  return [parts[0], parts[1], parts[2], tag.toString('base64url')].join('.');
}

const user = { name: 'maria.garcia@example.com', displayName: 'Maria Garcia' };
const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const b64url = (data: Uint8Array) => Buffer.from(data).toString('base64url');
const u32 = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
};

/** A software authenticator holding one ES256 credential. */
function softKey(rpID = RP_ID) {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const rawId = randomBytes(32);
  const id = rawId.toString('base64url');
  const cose = isoCBOR.encode(
    new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
      [-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))],
    ]),
  );
  let counter = 0;
  const clientData = (type: string, challenge: string, origin: string) =>
    Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  return {
    id,
    register(challenge: string, origin = ORIGIN): string {
      const authData = Buffer.concat([
        sha256(rpID),
        Buffer.from([0x01 | 0x04 | 0x40]), // user present, verified, attested credential data
        u32(counter),
        Buffer.alloc(16), // AAGUID
        Buffer.from([0, rawId.length]),
        rawId,
        cose,
      ]);
      const attestationObject = isoCBOR.encode(
        new Map<string, string | Uint8Array | Map<string, string>>([
          ['fmt', 'none'],
          ['attStmt', new Map<string, string>()],
          ['authData', new Uint8Array(authData)],
        ]),
      );
      return JSON.stringify({
        id,
        rawId: id,
        type: 'public-key',
        response: {
          clientDataJSON: b64url(clientData('webauthn.create', challenge, origin)),
          attestationObject: b64url(attestationObject),
          transports: ['usb'],
        },
        clientExtensionResults: {},
      });
    },
    assert(
      options: PublicKeyCredentialRequestOptionsJSON,
      extra: { counter?: number; origin?: string; userHandle?: string } = {},
    ): string {
      counter = extra.counter ?? counter + 1;
      const data = clientData('webauthn.get', options.challenge, extra.origin ?? ORIGIN);
      const authData = Buffer.concat([sha256(rpID), Buffer.from([0x01 | 0x04]), u32(counter)]);
      const signature = sign('sha256', Buffer.concat([authData, sha256(data)]), privateKey);
      return JSON.stringify({
        id,
        rawId: id,
        type: 'public-key',
        response: {
          clientDataJSON: b64url(data),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          ...(extra.userHandle ? { userHandle: extra.userHandle } : {}),
        },
        clientExtensionResults: {},
      });
    },
  };
}

/** Registers a software key for the binding's account; returns the key and its method. */
async function registered(s: ReturnType<typeof setup>, b: ChallengeBinding, label = 'Blue key') {
  const key = softKey();
  const { options, sealed } = await s.webauthn.startRegistration(b, user, await s.methods.list(b.accountId));
  const result = await s.webauthn.finishRegistration(b, sealed, key.register(options.challenge), label);
  assert.ok(result.ok, `registration failed: ${JSON.stringify(result)}`);
  return { key, method: result.method };
}

describe('webauthn registration options', () => {
  it('uses the issuer host as the relying party id and offers ES256 and RS256 to any kind of key', async () => {
    const s = setup('https://id.example.gov:8443/base');
    const { options } = await s.webauthn.startRegistration(binding(), user, []);
    assert.equal(s.webauthn.rpID, RP_ID);
    assert.equal(s.webauthn.origin, 'https://id.example.gov:8443');
    assert.deepEqual(options.rp, { name: 'Identity provider', id: RP_ID });
    assert.deepEqual(
      options.pubKeyCredParams.map((p) => p.alg),
      [-7, -257],
    );
    assert.equal(options.authenticatorSelection?.residentKey, 'preferred');
    assert.equal(options.authenticatorSelection?.userVerification, 'preferred');
    assert.equal(options.authenticatorSelection?.authenticatorAttachment, undefined, 'platform and roaming');
    assert.equal(options.attestation, 'none');
    assert.equal(options.user.name, user.name);
    assert.equal(options.user.displayName, user.displayName);
    assert.ok(Buffer.from(options.challenge, 'base64url').length >= 16);
  });

  it('the user handle is opaque and stable per account, and not the account id', async () => {
    const s = setup();
    const accountId = randomUUID();
    const first = await s.webauthn.startRegistration(binding(accountId), user, []);
    const again = await s.webauthn.startRegistration(binding(accountId), user, []);
    const other = await s.webauthn.startRegistration(binding(), user, []);
    assert.equal(first.options.user.id, again.options.user.id);
    assert.notEqual(first.options.user.id, other.options.user.id);
    assert.ok(!Buffer.from(first.options.user.id, 'base64url').toString('latin1').includes(accountId));
    assert.ok(!first.options.user.id.includes(Buffer.from(accountId).toString('base64url')));
    assert.notEqual(first.options.challenge, again.options.challenge, 'a fresh challenge each time');
  });

  it("excludes the account's existing keys (with their transports) and nothing else", async () => {
    const s = setup();
    const b = binding();
    const { key } = await registered(s, b);
    await s.methods.create({} as Queryable, {
      accountId: b.accountId,
      kind: 'email',
      label: 'Email',
      secret: 'maria.garcia@example.com',
    });
    const { options } = await s.webauthn.startRegistration(b, user, await s.methods.list(b.accountId));
    assert.deepEqual(options.excludeCredentials, [{ id: key.id, type: 'public-key', transports: ['usb'] }]);
    const fresh = await s.webauthn.startRegistration(binding(), user, []);
    assert.deepEqual(fresh.options.excludeCredentials, []);
  });
});

describe('webauthn sealed challenge', () => {
  it('opens only for the same purpose, account and session state, before it expires', async () => {
    const s = setup();
    const b = binding();
    const { options, sealed } = await s.webauthn.startRegistration(b, user, []);
    const open = s.webauthn.openChallenge;
    assert.equal(open('register', b, sealed), options.challenge);
    assert.equal(open('authenticate', b, sealed), undefined, 'another purpose');
    assert.equal(open('register', { ...b, accountId: randomUUID() }, sealed), undefined, 'another account');
    assert.equal(open('register', { ...b, sessionToken: 'another' }, sealed), undefined, 'another session');
    assert.equal(
      open('register', { ...b, mfaAt: new Date() }, sealed),
      undefined,
      'the session has verified a factor since: used once at most',
    );
    s.clock.advance(599);
    assert.equal(open('register', b, sealed), options.challenge, 'still fresh after 9:59');
    s.clock.advance(1);
    assert.equal(open('register', b, sealed), undefined, 'expired after 10 minutes');
  });

  it('refuses a tampered, truncated or foreign sealed value', async () => {
    const s = setup();
    const b = binding();
    const { sealed } = await s.webauthn.startRegistration(b, user, []);
    const parts = sealed.split('.');
    const body = Buffer.from(parts[2]!, 'base64url');
    body[0] = body[0]! ^ 1;
    const tampered = [parts[0], parts[1], body.toString('base64url'), parts[3]].join('.');
    const open = s.webauthn.openChallenge;
    assert.equal(open('register', b, tampered), undefined, 'one bit of the ciphertext flipped');
    assert.equal(open('register', b, tamper(sealed)), undefined, 'one bit of the tag flipped');
    assert.equal(open('register', b, sealed.slice(0, -2)), undefined, 'truncated');
    assert.equal(open('register', b, ''), undefined, 'empty');
    assert.equal(open('register', b, 'not-a-sealed-value'), undefined, 'garbage');
    // A value sealed by the TOTP setup (same cipher, "accountId:secret") is not a challenge.
    assert.equal(open('register', b, s.cipher.encrypt(`${b.accountId}:JBSWY3DPEHPK3PXP`)), undefined);
    // The same payload sealed with another key.
    const elsewhere = setup();
    const foreign = await elsewhere.webauthn.startRegistration(b, user, []);
    assert.equal(open('register', b, foreign.sealed), undefined, 'sealed by another installation');
  });

  it('a registration with a tampered or expired seal is refused before anything is stored', async () => {
    const s = setup();
    const b = binding();
    const key = softKey();
    const { options, sealed } = await s.webauthn.startRegistration(b, user, []);
    const response = key.register(options.challenge);
    assert.deepEqual(await s.webauthn.finishRegistration(b, tamper(sealed), response, 'x'), {
      ok: false,
      error: 'idp.webauthn.error.expired',
    });
    s.clock.advance(601);
    assert.deepEqual(await s.webauthn.finishRegistration(b, sealed, response, 'x'), {
      ok: false,
      error: 'idp.webauthn.error.expired',
    });
    assert.equal(s.rows.length, 0);
  });
});

describe('webauthn registration', () => {
  it('verifies and stores the credential as JSON, with a lookup fingerprint of its id', async () => {
    const s = setup();
    const b = binding();
    const { key, method } = await registered(s, b, 'Blue key');
    assert.equal(method.kind, 'webauthn');
    assert.equal(method.label, 'Blue key');
    const stored = parseStoredCredential(method.secret);
    assert.ok(stored);
    assert.equal(stored.credentialId, key.id);
    assert.equal(stored.counter, 0);
    assert.deepEqual(stored.transports, ['usb']);
    assert.equal(stored.aaguid, '00000000-0000-0000-0000-000000000000');
    assert.equal(stored.userHandle, b64url(s.webauthn.userHandle(b.accountId)));
    assert.ok(Buffer.from(stored.publicKey, 'base64url').length > 60, 'the COSE public key');
    assert.equal(s.rows[0]!.lookup, s.cipher.fingerprint(`webauthn:${key.id}`));
  });

  it('refuses no answer, an answer for another site, and the same key twice', async () => {
    const s = setup();
    const b = binding();
    const key = softKey();
    const { options, sealed } = await s.webauthn.startRegistration(b, user, []);
    assert.deepEqual(await s.webauthn.finishRegistration(b, sealed, '', 'x'), {
      ok: false,
      error: 'idp.webauthn.error.noResponse',
    });
    assert.deepEqual(await s.webauthn.finishRegistration(b, sealed, '{"no":"id"}', 'x'), {
      ok: false,
      error: 'idp.webauthn.error.noResponse',
    });
    assert.deepEqual(
      await s.webauthn.finishRegistration(
        b,
        sealed,
        key.register(options.challenge, 'https://evil.example'),
        'x',
      ),
      { ok: false, error: 'idp.webauthn.error.notAdded' },
      'phishing origin',
    );
    assert.deepEqual(
      await s.webauthn.finishRegistration(
        b,
        sealed,
        softKey('evil.example').register(options.challenge),
        'x',
      ),
      { ok: false, error: 'idp.webauthn.error.notAdded' },
      'another relying party id',
    );
    assert.deepEqual(
      await s.webauthn.finishRegistration(b, sealed, key.register('c29tZXRoaW5nLWVsc2U'), 'x'),
      { ok: false, error: 'idp.webauthn.error.notAdded' },
      'another challenge',
    );
    const response = key.register(options.challenge);
    assert.equal((await s.webauthn.finishRegistration(b, sealed, response, 'x')).ok, true);
    assert.deepEqual(await s.webauthn.finishRegistration(b, sealed, response, 'x'), {
      ok: false,
      error: 'idp.webauthn.error.alreadyAdded',
    });
    assert.equal(s.rows.length, 1);
  });
});

describe('webauthn authentication', () => {
  it("lists the account's keys, verifies a signature, updates the counter and marks the method used", async () => {
    const s = setup();
    const b = binding();
    const { key, method } = await registered(s, b);
    const methods = await s.methods.list(b.accountId);
    const started = await s.webauthn.startAuthentication(b, methods);
    assert.ok(started);
    assert.equal(started.options.rpId, RP_ID);
    assert.equal(started.options.userVerification, 'preferred');
    assert.deepEqual(started.options.allowCredentials, [
      { id: key.id, type: 'public-key', transports: ['usb'] },
    ]);
    const handle = b64url(s.webauthn.userHandle(b.accountId));
    const result = await s.webauthn.verifyAuthentication(
      b,
      started.sealed,
      key.assert(started.options, { userHandle: handle }),
      methods,
    );
    assert.deepEqual(result, { ok: true, method });
    assert.equal(parseStoredCredential(s.rows[0]!.secret)?.counter, 1);
    assert.deepEqual(s.rows[0]!.lastUsedAt, s.clock.now());
  });

  it('has nothing to offer an account without keys', async () => {
    const s = setup();
    assert.equal(await s.webauthn.startAuthentication(binding(), []), undefined);
  });

  it('refuses a replayed or cloned key (counter not increasing), another site, another key, another account', async () => {
    const s = setup();
    const b = binding();
    const { key } = await registered(s, b);
    const methods = () => s.methods.list(b.accountId);
    const started = (await s.webauthn.startAuthentication(b, [...(s.rows as MfaMethod[])]))!;
    const first = key.assert(started.options, { counter: 5 });
    assert.equal((await s.webauthn.verifyAuthentication(b, started.sealed, first, await methods())).ok, true);
    const failed = { ok: false, error: 'idp.webauthn.error.signInFailed' };
    assert.deepEqual(
      await s.webauthn.verifyAuthentication(b, started.sealed, first, await methods()),
      failed,
      'the same answer again',
    );
    assert.deepEqual(
      await s.webauthn.verifyAuthentication(
        b,
        started.sealed,
        key.assert(started.options, { counter: 3 }),
        await methods(),
      ),
      failed,
      'a counter that went backwards',
    );
    assert.deepEqual(
      await s.webauthn.verifyAuthentication(
        b,
        started.sealed,
        key.assert(started.options, { origin: 'https://evil.example' }),
        await methods(),
      ),
      failed,
      'signed for a phishing site',
    );
    assert.deepEqual(
      await s.webauthn.verifyAuthentication(
        b,
        started.sealed,
        softKey().assert(started.options),
        await methods(),
      ),
      { ok: false, error: 'idp.webauthn.error.notRecognised' },
      'a key that is not on the account',
    );
    assert.deepEqual(
      await s.webauthn.verifyAuthentication(
        b,
        started.sealed,
        key.assert(started.options, { userHandle: b64url(s.webauthn.userHandle(randomUUID())) }),
        await methods(),
      ),
      { ok: false, error: 'idp.webauthn.error.notRecognised' },
      "another account's user handle",
    );
    const other = binding();
    const otherStart = (await s.webauthn.startAuthentication(other, await methods()))!;
    assert.deepEqual(
      await s.webauthn.verifyAuthentication(
        other,
        otherStart.sealed,
        key.assert(otherStart.options),
        await methods(),
      ),
      { ok: false, error: 'idp.webauthn.error.notRecognised' },
      "someone else's key, even when offered",
    );
    assert.equal(parseStoredCredential(s.rows[0]!.secret)?.counter, 5);
  });

  it('a sealed challenge stops working once the session has verified a factor', async () => {
    const s = setup();
    const b = binding();
    const { key } = await registered(s, b);
    const methods = await s.methods.list(b.accountId);
    const started = (await s.webauthn.startAuthentication(b, methods))!;
    const answer = key.assert(started.options);
    const after = { ...b, mfaAt: s.clock.now() };
    assert.deepEqual(await s.webauthn.verifyAuthentication(after, started.sealed, answer, methods), {
      ok: false,
      error: 'idp.webauthn.error.expired',
    });
    assert.deepEqual(
      await s.webauthn.verifyAuthentication(b, tamper(started.sealed), answer, methods),
      { ok: false, error: 'idp.webauthn.error.expired' },
      'tampered',
    );
  });
});

// Security Event Tokens: what the identity provider signs (apps/identity/src/federation) and
// what the tax account accepts (apps/account/src/security-events), checked against each other.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type JWK,
  type JWTPayload,
} from 'jose';
import {
  chooseSetSigningKey,
  EVENT_TYPE_URIS,
  securityEventClaims,
  signSecurityEventToken,
  type SecurityEventTokenInput,
} from '../../apps/identity/src/federation/security-event-token.ts';
import {
  DELIVERY_POLICY,
  retryDelaySeconds,
} from '../../apps/identity/src/federation/security-event-delivery.ts';
import {
  ACCOUNT_PURGED,
  CREDENTIAL_CHANGE,
  SetKeysUnavailable,
  SetRejected,
  verifySecurityEventToken,
  type SetErrorCode,
} from '../../apps/account/src/security-events/security-event-token.ts';

const ISSUER = 'https://idp.example.gov';
const AUDIENCE = 'tax-account';
const SUB = 'pairwise-sub-abc123';

/** A private signing key as secrets-repo makes them. */
async function signingKey(alg: 'ES256' | 'RS256'): Promise<JWK> {
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  return { ...(await exportJWK(privateKey)), alg, use: 'sig', kid: randomBytes(12).toString('base64url') };
}

const publicOf = (key: JWK): JWK => {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = key;
  return rest;
};

const input = (overrides: Partial<SecurityEventTokenInput> = {}): SecurityEventTokenInput => ({
  issuer: ISSUER,
  audience: AUDIENCE,
  subject: SUB,
  type: 'credential-change',
  jti: '7d1c0b3e-2f6a-4c1e-9a55-0b7f1d2e3c4a',
  issuedAt: new Date('2030-01-02T03:04:05Z'),
  ...overrides,
});

const es256 = await signingKey('ES256');
const rs256 = await signingKey('RS256');
const keys = createLocalJWKSet({ keys: [publicOf(es256), publicOf(rs256)] });
const verify = (token: string, options: { issuer?: string; audience?: string } = {}) =>
  verifySecurityEventToken(token, {
    keys,
    issuer: options.issuer ?? ISSUER,
    audience: options.audience ?? AUDIENCE,
  });

async function assertRejected(promise: Promise<unknown>, err: SetErrorCode): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof SetRejected, `expected SetRejected, got ${String(error)}`);
    assert.equal(error.err, err);
    assert.ok(error.description.length > 0);
    return true;
  });
}

/** A JWT signed with `key`, with any header and claims (for malformed SETs). */
async function rawToken(key: JWK, payload: JWTPayload, header: Record<string, string> = {}): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: key.alg!, kid: key.kid!, typ: 'secevent+jwt', ...header })
    .sign(await importJWK(key, key.alg!));
}

describe('building a Security Event Token', () => {
  it('has the SET header: typ secevent+jwt, the key alg and kid', async () => {
    const token = await signSecurityEventToken(input(), es256);
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'ES256', kid: es256.kid, typ: 'secevent+jwt' });
  });

  it('carries iss, aud, iat, jti and one credential-change event for a password reset', async () => {
    const occurredAt = new Date('2030-01-02T03:00:00Z');
    const claims = decodeJwt(await signSecurityEventToken(input({ occurredAt }), es256));
    const subject = { format: 'iss_sub', iss: ISSUER, sub: SUB };
    assert.deepEqual(claims, {
      iss: ISSUER,
      aud: AUDIENCE,
      iat: Date.parse('2030-01-02T03:04:05Z') / 1000,
      jti: '7d1c0b3e-2f6a-4c1e-9a55-0b7f1d2e3c4a',
      sub_id: subject,
      events: {
        'https://schemas.openid.net/secevent/caep/event-type/credential-change': {
          subject,
          credential_type: 'password',
          change_type: 'update',
          event_timestamp: occurredAt.getTime() / 1000,
        },
      },
    });
    assert.equal((claims as { exp?: number }).exp, undefined, 'a SET does not expire');
  });

  it('carries an account-purged event with only the subject for a deleted account', () => {
    const claims = securityEventClaims(input({ type: 'account-purged' }));
    assert.deepEqual(claims.events, {
      'https://schemas.openid.net/secevent/risc/event-type/account-purged': {
        subject: { format: 'iss_sub', iss: ISSUER, sub: SUB },
      },
    });
    assert.equal(EVENT_TYPE_URIS['account-purged'], ACCOUNT_PURGED);
    assert.equal(EVENT_TYPE_URIS['credential-change'], CREDENTIAL_CHANGE);
  });

  it('signs with the ES256 key when there is one, else RS256; never with a public key', async () => {
    assert.equal(chooseSetSigningKey([rs256, es256]).kid, es256.kid);
    assert.equal(chooseSetSigningKey([rs256]).kid, rs256.kid);
    assert.throws(() => chooseSetSigningKey([publicOf(es256)]), /No ES256 or RS256/);
    assert.throws(() => chooseSetSigningKey([]), /No ES256 or RS256/);
  });
});

describe('verifying a Security Event Token', () => {
  it('accepts a SET signed with either provider key and reads its event and subject', async () => {
    for (const [key, type] of [
      [es256, 'credential-change'],
      [rs256, 'account-purged'],
    ] as const) {
      const verified = await verify(await signSecurityEventToken(input({ type }), key));
      assert.deepEqual(verified, {
        jti: '7d1c0b3e-2f6a-4c1e-9a55-0b7f1d2e3c4a',
        issuedAt: new Date('2030-01-02T03:04:05Z'),
        events: [{ kind: type, subject: SUB }],
        ignored: [],
      });
    }
  });

  it('refuses another audience (invalid_audience) and another issuer (invalid_issuer)', async () => {
    const token = await signSecurityEventToken(input(), es256);
    await assertRejected(verify(token, { audience: 'benefits' }), 'invalid_audience');
    await assertRejected(verify(token, { issuer: 'https://evil.example' }), 'invalid_issuer');
  });

  it('refuses a JWT that is not typed as a SET, e.g. an ID token (invalid_request)', async () => {
    const claims = securityEventClaims(input());
    await assertRejected(verify(await rawToken(es256, claims, { typ: 'JWT' })), 'invalid_request');
    const noTyp = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256', kid: es256.kid! })
      .sign(await importJWK(es256, 'ES256'));
    await assertRejected(verify(noTyp), 'invalid_request');
  });

  it('refuses a signature that does not verify (authentication_failed) or an unknown key (invalid_key)', async () => {
    const impostor = { ...(await signingKey('ES256')), kid: es256.kid };
    await assertRejected(verify(await signSecurityEventToken(input(), impostor)), 'authentication_failed');
    const stranger = await signingKey('ES256');
    await assertRejected(verify(await signSecurityEventToken(input(), stranger)), 'invalid_key');
  });

  it('refuses malformed tokens and unsigned ones (invalid_request)', async () => {
    await assertRejected(verify('not a token'), 'invalid_request');
    await assertRejected(verify('a.b.c'), 'invalid_request');
    const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const unsigned = `${b64({ alg: 'none', typ: 'secevent+jwt' })}.${b64(securityEventClaims(input()))}.`;
    await assertRejected(verify(unsigned), 'invalid_request');
  });

  it('refuses a SET without jti, iat or events, or with an empty events claim', async () => {
    const claims = securityEventClaims(input());
    for (const missing of ['jti', 'iat', 'events'] as const) {
      const { [missing]: _gone, ...rest } = claims;
      await assertRejected(verify(await rawToken(es256, rest)), 'invalid_request');
    }
    await assertRejected(verify(await rawToken(es256, { ...claims, events: {} })), 'invalid_request');
    await assertRejected(verify(await rawToken(es256, { ...claims, events: [] })), 'invalid_request');
  });

  it('refuses a known event whose subject is missing, of another issuer or not iss_sub', async () => {
    const claims = securityEventClaims(input({ type: 'account-purged' }));
    const { sub_id: _subId, ...withoutSubId } = claims;
    for (const subject of [
      undefined,
      { format: 'iss_sub', iss: 'https://other.example', sub: SUB },
      { format: 'email', email: 'someone@example.com' },
      { format: 'iss_sub', iss: ISSUER, sub: '' },
    ]) {
      const token = await rawToken(es256, { ...withoutSubId, events: { [ACCOUNT_PURGED]: { subject } } });
      await assertRejected(verify(token), 'invalid_request');
    }
  });

  it('takes the top-level sub_id when the event has no subject (Shared Signals 1.0)', async () => {
    const claims = securityEventClaims(input({ type: 'account-purged' }));
    const token = await rawToken(es256, { ...claims, events: { [ACCOUNT_PURGED]: {} } });
    assert.deepEqual((await verify(token)).events, [{ kind: 'account-purged', subject: SUB }]);
  });

  it('ignores event types it does not act on, and keeps the ones it does', async () => {
    const claims = securityEventClaims(input());
    const other = 'https://schemas.openid.net/secevent/risc/event-type/identifier-changed';
    // An own "__proto__" member (as JSON.parse makes it) is just another unknown type.
    const proto = JSON.parse('{"__proto__": {"subject": null}}') as object;
    const token = await rawToken(es256, {
      ...claims,
      events: { ...(claims.events as object), [other]: { subject: claims.sub_id }, ...proto },
    });
    const verified = await verify(token);
    assert.deepEqual(verified.events, [{ kind: 'credential-change', subject: SUB }]);
    assert.deepEqual(verified.ignored, [other, '__proto__']);
  });

  it('reports unreachable provider keys as such, not as a bad token', async () => {
    const token = await signSecurityEventToken(input(), es256);
    await assert.rejects(
      verifySecurityEventToken(token, {
        keys: async () => {
          throw new TypeError('fetch failed');
        },
        issuer: ISSUER,
        audience: AUDIENCE,
      }),
      SetKeysUnavailable,
    );
  });
});

describe('delivery retries', () => {
  it('back off exponentially from one minute, at most an hour apart, over 8 attempts', () => {
    assert.equal(DELIVERY_POLICY.maxAttempts, 8);
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => retryDelaySeconds(attempts)),
      [60, 120, 240, 480, 960, 1920, 3600, 3600],
    );
  });
});

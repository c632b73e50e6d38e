// Attempt limiter, in-process adapter: the shared behavioural contract (windows, lockouts,
// retryAfter, backoff, reset, every rule in LIMIT_RULES), the memory bound, the factory, and
// the rule table and key builder. The Redis adapter runs the same contract in
// test/integration/attempt-limiter-redis.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import { assertValidRule, createAttemptLimiter } from '#platform/ratelimit/attempt-limiter.ts';
import { createMemoryAttemptLimiter } from '#platform/ratelimit/memory-attempt-limiter.ts';
import { LIMIT_RULES, limitKey, type LimitKeyParts } from '#platform/ratelimit/limit-rules.ts';
import { at, attemptLimiterContract, fingerprint } from '../support/attempt-limiter-contract.ts';

const shared = createMemoryAttemptLimiter();
attemptLimiterContract('memory', () => shared);

describe('memory attempt limiter: bounded memory', () => {
  const rule = { max: 5, windowSeconds: 60 };

  it('beyond maxEntries, evicts the least recently written keys', async () => {
    const limiter = createMemoryAttemptLimiter({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c']) await limiter.hit(key, rule, at(0));
    await limiter.hit('a', rule, at(1)); // a is now the most recently written
    await limiter.hit('d', rule, at(2));
    assert.equal(limiter.size(), 3);
    const remaining = async (key: string) => (await limiter.peek(key, rule, at(3))).remaining;
    assert.deepEqual(
      [await remaining('a'), await remaining('b'), await remaining('c'), await remaining('d')],
      [3, 5, 4, 4],
      'b, the oldest write, was forgotten',
    );
  });

  it('a flood of distinct keys never holds more than maxEntries', async () => {
    const limiter = createMemoryAttemptLimiter({ maxEntries: 100 });
    let largest = 0;
    for (let i = 0; i < 5_000; i += 1) {
      await limiter.hit(`flood-${i}`, rule, at(i / 1000));
      largest = Math.max(largest, limiter.size());
    }
    assert.equal(largest, 100);
  });

  it('sweeps expired keys every sweepEveryWrites writes', async () => {
    const limiter = createMemoryAttemptLimiter({ sweepEveryWrites: 10 });
    for (let i = 0; i < 9; i += 1) await limiter.hit(`old-${i}`, rule, at(0));
    assert.equal(limiter.size(), 9);
    await limiter.hit('new', rule, at(61)); // the 10th write: the nine old windows have passed
    assert.equal(limiter.size(), 1);
  });

  it('an expired key is dropped when read', async () => {
    const limiter = createMemoryAttemptLimiter();
    await limiter.hit('k', rule, at(0));
    assert.deepEqual(await limiter.peek('k', rule, at(60)), {
      allowed: true,
      remaining: 5,
      retryAfterSeconds: 0,
    });
    assert.equal(limiter.size(), 0);
  });

  it('a lockout and its backoff memory outlive the window through sweeps', async () => {
    const limiter = createMemoryAttemptLimiter({ sweepEveryWrites: 1 });
    const growing = {
      max: 1,
      windowSeconds: 10,
      backoff: { baseSeconds: 100, factor: 2, maxSeconds: 1000 },
      backoffMemorySeconds: 500,
    };
    await limiter.hit('k', growing, at(0));
    assert.equal((await limiter.hit('k', growing, at(1))).retryAfterSeconds, 100, 'locked until 101');
    await limiter.hit('other', rule, at(50)); // sweeps, long after the 10 s window
    assert.equal((await limiter.peek('k', growing, at(50))).retryAfterSeconds, 51, 'still locked');
    await limiter.hit('other', rule, at(400)); // sweeps after the lockout, within the memory
    assert.equal((await limiter.hit('k', growing, at(400))).allowed, true);
    assert.equal((await limiter.hit('k', growing, at(401))).retryAfterSeconds, 200, 'the streak was kept');
  });

  it('peek stores nothing and reset removes the key', async () => {
    const limiter = createMemoryAttemptLimiter();
    for (let i = 0; i < 50; i += 1) await limiter.peek(`peek-${i}`, rule, at(0));
    assert.equal(limiter.size(), 0);
    await limiter.hit('k', rule, at(0));
    assert.equal(limiter.size(), 1);
    await limiter.reset('k');
    assert.equal(limiter.size(), 0);
  });

  it('rejects bounds that make no sense', () => {
    assert.throws(() => createMemoryAttemptLimiter({ maxEntries: 0 }), RangeError);
    assert.throws(() => createMemoryAttemptLimiter({ sweepEveryWrites: 0.5 }), RangeError);
  });
});

describe('createAttemptLimiter', () => {
  it('without Redis: the in-process adapter', () => {
    assert.equal(createAttemptLimiter({ namespace: 'idp' }).name, 'memory');
  });

  it('with Redis: the Redis adapter (no connection needed to build it)', () => {
    const redis = new Redis({ lazyConnect: true });
    try {
      assert.equal(createAttemptLimiter({ redis, namespace: 'idp' }).name, 'redis');
    } finally {
      redis.disconnect();
    }
  });

  it('rejects namespaces with spaces or glob characters', () => {
    for (const namespace of ['', 'a b', 'idp*', 'idp?', 'x'.repeat(101)])
      assert.throws(() => createAttemptLimiter({ namespace }), RangeError, JSON.stringify(namespace));
  });
});

describe('LIMIT_RULES: Login.gov’s numbers', () => {
  const expected: Record<string, [max: number, windowSeconds: number, per: string[]]> = {
    passwordPerSession: [5, 60, ['session']],
    passwordPerAccountIp: [50, 12 * 3600, ['account', 'ip']],
    otpVerifyPerAccount: [10, 24 * 3600, ['account']],
    otpSendPerAccount: [11, 300, ['account']],
    otpSendPerDestination: [11, 300, ['destination']],
    otpSendBurstPerAccount: [2, 10, ['account']],
    otpSendBurstPerDestination: [2, 10, ['destination']],
    registrationEmail: [20, 3600, ['email']],
    passwordResetEmail: [20, 3600, ['email']],
    requestsPerIp: [300, 300, ['ip']],
    phoneProofing: [5, 6 * 3600, ['account']],
    documentCapture: [5, 6 * 3600, ['account']],
    identityResolution: [5, 6 * 3600, ['account']],
    ssnProofing: [10, 3600, ['ssn']],
  };

  it('has exactly the expected rules, with the expected numbers', () => {
    assert.deepEqual(Object.keys(LIMIT_RULES).sort(), Object.keys(expected).sort());
    for (const [name, rule] of Object.entries(LIMIT_RULES))
      assert.deepEqual([rule.max, rule.windowSeconds, [...rule.per]], expected[name], name);
  });

  it('wrong one-time codes lock for 10 minutes; passwords per account+IP back off from 12 h', () => {
    assert.equal(LIMIT_RULES.otpVerifyPerAccount.lockoutSeconds, 600);
    assert.deepEqual(LIMIT_RULES.passwordPerAccountIp.backoff, {
      baseSeconds: 12 * 3600,
      factor: 2,
      maxSeconds: 96 * 3600,
    });
    const withLockout = Object.entries(LIMIT_RULES)
      .filter(([, rule]) => 'lockoutSeconds' in rule || 'backoff' in rule)
      .map(([name]) => name);
    assert.deepEqual(withLockout.sort(), ['otpVerifyPerAccount', 'passwordPerAccountIp']);
  });

  it('only the per-IP request limit is enforced elsewhere (the web server)', () => {
    const elsewhere = Object.entries(LIMIT_RULES)
      .filter(([, rule]) => 'enforcedBy' in rule)
      .map(([name]) => name);
    assert.deepEqual(elsewhere, ['requestsPerIp']);
  });

  it('every rule is valid', () => {
    for (const rule of Object.values(LIMIT_RULES)) assert.doesNotThrow(() => assertValidRule(rule));
  });
});

describe('limitKey', () => {
  const account = fingerprint('account-1');
  const ip = fingerprint('203.0.113.7');

  it('joins the rule name and the parts', () => {
    assert.equal(limitKey('passwordPerAccountIp', account, ip), `passwordPerAccountIp:${account}:${ip}`);
    assert.equal(limitKey('otpVerifyPerAccount', '42'), 'otpVerifyPerAccount:42');
  });

  it('refuses raw emails, phone numbers and IP addresses', () => {
    for (const raw of [
      'maria.garcia@example.com',
      '+1 555 555 0123',
      '+15555550123',
      '203.0.113.7',
      '2001:db8::1',
    ])
      assert.throws(() => limitKey('registrationEmail', raw), /id or fingerprint/, raw);
  });

  it('refuses empty, overlong and separator-bearing parts', () => {
    for (const part of ['', 'x'.repeat(129), 'a:b', 'a*'])
      assert.throws(() => limitKey('otpSendPerAccount', part), RangeError, JSON.stringify(part));
  });

  it('needs exactly one part per entry of the rule’s `per`', () => {
    // @ts-expect-error -- the type forbids a missing part; this checks the runtime guard too
    assert.throws(() => limitKey('passwordPerAccountIp', account), /2 parts/);
    const extra = [account, ip] as unknown as LimitKeyParts<'otpSendPerAccount'>;
    assert.throws(() => limitKey('otpSendPerAccount', ...extra), /1 parts/);
  });

  it('refuses names that are not rules', () => {
    const name = 'toString' as 'otpSendPerAccount';
    assert.throws(() => limitKey(name, account), /no rule named toString/);
  });
});

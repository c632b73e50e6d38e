// Attempt limiter on Redis: the same behavioural contract as the in-process adapter, plus what
// only Redis has — counts shared by several servers, namespaced keys with an expiry, atomic
// concurrent hits, and a window that depends on the stored times rather than on the TTL.
// Skipped with a notice when TEST_REDIS_URL is empty; every key lives under a namespace of
// this run and is deleted at the end.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Redis } from 'ioredis';
import type { AttemptLimiter } from '#platform/ratelimit/attempt-limiter.ts';
import { createRedisAttemptLimiter } from '#platform/ratelimit/redis-attempt-limiter.ts';
import { NO_REDIS, redisUrl, unique } from '../support/db/test-databases.ts';
import { at, attemptLimiterContract, freshKey } from '../support/attempt-limiter-contract.ts';

const SKIP = redisUrl() ? false : NO_REDIS;
const namespace = unique('attempts-test-');

function connect(): Redis {
  return new Redis(redisUrl()!, { maxRetriesPerRequest: 1, connectTimeout: 5_000 });
}

async function keysUnder(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    found.push(...keys);
    cursor = next;
  } while (cursor !== '0');
  return found;
}

describe('Redis attempt limiter', { skip: SKIP, timeout: 30_000 }, () => {
  // Two connections and two limiters: two servers sharing one Redis.
  let redisA: Redis;
  let redisB: Redis;
  let serverA: AttemptLimiter;
  let serverB: AttemptLimiter;

  before(async () => {
    redisA = connect();
    redisB = connect();
    assert.equal(await redisA.ping(), 'PONG');
    serverA = createRedisAttemptLimiter(redisA, namespace);
    serverB = createRedisAttemptLimiter(redisB, namespace);
  });

  after(async () => {
    if (!redisA) return;
    const keys = await keysUnder(redisA, `${namespace}:*`);
    if (keys.length > 0) await redisA.del(...keys);
    assert.deepEqual(await keysUnder(redisA, `${namespace}:*`), [], 'no keys of this run are left');
    await Promise.all([redisA.quit(), redisB?.quit()]);
  });

  attemptLimiterContract('redis', () => serverA);

  const rule = { max: 4, windowSeconds: 60 };

  it('two servers count together: hits on either use one allowance', async () => {
    const key = freshKey();
    const answers = [];
    for (const [server, s] of [
      [serverA, 0],
      [serverB, 1],
      [serverA, 2],
      [serverB, 3],
    ] as const)
      answers.push((await server.hit(key, rule, at(s))).remaining);
    assert.deepEqual(answers, [3, 2, 1, 0]);
    assert.equal((await serverA.hit(key, rule, at(4))).allowed, false);
    assert.deepEqual(await serverB.peek(key, rule, at(5)), {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 55,
    });
    await serverB.reset(key);
    assert.deepEqual(await serverA.peek(key, rule, at(6)), {
      allowed: true,
      remaining: 4,
      retryAfterSeconds: 0,
    });
  });

  it('a lockout entered through one server refuses on the other', async () => {
    const key = freshKey();
    const locking = { max: 1, windowSeconds: 60, lockoutSeconds: 600 };
    await serverA.hit(key, locking, at(0));
    assert.equal((await serverA.hit(key, locking, at(1))).retryAfterSeconds, 600);
    assert.deepEqual(await serverB.hit(key, locking, at(101)), {
      allowed: false,
      remaining: 0,
      retryAfterSeconds: 500,
    });
  });

  it('another namespace does not share the count', async () => {
    const key = freshKey();
    const other = createRedisAttemptLimiter(redisB, `${namespace}-other`);
    try {
      for (let i = 0; i < rule.max; i += 1) await serverA.hit(key, rule, at(0));
      assert.equal((await serverA.peek(key, rule, at(0))).allowed, false);
      assert.deepEqual(await other.hit(key, rule, at(0)), {
        allowed: true,
        remaining: 3,
        retryAfterSeconds: 0,
      });
    } finally {
      await other.reset(key);
    }
  });

  it('each key is `<namespace>:<key>`, holds the caller’s times, and expires', async () => {
    const key = freshKey('shape');
    const now = new Date(Date.UTC(2001, 8, 9, 1, 46, 40)); // far from Redis's own clock
    await serverA.hit(key, rule, now);
    assert.deepEqual(await keysUnder(redisA, `*${key}*`), [`${namespace}:${key}`], 'only the namespaced key');
    const stored = await redisA.hgetall(`${namespace}:${key}`);
    assert.equal(stored.hits, String(now.getTime()), 'the time of the hit is the `now` given');
    const ttl = await redisA.pttl(`${namespace}:${key}`);
    assert.ok(ttl > 55_000 && ttl <= 60_000, `expires with the window (pttl ${ttl})`);

    const locking = { max: 1, windowSeconds: 60, lockoutSeconds: 600 };
    const locked = freshKey('shape');
    await serverA.hit(locked, locking, now);
    await serverA.hit(locked, locking, now);
    const lockTtl = await redisA.pttl(`${namespace}:${locked}`);
    assert.ok(lockTtl > 595_000 && lockTtl <= 600_000, `kept for the lockout (pttl ${lockTtl})`);

    const growing = {
      max: 1,
      windowSeconds: 60,
      backoff: { baseSeconds: 600, factor: 2, maxSeconds: 6000 },
      backoffMemorySeconds: 3600,
    };
    const backoff = freshKey('shape');
    await serverA.hit(backoff, growing, now);
    await serverA.hit(backoff, growing, now);
    const backoffTtl = await redisA.pttl(`${namespace}:${backoff}`);
    assert.ok(
      backoffTtl > 4_195_000 && backoffTtl <= 4_200_000,
      `kept for the lockout and the backoff memory (pttl ${backoffTtl})`,
    );
  });

  it('the window comes from the stored times, not from the TTL', async () => {
    const key = freshKey();
    for (let i = 0; i < rule.max; i += 1) await serverA.hit(key, rule, at(0));
    await redisA.persist(`${namespace}:${key}`); // never expires: only the times can free it
    assert.equal((await serverA.hit(key, rule, at(59.999))).allowed, false);
    assert.deepEqual(await serverA.hit(key, rule, at(60)), {
      allowed: true,
      remaining: 3,
      retryAfterSeconds: 0,
    });
  });

  it('50 concurrent hits with max 10 allow exactly 10', async () => {
    const key = freshKey();
    const ten = { max: 10, windowSeconds: 60 };
    const decisions = await Promise.all(
      Array.from({ length: 50 }, (_, i) => (i % 2 === 0 ? serverA : serverB).hit(key, ten, at(0))),
    );
    const allowed = decisions.filter((d) => d.allowed);
    assert.equal(allowed.length, 10);
    assert.deepEqual(
      allowed.map((d) => d.remaining).sort((x, y) => x - y),
      [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
      'each allowance was handed out once',
    );
    assert.ok(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterSeconds === 60));
  });

  it('keeps working after Redis forgets its scripts (restart or SCRIPT FLUSH)', async () => {
    const key = freshKey();
    assert.equal((await serverA.hit(key, rule, at(0))).remaining, 3);
    await redisA.script('FLUSH');
    assert.equal((await serverA.hit(key, rule, at(1))).remaining, 2);
    assert.equal((await serverB.hit(key, rule, at(2))).remaining, 1);
  });
});

// The behaviour every AttemptLimiter adapter must have, as one suite: the unit tests run it
// against the memory adapter and the integration tests against Redis. Time is driven through
// the `now` argument; every test uses keys of its own, so one limiter can serve the suite.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac, randomUUID } from 'node:crypto';
import type { AttemptLimiter, LimitDecision, LimitRule } from '#platform/ratelimit/attempt-limiter.ts';
import {
  LIMIT_RULES,
  limitKey,
  type LimitKeyParts,
  type LimitRuleName,
  type NamedLimitRule,
} from '#platform/ratelimit/limit-rules.ts';

const T0 = Date.UTC(2030, 0, 1, 12);
/** A moment `seconds` after the suite's fixed origin. */
export const at = (seconds: number): Date => new Date(T0 + Math.round(seconds * 1000));
/** A key no other test uses. */
export const freshKey = (label = 'k'): string => `${label}-${randomUUID()}`;
/** A stand-in for FieldCipher.fingerprint (HMAC-SHA-256, base64url). */
export const fingerprint = (value: string): string =>
  createHmac('sha256', 'contract-test-key').update(value).digest('base64url');

type Expected = [allowed: boolean, remaining: number, retryAfterSeconds: number];
const tuple = (d: LimitDecision): Expected => [d.allowed, d.remaining, d.retryAfterSeconds];

export function attemptLimiterContract(label: string, subject: () => AttemptLimiter): void {
  const limiter = () => subject();
  async function hits(key: string, rule: LimitRule, seconds: number[]): Promise<Expected[]> {
    const answers: Expected[] = [];
    for (const s of seconds) answers.push(tuple(await limiter().hit(key, rule, at(s))));
    return answers;
  }

  describe(`AttemptLimiter contract (${label})`, () => {
    it('allows max hits, counting remaining down, then refuses until the oldest leaves the window', async () => {
      const key = freshKey();
      const rule = { max: 3, windowSeconds: 60 };
      assert.deepEqual(await hits(key, rule, [0, 1, 2, 3]), [
        [true, 2, 0],
        [true, 1, 0],
        [true, 0, 0],
        [false, 0, 57],
      ]);
    });

    it('the window slides: each hit frees its slot exactly windowSeconds after it was made', async () => {
      const key = freshKey();
      const rule = { max: 2, windowSeconds: 60 };
      assert.deepEqual(await hits(key, rule, [0, 30, 59.999, 60, 61, 89.5, 90]), [
        [true, 1, 0],
        [true, 0, 0],
        [false, 0, 1], // 1 ms left, rounded up to a whole second
        [true, 0, 0], // the hit at 0 has left the window
        [false, 0, 29], // the hits at 30 and 60 remain: a fixed window would have reset here
        [false, 0, 1],
        [true, 0, 0],
      ]);
    });

    it('refused hits are not counted and do not push the wait back', async () => {
      const key = freshKey();
      const rule = { max: 1, windowSeconds: 10 };
      assert.deepEqual(await hits(key, rule, [0, 1, 5, 9, 9.999, 10]), [
        [true, 0, 0],
        [false, 0, 9],
        [false, 0, 5],
        [false, 0, 1],
        [false, 0, 1],
        [true, 0, 0],
      ]);
    });

    it('retryAfterSeconds rounds up to whole seconds and is 0 whenever allowed', async () => {
      const key = freshKey();
      const rule = { max: 1, windowSeconds: 10 };
      assert.deepEqual(await hits(key, rule, [0, 0.001, 0.5, 8.999]), [
        [true, 0, 0],
        [false, 0, 10],
        [false, 0, 10],
        [false, 0, 2],
      ]);
    });

    it('peek gives the answer a hit would get, without counting', async () => {
      const key = freshKey();
      const rule = { max: 2, windowSeconds: 60 };
      const peek = async (s: number) => tuple(await limiter().peek(key, rule, at(s)));
      assert.deepEqual(await peek(0), [true, 2, 0], 'an unknown key has the full allowance');
      for (let i = 0; i < 5; i += 1) assert.deepEqual(await peek(0), [true, 2, 0], 'peeking counts nothing');
      assert.deepEqual(await hits(key, rule, [1]), [[true, 1, 0]]);
      assert.deepEqual(await peek(2), [true, 1, 0]);
      assert.deepEqual(await hits(key, rule, [3]), [[true, 0, 0]]);
      assert.deepEqual(await peek(4), [false, 0, 57], 'at the limit: refused until the hit at 1 leaves');
      assert.deepEqual(await peek(61), [true, 1, 0]);
    });

    it('peek at the limit never starts a lockout', async () => {
      const key = freshKey();
      const rule = { max: 1, windowSeconds: 10, lockoutSeconds: 600 };
      await limiter().hit(key, rule, at(0));
      assert.deepEqual(
        tuple(await limiter().peek(key, rule, at(5))),
        [false, 0, 5],
        'the window, not the lockout',
      );
      assert.deepEqual(tuple(await limiter().peek(key, rule, at(5))), [false, 0, 5]);
      assert.deepEqual(await hits(key, rule, [10]), [[true, 0, 0]], 'no lockout was entered');
    });

    it('a lockout runs lockoutSeconds from the crossing hit, then the key starts afresh', async () => {
      const key = freshKey();
      const rule = { max: 3, windowSeconds: 60, lockoutSeconds: 600 };
      assert.deepEqual(await hits(key, rule, [0, 1, 2, 10, 100]), [
        [true, 2, 0],
        [true, 1, 0],
        [true, 0, 0],
        [false, 0, 600], // crossing at 10: locked until 610
        [false, 0, 510], // the window alone would have freed a slot at 60
      ]);
      assert.deepEqual(tuple(await limiter().peek(key, rule, at(300))), [false, 0, 310]);
      assert.deepEqual(await hits(key, rule, [609.5, 610, 611, 612, 613]), [
        [false, 0, 1], // hits during the lockout neither count nor extend it
        [true, 2, 0], // a fresh allowance of max
        [true, 1, 0],
        [true, 0, 0],
        [false, 0, 600], // and a new lockout from this crossing
      ]);
    });

    const growing = {
      max: 2,
      windowSeconds: 60,
      backoff: { baseSeconds: 60, factor: 2, maxSeconds: 300 },
      backoffMemorySeconds: 3600,
    };
    // Two allowed hits then a crossing one at `c`; returns the crossing's retryAfterSeconds.
    async function crossAt(key: string, rule: LimitRule, c: number): Promise<number> {
      const answers = await hits(key, rule, [c - 2, c - 1, c]);
      assert.deepEqual(
        answers.map((a) => a[0]),
        [true, true, false],
        `a fresh allowance, then refused (crossing at ${c})`,
      );
      return answers[2]![2];
    }

    it('backoff: each lockout entered again within the memory lasts factor times longer, up to the cap', async () => {
      const key = freshKey();
      const lockouts: number[] = [];
      let end = 0;
      for (let i = 0; i < 5; i += 1) {
        const crossing = end + 2;
        const lockout = await crossAt(key, growing, crossing);
        lockouts.push(lockout);
        end = crossing + lockout;
      }
      assert.deepEqual(lockouts, [60, 120, 240, 300, 300]);
      assert.equal(await crossAt(key, growing, end + 3601), 60, 'a crossing after the memory starts over');
    });

    it('backoff memory runs from the end of the previous lockout, its last moment included', async () => {
      const key = freshKey();
      const rule = { ...growing, backoffMemorySeconds: 100 };
      assert.equal(await crossAt(key, rule, 2), 60, 'locked until 62');
      assert.equal(
        await crossAt(key, rule, 162),
        120,
        'exactly 100 s after the end: grows; locked until 282',
      );
      assert.equal(await crossAt(key, rule, 382.001), 60, '1 ms past the memory: back to the base');
    });

    it('reset forgets counts, lockouts and the backoff streak', async () => {
      const key = freshKey();
      const locking = { max: 1, windowSeconds: 60, lockoutSeconds: 600 };
      assert.deepEqual(await hits(key, locking, [0, 1]), [
        [true, 0, 0],
        [false, 0, 600],
      ]);
      await limiter().reset(key);
      assert.deepEqual(await hits(key, locking, [2]), [[true, 0, 0]], 'the lockout is gone');

      const tripling = {
        max: 1,
        windowSeconds: 60,
        backoff: { baseSeconds: 10, factor: 3, maxSeconds: 1000 },
        backoffMemorySeconds: 3600,
      };
      const other = freshKey();
      assert.deepEqual(await hits(other, tripling, [0, 1, 11, 12]), [
        [true, 0, 0],
        [false, 0, 10],
        [true, 0, 0],
        [false, 0, 30],
      ]);
      await limiter().reset(other);
      assert.deepEqual(await hits(other, tripling, [13, 14]), [
        [true, 0, 0],
        [false, 0, 10],
      ]);
      await limiter().reset(freshKey()); // resetting an unknown key is harmless
    });

    it('keys are independent', async () => {
      const a = freshKey('a');
      const b = freshKey('b');
      const rule = { max: 1, windowSeconds: 60, lockoutSeconds: 60 };
      assert.deepEqual(await hits(a, rule, [0, 1]), [
        [true, 0, 0],
        [false, 0, 60],
      ]);
      assert.deepEqual(await hits(b, rule, [2]), [[true, 0, 0]]);
    });

    it('a hit stamped earlier than the last one (a server whose clock lags) still counts', async () => {
      const key = freshKey();
      const rule = { max: 2, windowSeconds: 60 };
      assert.deepEqual(await hits(key, rule, [10, 5, 11, 65]), [
        [true, 1, 0],
        [true, 0, 0],
        [false, 0, 54], // the hit stamped 5 is the oldest
        [true, 0, 0],
      ]);
    });

    it('rejects nonsense rules, keys and times', async () => {
      const ok = { max: 1, windowSeconds: 1 };
      const bad: [string, LimitRule][] = [
        ['max 0', { max: 0, windowSeconds: 1 }],
        ['fractional max', { max: 1.5, windowSeconds: 1 }],
        ['no window', { max: 1, windowSeconds: 0 }],
        ['negative lockout', { max: 1, windowSeconds: 1, lockoutSeconds: -1 }],
        [
          'backoff without memory',
          { max: 1, windowSeconds: 1, backoff: { baseSeconds: 1, factor: 2, maxSeconds: 2 } },
        ],
        [
          'backoff and lockout',
          {
            max: 1,
            windowSeconds: 1,
            lockoutSeconds: 1,
            backoff: { baseSeconds: 1, factor: 2, maxSeconds: 2 },
            backoffMemorySeconds: 1,
          },
        ],
        [
          'shrinking backoff',
          {
            max: 1,
            windowSeconds: 1,
            backoff: { baseSeconds: 1, factor: 0.5, maxSeconds: 2 },
            backoffMemorySeconds: 1,
          },
        ],
        ['memory without backoff', { max: 1, windowSeconds: 1, backoffMemorySeconds: 1 }],
      ];
      for (const [what, rule] of bad) {
        await assert.rejects(limiter().hit(freshKey(), rule, at(0)), RangeError, what);
        await assert.rejects(limiter().peek(freshKey(), rule, at(0)), RangeError, what);
      }
      await assert.rejects(limiter().hit('', ok, at(0)), RangeError, 'empty key');
      await assert.rejects(limiter().hit('x'.repeat(513), ok, at(0)), RangeError, 'overlong key');
      await assert.rejects(limiter().hit(freshKey(), ok, new Date(Number.NaN)), RangeError, 'invalid date');
    });

    describe('every rule in LIMIT_RULES: max allowed, then refused for its lockout or window, then allowed', () => {
      for (const [name, rule] of Object.entries(LIMIT_RULES) as [LimitRuleName, NamedLimitRule][]) {
        const wait = rule.lockoutSeconds ?? rule.backoff?.baseSeconds ?? rule.windowSeconds;
        it(`${name}: ${rule.max} per ${rule.windowSeconds} s, then ${wait} s`, async () => {
          const parts = rule.per.map((part) => fingerprint(`${part}-${randomUUID()}`));
          const key = limitKey(name, ...(parts as LimitKeyParts<typeof name>));
          const remaining: number[] = [];
          for (let i = 0; i < rule.max; i += 1) {
            const decision = await limiter().hit(key, rule, at(0));
            assert.equal(decision.allowed, true, `hit ${i + 1} of ${rule.max}`);
            remaining.push(decision.remaining);
          }
          assert.deepEqual(
            remaining,
            Array.from({ length: rule.max }, (_, i) => rule.max - 1 - i),
          );
          assert.deepEqual(tuple(await limiter().hit(key, rule, at(0))), [false, 0, wait]);
          assert.deepEqual(tuple(await limiter().hit(key, rule, at(wait - 0.001))), [false, 0, 1]);
          assert.deepEqual(tuple(await limiter().hit(key, rule, at(wait))), [true, rule.max - 1, 0]);
        });
      }
    });
  });
}

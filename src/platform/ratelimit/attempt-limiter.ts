// The attempt-limiter port: counts attempts (sign-in, one-time codes, emails) per key and
// decides whether one more is allowed, with optional lockouts and growing backoff.
// Adapters: memory-attempt-limiter.ts (one process) and redis-attempt-limiter.ts (shared);
// `createAttemptLimiter` at the end picks one.
//
// Window: a SLIDING LOG. Every counted attempt's time is kept until it is `windowSeconds`
// old, so "at most max in windowSeconds" holds for every span of that length, exactly.
// A fixed window (one counter reset every windowSeconds) would let 2 × max through around a
// window boundary — for "at most 2 codes per 10 s" that is 4 codes in a second. The cost is
// one timestamp per attempt (max ≤ 50 for our rules, see limit-rules.ts), and exact
// retryAfter values: the time until the oldest attempt leaves the window.
//
// Semantics (both adapters implement exactly this; `evaluateAttempt` is the reference):
// - Hits 1..max within the window are allowed; the hit that would be number max + 1
//   "crosses" the limit and is refused. Refused hits are never counted.
// - Without a lockout, refusal lasts until the oldest counted hit leaves the window.
// - With `lockoutSeconds` or `backoff`, crossing starts a lockout at that moment; the log is
//   cleared, so after the lockout the key has a fresh allowance of max.
// - With `backoff`, a lockout that starts within `backoffMemorySeconds` of the end of the
//   previous one lasts `factor` times longer (up to `maxSeconds`); otherwise it lasts
//   `baseSeconds`.
// - `remaining` is how many more hits would be allowed now; `retryAfterSeconds` is 0 when
//   allowed, else the whole seconds (rounded up) until a hit would be allowed.
import type { Redis } from 'ioredis';
import { createMemoryAttemptLimiter, type MemoryAttemptLimiterOptions } from './memory-attempt-limiter.ts';
import { createRedisAttemptLimiter } from './redis-attempt-limiter.ts';

export interface LimitBackoff {
  /** Length of the first lockout. */
  baseSeconds: number;
  /** Each further lockout within backoffMemorySeconds lasts this many times longer (≥ 1). */
  factor: number;
  /** Lockouts never grow beyond this. */
  maxSeconds: number;
}

export interface LimitRule {
  /** Attempts allowed within the window. */
  max: number;
  windowSeconds: number;
  /** A fixed lockout from the moment the limit is crossed (instead of waiting out the window). */
  lockoutSeconds?: number;
  /** A growing lockout (instead of lockoutSeconds). Requires backoffMemorySeconds. */
  backoff?: LimitBackoff;
  /** How long after a lockout ends a new one still counts as "again" for the backoff. */
  backoffMemorySeconds?: number;
}

export interface LimitDecision {
  allowed: boolean;
  remaining: number;
  retryAfterSeconds: number;
}

export interface AttemptLimiter {
  readonly name: string;
  /** Counts one attempt (when allowed) and answers whether it may go ahead. */
  hit(key: string, rule: LimitRule, now: Date): Promise<LimitDecision>;
  /** Whether a hit now would be allowed, counting nothing. */
  peek(key: string, rule: LimitRule, now: Date): Promise<LimitDecision>;
  /** Forgets the key: counts, lockout and backoff (e.g. after a successful sign-in). */
  reset(key: string): Promise<void>;
}

/** What is stored per key. Times are milliseconds since the epoch, from the `now` arguments. */
export interface AttemptState {
  /** Times of the counted hits still in the window (unsorted when clocks disagree). */
  hits: number[];
  /** End of the current or most recent lockout; 0 when there never was one. */
  lockedUntilMs: number;
  /** Lockouts in the current backoff streak, minus one (0 for the first). */
  strikes: number;
}

export interface Evaluation {
  decision: LimitDecision;
  /** The state to store; undefined when nothing changed. */
  next?: AttemptState;
}

const MAX_KEY_LENGTH = 512;
const checked = new WeakSet<LimitRule>();

function positive(value: number | undefined, what: string): void {
  if (value === undefined || !Number.isFinite(value) || value <= 0)
    throw new RangeError(`Limit rule: ${what} must be a positive number (got ${value})`);
}

/** Throws on a rule that makes no sense; checks each rule object once. */
export function assertValidRule(rule: LimitRule): void {
  if (checked.has(rule)) return;
  if (!Number.isInteger(rule.max) || rule.max < 1)
    throw new RangeError(`Limit rule: max must be a whole number ≥ 1 (got ${rule.max})`);
  positive(rule.windowSeconds, 'windowSeconds');
  if (rule.lockoutSeconds !== undefined) positive(rule.lockoutSeconds, 'lockoutSeconds');
  if (rule.backoff) {
    if (rule.lockoutSeconds !== undefined)
      throw new RangeError('Limit rule: give lockoutSeconds or backoff, not both');
    positive(rule.backoff.baseSeconds, 'backoff.baseSeconds');
    positive(rule.backoff.maxSeconds, 'backoff.maxSeconds');
    positive(rule.backoffMemorySeconds, 'backoffMemorySeconds');
    if (!Number.isFinite(rule.backoff.factor) || rule.backoff.factor < 1)
      throw new RangeError(`Limit rule: backoff.factor must be ≥ 1 (got ${rule.backoff.factor})`);
    if (rule.backoff.maxSeconds < rule.backoff.baseSeconds)
      throw new RangeError('Limit rule: backoff.maxSeconds must be ≥ backoff.baseSeconds');
  } else if (rule.backoffMemorySeconds !== undefined) {
    throw new RangeError('Limit rule: backoffMemorySeconds without backoff');
  }
  checked.add(rule);
}

/** Namespaces prefix Redis keys: no spaces or glob characters, so `SCAN MATCH ns:*` is exact. */
export function assertValidNamespace(namespace: string): void {
  if (!/^[A-Za-z0-9_.:-]{1,100}$/.test(namespace))
    throw new RangeError('Attempt limiter namespace: 1–100 letters, digits or _ . : -');
}

/** Validates the arguments every adapter receives; returns `now` in milliseconds. */
export function checkArguments(key: string, rule: LimitRule, now: Date): number {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH)
    throw new RangeError(`Attempt limiter: the key must be 1–${MAX_KEY_LENGTH} characters`);
  assertValidRule(rule);
  const nowMs = now instanceof Date ? now.getTime() : Number.NaN;
  if (!Number.isFinite(nowMs)) throw new RangeError('Attempt limiter: now must be a valid Date');
  return nowMs;
}

/** A refusal that may be retried after waitMs (reported in whole seconds, rounded up, ≥ 1). */
export function refused(waitMs: number): LimitDecision {
  return { allowed: false, remaining: 0, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}

/** Lockout length in ms for a lockout entered at nowMs (and the new streak), or undefined. */
function lockout(state: AttemptState, rule: LimitRule, nowMs: number): [number, number] | undefined {
  if (rule.backoff) {
    const memoryMs = rule.backoffMemorySeconds! * 1000;
    const again = state.lockedUntilMs > 0 && nowMs - state.lockedUntilMs <= memoryMs;
    const strikes = again ? state.strikes + 1 : 0;
    const { baseSeconds, factor, maxSeconds } = rule.backoff;
    return [Math.min(maxSeconds * 1000, Math.floor(baseSeconds * 1000 * factor ** strikes)), strikes];
  }
  if (rule.lockoutSeconds !== undefined) return [rule.lockoutSeconds * 1000, 0];
  return undefined;
}

/** The reference semantics, pure: the Lua script in redis-attempt-limiter.ts mirrors it. */
export function evaluateAttempt(
  stored: AttemptState | undefined,
  rule: LimitRule,
  nowMs: number,
  count: boolean,
): Evaluation {
  const windowMs = rule.windowSeconds * 1000;
  const state = stored ?? { hits: [], lockedUntilMs: 0, strikes: 0 };
  const hits = state.hits.filter((t) => t > nowMs - windowMs);
  if (state.lockedUntilMs > nowMs) return { decision: refused(state.lockedUntilMs - nowMs) };
  if (hits.length < rule.max) {
    if (!count)
      return { decision: { allowed: true, remaining: rule.max - hits.length, retryAfterSeconds: 0 } };
    hits.push(nowMs);
    return {
      decision: { allowed: true, remaining: rule.max - hits.length, retryAfterSeconds: 0 },
      next: { ...state, hits },
    };
  }
  const untilSlotFrees = Math.min(...hits) + windowMs - nowMs;
  const locking = count ? lockout(state, rule, nowMs) : undefined;
  if (!locking) return { decision: refused(untilSlotFrees) };
  const [durationMs, strikes] = locking;
  return { decision: refused(durationMs), next: { hits: [], lockedUntilMs: nowMs + durationMs, strikes } };
}

/** When the stored state stops mattering (ms): the key may be forgotten from then on. */
export function stateExpiresAt(state: AttemptState, rule: LimitRule): number {
  const newest = state.hits.length > 0 ? Math.max(...state.hits) + rule.windowSeconds * 1000 : 0;
  const memoryMs = rule.backoff ? rule.backoffMemorySeconds! * 1000 : 0;
  const lock = state.lockedUntilMs > 0 ? state.lockedUntilMs + memoryMs : 0;
  return Math.max(newest, lock);
}

export interface AttemptLimiterOptions {
  /** Shared counts across instances when given (REDIS_URL); else counts live in this process. */
  redis?: Redis;
  /** Prefix of every Redis key, e.g. the app's name. */
  namespace: string;
  /** Bounds of the in-process adapter. */
  memory?: MemoryAttemptLimiterOptions;
}

// The adapters import this module's helpers and this factory imports the adapters: the cycle
// is safe because neither adapter uses anything from here while it is being imported.
export function createAttemptLimiter(options: AttemptLimiterOptions): AttemptLimiter {
  assertValidNamespace(options.namespace);
  return options.redis
    ? createRedisAttemptLimiter(options.redis, options.namespace)
    : createMemoryAttemptLimiter(options.memory);
}

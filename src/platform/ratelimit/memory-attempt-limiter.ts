// In-process attempt limiter (one Map): the default when REDIS_URL is unset. Counts are per
// process, so several instances behind a load balancer each allow the full limit.
//
// Bounded: entries whose state has expired are swept every `sweepEveryWrites` writes, and when
// more than `maxEntries` keys are live the least recently written ones are evicted (a Map
// iterates in insertion order and every write re-inserts its key). Eviction forgets a count
// or lockout early, so size maxEntries above the keys a process sees in the longest window.
import {
  checkArguments,
  evaluateAttempt,
  stateExpiresAt,
  type AttemptLimiter,
  type AttemptState,
  type LimitDecision,
  type LimitRule,
} from './attempt-limiter.ts';

export interface MemoryAttemptLimiterOptions {
  /** Most keys kept at once (default 10,000). */
  maxEntries?: number;
  /** Drop expired keys every this many writes (default 1,000). */
  sweepEveryWrites?: number;
}

export interface MemoryAttemptLimiter extends AttemptLimiter {
  /** Keys currently held (for tests and metrics). */
  size(): number;
}

interface Entry {
  state: AttemptState;
  expiresAtMs: number;
}

export function createMemoryAttemptLimiter(options: MemoryAttemptLimiterOptions = {}): MemoryAttemptLimiter {
  const maxEntries = options.maxEntries ?? 10_000;
  const sweepEveryWrites = options.sweepEveryWrites ?? 1_000;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('maxEntries must be ≥ 1');
  if (!Number.isInteger(sweepEveryWrites) || sweepEveryWrites < 1)
    throw new RangeError('sweepEveryWrites must be ≥ 1');
  const entries = new Map<string, Entry>();
  let writes = 0;

  function live(key: string, nowMs: number): AttemptState | undefined {
    const entry = entries.get(key);
    if (entry && entry.expiresAtMs <= nowMs) {
      entries.delete(key);
      return undefined;
    }
    return entry?.state;
  }

  function store(key: string, state: AttemptState, rule: LimitRule, nowMs: number): void {
    entries.delete(key);
    entries.set(key, { state, expiresAtMs: stateExpiresAt(state, rule) });
    writes += 1;
    if (writes % sweepEveryWrites === 0) {
      for (const [k, entry] of entries) if (entry.expiresAtMs <= nowMs) entries.delete(k);
    }
    for (const oldest of entries.keys()) {
      if (entries.size <= maxEntries) break;
      entries.delete(oldest);
    }
  }

  function decide(key: string, rule: LimitRule, now: Date, count: boolean): LimitDecision {
    const nowMs = checkArguments(key, rule, now);
    const { decision, next } = evaluateAttempt(live(key, nowMs), rule, nowMs, count);
    if (next) store(key, next, rule, nowMs);
    return decision;
  }

  return {
    name: 'memory',
    async hit(key, rule, now) {
      return decide(key, rule, now, true);
    },
    async peek(key, rule, now) {
      return decide(key, rule, now, false);
    },
    async reset(key) {
      entries.delete(key);
    },
    size: () => entries.size,
  };
}

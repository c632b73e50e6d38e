// Redis attempt limiter: counts shared by every instance using the same Redis and namespace.
//
// One Lua script per call makes read-decide-write atomic, so concurrent hits from many
// servers never let more than `max` through. It mirrors `evaluateAttempt` in
// attempt-limiter.ts line for line. Each key is one hash `<namespace>:<key>` holding the
// times of the counted hits (ms, comma-separated), the lockout end and the backoff streak.
// Times come from the caller's `now`, never from Redis's clock, so the window is correct
// whatever the TTL; the TTL (PEXPIRE, relative) only lets Redis drop keys nobody needs.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import {
  assertValidNamespace,
  checkArguments,
  refused,
  type AttemptLimiter,
  type LimitDecision,
  type LimitRule,
} from './attempt-limiter.ts';

const SCRIPT = `
local now = tonumber(ARGV[1])
local count = ARGV[2] == '1'
local max = tonumber(ARGV[3])
local windowMs = tonumber(ARGV[4])
local lockoutMs = tonumber(ARGV[5])
local baseMs = tonumber(ARGV[6])
local factor = tonumber(ARGV[7])
local backoffMaxMs = tonumber(ARGV[8])
local memoryMs = tonumber(ARGV[9])

local stored = redis.call('HMGET', KEYS[1], 'hits', 'lockedUntil', 'strikes')
local hits = {}
if stored[1] then
  for t in string.gmatch(stored[1], '%d+') do
    local ms = tonumber(t)
    if ms > now - windowMs then hits[#hits + 1] = ms end
  end
end
local lockedUntil = tonumber(stored[2]) or 0
local strikes = tonumber(stored[3]) or 0

local function save()
  local expiresAt = 0
  for _, ms in ipairs(hits) do expiresAt = math.max(expiresAt, ms + windowMs) end
  if lockedUntil > 0 then expiresAt = math.max(expiresAt, lockedUntil + memoryMs) end
  if expiresAt <= now then
    redis.call('DEL', KEYS[1])
    return
  end
  local parts = {}
  for i, ms in ipairs(hits) do parts[i] = string.format('%.0f', ms) end
  redis.call('HSET', KEYS[1], 'hits', table.concat(parts, ','),
    'lockedUntil', string.format('%.0f', lockedUntil), 'strikes', strikes)
  redis.call('PEXPIRE', KEYS[1], math.ceil(expiresAt - now))
end

if lockedUntil > now then return {0, 0, lockedUntil - now} end
if #hits < max then
  if count then
    hits[#hits + 1] = now
    save()
  end
  return {1, max - #hits, 0}
end
local oldest = hits[1]
for _, ms in ipairs(hits) do oldest = math.min(oldest, ms) end
if not count or (lockoutMs <= 0 and baseMs <= 0) then return {0, 0, oldest + windowMs - now} end
local duration = lockoutMs
if baseMs > 0 then
  if lockedUntil > 0 and now - lockedUntil <= memoryMs then strikes = strikes + 1 else strikes = 0 end
  duration = math.min(backoffMaxMs, math.floor(baseMs * factor ^ strikes))
else
  strikes = 0
end
lockedUntil = now + duration
hits = {}
save()
return {0, 0, duration}
`;

const SHA = createHash('sha1').update(SCRIPT).digest('hex');

function ruleArguments(rule: LimitRule): string[] {
  const ms = (seconds: number | undefined) => String(Math.round((seconds ?? 0) * 1000));
  return [
    String(rule.max),
    ms(rule.windowSeconds),
    ms(rule.lockoutSeconds),
    ms(rule.backoff?.baseSeconds),
    String(rule.backoff?.factor ?? 1),
    ms(rule.backoff?.maxSeconds),
    ms(rule.backoff ? rule.backoffMemorySeconds : 0),
  ];
}

/** `namespace` prefixes every key (`<namespace>:<key>`); letters, digits and `_.:-` only. */
export function createRedisAttemptLimiter(redis: Redis, namespace: string): AttemptLimiter {
  assertValidNamespace(namespace);

  async function run(key: string, args: string[]): Promise<unknown> {
    try {
      return await redis.evalsha(SHA, 1, key, ...args);
    } catch (error) {
      // After a Redis restart or SCRIPT FLUSH the script is gone: send it once in full.
      if (error instanceof Error && error.message.startsWith('NOSCRIPT'))
        return await redis.eval(SCRIPT, 1, key, ...args);
      throw error;
    }
  }

  async function decide(key: string, rule: LimitRule, now: Date, count: boolean): Promise<LimitDecision> {
    const nowMs = checkArguments(key, rule, now);
    const reply = await run(`${namespace}:${key}`, [
      String(nowMs),
      count ? '1' : '0',
      ...ruleArguments(rule),
    ]);
    const [allowed, remaining, waitMs] = reply as [number, number, number];
    return allowed === 1 ? { allowed: true, remaining, retryAfterSeconds: 0 } : refused(waitMs);
  }

  return {
    name: 'redis',
    hit: (key, rule, now) => decide(key, rule, now, true),
    peek: (key, rule, now) => decide(key, rule, now, false),
    async reset(key) {
      await redis.del(`${namespace}:${key}`);
    },
  };
}

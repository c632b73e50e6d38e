// Rate limits across instances: two web servers built by createWebServer and sharing one
// Redis count requests together, so a client spreading requests over both is still
// limited. Without Redis each process counts alone (checked without any server).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import { createWebServer } from '#platform/http/web-server.ts';
import { createLogger } from '#platform/log/logger.ts';
import { errorPage } from '#platform/ui/error-page.tsx';
import { NO_REDIS, redisUrl, unique } from '../support/db/test-databases.ts';

const LIMIT = 3;

async function buildServer(name: string, redis: Redis | undefined): Promise<FastifyInstance> {
  const server = await createWebServer({
    name,
    logger: createLogger({ level: 'silent', name }),
    cookieSecret: 'a-test-cookie-secret-that-is-long-enough',
    cookiePrefix: 'rl',
    secureCookies: false,
    formActionOrigins: () => [],
    errorPage: errorPage('idp.name', '/'),
    rateLimit: { max: LIMIT, timeWindowMs: 60_000, redis },
    health: async () => ({ probe: 'ok' }),
  });
  server.get('/ping', async () => ({ pong: true }));
  return server;
}

interface Hit {
  status: number;
  remaining: string | undefined;
  code: string | undefined;
}

async function hit(server: FastifyInstance, ip = '203.0.113.7', url = '/ping'): Promise<Hit> {
  const response = await server.inject({
    method: 'GET',
    url,
    remoteAddress: ip,
    headers: { accept: 'application/json' },
  });
  const body = response.statusCode === 429 ? (response.json() as { error?: { code?: string } }) : undefined;
  const remaining = response.headers['x-ratelimit-remaining'];
  return {
    status: response.statusCode,
    remaining: remaining === undefined ? undefined : String(remaining),
    code: body?.error?.code,
  };
}

const REDIS = { skip: redisUrl() ? false : NO_REDIS, timeout: 15_000 } as const;

describe('rate limit shared through Redis by two servers', () => {
  let redis: Redis;
  let a: FastifyInstance;
  let b: FastifyInstance;
  // A namespace of its own, so reruns and parallel runs never share counts.
  const name = unique('rltest-');

  before(async () => {
    if (REDIS.skip) return;
    redis = new Redis(redisUrl()!, { maxRetriesPerRequest: 1, connectTimeout: 5_000 });
    assert.equal(await redis.ping(), 'PONG');
    a = await buildServer(name, redis);
    b = await buildServer(name, redis);
  });

  after(async () => {
    await Promise.all([a?.close(), b?.close()]);
    if (redis) {
      const keys = await redis.keys(`${name}-rl-*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });

  it('requests spread over both servers share one count and get 429 after the limit', REDIS, async () => {
    const first = await hit(a);
    const second = await hit(b);
    const third = await hit(a);
    assert.deepEqual(
      [first, second, third].map((h) => [h.status, h.remaining]),
      [
        [200, '2'],
        [200, '1'],
        [200, '0'],
      ],
      'each server sees the requests made to the other',
    );
    const fourth = await hit(b);
    assert.equal(fourth.status, 429, 'the second server refuses the fourth request overall');
    assert.equal(fourth.code, 'E429');
    assert.equal((await hit(a)).status, 429, 'and so does the first');
  });

  it('the count lives in Redis under the server’s namespace, with the window as expiry', REDIS, async () => {
    const keys = await redis.keys(`${name}-rl-*`);
    assert.ok(
      keys.some((key) => key.includes('203.0.113.7')),
      `a key for the client exists (keys: ${keys.join(', ')})`,
    );
    const key = keys.find((k) => k.includes('203.0.113.7'))!;
    assert.ok(Number(await redis.get(key)) >= LIMIT + 1);
    const ttl = await redis.pttl(key);
    assert.ok(ttl > 0 && ttl <= 60_000, `expires within the window (pttl ${ttl})`);
  });

  it('other clients keep their own allowance on both servers', REDIS, async () => {
    assert.equal((await hit(a, '198.51.100.20')).status, 200);
    assert.equal((await hit(b, '198.51.100.20')).status, 200);
    assert.equal((await hit(b, '198.51.100.21')).status, 200);
  });

  it('/healthz is never limited', REDIS, async () => {
    for (const server of [a, b, a]) {
      const response = await server.inject({ method: 'GET', url: '/healthz', remoteAddress: '203.0.113.7' });
      assert.equal(response.statusCode, 200);
      assert.equal((response.json() as { status: string }).status, 'ok');
    }
  });

  it('a browser gets the numbered 429 error page', REDIS, async () => {
    const response = await b.inject({
      method: 'GET',
      url: '/ping',
      remoteAddress: '203.0.113.7',
      headers: { accept: 'text/html' },
    });
    assert.equal(response.statusCode, 429);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.match(response.body, /E429/);
    assert.doesNotMatch(response.body, /at .*\.ts:\d+/, 'no stack trace');
  });

  it('a server with another name (namespace) does not share the count', REDIS, async () => {
    const otherName = unique('rltest-');
    const other = await buildServer(otherName, redis);
    try {
      assert.equal((await hit(a)).status, 429, 'the client is still limited on the shared namespace');
      const response = await hit(other);
      assert.deepEqual([response.status, response.remaining], [200, String(LIMIT - 1)]);
    } finally {
      await other.close();
      const keys = await redis.keys(`${otherName}-rl-*`);
      if (keys.length > 0) await redis.del(...keys);
    }
  });
});

describe('rate limit without Redis', () => {
  it('counts per process: one server refuses after the limit while another still serves the same client', async () => {
    const name = unique('rlmem-');
    const a = await buildServer(name, undefined);
    const b = await buildServer(name, undefined);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT + 1; i += 1) statuses.push((await hit(a)).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      const onB = await hit(b);
      assert.equal(onB.status, 200, 'the other process has its own count');
      assert.equal(onB.remaining, String(LIMIT - 1));
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

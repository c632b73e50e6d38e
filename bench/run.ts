// `npm run bench`: cold start of the whole system, and throughput of the signed-in tax account
// home page next to a bare Fastify "hello" server, measured in the same run. See bench/README.md.
import Fastify from 'fastify';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger } from '#platform/log/logger.ts';
import { readSystemConfig } from '../src/system/system-config.ts';
import { startSystem, type RunningSystem } from '../src/system/start-system.ts';
import { killSpawnedGroups, measureColdStart, type ColdStartResult } from './cold-start.ts';
import { freePorts } from './free-port.ts';
import { runLoad, type LoadRequest, type LoadSummary } from './load.ts';
import { signIn, verifySignedInHome } from './sign-in.ts';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONNECTIONS = 10;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 10;
const RATE_LIMIT_OVERRIDE = 1_000_000_000;
const PERSON = {
  email: 'maria.garcia@example.com',
  password: 'orange-tulip-harbor-42',
  greeting: 'Welcome, Maria',
};

const tempDirs = new Set<string>();
const makeTempDir = (label: string) => {
  const dir = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  tempDirs.add(dir);
  return dir;
};
const removeTempDir = (dir: string) => {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
};

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const integer = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const log = (line = '') => process.stdout.write(`${line}\n`);

async function coldStarts(): Promise<{ first: ColdStartResult; second: ColdStartResult }> {
  log(
    '== 1. Cold start: spawn `node --import tsx tools/start.ts` (what `npm start` runs) until both GET /healthz answer 200 (polled every 50 ms)',
  );
  const dataDir = makeTempDir('cold');
  try {
    const [identityPort, accountPort] = await freePorts(2);
    if (identityPort === undefined || accountPort === undefined) throw new Error('no free ports');
    const options = { repoRoot: REPO_ROOT, dataDir, identityPort, accountPort };
    const describe = (label: string, r: ColdStartResult) =>
      log(
        `   ${label}: ${seconds(r.readyMs)} (identity ${seconds(r.identityReadyMs)}, account ${seconds(r.accountReadyMs)}; ` +
          `start.ts says "Ready in ${r.selfReportedSeconds ?? '?'} s"; graceful stop ${r.gracefulStopMs === undefined ? 'FAILED, needed SIGKILL' : seconds(r.gracefulStopMs)})`,
      );
    const first = await measureColdStart(options);
    describe('first start (fresh data dir)', first);
    const second = await measureColdStart(options);
    describe('second start (same data dir)', second);
    return { first, second };
  } finally {
    removeTempDir(dataDir);
  }
}

interface ThroughputResults {
  hello: LoadSummary;
  account: LoadSummary;
  rssAfterStartBytes: number;
  rssBytes: number;
  maxRssBytes: number;
}

async function throughput(): Promise<ThroughputResults> {
  log();
  log(
    `== 2. Throughput: autocannon in a separate process, ${CONNECTIONS} connections, ${WARMUP_SECONDS} s warm-up then ${DURATION_SECONDS} s measured, per target`,
  );
  const dataDir = makeTempDir('system');
  let system: RunningSystem | undefined;
  const hello = Fastify();
  try {
    const [identityPort, accountPort] = await freePorts(2);
    const config = readSystemConfig({
      APP_ENV: 'test',
      DATA_DIR: dataDir,
      IDP_PORT: String(identityPort),
      ACCOUNT_PORT: String(accountPort),
      LOG_LEVEL: 'warn',
    });
    const usualMax = config.account.rateLimit.max;
    config.account.rateLimit.max = RATE_LIMIT_OVERRIDE;
    log(
      `   note: the tax account's global rate limit (${usualMax} requests per ${config.account.rateLimit.timeWindowMs / 60_000} min per IP) ` +
        `is raised to ${integer(RATE_LIMIT_OVERRIDE)} for this run; everything else is as configured for APP_ENV=test.`,
    );
    const started = performance.now();
    system = await startSystem(config, createLogger({ name: 'bench', level: 'warn' }));
    const rssAfterStartBytes = process.memoryUsage().rss;
    log(
      `   system started in this process in ${seconds(performance.now() - started)} (identity ${system.identityUrl}, account ${system.accountUrl}); RSS now ${mib(rssAfterStartBytes)}`,
    );

    const session = await signIn(system.accountUrl, PERSON);
    const headers = { cookie: session.accountCookieHeader };
    await verifySignedInHome(system.accountUrl, headers, PERSON.greeting);
    const cookieNames = session.accountCookieHeader.split('; ').map((pair) => pair.split('=')[0]);
    log(
      `   signed in through the real OIDC flow, password then an email code from the outbox (${session.trace.length} requests); GET / returns 200 with "${PERSON.greeting}"; load test sends cookies ${cookieNames.join(', ')}`,
    );

    hello.get('/', async () => 'hello');
    await hello.listen({ host: config.account.host, port: 0 });
    const helloAddress = hello.server.address();
    if (typeof helloAddress !== 'object' || !helloAddress) throw new Error('the hello server has no address');

    const load = (url: string, loadHeaders: Record<string, string>): LoadRequest => ({
      url,
      headers: loadHeaders,
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
      warmupSeconds: WARMUP_SECONDS,
    });
    const helloUrl = `http://${config.account.host}:${helloAddress.port}/`;
    const helloResult = await runLoad(load(helloUrl, {}));
    describeLoad('bare Fastify hello, GET /', helloResult);
    const accountResult = await runLoad(load(`${system.accountUrl}/`, headers));
    describeLoad('tax account home, GET / (signed in)', accountResult);

    const rssBytes = process.memoryUsage().rss;
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;
    for (const result of [helloResult, accountResult]) assertClean(result);
    // The session must still be good after the run (and the greeting still there).
    await verifySignedInHome(system.accountUrl, headers, PERSON.greeting);
    return { hello: helloResult, account: accountResult, rssAfterStartBytes, rssBytes, maxRssBytes };
  } finally {
    await hello.close();
    await system?.close();
    removeTempDir(dataDir);
  }
}

function describeLoad(label: string, r: LoadSummary): void {
  const codes = Object.entries(r.statusCodes)
    .map(([code, count]) => `${code}×${integer(count)}`)
    .join(', ');
  log(
    `   ${label}:\n      ${integer(r.requestsPerSecond)} req/s, ${integer(r.totalRequests)} requests in ${r.durationSeconds} s, ` +
      `p50 ${r.latencyP50Ms.toFixed(2)} ms, p99 ${r.latencyP99Ms.toFixed(2)} ms (autocannon's 1 ms histogram: ${r.autocannonP50Ms}/${r.autocannonP99Ms} ms), ` +
      `status ${codes || 'none'}, errors ${r.errors}, timeouts ${r.timeouts}; warm-up ${integer(r.warmupRequests)} requests, ${r.warmupNon2xx} non-2xx`,
  );
}

function assertClean(r: LoadSummary): void {
  const problems = [
    r.non2xx > 0 && `${r.non2xx} non-2xx responses`,
    r.warmupNon2xx > 0 && `${r.warmupNon2xx} non-2xx responses during warm-up`,
    r.errors > 0 && `${r.errors} connection errors`,
    r.warmupErrors > 0 && `${r.warmupErrors} connection errors during warm-up`,
    r.timeouts > 0 && `${r.timeouts} timeouts`,
    r.totalRequests === 0 && 'no requests completed',
  ].filter(Boolean);
  if (problems.length)
    throw new Error(
      `load test of ${r.url} was not clean: ${problems.join(', ')} (status codes: ${JSON.stringify(r.statusCodes)})`,
    );
}

function printTable(cold: { first: ColdStartResult; second: ColdStartResult }, t: ThroughputResults): void {
  const row = (label: string, r: LoadSummary) =>
    `  ${label.padEnd(36)}${integer(r.requestsPerSecond).padStart(12)}${r.latencyP50Ms.toFixed(2).padStart(10)}${r.latencyP99Ms.toFixed(2).padStart(10)}${String(r.non2xx).padStart(9)}`;
  const ratio = t.account.requestsPerSecond / t.hello.requestsPerSecond;
  log();
  log('== Summary');
  log(
    `  machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}, ${process.platform}/${process.arch}`,
  );
  log();
  log('  Cold start (spawn → both /healthz 200)            seconds');
  log(`  first start, fresh data dir (databases created)${seconds(cold.first.readyMs).padStart(11)}`);
  log(`  second start, same data dir (warm)             ${seconds(cold.second.readyMs).padStart(11)}`);
  log();
  log(
    `  Throughput (${CONNECTIONS} conn., ${DURATION_SECONDS} s)                    req/s    p50 ms    p99 ms  non-2xx`,
  );
  log(row('bare Fastify "hello", GET /', t.hello));
  log(row('tax account home, GET / (signed in)', t.account));
  log(
    `  ratio authenticated / hello: ${ratio.toFixed(4)} (${(ratio * 100).toFixed(2)} % of bare Fastify; hello is ${(1 / ratio).toFixed(1)}× faster)`,
  );
  log();
  log('  Memory of the benchmark process (whole system + hello server; the load generator runs elsewhere)');
  log(
    `  RSS after the throughput runs: ${mib(t.rssBytes)}   (after start-up, before load: ${mib(t.rssAfterStartBytes)}; peak: ${mib(t.maxRssBytes)})`,
  );
}

function emergencyCleanup(): void {
  killSpawnedGroups();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
}

const loadAverage = () => `${loadavg()[0]?.toFixed(2) ?? '?'} (1 min)`;

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = loadAverage();
  const busy = (loadavg()[0] ?? 0) > availableParallelism() / 2;
  if (busy)
    log(
      `warning: the machine is already busy (load average ${loadBefore} on ${availableParallelism()} cores); figures will be low and noisy.\n`,
    );
  const cold = await coldStarts();
  const results = await throughput();
  printTable(cold, results);
  log(
    `\n  (benchmark took ${seconds(performance.now() - started)}; load average before ${loadBefore}, after ${loadAverage()}, which includes the benchmark itself)`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    emergencyCleanup();
    process.exit(130);
  });
}

try {
  await main();
  process.exit(0);
} catch (error) {
  process.stderr.write(
    `\nBENCHMARK FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  emergencyCleanup();
  process.exit(1);
}

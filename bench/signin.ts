// `npm run bench:signin`: complete sign-ins per second at the identity provider (password,
// then a TOTP code), next to the raw argon2id hash rate measured in the same run, in the same
// process, with the same concurrency. Every sign-in verifies one argon2id hash, so the hash
// rate is the ceiling; the ratio says how close sign-in gets to it. See bench/README.md.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHistogram } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createLogger } from '#platform/log/logger.ts';
import { newTotpSecret, TOTP_PERIOD_SECONDS } from '../apps/identity/src/auth/mfa/totp.ts';
import type { PasswordHasher } from '../apps/identity/src/auth/password-hasher.ts';
import type { IdentityApp } from '../apps/identity/src/main.ts';
import { readSystemConfig } from '../src/system/system-config.ts';
import { startSystem, type RunningSystem } from '../src/system/start-system.ts';
import { freePorts } from './free-port.ts';
import type {
  SignInAccount,
  SignInLoadMessage,
  SignInLoadRequest,
  SignInLoadSummary,
} from './signin-child.ts';

const CORES = availableParallelism();
/**
 * Sign-ins in flight at once. Each sign-in is six requests of which one hashes, so with only
 * one per core the cores sit idle between requests; four per core keeps them busy, which is
 * what the argon2id bound assumes. SIGNIN_CONCURRENCY overrides it.
 */
const SIGNIN_CONCURRENCY = Number(process.env.SIGNIN_CONCURRENCY ?? CORES * 4);
const CONCURRENCY = CORES;
const HASH_SECONDS = 5;
const WARMUP_SECONDS = 2;
const DURATION_SECONDS = 15;
const RATE_LIMIT_OVERRIDE = 1_000_000_000;
const PASSWORD = 'bench-signin-quartz-lantern-93';
const TARGET_RATIO = 0.9;
/** Accounts per expected sign-in in one TOTP step (each account signs in at most once per step). */
const POOL_HEADROOM = 1.5;
const MIN_ACCOUNTS = 200;
const CHILD = fileURLToPath(new URL('./signin-child.ts', import.meta.url));

/** Removes the temporary data folder (also on Ctrl+C). */
let removeDataDir = (): void => undefined;

const log = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const integer = (n: number) => Math.round(n).toLocaleString('en-US');
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const loadAverage = () => `${loadavg()[0]?.toFixed(2) ?? '?'} (1 min)`;

interface HashRate {
  hashes: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  params: string;
  cpuCores: number;
}

/** argon2id hashes of one password with the app's hasher, `concurrency` at a time, for `durationSeconds`. */
async function measureHashRate(
  hasher: PasswordHasher,
  concurrency: number,
  durationSeconds: number,
): Promise<HashRate & { sample: string }> {
  // One hash per worker first (not counted): loads the code paths and sizes the thread pool.
  const [sample = ''] = await Promise.all(Array.from({ length: concurrency }, () => hasher.hash(PASSWORD)));
  const params = /^\$argon2id\$v=\d+\$(m=\d+,t=\d+,p=\d+)\$/.exec(sample)?.[1];
  if (!params) throw new Error(`the app's hasher did not produce an argon2id hash: ${sample.slice(0, 30)}…`);
  const latencyUs = createHistogram();
  let hashes = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const deadline = started + durationSeconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const t = performance.now();
        await hasher.hash(PASSWORD);
        latencyUs.record(Math.max(1, Math.round((performance.now() - t) * 1000)));
        hashes += 1;
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return {
    hashes,
    seconds: elapsedMs / 1000,
    perSecond: hashes / (elapsedMs / 1000),
    p50Ms: latencyUs.percentile(50) / 1000,
    params,
    cpuCores: (used.user + used.system) / 1000 / elapsedMs,
    sample,
  };
}

/** `count` accounts with the same password hash and one TOTP method each, straight through the repositories. */
async function createAccounts(
  identity: IdentityApp,
  count: number,
  passwordHash: string,
): Promise<SignInAccount[]> {
  const created: SignInAccount[] = [];
  const batch = 100;
  for (let first = 0; first < count; first += batch) {
    const size = Math.min(batch, count - first);
    const rows = await identity.db.transaction(async (tx) => {
      const out: SignInAccount[] = [];
      for (let i = first; i < first + size; i++) {
        const email = `bench-signin-${String(i).padStart(5, '0')}@example.com`;
        const account = await identity.accounts.create(tx, {
          email,
          givenName: 'Bench',
          familyName: `Person ${i}`,
          passwordHash,
        });
        const secret = newTotpSecret();
        const method = await identity.methods.create(tx, {
          accountId: account.id,
          kind: 'totp',
          label: 'Authentication app',
          secret,
        });
        out.push({ email, methodId: method.id, secret });
      }
      return out;
    });
    created.push(...rows);
  }
  return created;
}

interface LoadRun {
  summary: SignInLoadSummary;
  /** CPU time of this process (both apps, their argon2 threads, PGlite) during the measured window. */
  serverCpuSeconds: number;
}

/** Runs bench/signin-child.ts; reads this process's CPU time when the child opens and closes its measured window. */
function runSignIns(request: SignInLoadRequest): Promise<LoadRun> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let summary: SignInLoadSummary | undefined;
    let error: string | undefined;
    let cpuAtStart: NodeJS.CpuUsage | undefined;
    let serverCpuSeconds = 0;
    const timer = setTimeout(
      () => {
        if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
      },
      (request.warmupSeconds + request.durationSeconds + 120) * 1000,
    );
    child.on('message', (raw) => {
      const message = raw as SignInLoadMessage;
      if ('phase' in message && message.phase === 'measuring') cpuAtStart = process.cpuUsage();
      else if ('phase' in message && message.phase === 'measured') {
        const used = process.cpuUsage(cpuAtStart);
        serverCpuSeconds = (used.user + used.system) / 1e6;
      } else if ('summary' in message) summary = message.summary;
      else if ('error' in message) error = message.error;
    });
    child.once('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (error) reject(new Error(`sign-in load generator: ${error}`));
      else if (summary) resolve({ summary, serverCpuSeconds });
      else
        reject(new Error(`sign-in load generator exited (code ${code}, signal ${signal}) without a result`));
    });
    child.send(request);
  });
}

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const loadBefore = loadAverage();
  if ((loadavg()[0] ?? 0) > availableParallelism() / 2)
    log(
      `warning: the machine is already busy (load average ${loadBefore} on ${availableParallelism()} cores); figures will be low and noisy.\n`,
    );
  log(
    `== Sign-in throughput (password + TOTP) against the raw argon2id hash rate: hashes ${CONCURRENCY} at a time (= cores), sign-ins ${SIGNIN_CONCURRENCY} at a time`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-signin-'));
  removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  let system: RunningSystem | undefined;
  try {
    const [identityPort, accountPort] = await freePorts(2);
    const config = readSystemConfig({
      APP_ENV: 'test',
      DATA_DIR: dataDir,
      IDP_PORT: String(identityPort),
      ACCOUNT_PORT: String(accountPort),
      LOG_LEVEL: 'warn',
      // Benchmark on PostgreSQL by setting these (see README); embedded PGlite otherwise.
      ...(process.env.IDP_DATABASE_URL ? { IDP_DATABASE_URL: process.env.IDP_DATABASE_URL } : {}),
      ...(process.env.ACCOUNT_DATABASE_URL ? { ACCOUNT_DATABASE_URL: process.env.ACCOUNT_DATABASE_URL } : {}),
    });
    const usual = { ...config.identity.rateLimit };
    config.identity.rateLimit.max = RATE_LIMIT_OVERRIDE;
    log(
      `   note: the identity provider's global rate limit (${usual.max} requests per ${usual.timeWindowMs / 60_000} min per IP) ` +
        `is raised to ${integer(RATE_LIMIT_OVERRIDE)} for this run; everything else is as configured for APP_ENV=test.`,
    );
    const started = performance.now();
    system = await startSystem(config, createLogger({ name: 'bench', level: 'warn' }));
    const rssAfterStartBytes = process.memoryUsage().rss;
    log(
      `   system started in this process in ${seconds(performance.now() - started)} (identity ${system.identityUrl}); RSS now ${mib(rssAfterStartBytes)}`,
    );

    // 1. The ceiling: argon2id alone, with the app's hasher, in this process.
    const hashRate = await measureHashRate(system.identity.hasher, CONCURRENCY, HASH_SECONDS);
    log(
      `   argon2id (${hashRate.params}) with the app's PasswordHasher, ${CONCURRENCY} at a time for ${hashRate.seconds.toFixed(2)} s: ` +
        `${hashRate.perSecond.toFixed(1)} hashes/s (${integer(hashRate.hashes)} hashes, p50 ${hashRate.p50Ms.toFixed(1)} ms each, ${hashRate.cpuCores.toFixed(2)} cores busy)`,
    );

    // 2. Test accounts: enough that none signs in twice in one TOTP step at the hash rate.
    const accountCount = Math.max(
      MIN_ACCOUNTS,
      Math.ceil(hashRate.perSecond * TOTP_PERIOD_SECONDS * POOL_HEADROOM) + SIGNIN_CONCURRENCY,
    );
    const creating = performance.now();
    const accounts = await createAccounts(system.identity, accountCount, hashRate.sample);
    log(
      `   created ${integer(accountCount)} test accounts through the repositories in ${seconds(performance.now() - creating)} ` +
        `(one shared argon2id hash, one TOTP method each; each signs in at most once per ${TOTP_PERIOD_SECONDS} s step, round-robin)`,
    );

    // 3. Complete sign-ins, from a separate process.
    log(
      `   signing in: GET /sign-in, POST /sign-in → 303 /mfa, GET /mfa, POST /mfa/start → 303 /mfa/<id>, GET /mfa/<id>, ` +
        `POST /mfa/<id> (TOTP) → 303 /account; a fresh cookie jar each time; ${WARMUP_SECONDS} s warm-up, then ${DURATION_SECONDS} s measured`,
    );
    const { summary: s, serverCpuSeconds } = await runSignIns({
      identityUrl: system.identityUrl,
      password: PASSWORD,
      accounts,
      concurrency: SIGNIN_CONCURRENCY,
      warmupSeconds: WARMUP_SECONDS,
      durationSeconds: DURATION_SECONDS,
    });
    const rssBytes = process.memoryUsage().rss;
    const maxRssBytes = process.resourceUsage().maxRSS * 1024;

    // Every sign-in the load generator completed reached AAL2 and was recorded as such.
    const recorded = await system.identity.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM security_events WHERE kind = 'sign_in'",
    );
    const recordedSignIns = Number(recorded[0]?.n ?? 0);
    if (recordedSignIns !== s.totalSignIns)
      throw new Error(
        `the load generator completed ${s.totalSignIns} sign-ins but the identity provider recorded ${recordedSignIns} sign_in events`,
      );
    const codes = Object.entries(s.statusCodes)
      .map(([code, count]) => `${code}×${integer(count)}`)
      .join(', ');
    log(
      `   ${integer(s.signIns)} sign-ins in ${s.durationSeconds.toFixed(2)} s (status ${codes}); warm-up ${integer(s.warmupSignIns)}; ` +
        `${integer(s.totalSignIns)} in all, each recorded as a sign_in event; ${integer(s.distinctAccounts)} accounts used`,
    );

    const ratio = s.signInsPerSecond / hashRate.perSecond;
    const windowSeconds = s.durationSeconds;
    log();
    log('== Summary');
    log(
      `  machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}, ${process.platform}/${process.arch}`,
    );
    log();
    const row = (label: string, perSecond: number) =>
      log(
        `  ${label.padEnd(44)}${perSecond.toFixed(1).padStart(12)}${(perSecond / CONCURRENCY).toFixed(1).padStart(11)}`,
      );
    log(`  ${''.padEnd(44)}${'per second'.padStart(12)}${'per core'.padStart(11)}`);
    row(`raw argon2id hashes (${hashRate.params})`, hashRate.perSecond);
    row('complete sign-ins (password + TOTP)', s.signInsPerSecond);
    log(
      `  ratio sign-ins / argon2id hashes: ${ratio.toFixed(3)} (${(ratio * 100).toFixed(1)} % of the argon2id bound; ` +
        `target ≥ ${TARGET_RATIO * 100} %: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})`,
    );
    log();
    log(
      `  sign-in latency (6 requests): p50 ${s.latencyP50Ms.toFixed(1)} ms, p99 ${s.latencyP99Ms.toFixed(1)} ms, mean ${s.latencyMeanMs.toFixed(1)} ms ` +
        `(one argon2id hash alone: p50 ${hashRate.p50Ms.toFixed(1)} ms)`,
    );
    log(`  mean time per request: ${s.steps.map((x) => `${x.step} ${x.meanMs.toFixed(1)} ms`).join(', ')}`);
    log(
      `  CPU while measuring: this process (both apps, argon2 threads, PGlite) ${(serverCpuSeconds / windowSeconds).toFixed(2)} cores, ` +
        `load generator ${(s.cpuSeconds / windowSeconds).toFixed(2)} cores, of ${availableParallelism()}`,
    );
    log(
      `  RSS of this process after the run: ${mib(rssBytes)} (after start-up: ${mib(rssAfterStartBytes)}; peak: ${mib(maxRssBytes)}; the load generator runs elsewhere)`,
    );
    log(
      `\n  (benchmark took ${seconds(performance.now() - benchStarted)}; load average before ${loadBefore}, after ${loadAverage()}, which includes the benchmark itself)`,
    );
  } finally {
    await system?.close();
    removeDataDir();
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeDataDir();
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
  process.exit(1);
}

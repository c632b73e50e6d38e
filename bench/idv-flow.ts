// `npm run bench:idv-flow`: the identity-verification journey as a whole, over HTTP, on the whole
// system started in this process. Fresh accounts sign in and verify with synthetic specimen
// licences (test SSNs 900-…, a mailed letter for the address), step by step; every step's server
// time, the analysis, the whole journey, the analysis queue under 4 selfies at once, and the RSS.
// Every journey must end verified, or the benchmark fails. See bench/README.md.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { createLogger } from '#platform/log/logger.ts';
import {
  generateSpecimens,
  type WrittenSpecimen,
} from '../apps/identity/src/verification/specimens/generate-specimens.ts';
import { readSystemConfig } from '../src/system/system-config.ts';
import { startSystem, type RunningSystem } from '../src/system/start-system.ts';
import { freePorts } from './free-port.ts';
import { injectBrowser, type Upload } from '../test/support/inject-browser.ts';

const QUICK = process.argv.includes('--quick');
/** Journeys measured one after another (IDV_FLOW_JOURNEYS overrides). */
const JOURNEYS = Number(process.env.IDV_FLOW_JOURNEYS ?? (QUICK ? 4 : 12));
/** Journeys that submit their selfies at the same moment, for the analysis queue. */
const AT_ONCE = 4;
const POLL_MS = 100;
const SAMPLE_MS = 200;
const SEED = 20_261_126;
const PASSWORD = 'bench-idv-flow-cobalt-meadow-41';

const log = (line = '') => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const loadAverage = () => `${loadavg()[0]?.toFixed(2) ?? '?'} (1 min)`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fails the benchmark with what happened. */
function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

// ---------------------------------------------------------------------------------------------
// Timings.

/** The steps of the journey, in order: each is a page (GET) and its form (POST). */
const STEPS = [
  'consent',
  'how',
  'id-type',
  'document upload',
  'selfie upload',
  'details (records check)',
  'address (letter)',
  'code',
  'password (argon2id seal)',
  'personal key',
] as const;
type Step = (typeof STEPS)[number];

interface JourneyTimes {
  /** Server time of the six sign-in requests. */
  signInMs: number;
  post: Map<Step, number>;
  get: Map<Step, number>;
  /** From the selfie POST's answer until the decision is recorded. */
  analysisMs: number;
  /** Everything else the journey asks (the processing page, the status, the done page). */
  otherMs: number;
}

const journeyTotal = (t: JourneyTimes) =>
  [...t.post.values(), ...t.get.values()].reduce((a, b) => a + b, 0) + t.analysisMs + t.otherMs;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
const stats = (values: number[]) => ({
  p50: percentile(values, 50),
  p95: percentile(values, 95),
  max: Math.max(...values),
});
const ms = (value: number) => (Number.isNaN(value) ? '–' : value.toFixed(value < 10 ? 1 : 0));

// ---------------------------------------------------------------------------------------------
// A browser over inject: cookies, the last CSRF token, its own address (the per-address rate
// limit), form posts and multipart uploads; every request's server time is returned.

/** Files by path: PNG or JPEG by the name. */
const uploadOf = (path: string): Upload => ({
  bytes: readFileSync(path),
  type: extname(path).toLowerCase() === '.png' ? 'image/png' : 'image/jpeg',
});
function newClient(system: RunningSystem) {
  const browser = injectBrowser(system.identity.server, system.identityUrl);
  return {
    ...browser,
    upload: (url: string, files: Record<string, string>) =>
      browser.upload(url, Object.fromEntries(Object.entries(files).map(([k, path]) => [k, uploadOf(path)]))),
  };
}
type Client = ReturnType<typeof newClient>;
type Res = Awaited<ReturnType<Client['get']>>;

const describe = (r: Res) =>
  `${r.method} ${r.url} answered ${r.status}${r.location ? ` → ${r.location}` : ''}` +
  (r.location
    ? ''
    : `: ${r.body
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .slice(0, 300)}`);

/** The response redirects to `to` (303), or the benchmark fails with what came instead. */
function expectRedirect(r: Res, to: string): Res {
  check(r.status === 303 && r.location === to, `expected 303 → ${to}; ${describe(r)}`);
  return r;
}
function expectPage(r: Res): Res {
  check(r.status === 200, `expected a page; ${describe(r)}`);
  return r;
}

// ---------------------------------------------------------------------------------------------
// One person: an account, signed in, then the journey.

interface Person {
  specimen: WrittenSpecimen;
  ssn: string;
  email: string;
  accountId: string;
  client: Client;
  times: JourneyTimes;
}

interface OutboxMessage {
  id: number;
  channel: string;
  recipient: string;
  body: string;
}
async function outbox(system: RunningSystem): Promise<OutboxMessage[]> {
  const r = await system.identity.server.inject({
    method: 'GET',
    url: '/dev/outbox.json',
    remoteAddress: '10.94.0.1',
  });
  check(r.statusCode === 200, `GET /dev/outbox.json answered ${r.statusCode}`);
  return (r.json() as { messages: OutboxMessage[] }).messages;
}
const newest = (messages: OutboxMessage[], match: (m: OutboxMessage) => boolean) =>
  messages.filter(match).sort((a, b) => b.id - a.id)[0];

/** A fresh account (straight through the repositories, not timed) with an email code method. */
async function newPerson(
  system: RunningSystem,
  specimen: WrittenSpecimen,
  n: number,
  passwordHash: string,
): Promise<Person> {
  const id = system.identity;
  const email = `bench-idv-flow-${n}-${Date.now()}@example.com`;
  const account = await id.db.transaction((tx) =>
    id.accounts.create(tx, {
      email,
      givenName: specimen.truth.givenNames.split(' ')[0]!,
      familyName: specimen.truth.familyName,
      passwordHash,
    }),
  );
  await id.mfa.addCodeMethod(account.id, 'email', email, 'Email');
  const ssn = `900-${String(10 + Math.floor(n / 10_000)).padStart(2, '0')}-${String(1000 + (n % 9000)).padStart(4, '0')}`;
  return {
    specimen,
    ssn,
    email,
    accountId: account.id,
    client: newClient(system),
    times: { signInMs: 0, post: new Map(), get: new Map(), analysisMs: 0, otherMs: 0 },
  };
}

/** Password, then the emailed code: signed in at AAL2. Returns the server time of the six requests. */
async function signIn(system: RunningSystem, p: Person): Promise<void> {
  const c = p.client;
  const steps: Res[] = [];
  steps.push(expectPage(await c.get('/sign-in')));
  steps.push(expectRedirect(await c.post('/sign-in', { email: p.email, password: PASSWORD }), '/mfa'));
  const choice = expectPage(await c.get('/mfa'));
  steps.push(choice);
  const methodId = /name="methodId" value="([^"]+)"/.exec(choice.body)?.[1];
  check(methodId, 'the second-factor page offers no email method');
  const started = await c.post('/mfa/start', { methodId });
  steps.push(started);
  check(started.status === 303 && started.location, `POST /mfa/start: ${describe(started)}`);
  const challengeId = new URL(started.location, 'http://x').searchParams.get('challenge') ?? '';
  steps.push(expectPage(await c.get(started.location)));
  const message = newest(await outbox(system), (m) => m.recipient === p.email);
  const code = /one-time code is (\d{6})/.exec(message?.body ?? '')?.[1];
  check(code, `no emailed sign-in code for journey ${p.email}`);
  const done = await c.post(`/mfa/${methodId}`, { code, challengeId });
  steps.push(done);
  check(done.status === 303, `the emailed code was refused: ${describe(done)}`);
  p.times.signInMs = steps.reduce((sum, r) => sum + r.ms, 0);
}

/** GET the step's page, then POST its form; both timed under the step's name. */
async function step(p: Person, name: Step, page: string, submit: () => Promise<Res>, next: string) {
  const shown = expectPage(await p.client.get(page));
  p.times.get.set(name, shown.ms);
  const answer = expectRedirect(await submit(), next);
  p.times.post.set(name, answer.ms);
}

/** From consent to the selfie page (before the selfie is sent). */
async function toSelfie(p: Person): Promise<void> {
  const c = p.client;
  const files = p.specimen.files;
  check(files.back, 'a licence specimen without a back');
  await step(p, 'consent', '/verify', () => c.post('/verify', { consent: 'yes' }), '/verify/how');
  await step(
    p,
    'how',
    '/verify/how',
    () => c.post('/verify/how', { method: 'this-device' }),
    '/verify/id-type',
  );
  await step(
    p,
    'id-type',
    '/verify/id-type',
    () => c.post('/verify/id-type', { type: 'drivers-license' }),
    '/verify/document',
  );
  await step(
    p,
    'document upload',
    '/verify/document',
    () => c.upload('/verify/document', { front: files.front, back: files.back! }),
    '/verify/selfie',
  );
  p.times.get.set('selfie upload', expectPage(await c.get('/verify/selfie')).ms);
}

/** Sends the selfie; resolves with the time its answer came back. */
async function sendSelfie(p: Person): Promise<number> {
  const r = expectRedirect(
    await p.client.upload('/verify/selfie', { selfie: p.specimen.files.selfie }),
    '/verify/processing',
  );
  p.times.post.set('selfie upload', r.ms);
  return performance.now();
}

/** The processing page, then the status the page polls: the analysis must have passed. */
async function afterAnalysis(system: RunningSystem, p: Person): Promise<void> {
  const c = p.client;
  const processing = await c.get('/verify/processing');
  const status = await c.get('/verify/status');
  p.times.otherMs += processing.ms + status.ms;
  const next = (JSON.parse(status.body) as { state: string; next?: string }).next;
  if (next !== '/verify/details') {
    const flow = await system.identity.idvFlows.active(p.accountId, new Date());
    throw new Error(
      `the analysis of ${p.specimen.name} did not pass: status → ${next}, ` +
        `documentStatus ${flow?.documentStatus}, reason ${flow?.documentReason}, error ${flow?.errorCode}`,
    );
  }
}

/** Personal details, the letter, its code, the password, the personal key, the done page. */
async function fromDetails(system: RunningSystem, p: Person): Promise<void> {
  const c = p.client;
  const t = p.specimen.truth;
  check(t.address, 'a licence specimen without an address');
  const [year, month, day] = t.dateOfBirth.split('-');
  await step(
    p,
    'details (records check)',
    '/verify/details',
    () =>
      c.post('/verify/details', {
        givenName: t.givenNames,
        familyName: t.familyName,
        dobMonth: String(Number(month)),
        dobDay: String(Number(day)),
        dobYear: year!,
        tinType: 'ssn',
        tin: p.ssn,
        street: t.address!.street,
        street2: '',
        city: t.address!.city,
        state: t.address!.state,
        postalCode: t.address!.postalCode,
      }),
    '/verify/address',
  );
  await step(
    p,
    'address (letter)',
    '/verify/address',
    () => c.post('/verify/address', { method: 'mail' }),
    '/verify/address/code',
  );
  const name = `${t.givenNames} ${t.familyName}`.toLowerCase();
  const letter = newest(
    await outbox(system),
    (m) => m.channel === 'mail' && m.recipient.toLowerCase().startsWith(name),
  );
  const code = /Code: ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{2})/.exec(letter?.body ?? '')?.[1];
  check(code, `no letter with a code for ${p.specimen.name} in the outbox`);
  await step(
    p,
    'code',
    '/verify/address/code',
    () => c.post('/verify/address/code', { code }),
    '/verify/password',
  );
  await step(
    p,
    'password (argon2id seal)',
    '/verify/password',
    () => c.post('/verify/password', { password: PASSWORD }),
    '/verify/personal-key',
  );
  await step(
    p,
    'personal key',
    '/verify/personal-key',
    () => c.post('/verify/personal-key', { acknowledged: 'yes' }),
    '/verify/done',
  );
  p.times.otherMs += expectPage(await c.get('/verify/done')).ms;
}

/** The journey is completed and the verified profile (with its vault) stored. */
async function assertVerified(system: RunningSystem, p: Person): Promise<void> {
  const db = system.identity.db;
  const flows = await db.query<{ status: string }>(
    'SELECT status FROM idv_flows WHERE account_id = $1 ORDER BY created_at DESC LIMIT 1',
    [p.accountId],
  );
  check(
    flows[0]?.status === 'completed',
    `${p.specimen.name}: journey status ${flows[0]?.status ?? 'none'}, not completed`,
  );
  const profiles = await db.query<{ level: string; has_vault: boolean }>(
    'SELECT level, vault IS NOT NULL AS has_vault FROM verified_profiles WHERE account_id = $1',
    [p.accountId],
  );
  check(profiles[0]?.has_vault === true, `${p.specimen.name}: no verified_profiles row with a vault`);
  check(
    profiles[0]?.level === 'verified-facial-match',
    `${p.specimen.name}: verified_profiles level ${profiles[0]?.level}, expected verified-facial-match (the selfie matched)`,
  );
}

// ---------------------------------------------------------------------------------------------
// The analysis queue: the runner's `enqueue` is wrapped to see when each analysis was queued and
// when its decision was recorded (the runner is serial, so `idle()` right after an enqueue
// resolves when that analysis is done). Nothing else changes.

interface Queued {
  flowId: string;
  enqueuedAt: number;
  doneAt?: number;
}
function watchRunner(system: RunningSystem): Queued[] {
  const runner = system.identity.idvRunner;
  const enqueue = runner.enqueue.bind(runner);
  const seen: Queued[] = [];
  runner.enqueue = (flowId: string) => {
    const entry: Queued = { flowId, enqueuedAt: performance.now() };
    seen.push(entry);
    enqueue(flowId);
    void runner.idle().then(() => {
      entry.doneAt = performance.now();
    });
  };
  return seen;
}

/** Polls /verify/status every POLL_MS until it says done; the time it first did. */
async function pollUntilDone(p: Person, deadlineMs: number): Promise<number> {
  for (;;) {
    const r = await p.client.get('/verify/status');
    check(r.status === 200, `GET /verify/status: ${describe(r)}`);
    if ((JSON.parse(r.body) as { state: string }).state === 'done') return performance.now();
    check(performance.now() < deadlineMs, `${p.specimen.name}: the analysis did not finish in time`);
    await sleep(POLL_MS);
  }
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const benchStarted = performance.now();
  const loadBefore = loadAverage();
  if ((loadavg()[0] ?? 0) > availableParallelism() / 2)
    log(
      `warning: the machine is already busy (load average ${loadBefore} on ${availableParallelism()} cores); figures will be high and noisy.\n`,
    );
  check(Number.isInteger(JOURNEYS) && JOURNEYS >= 2, 'IDV_FLOW_JOURNEYS must be an integer ≥ 2');
  log(
    `== Identity verification journey, end to end over HTTP: ${JOURNEYS} journeys one after another, then ${AT_ONCE} with their selfies at once${QUICK ? ' (--quick)' : ''}`,
  );
  const dir = mkdtempSync(join(tmpdir(), 'bench-idv-flow-'));
  const dataDir = join(dir, 'data');
  removeDir = () => rmSync(dir, { recursive: true, force: true });

  const generating = performance.now();
  const specimens = await generateSpecimens({
    outDir: join(dir, 'specimens'),
    type: 'drivers-license',
    seed: SEED,
    count: JOURNEYS + AT_ONCE,
  });
  log(
    `   ${specimens.length} synthetic driver's licences (front, back, selfie; seed ${SEED}) generated in ${seconds(performance.now() - generating)} (not timed below)`,
  );

  // RSS, sampled every SAMPLE_MS from before the system starts.
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  }, SAMPLE_MS);

  let system: RunningSystem | undefined;
  try {
    const [identityPort, accountPort, benefitsPort] = await freePorts(3);
    const config = readSystemConfig({
      APP_ENV: 'test',
      DATA_DIR: dataDir,
      IDP_PORT: String(identityPort),
      ACCOUNT_PORT: String(accountPort),
      BENEFITS_PORT: String(benefitsPort),
      LOG_LEVEL: 'warn',
    });
    const starting = performance.now();
    system = await startSystem(config, createLogger({ name: 'bench', level: 'warn' }));
    const rssAfterStart = process.memoryUsage().rss;
    log(
      `   system started in this process in ${seconds(performance.now() - starting)} (APP_ENV=test, embedded PGlite, rate limits as configured); RSS ${mib(rssBefore)} before, ${mib(rssAfterStart)} after`,
    );
    const queue = watchRunner(system);
    const passwordHash = await system.identity.hasher.hash(PASSWORD);

    // 1. Journeys one after another: nothing else is running, so each time is one journey's.
    const people: Person[] = [];
    for (let i = 0; i < JOURNEYS; i++) {
      const p = await newPerson(system, specimens[i]!, i + 1, passwordHash);
      people.push(p);
      await signIn(system, p);
      await toSelfie(p);
      const sent = await sendSelfie(p);
      await system.identity.idvRunner.idle();
      p.times.analysisMs = performance.now() - sent;
      await afterAnalysis(system, p);
      await fromDetails(system, p);
      await assertVerified(system, p);
      log(
        `   journey ${String(i + 1).padStart(2)}/${JOURNEYS}: verified; server time ${seconds(journeyTotal(p.times))} of which analysis ${seconds(p.times.analysisMs)}`,
      );
    }

    // 2. Four journeys brought to the selfie page, then their selfies sent at the same moment.
    const batch: Person[] = [];
    for (let i = 0; i < AT_ONCE; i++) {
      const p = await newPerson(system, specimens[JOURNEYS + i]!, JOURNEYS + i + 1, passwordHash);
      batch.push(p);
      await signIn(system, p);
      await toSelfie(p);
    }
    const firstQueued = queue.length;
    const sentAt = performance.now();
    await Promise.all(batch.map((p) => sendSelfie(p)));
    const deadline = performance.now() + 170_000; // the runner gives up on an analysis after 180 s
    const seenDoneAt = await Promise.all(batch.map((p) => pollUntilDone(p, deadline)));
    await system.identity.idvRunner.idle();
    const queued = queue.slice(firstQueued);
    check(queued.length === AT_ONCE, `${queued.length} analyses queued, expected ${AT_ONCE}`);
    let previousDone = 0;
    const waits: number[] = [];
    const services: number[] = [];
    for (const q of queued) {
      check(q.doneAt !== undefined, 'an analysis never finished');
      const startedAt = Math.max(q.enqueuedAt, previousDone);
      waits.push(startedAt - q.enqueuedAt);
      services.push(q.doneAt - startedAt);
      previousDone = q.doneAt;
    }
    const batchMs = previousDone - queued[0]!.enqueuedAt;
    const perMinute = (AT_ONCE / batchMs) * 60_000;
    const seenMs = seenDoneAt.map((t) => t - sentAt);
    for (const p of batch) {
      await afterAnalysis(system, p);
      await fromDetails(system, p);
      await assertVerified(system, p);
    }
    log(
      `   ${AT_ONCE} selfies sent at once: all ${AT_ONCE} analysed in ${seconds(batchMs)}; those journeys then finished and verified too`,
    );

    const rssAfter = process.memoryUsage().rss;
    clearInterval(sampler);
    rssPeak = Math.max(rssPeak, rssAfter);
    const maxRss = process.resourceUsage().maxRSS * 1024;

    // ---- Report
    const later = people.slice(1);
    log();
    log('== Summary');
    log(
      `  machine: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.version}, ${process.platform}/${process.arch}`,
    );
    log(
      `  server time per request (Fastify inject: no network), ms, over journeys 2–${JOURNEYS} (${later.length}); journey 1 warms the code paths and loads the models`,
    );
    log();
    const head = (a: string, b: string) => `  ${a.padEnd(28)}${b}`;
    const cols = (s: { p50: number; p95: number; max: number }) =>
      `${ms(s.p50).padStart(8)}${ms(s.p95).padStart(8)}${ms(s.max).padStart(8)}`;
    log(head('step', `${'form POST'.padStart(24)}    ${'its page GET'.padStart(24)}`));
    log(
      head(
        '',
        `${'p50'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}    ${'p50'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}`,
      ),
    );
    for (const name of STEPS) {
      log(
        head(
          name,
          `${cols(stats(later.map((p) => p.times.post.get(name)!)))}    ${cols(stats(later.map((p) => p.times.get.get(name)!)))}`,
        ),
      );
      if (name === 'selfie upload')
        log(head('  analysis (selfie → decided)', cols(stats(later.map((p) => p.times.analysisMs)))));
    }
    log(head('sign-in (6 requests, before)', cols(stats(later.map((p) => p.times.signInMs)))));
    log(
      head(
        'whole journey (server time)',
        `${cols(stats(later.map((p) => journeyTotal(p.times))))}    all its GETs and POSTs + the analysis (not sign-in)`,
      ),
    );
    log();
    const first = people[0]!.times;
    log(
      `  first journey: analysis ${ms(first.analysisMs)} ms (loads the face models and the OCR worker), whole journey ${ms(journeyTotal(first))} ms`,
    );
    const w = stats(waits);
    const seen = stats(seenMs);
    log(
      `  analysis queue, ${AT_ONCE} selfies at once (the runner analyses one at a time): ${perMinute.toFixed(1)} analyses/min ` +
        `(${AT_ONCE} in ${ms(batchMs)} ms; one at a time alone: ${(60_000 / stats(later.map((p) => p.times.analysisMs)).p50).toFixed(1)}/min); ` +
        `queue wait p50 ${ms(w.p50)} ms, p95 ${ms(w.p95)} ms; each analysis p50 ${ms(stats(services).p50)} ms; ` +
        `selfie sent → status says done (polled every ${POLL_MS} ms) p50 ${ms(seen.p50)} ms, p95 ${ms(seen.p95)} ms`,
    );
    log(
      `  RSS of this process: ${mib(rssBefore)} before start-up, ${mib(rssAfterStart)} after, ${mib(rssAfter)} at the end; peak ${mib(rssPeak)} (sampled every ${SAMPLE_MS} ms; maxRSS ${mib(maxRss)})`,
    );
    log(
      `  checked: all ${people.length + batch.length} journeys completed, each with a verified_profiles row (verified-facial-match) holding a vault`,
    );
    log();
    const wholeP50 = stats(later.map((p) => journeyTotal(p.times))).p50;
    log(
      `idv-flow: ${people.length + batch.length}/${people.length + batch.length} journeys verified; whole journey p50 ${seconds(wholeP50)} server time ` +
        `(analysis p50 ${ms(stats(later.map((p) => p.times.analysisMs)).p50)} ms, first ${ms(first.analysisMs)} ms); ` +
        `${perMinute.toFixed(1)} analyses/min with ${AT_ONCE} queued; peak RSS ${mib(rssPeak)}`,
    );
    log(
      `\n  (benchmark took ${seconds(performance.now() - benchStarted)}; load average before ${loadBefore}, after ${loadAverage()}, which includes the benchmark itself)`,
    );
  } finally {
    clearInterval(sampler);
    await system?.close();
    removeDir();
  }
}

/** Removes the temporary folder (also on Ctrl+C). */
let removeDir = (): void => undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    removeDir();
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

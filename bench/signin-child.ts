// Child process of bench/signin.ts: complete sign-ins (password, then a TOTP code) at the
// identity provider, made as a browser makes them, `concurrency` at a time. It runs in its
// own process so the load generator neither shares the servers' event loop nor hides in
// their CPU time. Any unexpected status or redirect stops the run with the request trace.
import { Agent, request } from 'node:http';
import { createHistogram } from 'node:perf_hooks';
import { currentTotp, TOTP_PERIOD_SECONDS } from '../apps/identity/src/auth/mfa/totp.ts';
import { CookieJar, excerpt, findForm, inputValues } from './browser.ts';

export interface SignInAccount {
  email: string;
  /** The id of the account's TOTP method (its only second factor). */
  methodId: string;
  /** The TOTP secret (base32). */
  secret: string;
}

export interface SignInLoadRequest {
  identityUrl: string;
  password: string;
  accounts: SignInAccount[];
  concurrency: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface SignInLoadSummary {
  /** Sign-ins that finished inside the measured window (whenever they started), and the window's length. */
  signIns: number;
  durationSeconds: number;
  signInsPerSecond: number;
  /** Sign-in latency (first request to the final 303), in ms. */
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMeanMs: number;
  /** Mean time of each request of a sign-in, in ms, in order. */
  steps: { step: string; meanMs: number }[];
  /** Every status seen in the measured window, e.g. { "200": 300, "303": 300 }. */
  statusCodes: Record<string, number>;
  warmupSignIns: number;
  /** Every completed sign-in: the checked first one, warm-up, measured window and the ones still running when it closed. */
  totalSignIns: number;
  distinctAccounts: number;
  /** CPU time of this process during the measured window, in seconds. */
  cpuSeconds: number;
}

/** Child → parent: the measured window opened or closed (so the parent can read its own CPU time), or the result. */
export type SignInLoadMessage =
  { phase: 'measuring' } | { phase: 'measured' } | { summary: SignInLoadSummary } | { error: string };

const USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const STEPS = [
  'GET /sign-in',
  'POST /sign-in',
  'GET /mfa',
  'POST /mfa/start',
  'GET /mfa/<id>',
  'POST /mfa/<id>',
] as const;
type Step = (typeof STEPS)[number];

const send = (message: SignInLoadMessage, then: () => void = () => undefined) =>
  process.send?.(message, then);

process.once('message', (message) => {
  run(message as SignInLoadRequest).then(
    (summary) => send({ summary }, () => process.exit(0)),
    (error: unknown) =>
      send({ error: error instanceof Error ? error.message : String(error) }, () => process.exit(1)),
  );
});

interface Response {
  status: number;
  location: string | undefined;
  setCookie: string[];
  body: string;
}

function httpRequest(
  agent: Agent,
  method: string,
  url: URL,
  headers: Record<string, string>,
  body?: string,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers, agent, timeout: 15_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          setCookie: res.headers['set-cookie'] ?? [],
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname}: no answer within 15 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Hands out accounts round-robin so that none is used twice in one TOTP time step (the
 * identity provider accepts each step once per method) nor by two sign-ins at once.
 */
class AccountPool {
  private next = 0;
  private readonly lastStep: number[];
  private readonly busy = new Set<number>();
  readonly used = new Set<number>();

  constructor(private readonly accounts: SignInAccount[]) {
    this.lastStep = accounts.map(() => -1);
  }

  take(): { index: number; account: SignInAccount } {
    const step = totpStep(new Date());
    for (let k = 0; k < this.accounts.length; k++) {
      const index = (this.next + k) % this.accounts.length;
      if (this.busy.has(index) || this.lastStep[index]! >= step) continue;
      this.next = index + 1;
      this.busy.add(index);
      this.used.add(index);
      return { index, account: this.accounts[index]! };
    }
    throw new Error(
      `all ${this.accounts.length} test accounts were already used in this ${TOTP_PERIOD_SECONDS} s TOTP step; ` +
        'the pool is too small for this sign-in rate (bench/signin.ts sizes it from the argon2id rate)',
    );
  }

  /** The current code for the account, remembering its step. */
  code(index: number): string {
    const now = new Date();
    this.lastStep[index] = totpStep(now);
    return currentTotp(this.accounts[index]!.secret, now);
  }

  release(index: number): void {
    this.busy.delete(index);
  }
}

const totpStep = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);

async function run(req: SignInLoadRequest): Promise<SignInLoadSummary> {
  const base = new URL(req.identityUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: req.concurrency });
  const pool = new AccountPool(req.accounts);

  /** One complete sign-in with a fresh cookie jar (a new browser); returns the per-step times in ms. */
  async function signIn(): Promise<{ stepMs: number[]; statuses: number[]; jar: CookieJar }> {
    const { index, account } = pool.take();
    const jar = new CookieJar();
    const trace: string[] = [];
    const stepMs: number[] = [];
    const statuses: number[] = [];
    const call = async (
      step: Step,
      path: string,
      form: Record<string, string> | undefined,
      expected: { status: number; location?: string },
    ): Promise<Response> => {
      const url = new URL(path, base);
      const method = form ? 'POST' : 'GET';
      const headers: Record<string, string> = {
        accept: 'text/html',
        'accept-language': 'en',
        'user-agent': USER_AGENT,
      };
      const cookie = jar.header(url);
      if (cookie) headers.cookie = cookie;
      const body = form && new URLSearchParams(form).toString();
      if (body !== undefined) headers['content-type'] = 'application/x-www-form-urlencoded';
      const started = performance.now();
      const response = await httpRequest(agent, method, url, headers, body);
      stepMs.push(performance.now() - started);
      statuses.push(response.status);
      jar.store(url, response.setCookie);
      trace.push(
        `${method} ${url.pathname} → ${response.status}${response.location ? ` ${response.location}` : ''}`,
      );
      if (response.status !== expected.status || response.location !== expected.location) {
        throw new Error(
          `sign-in of ${account.email} failed at ${step}: HTTP ${response.status}` +
            `${response.location ? ` to ${response.location}` : ''}, expected ${expected.status}` +
            `${expected.location ? ` to ${expected.location}` : ''}.\n` +
            `Requests:\n  ${trace.join('\n  ')}\nPage text: ${excerpt(response.body)}`,
        );
      }
      return response;
    };
    const form = (response: Response, step: Step, suffix: string) => {
      const found = findForm(response.body, suffix);
      if (!found)
        throw new Error(
          `sign-in of ${account.email}: ${step} has no form posting to …${suffix}. Page text: ${excerpt(response.body)}`,
        );
      return found;
    };

    try {
      let page = await call('GET /sign-in', '/sign-in', undefined, { status: 200 });
      const signInForm = form(page, 'GET /sign-in', '/sign-in');
      await call(
        'POST /sign-in',
        signInForm.action,
        { _csrf: signInForm.csrf, email: account.email, password: req.password },
        { status: 303, location: '/mfa' },
      );
      page = await call('GET /mfa', '/mfa', undefined, { status: 200 });
      const chooseForm = form(page, 'GET /mfa', '/mfa/start');
      if (!inputValues(chooseForm.html, 'methodId').includes(account.methodId))
        throw new Error(`sign-in of ${account.email}: GET /mfa does not offer method ${account.methodId}`);
      await call(
        'POST /mfa/start',
        chooseForm.action,
        { _csrf: chooseForm.csrf, methodId: account.methodId },
        { status: 303, location: `/mfa/${account.methodId}` },
      );
      page = await call('GET /mfa/<id>', `/mfa/${account.methodId}`, undefined, { status: 200 });
      const codeForm = form(page, 'GET /mfa/<id>', `/mfa/${account.methodId}`);
      await call(
        'POST /mfa/<id>',
        codeForm.action,
        { _csrf: codeForm.csrf, code: pool.code(index) },
        { status: 303, location: '/account' },
      );
      return { stepMs, statuses, jar };
    } finally {
      pool.release(index);
    }
  }

  // One checked sign-in first: the account page must then open (a session at AAL2).
  const probe = await signIn();
  const accountPage = new URL('/account', base);
  const check = await httpRequest(agent, 'GET', accountPage, {
    accept: 'text/html',
    'user-agent': USER_AGENT,
    cookie: probe.jar.header(accountPage) ?? '',
  });
  if (check.status !== 200)
    throw new Error(
      `after a complete sign-in, GET /account answered ${check.status}${check.location ? ` to ${check.location}` : ''}, not 200`,
    );

  const latencyUs = createHistogram();
  const stepTotals = STEPS.map(() => 0);
  const statusCodes: Record<string, number> = {};
  let signIns = 0;
  let warmupSignIns = 0;
  let totalSignIns = 1;
  let latencySumMs = 0;
  let windowStart: number | undefined;
  let windowEnd: number | undefined;
  let cpuAtStart: NodeJS.CpuUsage | undefined;
  let cpuSeconds = 0;
  const plannedEnd = performance.now() + (req.warmupSeconds + req.durationSeconds) * 1000;
  const openTimer = setTimeout(() => {
    windowStart = performance.now();
    cpuAtStart = process.cpuUsage();
    send({ phase: 'measuring' });
  }, req.warmupSeconds * 1000);
  const closeTimer = setTimeout(
    () => {
      windowEnd = performance.now();
      const cpu = process.cpuUsage(cpuAtStart);
      cpuSeconds = (cpu.user + cpu.system) / 1e6;
      send({ phase: 'measured' });
    },
    (req.warmupSeconds + req.durationSeconds) * 1000,
  );

  let failed = false;
  const worker = async () => {
    while (!failed && performance.now() < plannedEnd) {
      const started = performance.now();
      let result: Awaited<ReturnType<typeof signIn>>;
      try {
        result = await signIn();
      } catch (error) {
        failed = true;
        throw error;
      }
      const finished = performance.now();
      totalSignIns += 1;
      // Counted by when it finished: the rate is completions per second of the window.
      if (windowStart === undefined) {
        warmupSignIns += 1;
      } else if (windowEnd === undefined) {
        signIns += 1;
        latencySumMs += finished - started;
        latencyUs.record(Math.max(1, Math.round((finished - started) * 1000)));
        result.stepMs.forEach((ms, i) => (stepTotals[i] = (stepTotals[i] ?? 0) + ms));
        for (const status of result.statuses)
          statusCodes[String(status)] = (statusCodes[String(status)] ?? 0) + 1;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: req.concurrency }, worker));
  } finally {
    clearTimeout(openTimer);
    clearTimeout(closeTimer);
  }
  // The workers stop starting sign-ins at the planned end, so the close timer has fired by now.
  if (windowStart === undefined || windowEnd === undefined)
    throw new Error('the measured window did not open and close');
  if (signIns === 0) throw new Error('no sign-in completed inside the measured window');
  const durationSeconds = (windowEnd - windowStart) / 1000;
  return {
    signIns,
    durationSeconds,
    signInsPerSecond: signIns / durationSeconds,
    latencyP50Ms: latencyUs.percentile(50) / 1000,
    latencyP99Ms: latencyUs.percentile(99) / 1000,
    latencyMeanMs: latencySumMs / signIns,
    steps: STEPS.map((step, i) => ({ step, meanMs: (stepTotals[i] ?? 0) / signIns })),
    statusCodes,
    warmupSignIns,
    totalSignIns,
    distinctAccounts: pool.used.size,
    cpuSeconds,
  };
}

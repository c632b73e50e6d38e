// `npm test`: gets what the tests need, then runs every suite with Node's test runner.
// - Chromium for the end-to-end tests: installed from Debian when missing and running as
//   root; otherwise the exact command to run is printed.
// - PostgreSQL (TEST_PG_URL) and Redis (TEST_REDIS_URL): probed; their suites are skipped
//   with a clear notice when no server answers, except in CI, where a missing server fails.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:net';

const inCi = process.env.CI === 'true';
const args = process.argv.slice(2);
const wanted = (suite: string) => args.length === 0 || args.includes(suite);

function findChromium(): string | undefined {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate;
  }
  const which = spawnSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
    encoding: 'utf8',
  });
  return which.stdout.trim() || undefined;
}

function ensureChromium(): string {
  const found = findChromium();
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    console.log(
      "Chromium is missing: installing Debian's chromium (apt-get update && apt-get install -y chromium)…",
    );
    const update = spawnSync('apt-get', ['update'], { stdio: 'inherit' });
    const install =
      update.status === 0
        ? spawnSync('apt-get', ['install', '-y', 'chromium'], {
            stdio: 'inherit',
            env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
          })
        : update;
    const installed = install.status === 0 ? findChromium() : undefined;
    if (installed) return installed;
  }
  console.error(
    "\nThe end-to-end tests need Debian's Chromium. Install it with:\n\n  sudo apt-get update && sudo apt-get install -y chromium\n\n" +
      "or point CHROMIUM_PATH at a Chromium binary. (Playwright's own browser download is not used.)\n",
  );
  process.exit(1);
}

function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.end();
      resolve(true);
    });
    socket.setTimeout(1500, () => {
      socket.destroy();
      resolve(false);
    });
    socket.on('error', () => resolve(false));
  });
}

function testFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((file) => join(folder, file))
    .filter((file) => /\.test\.tsx?$/.test(file) && statSync(file).isFile())
    .sort();
}

const pgUrl = process.env.TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const env: Record<string, string> = { ...(process.env as Record<string, string>), APP_ENV: 'test' };

const pgUp = pgUrl !== '' && (await reachable(pgUrl));
const redisUp = redisUrl !== '' && (await reachable(redisUrl));
for (const [name, up, url, variable] of [
  ['PostgreSQL', pgUp, pgUrl, 'TEST_PG_URL'],
  ['Redis', redisUp, redisUrl, 'TEST_REDIS_URL'],
] as const) {
  if (up) {
    console.log(`✔ ${name} at ${url}: its suites will run.`);
  } else if (inCi) {
    console.error(
      `✘ CI: no ${name} server at ${url || '(unset)'}; the ${name} suites must run in CI. Start it or set ${variable}.`,
    );
    process.exit(1);
  } else {
    console.log(
      `⚠ SKIPPING the ${name} suites: no server at ${url || '(unset)'} (set ${variable} to run them).`,
    );
  }
}
env.TEST_PG_URL = pgUp ? pgUrl : '';
env.TEST_REDIS_URL = redisUp ? redisUrl : '';

const files = [
  ...(wanted('unit') ? testFiles('test/unit') : []),
  ...(wanted('integration') ? testFiles('test/integration') : []),
  ...(wanted('e2e') ? testFiles('test/e2e') : []),
];
if (files.some((file) => file.startsWith('test/e2e'))) env.CHROMIUM_PATH = ensureChromium();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env,
});
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

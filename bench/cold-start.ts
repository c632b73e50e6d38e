// Cold start: spawn `node --import tsx tools/start.ts` (what `npm start` runs) (both apps, embedded PGlite) and time until both
// /healthz endpoints answer 200, polling every 50 ms. Then stop the whole process group.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ColdStartResult {
  /** Spawn → both /healthz 200, in milliseconds. */
  readyMs: number;
  /** Spawn → each /healthz 200, in milliseconds. */
  identityReadyMs: number;
  accountReadyMs: number;
  /** The "Ready in X s" that tools/start.ts prints (measured inside the process), if seen. */
  selfReportedSeconds: number | undefined;
  /** SIGTERM → every process of the group gone, in milliseconds; undefined if SIGKILL was needed. */
  gracefulStopMs: number | undefined;
}

export interface ColdStartOptions {
  repoRoot: string;
  dataDir: string;
  identityPort: number;
  accountPort: number;
  pollIntervalMs?: number;
  timeoutMs?: number;
}

/** Settings the apps read from the environment; removed so the parent's shell cannot change what is measured. */
const APP_SETTINGS = [
  'HOST',
  'IDP_ISSUER',
  'IDP_DATABASE_URL',
  'ACCOUNT_DATABASE_URL',
  'ACCOUNT_BASE_URL',
  'ACCOUNT_OIDC_ISSUER',
  'ACCOUNT_OIDC_CLIENT_ID',
  'ACCOUNT_OIDC_CLIENT_SECRET',
  'REDIS_URL',
  'SMTP_URL',
  'TRUST_PROXY',
];

/** Process groups spawned and not yet stopped, for an emergency stop on Ctrl+C. */
const liveGroups = new Set<number>();

/** SIGKILLs every process group this module started that may still run (used when the benchmark is interrupted). */
export function killSpawnedGroups(): void {
  for (const pgid of liveGroups) {
    try {
      process.kill(-pgid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  liveGroups.clear();
}

export async function measureColdStart(options: ColdStartOptions): Promise<ColdStartResult> {
  const { pollIntervalMs = 50, timeoutMs = 120_000 } = options;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of APP_SETTINGS) delete env[name];
  Object.assign(env, {
    APP_ENV: 'development',
    DATA_DIR: options.dataDir,
    IDP_PORT: String(options.identityPort),
    ACCOUNT_PORT: String(options.accountPort),
    LOG_LEVEL: 'warn',
  });
  const healthUrls = {
    identity: `http://localhost:${options.identityPort}/healthz`,
    account: `http://localhost:${options.accountPort}/healthz`,
  };

  const started = performance.now();
  // detached: its own process group, so the server and anything under it can be stopped together.
  const child = spawn(process.execPath, ['--import', 'tsx', 'tools/start.ts'], {
    cwd: options.repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  if (child.pid !== undefined) liveGroups.add(child.pid);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exitCode: number | null | undefined;
  child.once('exit', (code, signal) => (exitCode = code ?? (signal ? -1 : null)));
  const spawnError = new Promise<never>((_resolve, reject) => child.once('error', reject));
  spawnError.catch(() => undefined);

  try {
    const readyAt: { identity?: number; account?: number } = {};
    while (readyAt.identity === undefined || readyAt.account === undefined) {
      if (exitCode !== undefined)
        throw new Error(`the system exited (code ${exitCode}) before it was healthy. Its output:\n${output}`);
      if (performance.now() - started > timeoutMs)
        throw new Error(`the system was not healthy within ${timeoutMs / 1000} s. Its output:\n${output}`);
      const pending = (['identity', 'account'] as const).filter((app) => readyAt[app] === undefined);
      await Promise.race([
        spawnError,
        Promise.all(
          pending.map(async (app) => {
            if (await answers200(healthUrls[app])) readyAt[app] = performance.now() - started;
          }),
        ),
      ]);
      if (readyAt.identity === undefined || readyAt.account === undefined) await sleep(pollIntervalMs);
    }
    const selfReported = /Ready in ([\d.]+) s/.exec(output)?.[1];
    const gracefulStopMs = await stopGroup(child);
    return {
      readyMs: Math.max(readyAt.identity, readyAt.account),
      identityReadyMs: readyAt.identity,
      accountReadyMs: readyAt.account,
      selfReportedSeconds: selfReported ? Number(selfReported) : undefined,
      gracefulStopMs,
    };
  } finally {
    // Whatever happened above, leave nothing running.
    if (groupAlive(child)) await stopGroup(child);
    if (child.pid !== undefined) liveGroups.delete(child.pid);
  }
}

async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

/** Whether any process of the child's group is still running (zombies, which only wait to be reaped, do not count). */
function groupAlive(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
  } catch {
    return false;
  }
  if (!existsSync('/proc/self/stat')) return true;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp ...; comm may contain spaces and parentheses, so split after the last ')'.
    const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(pgrp) === child.pid && state !== 'Z') return true;
  }
  return false;
}

/**
 * SIGTERM to the child's process group (anything the server started stops with it), then
 * SIGKILL if anything is left after
 * 10 s. Resolves with the graceful stop time in ms, or undefined if SIGKILL was needed.
 */
async function stopGroup(child: ChildProcess, graceMs = 10_000): Promise<number | undefined> {
  if (child.pid === undefined || !groupAlive(child)) return 0;
  const pgid = child.pid;
  const started = performance.now();
  process.kill(-pgid, 'SIGTERM');
  while (performance.now() - started < graceMs) {
    await sleep(20);
    if (!groupAlive(child)) return performance.now() - started;
  }
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // Already gone.
  }
  const killed = performance.now();
  while (groupAlive(child)) {
    if (performance.now() - killed > 5000) throw new Error(`process group ${pgid} survived SIGKILL`);
    await sleep(20);
  }
  return undefined;
}

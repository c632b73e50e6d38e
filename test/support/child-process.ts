// A child process speaking one JSON object per line on standard output, for tests that kill
// workers mid-job: wait for an event, read its standard error, see how it exited.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

export interface Line {
  event: string;
  jobId?: string;
  retryCount?: number;
  paymentId?: string;
}

export interface Child {
  process: ChildProcessByStdio<null, Readable, Readable>;
  /** Resolves with the first line matching `event` (rejects if the child exits first). */
  next(event: string, ms?: number): Promise<Line>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Runs `script` (a path from the repository root) with tsx and `env` added. */
export function startChild(script: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines: Line[] = [];
  const waiters = new Set<() => void>();
  createInterface({ input: child.stdout }).on('line', (text) => {
    lines.push(JSON.parse(text) as Line);
    for (const wake of [...waiters]) wake();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  let gone = false;
  void exited.then(() => {
    gone = true;
    for (const wake of [...waiters]) wake();
  });
  return {
    process: child,
    exited,
    stderr: () => stderr,
    next: (event, ms = 20_000) =>
      new Promise<Line>((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`no "${event}" from the child within ${ms} ms`)), ms);
        const check = () => {
          const line = lines.find((l) => l.event === event);
          if (line) finish(undefined, line);
          else if (gone) finish(new Error(`the child exited before "${event}":\n${stderr}`));
        };
        const finish = (error?: Error, line?: Line) => {
          clearTimeout(timer);
          waiters.delete(check);
          if (line) resolve(line);
          else reject(error);
        };
        waiters.add(check);
        check();
      }),
  };
}

// Runs one autocannon load test in a separate process (bench/load-child.ts), so the load
// generator neither competes with the servers for their event loop nor counts in their RSS.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface LoadRequest {
  url: string;
  headers: Record<string, string>;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
}

export interface LoadSummary {
  url: string;
  /** Mean of the per-second request counts during the measured run (req/s). */
  requestsPerSecond: number;
  totalRequests: number;
  durationSeconds: number;
  /** Latency percentiles in ms, at microsecond resolution (from autocannon's per-response timings). */
  latencyP50Ms: number;
  latencyP99Ms: number;
  /** The same percentiles from autocannon's own histogram, which has 1 ms resolution. */
  autocannonP50Ms: number;
  autocannonP99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  warmupRequests: number;
  warmupNon2xx: number;
  warmupErrors: number;
}

const CHILD = fileURLToPath(new URL('./load-child.ts', import.meta.url));

export function runLoad(request: LoadRequest): Promise<LoadSummary> {
  return new Promise((resolve, reject) => {
    const child = fork(CHILD, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let summary: LoadSummary | undefined;
    const limitMs = (request.warmupSeconds + request.durationSeconds + 60) * 1000;
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    }, limitMs);
    child.once('message', (message) => {
      const reply = message as { summary?: LoadSummary; error?: string };
      if (reply.error) reject(new Error(`load generator: ${reply.error}`));
      summary = reply.summary;
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (summary) resolve(summary);
      else reject(new Error(`load generator exited (code ${code}, signal ${signal}) without a result`));
    });
    child.send(request);
  });
}

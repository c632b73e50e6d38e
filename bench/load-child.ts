// Child process of bench/load.ts: receives a LoadRequest, runs autocannon, replies with a LoadSummary.
import autocannon from 'autocannon';
import { createHistogram } from 'node:perf_hooks';
import type { LoadRequest, LoadSummary } from './load.ts';

process.once('message', (message) => {
  run(message as LoadRequest).then(
    (summary) => process.send?.({ summary }, () => process.exit(0)),
    (error: unknown) =>
      process.send?.({ error: error instanceof Error ? error.message : String(error) }, () =>
        process.exit(1),
      ),
  );
});

async function run(request: LoadRequest): Promise<LoadSummary> {
  // Response times in microseconds; autocannon's own latency histogram rounds to whole milliseconds.
  const latencyUs = createHistogram();
  const instance = autocannon({
    url: request.url,
    headers: request.headers,
    connections: request.connections,
    duration: request.durationSeconds,
    timeout: 10,
    warmup: { connections: request.connections, duration: request.warmupSeconds },
  });
  // The returned instance emits only the measured run's responses (the warm-up has its own tracker).
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTimeMs: number) => {
    latencyUs.record(Math.max(1, Math.round(responseTimeMs * 1000)));
  });
  const result = await instance;
  const warmup = result.warmup;
  return {
    url: request.url,
    requestsPerSecond: result.requests.mean,
    totalRequests: result.requests.total ?? 0,
    durationSeconds: result.duration,
    latencyP50Ms: latencyUs.percentile(50) / 1000,
    latencyP99Ms: latencyUs.percentile(99) / 1000,
    autocannonP50Ms: result.latency.p50,
    autocannonP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes: Object.fromEntries(
      Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
    ),
    warmupRequests: warmup?.requests.total ?? 0,
    warmupNon2xx: warmup?.non2xx ?? 0,
    warmupErrors: warmup?.errors ?? 0,
  };
}

// `npm run bench:money`: how many tax modules per second the money engine computes balances for,
// as of one date, on one core (the engine is synchronous, so one Node thread is one core).
// 100,000 varied modules — due dates 2019–2026 on any day of the year, filed on time, late or
// not at all, no to several payments (some overpaying), installment agreements, notices and
// levy notices — are generated first from a fixed seed (not timed), then computed in five
// rounds after a warm-up. Target: ≥ 100,000 modules per second. See bench/README.md.
import { cpus, loadavg } from 'node:os';
import { computeBalance, type MoneyScenario } from '../apps/account/src/domain/money/balance.ts';
import { mulberry32, randomScenario } from '../test/support/money-random.ts';

const MODULES = 100_000;
const ROUNDS = 5;
const TARGET = 100_000;
const AS_OF = process.env.MONEY_BENCH_AS_OF ?? '2026-11-30';
const SEED = 20_261_130;

const log = (line = '') => process.stdout.write(`${line}\n`);
const integer = (n: number) => Math.round(n).toLocaleString('en-US');

const random = mulberry32(SEED);
const modules: MoneyScenario[] = Array.from({ length: MODULES }, () =>
  randomScenario(random, { asOf: AS_OF }),
);

log(`Money engine: balances of ${integer(MODULES)} tax modules as of ${AS_OF}, on one core`);
log(
  `Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'}, load average ${loadavg()[0]?.toFixed(2)} (1 min)`,
);

/** Computes every module once: wall-clock and CPU seconds, and a checksum of the balances in cents. */
function round(): { seconds: number; cpuSeconds: number; owedCents: bigint } {
  let owedCents = 0n;
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  for (const scenario of modules) {
    const result = computeBalance(scenario);
    owedCents += BigInt(result.balanceDue.replace('.', ''));
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { seconds, cpuSeconds: (used.user + used.system) / 1e6, owedCents };
}

// Warm-up: the interest tables are built and the code is optimised before anything is timed.
for (let i = 0; i < 20_000; i++) computeBalance(modules[i]!);

const wall: number[] = [];
const cpu: number[] = [];
let checksum: bigint | undefined;
for (let i = 1; i <= ROUNDS; i++) {
  const { seconds, cpuSeconds, owedCents } = round();
  if (checksum !== undefined && owedCents !== checksum) throw new Error('Balances differ between rounds');
  checksum = owedCents;
  wall.push(MODULES / seconds);
  cpu.push(MODULES / cpuSeconds);
  log(
    `  round ${i}: ${seconds.toFixed(3)} s, ${integer(MODULES / seconds)} modules/s ` +
      `(${cpuSeconds.toFixed(3)} s of CPU: ${integer(MODULES / cpuSeconds)} modules per CPU-second)`,
  );
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perSecond = median(wall);
const perCpuSecond = median(cpu);
log();
log(
  `Total balance due of the ${integer(MODULES)} modules: $${Number(checksum! / 100n).toLocaleString('en-US')}`,
);
log(`Median ${integer(perSecond)} modules/s wall clock; ${integer(perCpuSecond)} modules per CPU-second.`);
log(
  `Target ≥ ${integer(TARGET)} modules/s on one core: ${perSecond >= TARGET ? 'met' : 'NOT met'} ` +
    `(wall clock)${perCpuSecond >= TARGET && perSecond < TARGET ? '; met per CPU-second — the machine is busy, see the load average' : ''}.`,
);
log(`Load average after: ${loadavg()[0]?.toFixed(2)} (1 min) on ${cpus().length} cores.`);

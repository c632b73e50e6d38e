// Seeded random money scenarios for the property tests and the benchmark (no dependency):
// mulberry32, a small 32-bit PRNG, so every run sees the same scenarios for the same seed.
import { formatCents } from '#platform/money/decimal.ts';
import type { MoneyScenario } from '../../apps/account/src/domain/money/balance.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
export const isoDay = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;

export interface RandomScenarioOptions {
  /** Latest asOf (and payment) date; default 2030-12-31. */
  lastDay?: string;
  /** A fixed asOf; otherwise random after the due date. */
  asOf?: string;
}

/** A varied scenario: due dates 2019–2026, all kinds of filing, payments, plans and notices. */
export function randomScenario(random: () => number, options: RandomScenarioOptions = {}): MoneyScenario {
  const int = (n: number) => Math.floor(random() * n);
  const chance = (p: number) => random() < p;
  const lastDay = dayOf(options.lastDay ?? '2030-12-31');
  const dueYear = 2019 + int(8);
  const due = chance(0.7) ? dayOf(`${dueYear}-04-15`) + int(3) : dayOf(`${dueYear}-01-01`) + int(365); // any day of the year, month ends included
  const asOf = options.asOf ? dayOf(options.asOf) : Math.min(lastDay, due + int(chance(0.3) ? 3000 : 700));
  const span = Math.max(1, asOf - due);
  const taxCents = BigInt(
    chance(0.05)
      ? 0
      : chance(0.1)
        ? int(50_000)
        : chance(0.05)
          ? 10_000_000 + int(50_000_000)
          : int(3_000_000),
  );
  const filedDate = chance(0.25)
    ? null
    : chance(0.5)
      ? isoDay(due - int(60))
      : isoDay(due + 1 + int(chance(0.5) ? 90 : 900));
  const payments: MoneyScenario['payments'] = [];
  if (chance(0.1))
    payments.push({ date: isoDay(due), amount: formatCents(BigInt(1 + int(Number(taxCents) + 10))) });
  const paymentCount = chance(0.3) ? 0 : int(6);
  for (let i = 0; i < paymentCount; i++) {
    const amount = chance(0.1)
      ? taxCents + BigInt(int(100_000))
      : BigInt(1 + int(Number(taxCents / 3n) + 5000));
    payments.push({ date: isoDay(due + int(span + 60)), amount: formatCents(amount) });
  }
  const scenario: MoneyScenario = {
    dueDate: isoDay(due),
    filedDate,
    tax: formatCents(taxCents),
    payments,
    asOf: isoDay(asOf),
  };
  if (chance(0.25)) {
    const from = due + int(span);
    scenario.installmentAgreement = { from: isoDay(from), to: chance(0.5) ? null : isoDay(from + int(900)) };
  }
  if (chance(0.5)) scenario.noticeDate = isoDay(due + int(Math.min(span + 30, 120)));
  if (chance(0.25)) scenario.levyNoticeDate = isoDay(due + int(span + 30));
  return scenario;
}

// The money engine's input and output, and their checks. `parseMoneyScenario` takes anything
// (parsed JSON) and returns a scenario or throws a MoneyInputError naming the first bad field;
// `normalizeScenario` turns a scenario into day numbers and integer cents for the engine, with
// the same checks (so `computeBalance` refuses a bad scenario the same way, with the same field).
import { parseDollars } from '#platform/money/decimal.ts';
import { formatIsoDate, parseIsoDate } from './calendar.ts';
import { FIRST_DAY, LAST_DAY } from './interest.ts';

export interface MoneyScenario {
  /** YYYY-MM-DD, the return due date. */
  dueDate: string;
  /** YYYY-MM-DD, null when not filed. */
  filedDate: string | null;
  /** Unpaid tax at the due date, dollars "1234.56". */
  tax: string;
  /** Credits after the due date (payments, offsets). */
  payments: { date: string; amount: string }[];
  installmentAgreement?: { from: string; to: string | null } | undefined;
  /** Notice and demand. */
  noticeDate?: string | null | undefined;
  /** Notice of intent to levy. */
  levyNoticeDate?: string | null | undefined;
  /** YYYY-MM-DD, may be in the future (payoff date). */
  asOf: string;
}

export interface MoneyResult {
  /** Unpaid tax remaining as of asOf. */
  tax: string;
  /** Accrued (assessed amount, less what payments covered). */
  failureToFile: string;
  failureToPay: string;
  /** Accrued through asOf, on tax and on penalties, less payments applied. */
  interest: string;
  /** tax + penalties + interest remaining; "0.00" when paid off; never negative. */
  balanceDue: string;
  /** Overpayment, "0.00" when none. */
  credit: string;
}

export class MoneyInputError extends Error {
  readonly field: string;

  constructor(field: string, problem: string) {
    super(`${field}: ${problem}`);
    this.name = 'MoneyInputError';
    this.field = field;
  }
}

/** The scenario as the engine computes with it: day numbers and integer cents. */
export interface NormalizedScenario {
  due: number;
  filed: number | null;
  taxCents: bigint;
  /** Sorted by day; several on one day stay separate. */
  payments: { day: number; cents: bigint }[];
  installment: { from: number; to: number | null } | null;
  notice: number | null;
  levyNotice: number | null;
  asOf: number;
}

const FIELDS = new Set([
  'dueDate',
  'filedDate',
  'tax',
  'payments',
  'installmentAgreement',
  'noticeDate',
  'levyNoticeDate',
  'asOf',
]);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function date(field: string, value: unknown): number {
  if (typeof value !== 'string') throw new MoneyInputError(field, 'must be a date, YYYY-MM-DD');
  const day = parseIsoDate(value);
  if (day === undefined)
    throw new MoneyInputError(field, `not a date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  return day;
}

function optionalDate(field: string, value: unknown): number | null {
  return value === null || value === undefined ? null : date(field, value);
}

function dollars(field: string, value: unknown): bigint {
  if (typeof value !== 'string')
    throw new MoneyInputError(field, 'must be a dollar amount in a string, like "1234.56"');
  let cents: bigint;
  try {
    cents = parseDollars(value);
  } catch {
    throw new MoneyInputError(field, `not a dollar amount like "1234.56": ${JSON.stringify(value)}`);
  }
  if (cents < 0n) throw new MoneyInputError(field, 'must not be negative');
  return cents;
}

function payment(value: unknown, i: number, due: number): { day: number; cents: bigint } {
  const field = () => `payments[${i}]`;
  if (!isRecord(value)) throw new MoneyInputError(field(), 'must be an object { date, amount }');
  for (const key in value) {
    if (key !== 'date' && key !== 'amount') throw new MoneyInputError(`${field()}.${key}`, 'unknown field');
  }
  // The field names are only built when something is wrong (the benchmark checks 300,000 payments).
  const day = typeof value.date === 'string' ? parseIsoDate(value.date) : undefined;
  if (day === undefined) date(`${field()}.date`, value.date); // throws, naming the problem
  if (day! < due) {
    throw new MoneyInputError(
      `${field()}.date`,
      'before dueDate (payments made by the due date are already taken off tax)',
    );
  }
  let cents: bigint | undefined;
  if (typeof value.amount === 'string') {
    try {
      cents = parseDollars(value.amount);
    } catch {
      cents = undefined;
    }
  }
  if (cents === undefined || cents < 0n) dollars(`${field()}.amount`, value.amount); // throws
  if (cents === 0n) throw new MoneyInputError(`${field()}.amount`, 'must be more than 0');
  return { day: day!, cents: cents! };
}

const FIRST = formatIsoDate(FIRST_DAY);
const LAST = formatIsoDate(LAST_DAY);

/** Checks a scenario and converts it; throws MoneyInputError naming the first bad field. */
export function normalizeScenario(scenario: MoneyScenario): NormalizedScenario {
  const due = date('dueDate', scenario.dueDate);
  if (due < FIRST_DAY) {
    throw new MoneyInputError('dueDate', `before ${FIRST}, the first day in the interest rate table`);
  }
  if (due > LAST_DAY) throw new MoneyInputError('dueDate', `after ${LAST}, the last day the engine computes`);
  const filed = optionalDate('filedDate', scenario.filedDate);
  const taxCents = dollars('tax', scenario.tax);
  if (!Array.isArray(scenario.payments))
    throw new MoneyInputError('payments', 'must be a list of { date, amount }');
  const payments: NormalizedScenario['payments'] = [];
  for (let i = 0; i < scenario.payments.length; i++) payments.push(payment(scenario.payments[i], i, due));
  payments.sort((a, b) => a.day - b.day);
  let installment: NormalizedScenario['installment'] = null;
  const plan: unknown = scenario.installmentAgreement;
  if (plan !== undefined && plan !== null) {
    if (!isRecord(plan)) throw new MoneyInputError('installmentAgreement', 'must be an object { from, to }');
    for (const key of Object.keys(plan)) {
      if (key !== 'from' && key !== 'to')
        throw new MoneyInputError(`installmentAgreement.${key}`, 'unknown field');
    }
    const from = date('installmentAgreement.from', plan.from);
    const to = optionalDate('installmentAgreement.to', plan.to);
    if (to !== null && to < from)
      throw new MoneyInputError('installmentAgreement.to', 'before installmentAgreement.from');
    installment = { from, to };
  }
  const notice = optionalDate('noticeDate', scenario.noticeDate);
  if (notice !== null && notice < due) throw new MoneyInputError('noticeDate', 'before dueDate');
  const levyNotice = optionalDate('levyNoticeDate', scenario.levyNoticeDate);
  if (levyNotice !== null && levyNotice < due) throw new MoneyInputError('levyNoticeDate', 'before dueDate');
  const asOf = date('asOf', scenario.asOf);
  if (asOf > LAST_DAY) throw new MoneyInputError('asOf', `after ${LAST}, the last day the engine computes`);
  return { due, filed, taxCents, payments, installment, notice, levyNotice, asOf };
}

/**
 * Checks untrusted input (parsed JSON) and returns it as a MoneyScenario. Unknown fields are
 * refused (a misspelt "noticedate" would otherwise be silently ignored); null stands for a
 * missing optional field. Throws MoneyInputError naming the first bad field.
 */
export function parseMoneyScenario(input: unknown): MoneyScenario {
  if (!isRecord(input)) throw new MoneyInputError('scenario', 'must be a JSON object');
  for (const key of Object.keys(input)) {
    if (!FIELDS.has(key)) throw new MoneyInputError(key, 'unknown field');
  }
  for (const key of ['dueDate', 'tax', 'asOf'] as const) {
    if (input[key] === undefined) throw new MoneyInputError(key, 'missing');
  }
  if (!('filedDate' in input)) throw new MoneyInputError('filedDate', 'missing (null when not filed)');
  if (input.payments === undefined) throw new MoneyInputError('payments', 'missing ([] when none)');
  const plan = input.installmentAgreement;
  const scenario = {
    dueDate: input.dueDate,
    filedDate: input.filedDate ?? null,
    tax: input.tax,
    payments: input.payments,
    installmentAgreement: plan ?? undefined,
    noticeDate: input.noticeDate ?? null,
    levyNoticeDate: input.levyNoticeDate ?? null,
    asOf: input.asOf,
  } as MoneyScenario;
  normalizeScenario(scenario); // every check, naming the field
  // Checked: a clean copy with only the known fields.
  const agreement = scenario.installmentAgreement;
  return {
    dueDate: scenario.dueDate,
    filedDate: scenario.filedDate,
    tax: scenario.tax,
    payments: scenario.payments.map((p) => ({ date: p.date, amount: p.amount })),
    ...(agreement ? { installmentAgreement: { from: agreement.from, to: agreement.to ?? null } } : {}),
    noticeDate: scenario.noticeDate ?? null,
    levyNoticeDate: scenario.levyNoticeDate ?? null,
    asOf: scenario.asOf,
  };
}

// The development ACH rails: stand in for the agency's ACH originator so a person can pay from
// a bank account on a laptop and see a debit settle or come back returned. Each accepted debit
// is recorded the way an originating bank would (table dev_bank_debits, shown at /dev/payments)
// with the routing number and only the LAST FOUR digits of the account number.
//
// Test accounts (DEV_TEST_BANK_ACCOUNTS), by how the account number starts:
//   000111… returned R01 (insufficient funds)   000222… returned R02 (account closed)
//   000333… returned R03 (no account)           000999… the rails cannot answer (error)
//   anything else settles.
// Since only the last four digits are kept, the return code is decided when the debit is
// submitted and stored in return_code while the debit is still 'accepted'; it shows only
// when status() is asked on or after the settlement day.
// Timing: a debit settles (or is returned) when `today` is at least one business day after
// its effective date (addBusinessDays(effectiveDate, 1): weekends and observed federal
// holidays do not count). Real returns can come up to two banking days later (R01–R03), or
// 60 days for unauthorised debits; the development rails keep it to one day.
// Unknown banks (DEV_UNKNOWN_ROUTING_NUMBERS): routing numbers that pass the checksum but are
// no taxpayer's bank answer 'unknown_routing_number', as do numbers parseRoutingNumber refuses.
//
// Idempotency (bank-rails.ts): INSERT … ON CONFLICT (idempotency_key) DO NOTHING, then SELECT.
// 'rejected' and 'error' record nothing, and return the key's accepted debit if it has one.
import { randomBytes } from 'node:crypto';
import type { Queryable } from '#platform/db/database.ts';
import { parseAccountNumber } from '../domain/payments/bank-account.ts';
import { addBusinessDays, isCoveredByHolidayCalendar } from '../domain/payments/federal-holidays.ts';
import { parseRoutingNumber } from '../domain/payments/routing-number.ts';
import type { BankRails, DebitRequest, DebitStatus, DebitSubmission } from './bank-rails.ts';

export const DEV_BANK_RAILS_NAME = 'development';

export type DevBankAccountResult = { state: 'returned'; returnCode: string } | { state: 'rails_unavailable' };

export interface DevTestBankAccount {
  /** Account numbers starting with these digits behave as below. */
  prefix: string;
  /** An example account number to type. */
  example: string;
  result: DevBankAccountResult;
  /** NACHA's name for the return code, or what the error shows. */
  meaning: string;
}

export const DEV_TEST_BANK_ACCOUNTS: readonly DevTestBankAccount[] = [
  {
    prefix: '000111',
    example: '000111222333',
    result: { state: 'returned', returnCode: 'R01' },
    meaning: 'Returned R01: insufficient funds',
  },
  {
    prefix: '000222',
    example: '000222333444',
    result: { state: 'returned', returnCode: 'R02' },
    meaning: 'Returned R02: account closed',
  },
  {
    prefix: '000333',
    example: '000333444555',
    result: { state: 'returned', returnCode: 'R03' },
    meaning: 'Returned R03: no account / unable to locate account',
  },
  {
    prefix: '000999',
    example: '000999888777',
    result: { state: 'rails_unavailable' },
    meaning: 'The rails cannot answer: nothing is submitted or recorded; every try with this account fails',
  },
];

export interface DevUnknownRoutingNumber {
  routingNumber: string;
  meaning: string;
}

/** Checksum-valid routing numbers where no taxpayer's bank answers. */
export const DEV_UNKNOWN_ROUTING_NUMBERS: readonly DevUnknownRoutingNumber[] = [
  {
    routingNumber: '011000015',
    meaning: 'The Federal Reserve Bank of Boston: a central bank, not a bank that holds taxpayers’ accounts',
  },
];

/** A routing number of a real bank's format that settles, for people trying the rails. */
export const DEV_EXAMPLE_ROUTING_NUMBER = '021000021';

export type DevDebitDecision =
  { outcome: 'accepted'; returnCode: string | undefined } | { outcome: 'rejected' } | { outcome: 'error' };

/** What the development rails answer for a debit, before idempotency (pure). */
export function devDebitDecision(routingNumber: string, accountNumber: string): DevDebitDecision {
  const routing = parseRoutingNumber(routingNumber);
  if (!routing.ok || DEV_UNKNOWN_ROUTING_NUMBERS.some((r) => r.routingNumber === routing.routingNumber)) {
    return { outcome: 'rejected' };
  }
  const test = DEV_TEST_BANK_ACCOUNTS.find((a) => accountNumber.startsWith(a.prefix));
  if (test?.result.state === 'rails_unavailable') return { outcome: 'error' };
  return { outcome: 'accepted', returnCode: test?.result.returnCode };
}

/** The first day the development rails settle (or return) a debit: one business day after. */
export function devDebitSettlesOn(effectiveDate: string): string {
  return addBusinessDays(effectiveDate, 1);
}

/** A debit's status on `today`, from its effective date and the return code decided at submission. */
export function devDebitStatusOn(
  effectiveDate: string,
  returnCode: string | null,
  today: string,
): DebitStatus {
  if (today < devDebitSettlesOn(effectiveDate)) return { state: 'pending' };
  return returnCode ? { state: 'returned', returnCode } : { state: 'settled' };
}

/** 15 digits, like a NACHA trace number (ODFI routing prefix + sequence); here random. */
function newTraceNumber(): string {
  return (randomBytes(8).readBigUInt64BE() % 10n ** 15n).toString().padStart(15, '0');
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export interface DevBankRailsOptions {
  now?: () => Date;
}

export function createDevBankRails(db: Queryable, options: DevBankRailsOptions = {}): BankRails {
  const now = options.now ?? (() => new Date());

  async function accepted(idempotencyKey: string): Promise<DebitSubmission | undefined> {
    const [row] = await db.query<{ trace_number: string }>(
      'SELECT trace_number FROM dev_bank_debits WHERE idempotency_key = $1',
      [idempotencyKey],
    );
    return row ? { outcome: 'accepted', traceNumber: row.trace_number } : undefined;
  }

  return {
    name: DEV_BANK_RAILS_NAME,
    async submitDebit(req: DebitRequest): Promise<DebitSubmission> {
      if (req.idempotencyKey === '') throw new TypeError('A debit needs an idempotency key');
      if (req.amountCents <= 0n) throw new RangeError('A debit must be for more than $0');
      if (!DATE.test(req.effectiveDate) || !isCoveredByHolidayCalendar(req.effectiveDate)) {
        throw new RangeError(`Effective date outside the business-day calendar: ${req.effectiveDate}`);
      }
      const account = parseAccountNumber(req.accountNumber);
      if (!account.ok) throw new TypeError(`Account number refused (${account.problem}); check it first`);
      const decision = devDebitDecision(req.routingNumber, account.accountNumber);
      if (decision.outcome === 'rejected') {
        return (
          (await accepted(req.idempotencyKey)) ?? { outcome: 'rejected', reason: 'unknown_routing_number' }
        );
      }
      if (decision.outcome === 'error') {
        return (await accepted(req.idempotencyKey)) ?? { outcome: 'error', reason: 'rails_unavailable' };
      }
      await db.query(
        `INSERT INTO dev_bank_debits
           (idempotency_key, trace_number, routing_number, account_last4, account_type, amount_cents,
            effective_date, outcome, return_code, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'accepted', $8, $9)
         ON CONFLICT (idempotency_key) DO NOTHING`,
        [
          req.idempotencyKey,
          newTraceNumber(),
          req.routingNumber,
          account.accountNumber.slice(-4),
          req.accountType,
          req.amountCents.toString(),
          req.effectiveDate,
          decision.returnCode ?? null,
          now(),
        ],
      );
      const result = await accepted(req.idempotencyKey);
      if (!result) throw new Error('dev_bank_debits: the debit just recorded is missing');
      return result;
    },

    async status(traceNumber: string, today: string): Promise<DebitStatus> {
      const [row] = await db.query<{ effective_date: string; outcome: string; return_code: string | null }>(
        'SELECT effective_date::text AS effective_date, outcome, return_code FROM dev_bank_debits WHERE trace_number = $1',
        [traceNumber],
      );
      if (!row) throw new Error(`No debit with trace number ${traceNumber}`);
      if (row.outcome === 'settled') return { state: 'settled' };
      if (row.outcome === 'returned') {
        if (!row.return_code)
          throw new Error(`dev_bank_debits: returned debit ${traceNumber} has no return code`);
        return { state: 'returned', returnCode: row.return_code };
      }
      const status = devDebitStatusOn(row.effective_date, row.return_code, today);
      if (status.state !== 'pending') {
        await db.query(
          "UPDATE dev_bank_debits SET outcome = $2 WHERE trace_number = $1 AND outcome = 'accepted'",
          [traceNumber, status.state],
        );
      }
      return status;
    },
  };
}

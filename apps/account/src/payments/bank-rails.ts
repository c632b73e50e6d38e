// The bank-rails port: how the tax account debits a bank account through ACH (Direct Pay, a
// direct-debit payment plan; issue #8). A real adapter talks to the agency's ACH originator
// (its bank or the Treasury's); in development, dev-bank-rails.ts stands in.
//
// Contract, for every adapter:
// - submitDebit is idempotent by idempotencyKey: the same key always answers the first
//   accepted submission's trace number and never debits twice, concurrent calls included.
//   'rejected' and 'error' record nothing ('error': safe to retry with the same key).
// - The caller has already checked the routing number (routing-number.ts: format, prefix,
//   checksum) and the account number (bank-account.ts); 'unknown_routing_number' is the rails
//   saying no bank answers at that number.
// - status(traceNumber, today) says where the debit is on the agency's date `today`
//   (YYYY-MM-DD): pending, settled, or returned with a NACHA return code (R01 insufficient
//   funds, R02 account closed, R03 no account …). Asking again never changes the answer once
//   it is settled or returned.
import type { AccountType } from '../domain/payments/bank-account.ts';

export interface DebitRequest {
  idempotencyKey: string;
  /** Nine digits, checked with parseRoutingNumber. */
  routingNumber: string;
  /** Digits only, checked with parseAccountNumber. Adapters keep at most the last four. */
  accountNumber: string;
  accountType: AccountType;
  /** > 0. */
  amountCents: bigint;
  /** The settlement date asked for (a business day), YYYY-MM-DD. */
  effectiveDate: string;
}

export type DebitSubmission =
  | { outcome: 'accepted'; traceNumber: string }
  | { outcome: 'rejected'; reason: 'unknown_routing_number' }
  /** Nothing submitted and nothing recorded: safe to retry with the same key. */
  | { outcome: 'error'; reason: 'rails_unavailable' };

export type DebitStatus =
  | { state: 'pending' }
  | { state: 'settled' }
  /** NACHA return code, e.g. R01. */
  | { state: 'returned'; returnCode: string };

export interface BankRails {
  readonly name: string;
  submitDebit(req: DebitRequest): Promise<DebitSubmission>;
  /** Throws when the trace number is not one this rails issued. */
  status(traceNumber: string, today: string): Promise<DebitStatus>;
}

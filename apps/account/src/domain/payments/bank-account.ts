// Bank account details for a payment by direct debit (Direct Pay, a direct-debit installment
// agreement): the account number, typed twice, and the account type (pure, no I/O).
//
// Sources:
// - Account number length: the Nacha Entry Detail Record's "DFI Account Number" field is 17
//   positions, so no U.S. ACH account number is longer than 17 characters (Nacha Operating
//   Rules, Appendix 3). [S]
// - The minimum of 4 digits is our policy [U: no primary text; IRS Direct Pay's own minimum was
//   not found]: no U.S. bank issues shorter numbers that we know of, and it catches a routing
//   number's fragment typed in the wrong box. Kept as a named constant.
// - Digits only: Nacha allows alphanumerics in the field; whether IRS Direct Pay accepts letters
//   was not found [U]. We accept digits only, as the issue #8 brief asks, ignoring spaces/hyphens.
// - Checking or savings: the account types Direct Pay and a direct-debit agreement ask for
//   (issue #8; domain.md "Direct Pay (bank account …)"). [S]
// - "Enter the account number twice": issue #8.

export type AccountType = 'checking' | 'savings';
export const ACCOUNT_TYPES: readonly AccountType[] = ['checking', 'savings'];

/** Nacha "DFI Account Number" field width. */
export const ACCOUNT_NUMBER_MAX_LENGTH = 17;
/** Our policy [U], see the header. */
export const ACCOUNT_NUMBER_MIN_LENGTH = 4;

export type BankAccountProblem =
  | 'account_required'
  | 'account_characters'
  | 'account_length'
  | 'account_confirmation_required'
  | 'account_mismatch'
  | 'account_type_required'
  | 'account_type_invalid';

export type AccountNumberResult =
  { ok: true; accountNumber: string } | { ok: false; problem: BankAccountProblem };

const ALLOWED = /^[0-9\s-]*$/;

export function parseAccountNumber(input: string): AccountNumberResult {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'account_required' };
  if (!ALLOWED.test(text)) return { ok: false, problem: 'account_characters' };
  const digits = text.replace(/[\s-]/g, '');
  if (digits.length < ACCOUNT_NUMBER_MIN_LENGTH || digits.length > ACCOUNT_NUMBER_MAX_LENGTH) {
    return { ok: false, problem: 'account_length' };
  }
  return { ok: true, accountNumber: digits };
}

export function parseAccountType(
  input: string,
): { ok: true; accountType: AccountType } | { ok: false; problem: BankAccountProblem } {
  const text = input.trim();
  if (text === '') return { ok: false, problem: 'account_type_required' };
  const found = ACCOUNT_TYPES.find((type) => type === text);
  return found ? { ok: true, accountType: found } : { ok: false, problem: 'account_type_invalid' };
}

export interface BankAccountInput {
  accountNumber: string;
  accountNumberConfirmation: string;
  accountType: string;
}

export type BankAccountResult =
  | { ok: true; accountNumber: string; accountType: AccountType; masked: string }
  | {
      ok: false;
      problems: Partial<
        Record<'accountNumber' | 'accountNumberConfirmation' | 'accountType', BankAccountProblem>
      >;
    };

/**
 * Both account number entries and the type. Problems are per field, so a form can show each
 * next to its input. The two entries are compared after normalising ("1234 5678" = "12345678").
 */
export function checkBankAccount(input: BankAccountInput): BankAccountResult {
  const problems: Partial<
    Record<'accountNumber' | 'accountNumberConfirmation' | 'accountType', BankAccountProblem>
  > = {};
  const number = parseAccountNumber(input.accountNumber);
  if (!number.ok) problems.accountNumber = number.problem;
  if (input.accountNumberConfirmation.trim() === '') {
    problems.accountNumberConfirmation = 'account_confirmation_required';
  } else if (number.ok) {
    const confirmation = parseAccountNumber(input.accountNumberConfirmation);
    if (!confirmation.ok || confirmation.accountNumber !== number.accountNumber) {
      problems.accountNumberConfirmation = 'account_mismatch';
    }
  }
  const type = parseAccountType(input.accountType);
  if (!type.ok) problems.accountType = type.problem;
  if (!number.ok || !type.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    accountNumber: number.accountNumber,
    accountType: type.accountType,
    masked: maskAccountNumber(number.accountNumber),
  };
}

/** "••••6789": only the last four digits are ever shown. */
export function maskAccountNumber(accountNumber: string): string {
  return `••••${accountNumber.slice(-4)}`;
}

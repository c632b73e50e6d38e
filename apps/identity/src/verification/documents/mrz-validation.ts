// Validation of a parsed MRZ: check digits and expiry, as structured problems (never exceptions).
import type { MrzCheckName, MrzDocument } from './mrz.ts';

export type MrzProblemCode =
  | 'MRZ_CHECK_DIGIT_INVALID'
  | 'MRZ_EXPIRED'
  | 'MRZ_EXPIRY_INVALID'
  | 'MRZ_BIRTH_DATE_INVALID'
  | 'MRZ_BIRTH_DATE_IN_FUTURE';

export interface MrzProblem {
  readonly code: MrzProblemCode;
  /** The field concerned, e.g. 'birthDate' or 'composite'. */
  readonly field: MrzCheckName | 'expirationDate' | 'birthDate';
  readonly detail: string;
}

export interface MrzValidationOptions {
  readonly referenceDate?: Date;
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function validateMrz(doc: MrzDocument, options: MrzValidationOptions = {}): MrzProblem[] {
  const problems: MrzProblem[] = [];
  const today = isoDay(options.referenceDate ?? new Date());
  for (const digit of doc.checkDigits) {
    if (!digit.valid) {
      problems.push({
        code: 'MRZ_CHECK_DIGIT_INVALID',
        field: digit.name,
        detail: `check digit ${digit.printed} at line ${digit.line + 1} column ${digit.column + 1} should be ${digit.computed}`,
      });
    }
  }
  if (doc.expirationDate.iso === undefined) {
    problems.push({
      code: 'MRZ_EXPIRY_INVALID',
      field: 'expirationDate',
      detail: `"${doc.expirationDate.raw}" is not a date`,
    });
  } else if (doc.expirationDate.iso < today) {
    problems.push({
      code: 'MRZ_EXPIRED',
      field: 'expirationDate',
      detail: `expired on ${doc.expirationDate.iso}`,
    });
  }
  if (doc.birthDate.iso === undefined) {
    problems.push({
      code: 'MRZ_BIRTH_DATE_INVALID',
      field: 'birthDate',
      detail: `"${doc.birthDate.raw}" is not a date`,
    });
  } else if (doc.birthDate.iso > today) {
    problems.push({
      code: 'MRZ_BIRTH_DATE_IN_FUTURE',
      field: 'birthDate',
      detail: `born ${doc.birthDate.iso}`,
    });
  }
  return problems;
}

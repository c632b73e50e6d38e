// Cross-check of what is printed on a card's front (read by OCR) against its barcode. OCR of a phone
// photo is noisy, so a mismatch is only claimed on positive evidence: the OCR must have read the card
// well enough to find the other field; the name fails only when no part of it is there at all, and
// the date of birth only when some other date is. Otherwise the check is `unknown` ("where OCR
// allows", as the issue says), never a failure.
import { findDateNear, textContainsName } from '../mrz-ocr/read-printed-text.ts';
import { failed, passed, unknown, type Check } from './idv-checks.ts';
import type { DocumentFields } from './document-fields.ts';

const DATE_LIKE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2} ?[A-Z]{3} ?\d{2,4}\b/i;
const MIN_READABLE_CHARACTERS = 20;

/** Share of the name's parts that must be found for the name to count as printed. */
const NAME_PARTS_FOUND = 0.5;

export function matchPrintedText(text: string, fields: DocumentFields): { name: Check; dateOfBirth: Check } {
  const readable = text.replace(/[^A-Za-z0-9]/g, '').length >= MIN_READABLE_CHARACTERS;
  const parts = `${fields.familyName ?? ''} ${fields.givenNames ?? ''}`
    .split(/[\s-]+/)
    .filter((part) => part !== '');
  const dob = fields.dateOfBirth;
  if (!readable || parts.length === 0 || !dob) {
    return { name: unknown('printed_name'), dateOfBirth: unknown('printed_date_of_birth') };
  }
  // Each part on its own (one letter may differ in parts of four letters or more), so that one misread
  // short part ("JIN" read "IN") does not make a genuine card look forged.
  const found = parts.filter((part) => textContainsName(text, part, '')).length;
  const dobFound = findDateNear(text, dob);
  if (found === 0 && !dobFound) {
    return { name: unknown('printed_name'), dateOfBirth: unknown('printed_date_of_birth') };
  }
  return {
    name:
      found >= parts.length * NAME_PARTS_FOUND
        ? passed('printed_name')
        : found === 0
          ? failed('printed_name', 'printed_name_mismatch')
          : unknown('printed_name'),
    dateOfBirth: dobFound
      ? passed('printed_date_of_birth')
      : DATE_LIKE.test(text)
        ? failed('printed_date_of_birth', 'printed_date_of_birth_mismatch')
        : unknown('printed_date_of_birth'),
  };
}

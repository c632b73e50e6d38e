// Cross-check of what is printed on a card's front (read by OCR) against its barcode. OCR of a phone
// photo is noisy, so a mismatch is only claimed on positive evidence: the OCR must have read the card
// well enough to find the other field, and, for the date of birth, some date at all. Otherwise the
// check is `unknown` ("where OCR allows", as the issue says), never a failure.
import { findDateNear, textContainsName } from '../mrz-ocr/read-printed-text.ts';
import { failed, passed, unknown, type Check } from './idv-checks.ts';
import type { DocumentFields } from './document-fields.ts';

const DATE_LIKE = /\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2} ?[A-Z]{3} ?\d{2,4}\b/i;
const MIN_READABLE_CHARACTERS = 20;

export function matchPrintedText(text: string, fields: DocumentFields): { name: Check; dateOfBirth: Check } {
  const readable = text.replace(/[^A-Za-z0-9]/g, '').length >= MIN_READABLE_CHARACTERS;
  const family = fields.familyName;
  const given = fields.givenNames?.split(' ')[0];
  const dob = fields.dateOfBirth;
  if (!readable || !family || !given || !dob) {
    return { name: unknown('printed_name'), dateOfBirth: unknown('printed_date_of_birth') };
  }
  const nameFound = textContainsName(text, family, given);
  const dobFound = findDateNear(text, dob);
  if (!nameFound && !dobFound) {
    return { name: unknown('printed_name'), dateOfBirth: unknown('printed_date_of_birth') };
  }
  return {
    name: nameFound ? passed('printed_name') : failed('printed_name', 'printed_name_mismatch'),
    dateOfBirth: dobFound
      ? passed('printed_date_of_birth')
      : DATE_LIKE.test(text)
        ? failed('printed_date_of_birth', 'printed_date_of_birth_mismatch')
        : unknown('printed_date_of_birth'),
  };
}

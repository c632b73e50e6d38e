// Phone numbers a person types, checked and normalised (pure, no I/O).
//
// Accepted: numbers of the North American Numbering Plan (NANP, country code +1), written the
// usual ways: "(202) 555-0143", "202.555.0143", "202-555-0143", "1 202 555 0143",
// "+1 202 555 0143", "12025550143", "+12025550143". Spaces, dots, dashes and parentheses are
// ignored wherever they are; a "+" may only come first.
//
// Rules (NANP numbers are NPA-NXX-XXXX, where N is 2-9):
// - the area code (NPA) and the exchange code (NXX) may not start with 0 or 1, and may not be
//   an N11 service code (211…911), so "911" is never an area code;
// - ten digits, or eleven with the leading "1".
// Not checked here: whether the area code is assigned, or the line exists or takes texts.
// The provider answers that (TelephonyError 'invalid_number').
//
// Other countries: for now anything written with a country code other than +1 ("+44 20 …"),
// or with the US international prefix ("011 44 …"), is refused with reason 'not_us'.
// NANP numbers of Canada and the Caribbean share +1 and the same rules; they are accepted.
//
// Parsing an E.164 value again gives the same result, so a stored number can be shown with
// `parsePhoneNumber(stored).display` / `.masked`.
import type { E164 } from './telephony-port.ts';

export type PhoneNumberProblem = 'empty' | 'length' | 'area_code' | 'exchange_code' | 'characters' | 'not_us';

export type ParsedPhoneNumber =
  | {
      ok: true;
      /** "+12025550143": what is stored and given to the telephony port. */
      e164: E164;
      /** "(202) 555-0143": to show the person their own number. */
      display: string;
      /** "(***) ***-0143": where the person may not be who they say (sign-in, "we sent a code to"). */
      masked: string;
    }
  | { ok: false; reason: PhoneNumberProblem };

/** Longer input is refused before looking at it ('length'); real numbers with punctuation are ~20. */
export const PHONE_INPUT_MAX_LENGTH = 40;

// ASCII digits, whitespace, ( ) . - and one leading "+". No letters ("1-800-FLOWERS"), no
// extensions ("x12"), no other scripts' digits.
const ALLOWED = /^\+?[0-9\s().-]*$/;

export function parsePhoneNumber(input: string): ParsedPhoneNumber {
  const text = input.trim();
  if (text === '') return problem('empty');
  if (text.length > PHONE_INPUT_MAX_LENGTH) return problem('length');
  if (!ALLOWED.test(text)) return problem('characters');
  const digits = text.replace(/[^0-9]/g, '');

  let national: string;
  if (text.startsWith('+')) {
    if (digits === '') return problem('length');
    if (!digits.startsWith('1')) return problem('not_us');
    national = digits.slice(1);
  } else if (digits.startsWith('011') && digits.length > 11) {
    return problem('not_us');
  } else if (digits.length === 11 && digits.startsWith('1')) {
    national = digits.slice(1);
  } else {
    national = digits;
  }
  if (national.length !== 10) return problem('length');

  const area = national.slice(0, 3);
  const exchange = national.slice(3, 6);
  const line = national.slice(6);
  if (!isAssignableCode(area)) return problem('area_code');
  if (!isAssignableCode(exchange)) return problem('exchange_code');
  return {
    ok: true,
    e164: `+1${national}` as E164,
    display: `(${area}) ${exchange}-${line}`,
    masked: `(***) ***-${line}`,
  };
}

/** NXX: first digit 2-9, and not an N11 service code. */
function isAssignableCode(code: string): boolean {
  return /^[2-9][0-9]{2}$/.test(code) && code.slice(1) !== '11';
}

function problem(reason: PhoneNumberProblem): ParsedPhoneNumber {
  return { ok: false, reason };
}

// The rules a new password must pass (NIST SP 800-63B §3.1.1.2; Login.gov). Pure: the breached-list
// lookup is passed in (see breached-passwords.ts), so this file does no I/O.
//
// In order, the first failing rule decides the message:
// 1. 12 to 128 characters, counted as code points (password-rules.ts);
// 2. the confirmation matches;
// 3. not on the breached/common-password list (case-insensitive);
// 4. does not contain (ignoring case) the email address, its local part, or any piece of the local
//    part or the domain split on characters other than letters and digits. The local part and the
//    pieces count only from EMAIL_PART_MIN_LENGTH (4) characters, so a short local part such as
//    "al" or a top-level domain such as "org" does not rule out ordinary words.
//    Example: ada.lovelace@computing.org forbids "ada.lovelace@computing.org", "ada.lovelace",
//    "lovelace" and "computing".
import type { MessageKey } from '#platform/i18n/catalog.ts';
import { checkPassword } from './password-rules.ts';

export const EMAIL_PART_MIN_LENGTH = 4;

export interface NewPassword {
  password: string;
  confirmation: string;
  /** The account's email address (any case; surrounding spaces ignored). */
  email: string;
  /** True when the password is on the breached/common list, e.g. loadBreachedPasswords().isBreached. */
  breached: (password: string) => boolean;
}

export type NewPasswordProblem = MessageKey;

/** Case- and compatibility-folded form used for the email comparison. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function length(text: string): number {
  return [...text].length;
}

/** Lower-cased strings a password must not contain, for the given email address. */
export function forbiddenEmailParts(email: string): string[] {
  const address = fold(email.trim());
  if (address === '') return [];
  const at = address.lastIndexOf('@');
  const local = at === -1 ? address : address.slice(0, at);
  const domain = at === -1 ? '' : address.slice(at + 1);
  const pieces = [local, ...local.split(/[^\p{L}\p{N}]+/u), ...domain.split(/[^\p{L}\p{N}]+/u)].filter(
    (piece) => length(piece) >= EMAIL_PART_MIN_LENGTH,
  );
  return [...new Set([address, ...pieces])];
}

export function checkNewPassword({
  password,
  confirmation,
  email,
  breached,
}: NewPassword): NewPasswordProblem | undefined {
  const basic = checkPassword(password, confirmation);
  if (basic) return basic;
  if (breached(password)) return 'idp.password.breached';
  const folded = fold(password);
  if (forbiddenEmailParts(email).some((part) => folded.includes(part))) return 'idp.password.containsEmail';
  return undefined;
}

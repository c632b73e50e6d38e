// Password rules (NIST SP 800-63B §3.1.1.2; Login.gov: 12–128 characters). Pure.
// The breached-password list and email-part checks arrive with the accounts issue.
import type { MessageKey } from '#platform/i18n/catalog.ts';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

export function checkPassword(password: string, confirmation: string): MessageKey | undefined {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return 'idp.password.tooShort';
  if (length > PASSWORD_MAX_LENGTH) return 'idp.password.tooLong';
  if (password !== confirmation) return 'idp.password.mismatch';
  return undefined;
}

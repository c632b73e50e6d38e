// Email address normalisation and a pragmatic validity check (pure).
export const EMAIL_MAX_LENGTH = 254;

export function normaliseEmail(raw: string): string {
  return raw.trim().toLowerCase();
}

export function isValidEmail(email: string): boolean {
  return (
    email.length <= EMAIL_MAX_LENGTH && /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(email)
  );
}

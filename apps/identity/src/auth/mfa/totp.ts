// Time-based one-time passwords (RFC 6238): SHA-1, 6 digits, 30-second steps, one step of
// drift either way (Login.gov: ±30 s). Pure apart from the random secret.
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const TOTP_DRIFT_STEPS = 1;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = 'account', issuer = 'Identity provider'): TOTP {
  return new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export function totpUri(secretBase32: string, accountLabel: string, issuer: string): string {
  return totp(secretBase32, accountLabel, issuer).toString();
}

/** The time step a code matches (within the drift window), or undefined. */
export function matchTotp(secretBase32: string, code: string, now: Date): number | undefined {
  const digits = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(digits)) return undefined;
  const delta = totp(secretBase32).validate({
    token: digits,
    timestamp: now.getTime(),
    window: TOTP_DRIFT_STEPS,
  });
  if (delta === null) return undefined;
  return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** The current code (tests and the development helpers only). */
export function currentTotp(secretBase32: string, now: Date): string {
  return totp(secretBase32).generate({ timestamp: now.getTime() });
}

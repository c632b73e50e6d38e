// One-time codes and backup codes (pure apart from randomness).
import { randomInt } from 'node:crypto';

export const OTP_DIGITS = 6;
export const BACKUP_CODE_COUNT = 10;
const BACKUP_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

export function newOtpCode(): string {
  return String(randomInt(0, 10 ** OTP_DIGITS)).padStart(OTP_DIGITS, '0');
}

export function normaliseOtp(input: string): string {
  return input.replace(/[\s-]+/g, '');
}

/** 10 codes of 12 characters (60 bits each), shown as XXXX-XXXX-XXXX. */
export function newBackupCodes(count = BACKUP_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const chars = Array.from({ length: 12 }, () => BACKUP_ALPHABET[randomInt(0, BACKUP_ALPHABET.length)]);
    return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
  });
}

/** Accepts lower case, missing dashes, spaces, and the look-alikes O→0, I/L→1. */
export function normaliseBackupCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

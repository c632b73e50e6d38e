// Values kept in the browser instead of a database, sealed with AES-256-GCM (the platform's
// field cipher) so they can be neither read nor altered. Each sealed value names its purpose
// and expiry inside the ciphertext: a login-request cookie never opens as a session, and an
// old cookie stops working on time even if the browser keeps it.
import { hkdfSync } from 'node:crypto';
import { createFieldCipher } from '#platform/crypto/field-cipher.ts';

export type CookiePurpose = 'session' | 'login-request';

export interface CookieSealer {
  seal(purpose: CookiePurpose, value: unknown, now: Date, ttlSeconds: number): string;
  /** The sealed value, or undefined when it was tampered with, is for another purpose, or expired. */
  open(purpose: CookiePurpose, sealed: string, now: Date): unknown;
}

/** A 32-byte key for one use, derived from the cookie secret (HKDF-SHA-256). */
export function deriveCookieKey(secret: Buffer, use: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `tia benefits cookie: ${use}`, 32));
}

interface Envelope {
  p: CookiePurpose;
  /** Expiry, seconds since the epoch. */
  exp: number;
  v: unknown;
}

export function createCookieSealer(secret: Buffer): CookieSealer {
  if (secret.length !== 32) throw new Error('The cookie secret must be 32 bytes');
  // The field cipher also offers fingerprints; the sealer does not use them.
  const cipher = createFieldCipher(deriveCookieKey(secret, 'sealing'), deriveCookieKey(secret, 'unused'));
  return {
    seal(purpose, value, now, ttlSeconds) {
      const envelope: Envelope = { p: purpose, exp: Math.floor(now.getTime() / 1000) + ttlSeconds, v: value };
      return cipher.encrypt(JSON.stringify(envelope));
    },
    open(purpose, sealed, now) {
      let envelope: Partial<Envelope>;
      try {
        envelope = JSON.parse(cipher.decrypt(sealed)) as Partial<Envelope>;
      } catch {
        return undefined;
      }
      if (envelope.p !== purpose || typeof envelope.exp !== 'number') return undefined;
      if (envelope.exp * 1000 <= now.getTime()) return undefined;
      return envelope.v;
    },
  };
}

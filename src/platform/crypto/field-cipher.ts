// Encryption of PII at rest (AES-256-GCM) and keyed fingerprints (HMAC-SHA-256) for
// looking values up without decrypting them. Ciphertexts carry a version prefix so the
// key can be rotated later.
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface FieldCipher {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  fingerprint(value: string): string;
}

const VERSION = 'v1';

export function createFieldCipher(dataKey: Buffer, fingerprintKey: Buffer): FieldCipher {
  if (dataKey.length !== 32 || fingerprintKey.length !== 32)
    throw new Error('Field cipher keys must be 32 bytes');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [
        VERSION,
        iv.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.');
    },
    decrypt(sealed) {
      const parts = sealed.split('.');
      const [version, iv, body, tag] = parts;
      if (parts.length !== 4 || version !== VERSION || !iv || body === undefined || !tag) {
        throw new Error('Unrecognised ciphertext');
      }
      // A full 16-byte tag only: a truncated tag would make forgeries far cheaper.
      const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64url'), {
        authTagLength: 16,
      });
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
    fingerprint(value) {
      return createHmac('sha256', fingerprintKey).update(value).digest('base64url');
    },
  };
}

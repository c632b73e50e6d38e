// argon2id password hashing with OWASP's minimum parameters (m=19 MiB, t=2, p=1;
// OWASP Password Storage Cheat Sheet). Hashes made with other parameters are flagged for
// rehash at the next successful sign-in.
import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** @node-rs/argon2's Algorithm.Argon2id (a const enum, so it cannot be imported as a value). */
const ARGON2ID = 2 as Algorithm;

export interface Argon2Params {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

export const OWASP_ARGON2ID: Argon2Params = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(stored: string, password: string): Promise<boolean>;
  needsRehash(stored: string): boolean;
  /** Spends the same time as a real verify, for unknown accounts (no timing oracle). */
  verifyDummy(password: string): Promise<false>;
}

export function createPasswordHasher(params: Argon2Params = OWASP_ARGON2ID): PasswordHasher {
  const options = { algorithm: ARGON2ID, ...params };
  const dummy = hash('not-a-real-password-for-timing', options);
  return {
    hash: (password) => hash(password, options),
    verify: async (stored, password) => {
      try {
        return await verify(stored, password);
      } catch {
        return false;
      }
    },
    needsRehash(stored) {
      const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(stored);
      if (!match) return true;
      return (
        Number(match[1]) !== params.memoryCost ||
        Number(match[2]) !== params.timeCost ||
        Number(match[3]) !== params.parallelism
      );
    },
    async verifyDummy(password) {
      await verify(await dummy, password).catch(() => false);
      return false;
    },
  };
}

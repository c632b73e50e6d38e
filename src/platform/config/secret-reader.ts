// Secrets come from settings; in development and test, missing ones fall back to the
// generated local-secrets file. Production never falls back: a missing secret names itself.
import { ConfigError } from './config-error.ts';
import { readKey, readOptional, type Env } from './env-reader.ts';
import type { RuntimeMode } from './runtime-mode.ts';
import type { LocalSecrets } from '../crypto/local-secrets.ts';

export interface SecretReader {
  /** A 32-byte key (base64 in the setting). */
  key(name: string): Buffer;
  /** A secret string, used as given (e.g. an OIDC client secret). */
  text(name: string): string;
}

export function secretReader(
  env: Env,
  mode: RuntimeMode,
  localSecrets: LocalSecrets | undefined,
): SecretReader {
  const local = (name: string): string => {
    const value = mode === 'production' ? undefined : localSecrets?.[name];
    if (value) return value;
    throw new ConfigError(
      name,
      'is required in production (32 random bytes, base64: openssl rand -base64 32).',
    );
  };
  return {
    key: (name) => readKey(env, name) ?? Buffer.from(local(name), 'base64'),
    text: (name) => readOptional(env, name) ?? local(name),
  };
}

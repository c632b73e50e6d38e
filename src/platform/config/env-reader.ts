// Typed readers over an environment map. Each reader names the setting in its error,
// so a bad value stops start-up with a message a deployer can act on.
import { ConfigError } from './config-error.ts';

export type Env = Readonly<Record<string, string | undefined>>;

export function readString(env: Env, name: string, fallback?: string): string {
  const value = env[name]?.trim();
  if (value) return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(name, 'is required but not set.');
}

export function readOptional(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function readPort(env: Env, name: string, fallback: number): number {
  const raw = readOptional(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw))
    throw new ConfigError(name, `must be a whole number between 0 and 65535, got "${raw}".`);
  const port = Number(raw);
  if (port > 65535) throw new ConfigError(name, `must be between 0 and 65535, got ${port}.`);
  return port;
}

export function readUrl(env: Env, name: string, fallback?: string): string {
  const raw = readOptional(env, name) ?? fallback;
  if (raw === undefined) throw new ConfigError(name, 'is required but not set.');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(name, `must be an absolute URL, got "${raw}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(name, `must be an http:// or https:// URL, got "${raw}".`);
  }
  return url.href.replace(/\/$/, '');
}

export function readDatabaseUrl(env: Env, name: string): string | undefined {
  const raw = readOptional(env, name);
  if (raw === undefined) return undefined;
  if (!/^postgres(ql)?:\/\//.test(raw)) {
    throw new ConfigError(name, 'must be a postgres:// or postgresql:// connection URL.');
  }
  return raw;
}

export function readEnum<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = readOptional(env, name);
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ConfigError(name, `must be one of ${allowed.join(', ')}, got "${raw}".`);
}

/** A 32-byte key given as base64 (or base64url). */
export function readKey(env: Env, name: string): Buffer | undefined {
  const raw = readOptional(env, name);
  if (raw === undefined) return undefined;
  const key = Buffer.from(raw, 'base64');
  if (key.length !== 32)
    throw new ConfigError(name, 'must be 32 random bytes, base64-encoded (openssl rand -base64 32).');
  return key;
}

/** A number within [min, max] (decimals allowed unless `integer`). */
export function readNumber(
  env: Env,
  name: string,
  fallback: number,
  range: { min: number; max: number; integer?: boolean },
): number {
  const raw = readOptional(env, name);
  if (raw === undefined) return fallback;
  const pattern = range.integer ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
  const value = Number(raw);
  if (!pattern.test(raw) || value < range.min || value > range.max) {
    const kind = range.integer ? 'a whole number' : 'a number';
    throw new ConfigError(name, `must be ${kind} between ${range.min} and ${range.max}, got "${raw}".`);
  }
  return value;
}

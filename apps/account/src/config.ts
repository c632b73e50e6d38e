// Tax account settings, read once at start-up. Every problem names its setting.
import { ConfigError } from '#platform/config/config-error.ts';
import {
  readDatabaseUrl,
  readOptional,
  readPort,
  readString,
  readUrl,
  type Env,
} from '#platform/config/env-reader.ts';
import { readRuntimeMode, type RuntimeMode } from '#platform/config/runtime-mode.ts';
import type { DatabaseSettings } from '#platform/db/open-database.ts';
import type { LocalSecrets } from '#platform/crypto/local-secrets.ts';
import { secretReader } from '#platform/config/secret-reader.ts';

export interface AccountConfig {
  mode: RuntimeMode;
  host: string;
  port: number;
  baseUrl: string;
  database: DatabaseSettings;
  dataKey: Buffer;
  fingerprintKey: Buffer;
  cookieSecret: string;
  oidc: { issuer: string; clientId: string; clientSecret: string };
  secureCookies: boolean;
  trustProxy: boolean;
  redisUrl: string | undefined;
  logLevel: string;
  /** Login.gov / IRS practice: 15 minutes idle, 12 hours absolute. */
  session: { idleSeconds: number; absoluteSeconds: number; idleWarningSeconds: number };
  loginRequestTtlSeconds: number;
  rateLimit: { max: number; timeWindowMs: number };
}

export const ACCOUNT_SECRET_NAMES = [
  'ACCOUNT_DATA_KEY',
  'ACCOUNT_FINGERPRINT_KEY',
  'ACCOUNT_COOKIE_SECRET',
  'ACCOUNT_OIDC_CLIENT_SECRET',
] as const;

export function readAccountConfig(
  env: Env,
  dataDir: string,
  localSecrets: LocalSecrets | undefined,
): AccountConfig {
  const mode = readRuntimeMode(env);
  const port = readPort(env, 'ACCOUNT_PORT', 3000);
  const baseUrl = readUrl(env, 'ACCOUNT_BASE_URL', `http://localhost:${port}`);
  const idpPort = readPort(env, 'IDP_PORT', 4000);
  const issuer = readUrl(
    env,
    'ACCOUNT_OIDC_ISSUER',
    readOptional(env, 'IDP_ISSUER') ?? `http://localhost:${idpPort}`,
  );
  if (mode === 'production' && !baseUrl.startsWith('https://'))
    throw new ConfigError('ACCOUNT_BASE_URL', 'must use https:// in production.');
  if (mode === 'production' && !issuer.startsWith('https://'))
    throw new ConfigError('ACCOUNT_OIDC_ISSUER', 'must use https:// in production.');
  const secrets = secretReader(env, mode, localSecrets);
  return {
    mode,
    host: readString(env, 'HOST', 'localhost'),
    port,
    baseUrl,
    database: { url: readDatabaseUrl(env, 'ACCOUNT_DATABASE_URL'), embeddedPath: `${dataDir}/account` },
    dataKey: secrets.key('ACCOUNT_DATA_KEY'),
    fingerprintKey: secrets.key('ACCOUNT_FINGERPRINT_KEY'),
    cookieSecret: secrets.key('ACCOUNT_COOKIE_SECRET').toString('base64'),
    oidc: {
      issuer,
      clientId: readString(env, 'ACCOUNT_OIDC_CLIENT_ID', 'tax-account'),
      clientSecret: secrets.text('ACCOUNT_OIDC_CLIENT_SECRET'),
    },
    secureCookies: baseUrl.startsWith('https://'),
    trustProxy: readOptional(env, 'TRUST_PROXY') === 'true',
    redisUrl: readOptional(env, 'REDIS_URL'),
    logLevel: readString(env, 'LOG_LEVEL', mode === 'test' ? 'warn' : 'info'),
    session: { idleSeconds: 15 * 60, absoluteSeconds: 12 * 3600, idleWarningSeconds: 150 },
    loginRequestTtlSeconds: 600,
    rateLimit: { max: 300, timeWindowMs: 5 * 60_000 },
  };
}

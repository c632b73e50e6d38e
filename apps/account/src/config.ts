// Tax account settings, read once at start-up. Every problem names its setting.
import { ConfigError } from '#platform/config/config-error.ts';
import {
  readDatabaseUrl,
  readEnum,
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
  /** SMTP for receipts; without it (development, tests) the outbox at /dev/outbox. */
  smtp: { url: string; from: string } | undefined;
  /** Development pages (/dev/outbox, /dev/payments): development and test modes only. */
  devTools: boolean;
  payments: {
    /** Run the payment worker in this process (one or more instances may). */
    worker: boolean;
    /** How often the worker sweeps for due work, in seconds. */
    sweepSeconds: number;
    /** The card processor adapter: only the development one ships. */
    cardProcessor: 'development';
    /** The bank rails adapter: only the development one ships. */
    bankRails: 'development';
  };
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
  const smtpUrl = readOptional(env, 'SMTP_URL');
  if (mode === 'production' && !smtpUrl)
    throw new ConfigError('SMTP_URL', 'is required in production (the development outbox is disabled).');
  const cardProcessor = readEnum(env, 'ACCOUNT_CARD_PROCESSOR', ['development'] as const, 'development');
  const bankRails = readEnum(env, 'ACCOUNT_BANK_RAILS', ['development'] as const, 'development');
  // Only the development adapters ship. Production must name its adapters on purpose (a
  // staging or demonstration deployment may name the development ones).
  for (const name of ['ACCOUNT_CARD_PROCESSOR', 'ACCOUNT_BANK_RAILS'])
    if (mode === 'production' && readOptional(env, name) === undefined)
      throw new ConfigError(name, 'must be set in production: the only adapter that ships is "development".');
  const sweep = readString(env, 'ACCOUNT_PAYMENT_SWEEP_SECONDS', '30');
  if (!/^\d{1,5}$/.test(sweep) || Number(sweep) < 1)
    throw new ConfigError('ACCOUNT_PAYMENT_SWEEP_SECONDS', 'must be a whole number of seconds, at least 1.');
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
    smtp: smtpUrl ? { url: smtpUrl, from: readString(env, 'EMAIL_FROM', 'no-reply@localhost') } : undefined,
    devTools: mode !== 'production',
    payments: {
      worker: readOptional(env, 'ACCOUNT_PAYMENT_WORKER') !== 'off',
      sweepSeconds: Number(sweep),
      cardProcessor,
      bankRails,
    },
  };
}

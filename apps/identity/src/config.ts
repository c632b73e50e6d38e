// Identity provider settings, read once at start-up. Every problem names its setting.
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
import { readIdvConfig, type IdvConfig } from './verification/engine/idv-config.ts';

export interface IdentityConfig {
  mode: RuntimeMode;
  host: string;
  port: number;
  issuer: string;
  database: DatabaseSettings;
  dataKey: Buffer;
  fingerprintKey: Buffer;
  cookieSecret: string;
  smtp: { url: string; from: string } | undefined;
  /** A real SMS and voice provider; absent → the development outbox. */
  telephony: { url: string; token: string } | undefined;
  devTools: boolean;
  secureCookies: boolean;
  trustProxy: boolean;
  redisUrl: string | undefined;
  logLevel: string;
  /** Sign-up confirmation links (Login.gov: 24 hours). */
  signUpLinkTtlHours: number;
  /** NIST SP 800-63B AAL2 reauthentication: at most 12 hours overall (Login.gov: 12 h). */
  sessionTtlSeconds: number;
  interactionTtlSeconds: number;
  /** Remembered consent to share with an agency (Login.gov: one year). */
  consentTtlDays: number;
  /** The name people see in authenticator apps and emails. */
  displayName: string;
  /** The identity provider's own session: 15 minutes idle, 12 hours absolute (Login.gov; NIST SP 800-63B-4 AAL2 allows ≤ 1 h idle, ≤ 24 h). */
  idpSession: { idleSeconds: number; absoluteSeconds: number };
  /** Warn this long before the idle timeout (Login.gov: 150 s). */
  idleWarningSeconds: number;
  /** Sensitive actions need a second factor this recent (Login.gov: 20 minutes). */
  recentMfaSeconds: number;
  /**
   * "Remember this browser": how long a password alone is enough there, only at agencies that
   * accept AAL1 (Login.gov: 30 days for AAL1, never for AAL2 agencies; fixed from when it was set).
   */
  rememberDeviceDays: number;
  /** One-time codes: 6 digits, valid 10 minutes (Login.gov). */
  otpTtlSeconds: number;
  /** Password reset links (Login.gov: 30 minutes, single use). */
  passwordResetLinkTtlMinutes: number;
  /** Account reset when every second factor is lost (Login.gov): a 24-hour wait… */
  accountResetWaitHours: number;
  /** …then the emailed link works for 24 hours. */
  accountResetLinkTtlHours: number;
  /** Per IP, Login.gov: 300 requests per 5 minutes. */
  rateLimit: { max: number; timeWindowMs: number };
  /** The identity-verification engine: thresholds, minimum age, image retention (IDV_*). */
  idv: IdvConfig;
}

export const IDENTITY_SECRET_NAMES = ['IDP_DATA_KEY', 'IDP_FINGERPRINT_KEY', 'IDP_COOKIE_SECRET'] as const;

export function readIdentityConfig(
  env: Env,
  dataDir: string,
  localSecrets: LocalSecrets | undefined,
): IdentityConfig {
  const mode = readRuntimeMode(env);
  const port = readPort(env, 'IDP_PORT', 4000);
  const issuer = readUrl(env, 'IDP_ISSUER', `http://localhost:${port}`);
  if (mode === 'production' && !issuer.startsWith('https://'))
    throw new ConfigError('IDP_ISSUER', 'must use https:// in production.');
  const secrets = secretReader(env, mode, localSecrets);
  const smtpUrl = readOptional(env, 'SMTP_URL');
  if (mode === 'production' && !smtpUrl)
    throw new ConfigError('SMTP_URL', 'is required in production (the development outbox is disabled).');
  const telephonyUrl = readOptional(env, 'TELEPHONY_URL');
  if (mode === 'production' && !telephonyUrl) {
    throw new ConfigError('TELEPHONY_URL', 'is required in production (the development outbox is disabled).');
  }
  return {
    mode,
    host: readString(env, 'HOST', 'localhost'),
    port,
    issuer,
    database: { url: readDatabaseUrl(env, 'IDP_DATABASE_URL'), embeddedPath: `${dataDir}/identity` },
    dataKey: secrets.key('IDP_DATA_KEY'),
    fingerprintKey: secrets.key('IDP_FINGERPRINT_KEY'),
    cookieSecret: secrets.key('IDP_COOKIE_SECRET').toString('base64'),
    smtp: smtpUrl ? { url: smtpUrl, from: readString(env, 'EMAIL_FROM', 'no-reply@localhost') } : undefined,
    telephony: telephonyUrl
      ? { url: readUrl(env, 'TELEPHONY_URL'), token: readString(env, 'TELEPHONY_TOKEN') }
      : undefined,
    devTools: mode !== 'production',
    secureCookies: issuer.startsWith('https://'),
    trustProxy: readOptional(env, 'TRUST_PROXY') === 'true',
    redisUrl: readOptional(env, 'REDIS_URL'),
    logLevel: readString(env, 'LOG_LEVEL', mode === 'test' ? 'warn' : 'info'),
    signUpLinkTtlHours: 24,
    sessionTtlSeconds: 12 * 3600,
    interactionTtlSeconds: 3600,
    consentTtlDays: 365,
    displayName: readString(env, 'IDP_DISPLAY_NAME', 'Identity provider'),
    idpSession: { idleSeconds: 15 * 60, absoluteSeconds: 12 * 3600 },
    idleWarningSeconds: 150,
    recentMfaSeconds: 20 * 60,
    rememberDeviceDays: 30,
    otpTtlSeconds: 10 * 60,
    passwordResetLinkTtlMinutes: 30,
    accountResetWaitHours: 24,
    accountResetLinkTtlHours: 24,
    rateLimit: { max: 300, timeWindowMs: 5 * 60_000 },
    idv: readIdvConfig(env, { development: mode !== 'production' }),
  };
}

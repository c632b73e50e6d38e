// State Benefits Agency (demo) settings, read once at start-up. Every problem names its setting.
// A second, deliberately small relying party: no database, private_key_jwt at the token endpoint,
// and the signed-in state in an encrypted cookie.
import { ConfigError } from '#platform/config/config-error.ts';
import { readOptional, readPort, readString, readUrl, type Env } from '#platform/config/env-reader.ts';
import { readRuntimeMode, type RuntimeMode } from '#platform/config/runtime-mode.ts';
import { secretReader } from '#platform/config/secret-reader.ts';
import type { LocalSecrets } from '#platform/crypto/local-secrets.ts';

export const BENEFITS_DEFAULT_CLIENT_ID = 'benefits-demo';

export interface BenefitsConfig {
  mode: RuntimeMode;
  host: string;
  port: number;
  baseUrl: string;
  oidc: { issuer: string; clientId: string };
  /** The ES256 client key (a private JWK, mode 0600), generated on first start. */
  clientKeyFile: string;
  /** 32 bytes; cookie signing and cookie encryption keys are derived from it. */
  cookieSecret: Buffer;
  secureCookies: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** The signed-in state lasts 15 minutes from sign-in (no idle extension). */
  sessionSeconds: number;
  /** How long a started sign-in (state, nonce, PKCE verifier) may take. */
  loginRequestSeconds: number;
  rateLimit: { max: number; timeWindowMs: number };
}

export const BENEFITS_SECRET_NAMES = ['BENEFITS_COOKIE_SECRET'] as const;

export function readBenefitsConfig(
  env: Env,
  dataDir: string,
  localSecrets: LocalSecrets | undefined,
): BenefitsConfig {
  const mode = readRuntimeMode(env);
  const port = readPort(env, 'BENEFITS_PORT', 3100);
  const baseUrl = readUrl(env, 'BENEFITS_BASE_URL', `http://localhost:${port}`);
  const idpPort = readPort(env, 'IDP_PORT', 4000);
  // The same identity provider the tax account trusts, unless told otherwise.
  const issuer = readUrl(
    env,
    'BENEFITS_OIDC_ISSUER',
    readOptional(env, 'IDP_ISSUER') ?? `http://localhost:${idpPort}`,
  );
  if (mode === 'production' && !baseUrl.startsWith('https://'))
    throw new ConfigError('BENEFITS_BASE_URL', 'must use https:// in production.');
  if (mode === 'production' && !issuer.startsWith('https://'))
    throw new ConfigError('BENEFITS_OIDC_ISSUER', 'must use https:// in production.');
  const secrets = secretReader(env, mode, localSecrets);
  return {
    mode,
    host: readString(env, 'BENEFITS_HOST', readString(env, 'HOST', 'localhost')),
    port,
    baseUrl,
    oidc: { issuer, clientId: readString(env, 'BENEFITS_OIDC_CLIENT_ID', BENEFITS_DEFAULT_CLIENT_ID) },
    clientKeyFile: `${dataDir}/benefits/client-key.json`,
    cookieSecret: secrets.key('BENEFITS_COOKIE_SECRET'),
    secureCookies: baseUrl.startsWith('https://'),
    trustProxy: readOptional(env, 'TRUST_PROXY') === 'true',
    logLevel: readString(env, 'LOG_LEVEL', mode === 'test' ? 'warn' : 'info'),
    sessionSeconds: 15 * 60,
    loginRequestSeconds: 10 * 60,
    rateLimit: { max: 300, timeWindowMs: 5 * 60_000 },
  };
}

// The two apps' settings and the one-process system settings: defaults, and every bad
// value stopping start-up with a ConfigError that names the setting.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError } from '#platform/config/config-error.ts';
import { assertConfigError } from '../support/config-error.ts';
import type { Env } from '#platform/config/env-reader.ts';
import type { LocalSecrets } from '#platform/crypto/local-secrets.ts';
import { IDENTITY_SECRET_NAMES, readIdentityConfig } from '../../apps/identity/src/config.ts';
import { ACCOUNT_SECRET_NAMES, readAccountConfig } from '../../apps/account/src/config.ts';
import { BENEFITS_SECRET_NAMES } from '../../apps/benefits/src/config.ts';
import { readSystemConfig } from '../../src/system/system-config.ts';

const root = mkdtempSync(join(tmpdir(), 'unit-config-'));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshDataDir = () => join(root, `data-${++counter}`);

const DATA_DIR = '/nonexistent/data-dir-for-unit-tests';
const key = () => randomBytes(32).toString('base64');
const localSecrets: LocalSecrets = Object.fromEntries(
  [...IDENTITY_SECRET_NAMES, ...ACCOUNT_SECRET_NAMES].map((name) => [name, key()]),
);

const productionIdentity: Env = {
  APP_ENV: 'production',
  IDP_ISSUER: 'https://id.example.gov',
  IDP_DATA_KEY: key(),
  IDP_FINGERPRINT_KEY: key(),
  IDP_COOKIE_SECRET: key(),
  SMTP_URL: 'smtp://mail.example.gov:587',
  TELEPHONY_URL: 'https://sms.example.gov/send',
  TELEPHONY_TOKEN: 'provider-token',
};

const productionAccount: Env = {
  APP_ENV: 'production',
  ACCOUNT_BASE_URL: 'https://account.example.gov',
  ACCOUNT_OIDC_ISSUER: 'https://id.example.gov',
  ACCOUNT_DATA_KEY: key(),
  ACCOUNT_FINGERPRINT_KEY: key(),
  ACCOUNT_COOKIE_SECRET: key(),
  ACCOUNT_OIDC_CLIENT_SECRET: 'a-long-client-secret',
  SMTP_URL: 'smtp://mail.example.gov:587',
  // Only the development payment adapters ship; production must name them on purpose.
  ACCOUNT_CARD_PROCESSOR: 'development',
  ACCOUNT_BANK_RAILS: 'development',
};

const without = (env: Env, name: string): Env =>
  Object.fromEntries(Object.entries(env).filter(([k]) => k !== name));

describe('identity provider config', () => {
  it('defaults: development, port 4000, issuer http://localhost:4000, local secrets, embedded database', () => {
    const config = readIdentityConfig({}, DATA_DIR, localSecrets);
    assert.equal(config.mode, 'development');
    assert.equal(config.port, 4000);
    assert.equal(config.host, 'localhost');
    assert.equal(config.issuer, 'http://localhost:4000');
    assert.equal(config.secureCookies, false);
    assert.equal(config.devTools, true);
    assert.equal(config.smtp, undefined);
    assert.deepEqual(config.database, { url: undefined, embeddedPath: `${DATA_DIR}/identity` });
    assert.deepEqual(config.dataKey, Buffer.from(localSecrets.IDP_DATA_KEY!, 'base64'));
    assert.deepEqual(config.fingerprintKey, Buffer.from(localSecrets.IDP_FINGERPRINT_KEY!, 'base64'));
    assert.equal(config.cookieSecret, localSecrets.IDP_COOKIE_SECRET);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.trustProxy, false);
  });

  it('the default issuer follows IDP_PORT', () => {
    const config = readIdentityConfig({ IDP_PORT: '4100' }, DATA_DIR, localSecrets);
    assert.equal(config.port, 4100);
    assert.equal(config.issuer, 'http://localhost:4100');
  });

  it('test mode logs at warn; settings from the environment win over local secrets', () => {
    const dataKey = randomBytes(32);
    const config = readIdentityConfig(
      { APP_ENV: 'test', IDP_DATA_KEY: dataKey.toString('base64'), TRUST_PROXY: 'true' },
      DATA_DIR,
      localSecrets,
    );
    assert.equal(config.logLevel, 'warn');
    assert.deepEqual(config.dataKey, dataKey);
    assert.equal(config.trustProxy, true);
  });

  it('a complete production environment is accepted: https issuer, secure cookies, SMTP, no dev tools', () => {
    const config = readIdentityConfig(
      { ...productionIdentity, IDP_ISSUER: 'https://id.example.gov/' },
      DATA_DIR,
      undefined,
    );
    assert.equal(config.mode, 'production');
    assert.equal(config.issuer, 'https://id.example.gov');
    assert.equal(config.secureCookies, true);
    assert.equal(config.devTools, false);
    assert.deepEqual(config.smtp, { url: 'smtp://mail.example.gov:587', from: 'no-reply@localhost' });
  });

  it('production ignores local secrets (they are for development only)', () => {
    assertConfigError(
      () => readIdentityConfig(without(productionIdentity, 'IDP_DATA_KEY'), DATA_DIR, localSecrets),
      'IDP_DATA_KEY',
    );
  });

  const bad: [name: string, env: Env, setting: string][] = [
    ['port "abc"', { IDP_PORT: 'abc' }, 'IDP_PORT'],
    ['port "70000"', { IDP_PORT: '70000' }, 'IDP_PORT'],
    ['issuer not a URL', { IDP_ISSUER: 'not a url' }, 'IDP_ISSUER'],
    ['database URL with a mysql scheme', { IDP_DATABASE_URL: 'mysql://db/identity' }, 'IDP_DATABASE_URL'],
    ['data key of 16 bytes', { IDP_DATA_KEY: randomBytes(16).toString('base64') }, 'IDP_DATA_KEY'],
    [
      'fingerprint key of 33 bytes',
      { IDP_FINGERPRINT_KEY: randomBytes(33).toString('base64') },
      'IDP_FINGERPRINT_KEY',
    ],
    ['cookie secret that is a password', { IDP_COOKIE_SECRET: 'hunter2' }, 'IDP_COOKIE_SECRET'],
    ['APP_ENV=staging', { APP_ENV: 'staging' }, 'APP_ENV'],
    [
      'production with an http issuer',
      { ...productionIdentity, IDP_ISSUER: 'http://id.example.gov' },
      'IDP_ISSUER',
    ],
    ['production with the default issuer', without(productionIdentity, 'IDP_ISSUER'), 'IDP_ISSUER'],
    ['production without IDP_DATA_KEY', without(productionIdentity, 'IDP_DATA_KEY'), 'IDP_DATA_KEY'],
    [
      'production without IDP_FINGERPRINT_KEY',
      without(productionIdentity, 'IDP_FINGERPRINT_KEY'),
      'IDP_FINGERPRINT_KEY',
    ],
    [
      'production without IDP_COOKIE_SECRET',
      without(productionIdentity, 'IDP_COOKIE_SECRET'),
      'IDP_COOKIE_SECRET',
    ],
    ['production without SMTP_URL', without(productionIdentity, 'SMTP_URL'), 'SMTP_URL'],
    ['production without TELEPHONY_URL', without(productionIdentity, 'TELEPHONY_URL'), 'TELEPHONY_URL'],
    [
      'production with TELEPHONY_URL but no token',
      without(productionIdentity, 'TELEPHONY_TOKEN'),
      'TELEPHONY_TOKEN',
    ],
    ['production with a blank SMTP_URL', { ...productionIdentity, SMTP_URL: '  ' }, 'SMTP_URL'],
  ];
  for (const [name, env, setting] of bad) {
    it(`${name} → ConfigError naming ${setting}`, () => {
      assertConfigError(() => readIdentityConfig(env, DATA_DIR, localSecrets), setting);
    });
  }

  it('development without any secret source names the first missing secret', () => {
    assertConfigError(() => readIdentityConfig({}, DATA_DIR, undefined), 'IDP_DATA_KEY');
  });
});

describe('tax account config', () => {
  it('defaults: port 3000, base URL http://localhost:3000, issuer http://localhost:4000, client tax-account', () => {
    const config = readAccountConfig({}, DATA_DIR, localSecrets);
    assert.equal(config.mode, 'development');
    assert.equal(config.port, 3000);
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.deepEqual(config.oidc, {
      issuer: 'http://localhost:4000',
      clientId: 'tax-account',
      clientSecret: localSecrets.ACCOUNT_OIDC_CLIENT_SECRET,
    });
    assert.equal(config.secureCookies, false);
    assert.deepEqual(config.database, { url: undefined, embeddedPath: `${DATA_DIR}/account` });
    assert.deepEqual(config.dataKey, Buffer.from(localSecrets.ACCOUNT_DATA_KEY!, 'base64'));
    assert.deepEqual(config.session, { idleSeconds: 900, absoluteSeconds: 43_200, idleWarningSeconds: 150 });
  });

  it('derives the issuer from IDP_PORT, then IDP_ISSUER, then ACCOUNT_OIDC_ISSUER', () => {
    assert.equal(
      readAccountConfig({ IDP_PORT: '4100' }, DATA_DIR, localSecrets).oidc.issuer,
      'http://localhost:4100',
    );
    assert.equal(
      readAccountConfig({ IDP_ISSUER: 'http://id.test:4000/' }, DATA_DIR, localSecrets).oidc.issuer,
      'http://id.test:4000',
    );
    assert.equal(
      readAccountConfig(
        { IDP_ISSUER: 'http://id.test:4000', ACCOUNT_OIDC_ISSUER: 'http://other.test' },
        DATA_DIR,
        localSecrets,
      ).oidc.issuer,
      'http://other.test',
    );
  });

  it('a complete production environment is accepted, with secure cookies', () => {
    const config = readAccountConfig(productionAccount, DATA_DIR, undefined);
    assert.equal(config.secureCookies, true);
    assert.equal(config.oidc.clientSecret, 'a-long-client-secret');
  });

  const bad: [name: string, env: Env, setting: string][] = [
    ['port "abc"', { ACCOUNT_PORT: 'abc' }, 'ACCOUNT_PORT'],
    ['port "70000"', { ACCOUNT_PORT: '70000' }, 'ACCOUNT_PORT'],
    ['bad IDP_PORT', { IDP_PORT: 'x' }, 'IDP_PORT'],
    ['base URL not a URL', { ACCOUNT_BASE_URL: 'account dot gov' }, 'ACCOUNT_BASE_URL'],
    ['issuer not a URL', { ACCOUNT_OIDC_ISSUER: '::' }, 'ACCOUNT_OIDC_ISSUER'],
    [
      'database URL with an http scheme',
      { ACCOUNT_DATABASE_URL: 'http://db/account' },
      'ACCOUNT_DATABASE_URL',
    ],
    ['data key of 31 bytes', { ACCOUNT_DATA_KEY: randomBytes(31).toString('base64') }, 'ACCOUNT_DATA_KEY'],
    [
      'cookie secret of 8 bytes',
      { ACCOUNT_COOKIE_SECRET: randomBytes(8).toString('base64') },
      'ACCOUNT_COOKIE_SECRET',
    ],
    ['APP_ENV=staging', { APP_ENV: 'staging' }, 'APP_ENV'],
    [
      'production with an http base URL',
      { ...productionAccount, ACCOUNT_BASE_URL: 'http://a.example.gov' },
      'ACCOUNT_BASE_URL',
    ],
    [
      'production with an http issuer',
      { ...productionAccount, ACCOUNT_OIDC_ISSUER: 'http://id.example.gov' },
      'ACCOUNT_OIDC_ISSUER',
    ],
    ['production without SMTP_URL (receipts)', without(productionAccount, 'SMTP_URL'), 'SMTP_URL'],
    [
      'production without naming the card processor',
      without(productionAccount, 'ACCOUNT_CARD_PROCESSOR'),
      'ACCOUNT_CARD_PROCESSOR',
    ],
    [
      'production without naming the bank rails',
      without(productionAccount, 'ACCOUNT_BANK_RAILS'),
      'ACCOUNT_BANK_RAILS',
    ],
    ['an unknown card processor', { ACCOUNT_CARD_PROCESSOR: 'acme' }, 'ACCOUNT_CARD_PROCESSOR'],
    ['a sweep of 0 seconds', { ACCOUNT_PAYMENT_SWEEP_SECONDS: '0' }, 'ACCOUNT_PAYMENT_SWEEP_SECONDS'],
    [
      'production without ACCOUNT_DATA_KEY',
      without(productionAccount, 'ACCOUNT_DATA_KEY'),
      'ACCOUNT_DATA_KEY',
    ],
    [
      'production without ACCOUNT_FINGERPRINT_KEY',
      without(productionAccount, 'ACCOUNT_FINGERPRINT_KEY'),
      'ACCOUNT_FINGERPRINT_KEY',
    ],
    [
      'production without ACCOUNT_COOKIE_SECRET',
      without(productionAccount, 'ACCOUNT_COOKIE_SECRET'),
      'ACCOUNT_COOKIE_SECRET',
    ],
    [
      'production without ACCOUNT_OIDC_CLIENT_SECRET',
      without(productionAccount, 'ACCOUNT_OIDC_CLIENT_SECRET'),
      'ACCOUNT_OIDC_CLIENT_SECRET',
    ],
  ];
  for (const [name, env, setting] of bad) {
    it(`${name} → ConfigError naming ${setting}`, () => {
      assertConfigError(() => readAccountConfig(env, DATA_DIR, localSecrets), setting);
    });
  }
});

describe('system config (both apps, local secrets in DATA_DIR)', () => {
  it('development: writes local secrets once into DATA_DIR and wires both apps together', () => {
    const dataDir = freshDataDir();
    const config = readSystemConfig({ DATA_DIR: dataDir, APP_ENV: 'test' });
    const file = join(dataDir, 'local-secrets.json');
    assert.ok(existsSync(file));
    const saved = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    assert.deepEqual(
      Object.keys(saved).sort(),
      [...IDENTITY_SECRET_NAMES, ...ACCOUNT_SECRET_NAMES, ...BENEFITS_SECRET_NAMES].sort(),
    );
    assert.equal(config.dataDir, dataDir);
    assert.equal(config.identity.port, 4000);
    assert.equal(config.account.port, 3000);
    assert.equal(config.identity.issuer, 'http://localhost:4000');
    assert.equal(config.account.oidc.issuer, config.identity.issuer);
    assert.deepEqual(config.identity.dataKey, Buffer.from(saved.IDP_DATA_KEY!, 'base64'));
    assert.notDeepEqual(config.identity.dataKey, config.account.dataKey);
    assert.equal(config.identity.database.embeddedPath, `${dataDir}/identity`);
    assert.equal(config.account.database.embeddedPath, `${dataDir}/account`);
  });

  it('a second start reuses the same secrets', () => {
    const dataDir = freshDataDir();
    const first = readSystemConfig({ DATA_DIR: dataDir, APP_ENV: 'test' });
    const second = readSystemConfig({ DATA_DIR: dataDir, APP_ENV: 'development' });
    assert.deepEqual(second.identity.dataKey, first.identity.dataKey);
    assert.equal(second.account.cookieSecret, first.account.cookieSecret);
  });

  it('the account follows a custom IDP_PORT', () => {
    const config = readSystemConfig({ DATA_DIR: freshDataDir(), APP_ENV: 'test', IDP_PORT: '4555' });
    assert.equal(config.identity.issuer, 'http://localhost:4555');
    assert.equal(config.account.oidc.issuer, 'http://localhost:4555');
  });

  it('production writes no local secrets and refuses to start without real settings', () => {
    const dataDir = freshDataDir();
    assert.throws(() => readSystemConfig({ DATA_DIR: dataDir, APP_ENV: 'production' }), ConfigError);
    assert.equal(existsSync(join(dataDir, 'local-secrets.json')), false);
  });

  it('APP_ENV=staging is rejected before anything is written', () => {
    const dataDir = freshDataDir();
    assertConfigError(() => readSystemConfig({ DATA_DIR: dataDir, APP_ENV: 'staging' }), 'APP_ENV');
    assert.equal(existsSync(dataDir), false);
  });

  it('a bad port names its setting', () => {
    assertConfigError(
      () => readSystemConfig({ DATA_DIR: freshDataDir(), APP_ENV: 'test', ACCOUNT_PORT: '70000' }),
      'ACCOUNT_PORT',
    );
  });
});

// The demo benefits agency's settings: defaults, following the identity provider's issuer, and
// every bad value stopping start-up with a ConfigError that names the setting.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { assertConfigError } from '../support/config-error.ts';
import type { Env } from '#platform/config/env-reader.ts';
import { BENEFITS_SECRET_NAMES, readBenefitsConfig } from '../../apps/benefits/src/config.ts';

const DATA_DIR = '/nonexistent/data-dir-for-unit-tests';
const key = () => randomBytes(32).toString('base64');
const localSecrets = Object.fromEntries(BENEFITS_SECRET_NAMES.map((name) => [name, key()]));

const production: Env = {
  APP_ENV: 'production',
  BENEFITS_BASE_URL: 'https://benefits.example.gov',
  IDP_ISSUER: 'https://id.example.gov',
  BENEFITS_COOKIE_SECRET: key(),
};

describe('benefits agency config', () => {
  it('defaults: port 3100, localhost, client benefits-demo, the default identity provider', () => {
    const config = readBenefitsConfig({ APP_ENV: 'test' }, DATA_DIR, localSecrets);
    assert.equal(config.port, 3100);
    assert.equal(config.host, 'localhost');
    assert.equal(config.baseUrl, 'http://localhost:3100');
    assert.deepEqual(config.oidc, { issuer: 'http://localhost:4000', clientId: 'benefits-demo' });
    assert.equal(config.clientKeyFile, `${DATA_DIR}/benefits/client-key.json`);
    assert.equal(config.secureCookies, false);
    assert.equal(config.sessionSeconds, 15 * 60);
    assert.ok(config.loginRequestSeconds > 0 && config.loginRequestSeconds <= 15 * 60);
    assert.deepEqual(config.cookieSecret, Buffer.from(localSecrets.BENEFITS_COOKIE_SECRET!, 'base64'));
  });

  it('BENEFITS_PORT moves the default base URL with it', () => {
    const config = readBenefitsConfig({ BENEFITS_PORT: '3999' }, DATA_DIR, localSecrets);
    assert.equal(config.port, 3999);
    assert.equal(config.baseUrl, 'http://localhost:3999');
  });

  it('BENEFITS_BASE_URL and BENEFITS_HOST are used as given (trailing slash dropped)', () => {
    const config = readBenefitsConfig(
      { BENEFITS_BASE_URL: 'https://benefits.example.gov/', BENEFITS_HOST: '0.0.0.0', HOST: '127.0.0.1' },
      DATA_DIR,
      localSecrets,
    );
    assert.equal(config.baseUrl, 'https://benefits.example.gov');
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.secureCookies, true);
  });

  it('falls back to HOST when BENEFITS_HOST is not set', () => {
    assert.equal(readBenefitsConfig({ HOST: '127.0.0.1' }, DATA_DIR, localSecrets).host, '127.0.0.1');
  });

  it('trusts the same identity provider as the tax account: IDP_ISSUER, else IDP_PORT', () => {
    assert.equal(
      readBenefitsConfig({ IDP_ISSUER: 'https://id.example.gov' }, DATA_DIR, localSecrets).oidc.issuer,
      'https://id.example.gov',
    );
    assert.equal(
      readBenefitsConfig({ IDP_PORT: '4555' }, DATA_DIR, localSecrets).oidc.issuer,
      'http://localhost:4555',
    );
    assert.equal(
      readBenefitsConfig(
        { IDP_ISSUER: 'https://id.example.gov', BENEFITS_OIDC_ISSUER: 'https://other-id.example.gov' },
        DATA_DIR,
        localSecrets,
      ).oidc.issuer,
      'https://other-id.example.gov',
    );
  });

  it('reads a set cookie secret before the local one', () => {
    const secret = randomBytes(32);
    const config = readBenefitsConfig(
      { BENEFITS_COOKIE_SECRET: secret.toString('base64') },
      DATA_DIR,
      localSecrets,
    );
    assert.deepEqual(config.cookieSecret, secret);
  });

  it('production: accepts https settings with a real secret', () => {
    const config = readBenefitsConfig(production, DATA_DIR, undefined);
    assert.equal(config.mode, 'production');
    assert.equal(config.secureCookies, true);
  });

  const bad: [string, Env, string][] = [
    ['a port that is not a number', { BENEFITS_PORT: 'http' }, 'BENEFITS_PORT'],
    ['a port above 65535', { BENEFITS_PORT: '70000' }, 'BENEFITS_PORT'],
    ['a base URL that is not a URL', { BENEFITS_BASE_URL: 'benefits.example.gov' }, 'BENEFITS_BASE_URL'],
    [
      'an issuer that is not http(s)',
      { BENEFITS_OIDC_ISSUER: 'ftp://id.example.gov' },
      'BENEFITS_OIDC_ISSUER',
    ],
    [
      'a cookie secret that is not 32 bytes',
      { BENEFITS_COOKIE_SECRET: 'c2hvcnQ=' },
      'BENEFITS_COOKIE_SECRET',
    ],
    [
      'production without the cookie secret',
      { ...production, BENEFITS_COOKIE_SECRET: '' },
      'BENEFITS_COOKIE_SECRET',
    ],
    [
      'production over http',
      { ...production, BENEFITS_BASE_URL: 'http://benefits.example.gov' },
      'BENEFITS_BASE_URL',
    ],
    [
      'production with an http issuer',
      { ...production, IDP_ISSUER: 'http://id.example.gov' },
      'BENEFITS_OIDC_ISSUER',
    ],
  ];
  for (const [name, env, setting] of bad) {
    it(`refuses ${name}, naming ${setting}`, () => {
      assertConfigError(() => readBenefitsConfig(env, DATA_DIR, localSecrets), setting);
    });
  }

  it('production never falls back to local secrets', () => {
    const { BENEFITS_COOKIE_SECRET: _unused, ...withoutSecret } = production;
    assertConfigError(
      () => readBenefitsConfig(withoutSecret, DATA_DIR, localSecrets),
      'BENEFITS_COOKIE_SECRET',
    );
  });
});

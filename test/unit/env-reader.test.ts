// Typed readers over an environment map: every bad value is a ConfigError naming its setting.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertConfigError } from '../support/config-error.ts';
import {
  readDatabaseUrl,
  readEnum,
  readKey,
  readOptional,
  readPort,
  readString,
  readUrl,
  type Env,
} from '#platform/config/env-reader.ts';
import { readRuntimeMode } from '#platform/config/runtime-mode.ts';

/** Asserts `read` throws a ConfigError for `setting` whose message names it. */
const KEY_32 = Buffer.alloc(32, 7);

describe('readString', () => {
  it('returns the trimmed value', () => assert.equal(readString({ S: '  value ' }, 'S'), 'value'));
  it('uses the fallback when unset or blank', () => {
    assert.equal(readString({}, 'S', 'fallback'), 'fallback');
    assert.equal(readString({ S: '   ' }, 'S', 'fallback'), 'fallback');
  });
  it('throws a ConfigError naming the setting when required and unset', () => {
    assertConfigError(() => readString({}, 'MY_SETTING'), 'MY_SETTING');
    assertConfigError(() => readString({ MY_SETTING: ' ' }, 'MY_SETTING'), 'MY_SETTING');
  });
});

describe('readOptional', () => {
  const cases: [Env, string | undefined][] = [
    [{}, undefined],
    [{ O: '' }, undefined],
    [{ O: ' \t ' }, undefined],
    [{ O: ' x ' }, 'x'],
  ];
  for (const [env, want] of cases) {
    it(`${JSON.stringify(env)} → ${JSON.stringify(want)}`, () => assert.equal(readOptional(env, 'O'), want));
  }
});

describe('readPort', () => {
  const good: [string | undefined, number][] = [
    [undefined, 4000],
    ['', 4000],
    ['  ', 4000],
    ['0', 0],
    ['80', 80],
    [' 8080 ', 8080],
    ['65535', 65535],
  ];
  for (const [raw, want] of good) {
    it(`${JSON.stringify(raw)} → ${want}`, () => assert.equal(readPort({ PORT: raw }, 'PORT', 4000), want));
  }
  const bad = ['abc', '70000', '65536', '-1', '80.5', '1e3', '0x50', '80 81', '８０'];
  for (const raw of bad) {
    it(`${JSON.stringify(raw)} → ConfigError naming PORT`, () => {
      assertConfigError(() => readPort({ PORT: raw }, 'PORT', 4000), 'PORT');
    });
  }
});

describe('readUrl', () => {
  const good: [string, string][] = [
    ['http://localhost:4000', 'http://localhost:4000'],
    ['http://localhost:4000/', 'http://localhost:4000'],
    ['https://id.example.gov/', 'https://id.example.gov'],
    ['https://id.example.gov/base/', 'https://id.example.gov/base'],
    ['HTTPS://ID.Example.GOV', 'https://id.example.gov'],
  ];
  for (const [raw, want] of good) {
    it(`${raw} → ${want}`, () => assert.equal(readUrl({ U: raw }, 'U'), want));
  }
  it('uses the fallback when unset', () => assert.equal(readUrl({}, 'U', 'http://x.test/'), 'http://x.test'));
  it('throws when unset without a fallback', () => assertConfigError(() => readUrl({}, 'U'), 'U'));
  for (const raw of ['not a url', '/relative/path', 'http://', '://missing-scheme', 'http://exa mple.gov']) {
    it(`${JSON.stringify(raw)} → ConfigError naming the setting`, () => {
      assertConfigError(() => readUrl({ MY_URL: raw }, 'MY_URL'), 'MY_URL');
    });
  }
  it('rejects values that parse as URLs but are not http(s): a forgotten scheme, other schemes', () => {
    for (const raw of [
      'localhost:4000',
      'id.example.gov:443',
      'ftp://id.example.gov',
      'javascript:alert(1)',
    ]) {
      assertConfigError(() => readUrl({ MY_URL: raw }, 'MY_URL'), 'MY_URL');
    }
  });
  it('a bad fallback is reported against the setting too', () => {
    assertConfigError(() => readUrl({}, 'MY_URL', 'nope'), 'MY_URL');
  });
});

describe('readDatabaseUrl', () => {
  const good = ['postgres://user:pw@db:5432/app', 'postgresql://db/app?sslmode=require'];
  for (const raw of good) {
    it(`accepts ${raw}`, () => assert.equal(readDatabaseUrl({ DB: raw }, 'DB'), raw));
  }
  it('is optional', () => assert.equal(readDatabaseUrl({}, 'DB'), undefined));
  const bad = ['mysql://db/app', 'http://db:5432/app', 'db:5432/app', 'postgres:/db', 'sqlite:///data.db'];
  for (const raw of bad) {
    it(`rejects ${raw}`, () => assertConfigError(() => readDatabaseUrl({ MY_DB: raw }, 'MY_DB'), 'MY_DB'));
  }
});

describe('readEnum and readRuntimeMode', () => {
  it('returns an allowed value, or the fallback when unset', () => {
    assert.equal(readEnum({ E: 'b' }, 'E', ['a', 'b'] as const, 'a'), 'b');
    assert.equal(readEnum({}, 'E', ['a', 'b'] as const, 'a'), 'a');
  });
  it('rejects anything else, naming the setting', () => {
    assertConfigError(() => readEnum({ E: 'c' }, 'E', ['a', 'b'] as const, 'a'), 'E');
    assertConfigError(() => readEnum({ E: 'A' }, 'E', ['a', 'b'] as const, 'a'), 'E');
  });
  const modes: [Env, string][] = [
    [{}, 'development'],
    [{ APP_ENV: 'development' }, 'development'],
    [{ APP_ENV: 'test' }, 'test'],
    [{ APP_ENV: ' production ' }, 'production'],
  ];
  for (const [env, want] of modes) {
    it(`APP_ENV ${JSON.stringify(env.APP_ENV)} → ${want}`, () => assert.equal(readRuntimeMode(env), want));
  }
  for (const raw of ['staging', 'prod', 'Production', 'dev']) {
    it(`APP_ENV=${raw} → ConfigError naming APP_ENV`, () => {
      assertConfigError(() => readRuntimeMode({ APP_ENV: raw }), 'APP_ENV');
    });
  }
});

describe('readKey', () => {
  it('is optional', () => assert.equal(readKey({}, 'K'), undefined));
  it('decodes 32 bytes from base64 and from base64url', () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => 250 - i));
    assert.deepEqual(readKey({ K: key.toString('base64') }, 'K'), key);
    assert.deepEqual(readKey({ K: key.toString('base64url') }, 'K'), key);
    assert.deepEqual(readKey({ K: ` ${KEY_32.toString('base64')}\n` }, 'K'), KEY_32);
  });
  const bad: [string, string][] = [
    ['16 bytes', Buffer.alloc(16, 1).toString('base64')],
    ['31 bytes', Buffer.alloc(31, 1).toString('base64')],
    ['33 bytes', Buffer.alloc(33, 1).toString('base64')],
    ['64 bytes', Buffer.alloc(64, 1).toString('base64')],
    ['a passphrase', 'correct horse battery staple'],
    ['hex of 32 bytes', KEY_32.toString('hex')],
  ];
  for (const [name, raw] of bad) {
    it(`rejects ${name}, naming the setting`, () =>
      assertConfigError(() => readKey({ MY_KEY: raw }, 'MY_KEY'), 'MY_KEY'));
  }
});

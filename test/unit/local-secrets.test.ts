// Development secrets kept in the data folder (real files in a temporary folder).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLocalSecrets } from '#platform/crypto/local-secrets.ts';

const root = mkdtempSync(join(tmpdir(), 'unit-local-secrets-'));
after(() => rmSync(root, { recursive: true, force: true }));

let counter = 0;
const freshFile = () => join(root, `case-${++counter}`, 'nested', 'local-secrets.json');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;

describe('loadLocalSecrets', () => {
  it('creates the folder and a 0600 file holding a 32-byte base64 secret per name', () => {
    const file = freshFile();
    const secrets = loadLocalSecrets(file, ['A_KEY', 'B_KEY']);
    assert.deepEqual(Object.keys(secrets).sort(), ['A_KEY', 'B_KEY']);
    for (const value of Object.values(secrets)) {
      assert.match(value, /^[A-Za-z0-9+/]{43}=$/);
      assert.equal(Buffer.from(value, 'base64').length, 32);
    }
    assert.notEqual(secrets.A_KEY, secrets.B_KEY);
    assert.deepEqual(readJson(file), secrets);
    if (process.platform !== 'win32') assert.equal(statSync(file).mode & 0o777, 0o600);
  });

  it('is stable: a second call returns the same secrets and leaves the file untouched', () => {
    const file = freshFile();
    const first = loadLocalSecrets(file, ['A_KEY', 'B_KEY']);
    const before = readFileSync(file, 'utf8');
    const beforeMtime = statSync(file).mtimeMs;
    const second = loadLocalSecrets(file, ['A_KEY', 'B_KEY']);
    assert.deepEqual(second, first);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.equal(statSync(file).mtimeMs, beforeMtime);
  });

  it('adds only the missing names, keeping existing ones', () => {
    const file = freshFile();
    const first = loadLocalSecrets(file, ['A_KEY']);
    const second = loadLocalSecrets(file, ['A_KEY', 'C_KEY']);
    assert.equal(second.A_KEY, first.A_KEY);
    assert.ok(second.C_KEY);
    assert.deepEqual(Object.keys(readJson(file)).sort(), ['A_KEY', 'C_KEY']);
    assert.deepEqual(readJson(file), second);
  });

  it('keeps secrets it was not asked for, and regenerates empty ones', () => {
    const file = join(root, `case-${++counter}.json`);
    writeFileSync(file, JSON.stringify({ KEEP_ME: 'kept-value', EMPTY: '' }), { mode: 0o600 });
    const secrets = loadLocalSecrets(file, ['EMPTY', 'NEW']);
    assert.equal(secrets.KEEP_ME, 'kept-value');
    assert.equal(Buffer.from(secrets.EMPTY ?? '', 'base64').length, 32);
    assert.equal(Buffer.from(secrets.NEW ?? '', 'base64').length, 32);
    assert.deepEqual(readJson(file), secrets);
  });

  it('does not create a file when no names are asked for', () => {
    const file = freshFile();
    assert.deepEqual(loadLocalSecrets(file, []), {});
    assert.throws(() => statSync(file), { code: 'ENOENT' });
  });

  it('gives different secrets in different data folders', () => {
    const a = loadLocalSecrets(freshFile(), ['A_KEY']);
    const b = loadLocalSecrets(freshFile(), ['A_KEY']);
    assert.notEqual(a.A_KEY, b.A_KEY);
  });
});

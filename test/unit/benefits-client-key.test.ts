// The benefits agency's private_key_jwt key: generated once (mode 0600), reused afterwards, only
// its public half handed out, and a damaged file refused with a message naming it.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ecThumbprint,
  loadOrCreateClientKey,
  parseClientKey,
} from '../../apps/benefits/src/oidc/client-key.ts';
import { parseAgencyRegistration } from '../../apps/identity/src/federation/agency-registration.ts';

const root = mkdtempSync(join(tmpdir(), 'unit-benefits-key-'));
after(() => rmSync(root, { recursive: true, force: true }));
let counter = 0;
const freshFile = () => join(root, `data-${++counter}`, 'benefits', 'client-key.json');

describe('benefits client key', () => {
  it('is created on first use as a private P-256 JWK with mode 0600, in a folder it creates', () => {
    const file = freshFile();
    const key = loadOrCreateClientKey(file);
    assert.ok(existsSync(file));
    assert.equal(statSync(file).mode & 0o777, 0o600);
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    assert.equal(stored.kty, 'EC');
    assert.equal(stored.crv, 'P-256');
    assert.equal(stored.d, key.privateJwk.d);
    assert.equal(stored.kid, key.kid);
    assert.deepEqual(readdirSync(join(file, '..')), ['client-key.json'], 'no temporary file left behind');
  });

  it('is reused afterwards: the same key, the same kid', () => {
    const file = freshFile();
    const first = loadOrCreateClientKey(file);
    const second = loadOrCreateClientKey(file);
    assert.deepEqual(second, first);
  });

  it('hands out a public JWK without the private part, with a thumbprint kid', () => {
    const { publicJwk, kid } = loadOrCreateClientKey(freshFile());
    assert.equal('d' in publicJwk, false);
    assert.deepEqual(Object.keys(publicJwk).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x', 'y']);
    assert.equal(publicJwk.alg, 'ES256');
    assert.equal(publicJwk.kid, kid);
    assert.equal(kid, ecThumbprint(publicJwk));
    assert.match(kid, /^[A-Za-z0-9_-]{43}$/);
  });

  it('the private half signs what the public half verifies (ES256)', () => {
    const { privateJwk, publicJwk } = loadOrCreateClientKey(freshFile());
    const data = Buffer.from('header.payload');
    const signature = sign('sha256', data, {
      key: createPrivateKey({ key: privateJwk, format: 'jwk' }),
      dsaEncoding: 'ieee-p1363',
    });
    const publicKey = createPublicKey({ key: publicJwk, format: 'jwk' });
    assert.ok(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, signature));
  });

  it('two different files get two different keys', () => {
    assert.notEqual(loadOrCreateClientKey(freshFile()).kid, loadOrCreateClientKey(freshFile()).kid);
  });

  it('the RFC 7638 thumbprint matches the RFC’s own P-256 example shape (canonical member order)', () => {
    // Order of members in the input must not matter.
    const jwk = { y: 'y-value', x: 'x-value', crv: 'P-256' };
    assert.equal(ecThumbprint(jwk), ecThumbprint({ crv: 'P-256', x: 'x-value', y: 'y-value' }));
  });

  it('the public JWK passes the identity provider’s registration check for private_key_jwt', () => {
    const { publicJwk } = loadOrCreateClientKey(freshFile());
    const registration = parseAgencyRegistration({
      client_id: 'benefits-demo',
      name: 'State Benefits Agency (demo)',
      redirect_uris: ['http://localhost:3100/auth/callback'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [publicJwk] },
      scopes: ['openid', 'email'],
      ial: 1,
      failure_url: 'http://localhost:3100/failed',
    });
    assert.equal(registration.jwks?.keys[0]?.kid, publicJwk.kid);
  });

  const damaged: [string, string][] = [
    ['not JSON', '{ not json'],
    ['JSON null', 'null'],
    ['an RSA key', JSON.stringify({ kty: 'RSA', n: 'x', e: 'AQAB', d: 'x' })],
    ['a public key only', JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'x', y: 'y' })],
    ['another curve', JSON.stringify({ kty: 'EC', crv: 'P-384', x: 'x', y: 'y', d: 'd' })],
    ['garbage coordinates', JSON.stringify({ kty: 'EC', crv: 'P-256', x: 'AAAA', y: 'AAAA', d: 'AAAA' })],
  ];
  for (const [name, text] of damaged) {
    it(`refuses a key file holding ${name}, naming the file`, () => {
      const file = freshFile();
      loadOrCreateClientKey(file);
      writeFileSync(file, text);
      assert.throws(
        () => loadOrCreateClientKey(file),
        (error: Error) => error.message.includes(file),
      );
    });
  }

  it('refuses a key whose public half was swapped for another key’s', () => {
    const one = loadOrCreateClientKey(freshFile());
    const two = loadOrCreateClientKey(freshFile());
    const mixed = JSON.stringify({ ...one.privateJwk, x: two.privateJwk.x, y: two.privateJwk.y });
    assert.throws(() => parseClientKey(mixed, 'mixed.json'), /mixed\.json/);
  });
});

// The benefits agency's sealed cookies: what goes in comes out, and nothing else does —
// not a tampered value, not one sealed for another purpose or with another key, not an expired one.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createCookieSealer, deriveCookieKey } from '../../apps/benefits/src/session/sealed-cookie.ts';

const secret = randomBytes(32);
const sealer = createCookieSealer(secret);
const now = new Date('2026-03-01T12:00:00Z');
const later = (seconds: number) => new Date(now.getTime() + seconds * 1000);
const value = { claims: { sub: 'pairwise-sub', email: 'maria.garcia@example.com' }, idToken: 'eyJ.x.y' };

describe('cookie sealer', () => {
  it('opens what it sealed, for the same purpose, before expiry', () => {
    const sealed = sealer.seal('session', value, now, 900);
    assert.deepEqual(sealer.open('session', sealed, now), value);
    assert.deepEqual(sealer.open('session', sealed, later(899)), value);
  });

  it('hides the content: neither the email nor the token appear in the sealed text', () => {
    const sealed = sealer.seal('session', value, now, 900);
    assert.ok(!sealed.includes('maria'), sealed);
    assert.ok(!Buffer.from(sealed.split('.').join(''), 'base64url').toString('latin1').includes('maria'));
    assert.match(sealed, /^[A-Za-z0-9._-]+$/, 'cookie-safe characters only');
  });

  it('seals the same value differently each time (fresh IV)', () => {
    assert.notEqual(sealer.seal('session', value, now, 900), sealer.seal('session', value, now, 900));
  });

  it('expires: the second after the lifetime it no longer opens', () => {
    const sealed = sealer.seal('session', value, now, 900);
    assert.equal(sealer.open('session', sealed, later(900)), undefined);
    assert.equal(sealer.open('session', sealed, later(3600)), undefined);
  });

  it('a login-request cookie never opens as a session, nor the other way round', () => {
    const request = sealer.seal('login-request', { state: 's', nonce: 'n', codeVerifier: 'v' }, now, 600);
    assert.equal(sealer.open('session', request, now), undefined);
    const session = sealer.seal('session', value, now, 900);
    assert.equal(sealer.open('login-request', session, now), undefined);
  });

  it('refuses a value sealed with another secret', () => {
    const other = createCookieSealer(randomBytes(32));
    assert.equal(sealer.open('session', other.seal('session', value, now, 900), now), undefined);
  });

  it('refuses any tampering, truncation or garbage without throwing', () => {
    const sealed = sealer.seal('session', value, now, 900);
    const parts = sealed.split('.');
    const flip = (text: string) => (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
    const tampered = [
      [parts[0], parts[1], flip(parts[2]!), parts[3]].join('.'),
      [parts[0], flip(parts[1]!), parts[2], parts[3]].join('.'),
      [parts[0], parts[1], parts[2], flip(parts[3]!)].join('.'),
      [parts[0], parts[1], parts[2], parts[3]!.slice(0, 8)].join('.'),
      sealed.slice(0, -1),
      '',
      'v1',
      'v1...',
      'not a cookie at all',
      `${sealed}.extra`,
    ];
    for (const candidate of tampered) {
      assert.equal(sealer.open('session', candidate, now), undefined, candidate);
    }
  });

  it('refuses a secret that is not 32 bytes', () => {
    assert.throws(() => createCookieSealer(randomBytes(16)));
  });

  it('derives distinct 32-byte keys per use, the same each time', () => {
    const signing = deriveCookieKey(secret, 'signing');
    const sealing = deriveCookieKey(secret, 'sealing');
    assert.equal(signing.length, 32);
    assert.notDeepEqual(signing, sealing);
    assert.notDeepEqual(signing, secret);
    assert.deepEqual(deriveCookieKey(secret, 'signing'), signing);
  });
});

// The provider-rendered pages: parsing oidc-provider 9's logout form, and rendering our own.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { createOidcPageRenderer, parseLogoutForm } from '../../apps/identity/src/views/oidc-pages.tsx';

// Exactly what oidc-provider 9 passes to logoutSource().
const PROVIDER_FORM =
  '<form id="op.logoutForm" method="post" action="http://localhost:4000/oidc/session/end/confirm"><input type="hidden" name="xsrf" value="abc123"/></form>';

/** The little of a Koa context the renderer reads: the language cookie and Accept-Language. */
function fakeContext(cookie: string | undefined, acceptLanguage = ''): KoaContextWithOIDC {
  const ctx = {
    cookies: { get: (name: string) => (name === 'idp_lang' ? cookie : undefined) },
    get: (header: string) => (header.toLowerCase() === 'accept-language' ? acceptLanguage : ''),
  };
  return ctx as unknown as KoaContextWithOIDC;
}

describe('parseLogoutForm', () => {
  it("reads the action and xsrf value from oidc-provider 9's form", () => {
    assert.deepEqual(parseLogoutForm(PROVIDER_FORM), {
      action: 'http://localhost:4000/oidc/session/end/confirm',
      xsrf: 'abc123',
    });
  });

  it('reads a long random xsrf value and an https action with a path prefix', () => {
    const xsrf = 'Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MA_-';
    const form = PROVIDER_FORM.replace('abc123', xsrf).replace(
      'http://localhost:4000',
      'https://id.example.gov',
    );
    assert.deepEqual(parseLogoutForm(form), {
      action: 'https://id.example.gov/oidc/session/end/confirm',
      xsrf,
    });
  });

  const malformed: [string, string][] = [
    ['an empty string', ''],
    ['no action', PROVIDER_FORM.replace(/ action="[^"]*"/, '')],
    ['an empty action', PROVIDER_FORM.replace(/action="[^"]*"/, 'action=""')],
    ['no xsrf input', PROVIDER_FORM.replace(/<input[^>]*\/>/, '')],
    ['an empty xsrf value', PROVIDER_FORM.replace('value="abc123"', 'value=""')],
    ['a differently named input', PROVIDER_FORM.replace('name="xsrf"', 'name="csrf"')],
    ['plain text', 'logout'],
  ];
  for (const [name, form] of malformed) {
    it(`throws on ${name}`, () => {
      assert.throws(() => parseLogoutForm(form), /logout form/);
    });
  }
});

describe('oidc page renderer', () => {
  const renderer = createOidcPageRenderer();

  it('logout: posts our own form to the provider action with its xsrf value, in English by default', () => {
    const html = renderer.logout(fakeContext(undefined), PROVIDER_FORM);
    assert.ok(html.startsWith('<!doctype html>'));
    assert.match(html, /<html lang="en"/);
    assert.ok(html.includes('action="http://localhost:4000/oidc/session/end/confirm"'), html);
    assert.ok(html.includes('name="xsrf" value="abc123"'), html);
    assert.ok(html.includes('name="logout" value="yes"'), html);
    assert.ok(html.includes('Yes, sign me out'), html);
  });

  it('logout: follows the saved language cookie, then Accept-Language', () => {
    assert.match(
      renderer.logout(fakeContext('es'), PROVIDER_FORM),
      /<html lang="es"[\s\S]*Sí, cerrar sesión/,
    );
    assert.match(renderer.logout(fakeContext(undefined, 'es-MX,es;q=0.9'), PROVIDER_FORM), /<html lang="es"/);
    assert.match(renderer.logout(fakeContext('en', 'es'), PROVIDER_FORM), /<html lang="en"/);
  });

  it('logout: an unexpected form is an error, not a page without protection', () => {
    assert.throws(() => renderer.logout(fakeContext(undefined), '<form></form>'));
  });

  it('logout: escapes a hostile xsrf value instead of emitting markup', () => {
    const hostile = PROVIDER_FORM.replace('abc123', 'x><script>alert(1)</script');
    const html = renderer.logout(fakeContext(undefined), hostile);
    assert.ok(!html.includes('<script>'), html);
  });

  it('loggedOut: a signed-out page in the chosen language', () => {
    assert.ok(renderer.loggedOut(fakeContext(undefined)).includes('You have signed out'));
    assert.ok(renderer.loggedOut(fakeContext('es')).includes('Cerró la sesión'));
  });

  it('error: shows the OIDC error code and a translated explanation, escaping the code', () => {
    const html = renderer.error(fakeContext(undefined), { error: 'invalid_request' }, new Error('x'));
    assert.ok(html.includes('OIDC-invalid_request'), html);
    assert.ok(html.includes('The agency sent a sign-in request we could not accept'), html);
    const hostile = renderer.error(fakeContext('es'), { error: '<img src=x onerror=alert(1)>' }, undefined);
    assert.ok(!hostile.includes('<img src=x'), hostile);
    assert.ok(hostile.includes('La agencia envió'), hostile);
  });

  it('error: a missing error code falls back to plain OIDC', () => {
    const html = renderer.error(fakeContext(undefined), {}, undefined);
    assert.ok(html.includes('Error code OIDC<'), html);
  });
});

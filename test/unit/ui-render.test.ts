// Server-side rendering escapes user text, and the language switch keeps the page.
// (Written with preact's h() so the file stays .ts.)
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { h, type ComponentType, type VNode } from 'preact';
import { translator } from '#platform/i18n/catalog.ts';
import { Alert, ErrorSummary, TextField } from '#platform/ui/components.tsx';
import { Layout, languageSwitchHref } from '#platform/ui/layout.tsx';
import type { PageContext } from '#platform/ui/page-context.ts';
import { renderDocument } from '#platform/ui/render.ts';

const SCRIPT = '<script>alert(1)</script>';
const BREAKOUT = '"><script>alert(2)</script>';

/** h() with the props checked against the component, as the plain VNode renderDocument takes. */
function el<P>(component: ComponentType<P>, props: NoInfer<P>): VNode {
  return h(component as ComponentType<object>, props as object) as VNode;
}

const context = (overrides: Partial<PageContext> = {}): PageContext => ({
  locale: 'en',
  t: translator('en'),
  csrfToken: 'x',
  path: '/',
  ...overrides,
});

/** No raw markup from user text: no <script> element, no unescaped payload. */
function assertInert(html: string): void {
  assert.ok(!/<script/i.test(html), `raw <script> in ${html}`);
  assert.ok(!html.includes(SCRIPT) && !html.includes(BREAKOUT), `unescaped payload in ${html}`);
}

describe('renderDocument escapes user text', () => {
  it('starts with the HTML5 doctype', () => {
    assert.ok(renderDocument(h('p', null, 'x') as VNode).startsWith('<!doctype html><p>x</p>'));
  });

  it('TextField: label, hint, error and value', () => {
    const html = renderDocument(
      el(TextField, {
        name: 'email',
        label: `Label ${SCRIPT}`,
        hint: `Hint ${SCRIPT}`,
        error: `Error ${SCRIPT}`,
        value: BREAKOUT,
      }),
    );
    assertInert(html);
    assert.ok(html.includes('&lt;script>alert(1)&lt;/script>'), html);
    assert.ok(html.includes('value="&quot;>&lt;script>alert(2)&lt;/script>"'), html);
  });

  it('TextField: links its hint and error to the input', () => {
    const html = renderDocument(el(TextField, { name: 'email', label: 'Email', hint: 'h', error: 'e' }));
    assert.ok(html.includes('aria-describedby="email-hint email-error"'), html);
    assert.ok(html.includes('aria-invalid="true"'), html);
  });

  it('TextField: never echoes a password value', () => {
    const html = renderDocument(
      el(TextField, { name: 'password', label: 'Password', type: 'password', value: 'hunter2-secret' }),
    );
    assert.ok(!html.includes('hunter2-secret'), html);
    assert.ok(html.includes('type="password"'), html);
  });

  it('Alert: heading and body text', () => {
    const html = renderDocument(
      el(Alert, { kind: 'error', heading: `"${SCRIPT}`, children: `Body ${SCRIPT} & "quotes"` }),
    );
    assertInert(html);
    assert.ok(html.includes('&lt;script>'), html);
    assert.ok(html.includes('role="alert"'), html);
  });

  it('ErrorSummary: messages and field anchors', () => {
    const html = renderDocument(
      el(ErrorSummary, { title: 'Fix', errors: [{ field: `x${BREAKOUT}`, message: `Message ${SCRIPT}` }] }),
    );
    assertInert(html);
    assert.ok(html.includes('&lt;script>alert(1)'), html);
    assert.ok(html.includes('href="#x&quot;>&lt;script>alert(2)&lt;/script>"'), html);
  });

  it('Layout: title, body text and the current path', () => {
    const html = renderDocument(
      el(Layout, {
        ctx: context({ path: `/sign-up?name=${encodeURIComponent(BREAKOUT)}&x=${BREAKOUT}` }),
        title: `</title>${SCRIPT}`,
        appName: 'idp.name',
        homeHref: '/',
        nav: [{ href: '/sign-out', label: `Out ${SCRIPT}`, post: true }],
        children: h('p', null, `Hello ${SCRIPT}`),
      }),
    );
    assertInert(html);
    assert.ok(
      html.includes('<title>&lt;/title>&lt;script>alert(1)&lt;/script> | Identity provider</title>'),
      html,
    );
    assert.ok(html.includes('<p>Hello &lt;script>alert(1)&lt;/script></p>'), html);
  });
});

describe('Layout', () => {
  const render = (ctx: PageContext) =>
    renderDocument(
      el(Layout, { ctx, title: 'Page', appName: 'acct.name', homeHref: '/', children: 'content' }),
    );

  it('sets the document language and offers the other language', () => {
    const english = render(context());
    assert.match(english, /<html lang="en">/);
    assert.match(english, /href="\/\?lang=es" lang="es" hreflang="es"[^>]*>Español</);
    const spanish = render(context({ locale: 'es', t: translator('es') }));
    assert.match(spanish, /<html lang="es">/);
    assert.match(spanish, /href="\/\?lang=en" lang="en" hreflang="en"[^>]*>English</);
    assert.ok(spanish.includes('Cuenta en línea'), spanish);
  });

  it('the language switch keeps the path and the other query parameters', () => {
    const html = render(context({ path: '/sign-up/password?interaction=abc&lang=en' }));
    assert.ok(html.includes('href="/sign-up/password?interaction=abc&amp;lang=es"'), html);
  });

  it('a POST nav link carries the CSRF token', () => {
    const html = renderDocument(
      el(Layout, {
        ctx: context({ csrfToken: 'csrf-token-123' }),
        title: 'Page',
        appName: 'acct.name',
        homeHref: '/',
        nav: [{ href: '/sign-out', label: 'Sign out', post: true }],
        children: 'content',
      }),
    );
    assert.match(
      html,
      /<form method="post" action="\/sign-out"[^>]*><input type="hidden" name="_csrf" value="csrf-token-123"\/>/,
    );
  });
});

describe('languageSwitchHref', () => {
  const cases: [path: string, target: string, expected: string][] = [
    ['/', 'es', '/?lang=es'],
    ['/sign-up', 'es', '/sign-up?lang=es'],
    ['/sign-up?lang=en', 'es', '/sign-up?lang=es'],
    ['/sign-up?lang=es', 'en', '/sign-up?lang=en'],
    ['/interaction/abc/sign-up?x=1&y=2', 'es', '/interaction/abc/sign-up?x=1&y=2&lang=es'],
    ['/a?lang=en&x=1', 'es', '/a?lang=es&x=1'],
    ['/a?lang=en&lang=fr&x=1', 'es', '/a?lang=es&x=1'],
    ['/a#section', 'es', '/a?lang=es'],
  ];
  for (const [path, target, expected] of cases) {
    it(`${path} → ${expected}`, () => assert.equal(languageSwitchHref(path, target), expected));
  }

  it('keeps encoded values (as the same parameters)', () => {
    const href = languageSwitchHref('/search?q=a%20b%26c&empty=', 'es');
    const url = new URL(href, 'http://host.test');
    assert.equal(url.pathname, '/search');
    assert.equal(url.searchParams.get('q'), 'a b&c');
    assert.equal(url.searchParams.get('empty'), '');
    assert.equal(url.searchParams.get('lang'), 'es');
  });

  it('never leaves the site for a path that looks like another host', () => {
    for (const path of ['//evil.example/x', '///evil.example', '/\\evil.example']) {
      const href = languageSwitchHref(path, 'es');
      assert.ok(href.startsWith('/') && !href.startsWith('//'), `${path} → ${href}`);
    }
  });

  it('never leaves the site when dot segments collapse into //host', () => {
    for (const path of ['/..//evil.example', '/a/..//evil.example/x', '/%2e%2e//evil.example']) {
      const href = languageSwitchHref(path, 'es');
      assert.ok(href.startsWith('/') && !href.startsWith('//'), `${path} → ${href}`);
    }
  });
});

// HTTP behaviour of both apps through the real servers (in-process inject): health,
// errors in the person's language with stable codes, CSRF, malformed input, security
// headers, the discovery document, and sign-up that never reveals a registered email.
import { parseAgencyRegistration } from '../../apps/identity/src/federation/agency-registration.ts';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { createWebServer } from '#platform/http/web-server.ts';
import { createLogger } from '#platform/log/logger.ts';
import { errorPage } from '#platform/ui/error-page.tsx';

const NO_STACK = /\bat [\w.<>]+ \(|node:internal|\.ts:\d+/;

describe('HTTP behaviour of both apps', { timeout: 120_000 }, () => {
  let system: TestSystem;
  let idp: FastifyInstance;
  let account: FastifyInstance;

  before(async () => {
    system = await startTestSystem();
    idp = system.identity.server;
    account = system.account.server;
  });
  after(() => system?.stop());

  it('answers /healthz with 200 JSON on both apps', async () => {
    for (const [server, service] of [
      [idp, 'identity'],
      [account, 'account'],
    ] as const) {
      const response = await server.inject({ method: 'GET', url: '/healthz' });
      assert.equal(response.statusCode, 200);
      assert.match(response.headers['content-type'] as string, /application\/json/);
      assert.deepEqual(response.json(), { status: 'ok', service, database: 'pglite' });
    }
  });

  it('renders unknown routes as a 404 page with a code, in English or Spanish', async () => {
    const en = await account.inject({ method: 'GET', url: '/nope', headers: { accept: 'text/html' } });
    assert.equal(en.statusCode, 404);
    assert.match(en.body, /Error code E404/);
    assert.match(en.body, /<html lang="en">/);
    const es = await idp.inject({
      method: 'GET',
      url: '/nope',
      headers: { accept: 'text/html', 'accept-language': 'es-MX,es;q=0.9' },
    });
    assert.equal(es.statusCode, 404);
    assert.match(es.body, /Código de error E404/);
    assert.match(es.body, /No encontramos esa página/);
  });

  it('answers JSON clients with a JSON error', async () => {
    const response = await account.inject({
      method: 'GET',
      url: '/nope',
      headers: { accept: 'application/json' },
    });
    assert.equal(response.statusCode, 404);
    assert.deepEqual(response.json().error.code, 'E404');
  });

  it('refuses a form post without a CSRF token with a 403 page that explains what to do', async () => {
    const response = await idp.inject({
      method: 'POST',
      url: '/sign-up',
      payload: 'email=a%40example.com',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /E403-CSRF/);
    assert.match(response.body, /reload the page and try again/);
  });

  it('turns malformed bodies into a 400 page without a stack trace', async () => {
    const cases = [
      { 'content-type': 'application/json', payload: '{"email": ' },
      { 'content-type': 'text/plain', payload: 'hello' },
      {
        'content-type': 'application/x-www-form-urlencoded',
        payload: 'email=' + 'x'.repeat(2 * 1024 * 1024),
      },
    ];
    for (const { payload, ...headers } of cases) {
      const response = await idp.inject({
        method: 'POST',
        url: '/sign-up',
        payload,
        headers: { ...headers, accept: 'text/html' },
      });
      assert.equal(response.statusCode, 400, `${headers['content-type']}: ${response.statusCode}`);
      assert.match(response.body, /Error code E400/);
      assert.doesNotMatch(response.body, NO_STACK);
    }
  });

  it('treats a repeated form field as a bad request, after CSRF passes', async () => {
    const page = await idp.inject({ method: 'GET', url: '/sign-up' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    assert.ok(csrf, 'sign-up page carries a CSRF token');
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const response = await idp.inject({
      method: 'POST',
      url: '/sign-up',
      payload: `_csrf=${encodeURIComponent(csrf)}&email=a%40example.com&email=b%40example.com`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie, accept: 'text/html' },
    });
    assert.equal(response.statusCode, 400);
  });

  it('hides a stack trace and the error text from a 500, and logs neither PII nor the stack to the person', async () => {
    const lines: string[] = [];
    const logger = createLogger({
      name: 'probe',
      level: 'error',
      destination: { write: (line: string) => lines.push(line) },
    });
    const server = await createWebServer({
      name: 'probe',
      logger,
      cookieSecret: 'x'.repeat(32),
      cookiePrefix: 'probe',
      secureCookies: false,
      formActionOrigins: () => [],
      errorPage: errorPage('acct.name', '/'),
      rateLimit: { max: 100, timeWindowMs: 60_000 },
      health: async () => ({}),
    });
    server.get('/boom', async () => {
      throw new Error('database exploded for jane.doe@example.com');
    });
    const response = await server.inject({ method: 'GET', url: '/boom', headers: { accept: 'text/html' } });
    await server.close();
    assert.equal(response.statusCode, 500);
    assert.match(response.body, /Error code E500/);
    assert.doesNotMatch(response.body, /exploded|jane\.doe/);
    assert.doesNotMatch(response.body, NO_STACK);
    assert.ok(
      lines.some((line) => line.includes('unhandled error')),
      'the error is logged for operators',
    );
    assert.ok(
      lines.every((line) => !line.includes('jane.doe@example.com')),
      'no email address in the logs',
    );
  });

  it('sends a strict CSP and the other security headers, also on protocol endpoints', async () => {
    for (const [server, url] of [
      [account, '/'],
      [idp, '/'],
      [idp, '/.well-known/openid-configuration'],
    ] as const) {
      const response = await server.inject({ method: 'GET', url });
      const csp = String(response.headers['content-security-policy']);
      assert.match(csp, /default-src 'self'/, url);
      assert.match(csp, /frame-ancestors 'none'/, url);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, url);
      assert.equal(response.headers['x-content-type-options'], 'nosniff', url);
      assert.equal(response.headers['x-frame-options'], 'DENY', url);
      assert.equal(response.headers['referrer-policy'], 'no-referrer', url);
    }
    const idpCsp = String((await idp.inject({ method: 'GET', url: '/' })).headers['content-security-policy']);
    for (const agencyUrl of [system.accountUrl, system.benefitsUrl]) {
      assert.match(
        idpCsp,
        new RegExp(`form-action 'self'[^;]* ${agencyUrl.replace(/[.:/]/g, '\\$&')}(;| |$)`),
        'the IdP may post forward to each registered agency',
      );
    }
  });

  it('serves USWDS and its fonts from our own origin', async () => {
    const css = await idp.inject({ method: 'GET', url: '/assets/uswds/css/uswds.min.css' });
    assert.equal(css.statusCode, 200);
    assert.match(css.headers['content-type'] as string, /text\/css/);
    const page = await account.inject({ method: 'GET', url: '/' });
    assert.doesNotMatch(
      page.body,
      /https?:\/\/(?!localhost)[a-z0-9.-]+\.[a-z]{2,}\/[^"]*\.(css|js|woff2?)/i,
      'no asset from another origin',
    );
  });

  it('publishes a discovery document for the code flow with PKCE S256 and public signing keys only', async () => {
    const discovery = (await idp.inject({ method: 'GET', url: '/.well-known/openid-configuration' })).json();
    assert.equal(discovery.issuer, system.identityUrl);
    assert.deepEqual(discovery.response_types_supported, ['code']);
    assert.deepEqual(discovery.code_challenge_methods_supported, ['S256']);
    const jwks = (await idp.inject({ method: 'GET', url: new URL(discovery.jwks_uri).pathname })).json();
    assert.deepEqual(jwks.keys.map((k: { alg: string }) => k.alg).sort(), ['ES256', 'RS256']);
    for (const key of jwks.keys) assert.equal(key.d, undefined, 'no private key material is published');
  });

  it('refuses an authorization request from a public agency without PKCE', async () => {
    await system.identity.agencies.upsert(
      parseAgencyRegistration({
        client_id: 'public-app',
        name: 'A public app',
        redirect_uris: [`${system.accountUrl}/auth/callback`],
        token_endpoint_auth_method: 'none',
        scopes: ['openid'],
        ial: 1,
        failure_url: `${system.accountUrl}/`,
      }),
    );
    const url = `/oidc/auth?client_id=public-app&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(`${system.accountUrl}/auth/callback`)}&state=abcdefghijklmnopqrstuvwx&nonce=abcdefghijklmnopqrstuvwx`;
    const response = await idp.inject({ method: 'GET', url });
    // PKCE errors are returned to the registered redirect URI, per the protocol.
    assert.equal(response.statusCode, 303);
    const location = new URL(String(response.headers.location));
    assert.equal(location.origin + location.pathname, `${system.accountUrl}/auth/callback`);
    assert.equal(location.searchParams.get('error'), 'invalid_request');
    assert.match(String(location.searchParams.get('error_description')), /PKCE/);
  });

  it('renders protocol errors it cannot redirect (unknown agency) on our own page', async () => {
    const response = await idp.inject({
      method: 'GET',
      url: '/oidc/auth?client_id=nobody&response_type=code&scope=openid',
      headers: { accept: 'text/html' },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /Error code OIDC-invalid_client/);
    assert.match(response.body, /usa-banner/);
  });

  it('never reveals whether an email is registered when signing up', async () => {
    const page = await idp.inject({ method: 'GET', url: '/sign-up' });
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const cookie = page.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const post = (email: string) =>
      idp.inject({
        method: 'POST',
        url: '/sign-up',
        payload: `_csrf=${encodeURIComponent(csrf)}&email=${encodeURIComponent(email)}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
      });
    const known = await post('maria.garcia@example.com');
    const unknown = await post('brand.new.person@example.com');
    assert.equal(known.statusCode, 303);
    assert.equal(unknown.statusCode, 303);
    assert.equal(known.headers.location, unknown.headers.location);
    const outbox = (await idp.inject({ method: 'GET', url: '/dev/outbox.json' })).json().messages as {
      recipient: string;
      subject: string;
    }[];
    assert.equal(
      outbox.find((m) => m.recipient === 'maria.garcia@example.com')?.subject,
      'You already have an account',
    );
    assert.equal(
      outbox.find((m) => m.recipient === 'brand.new.person@example.com')?.subject,
      'Confirm your email address',
    );
  });

  it('remembers the language chosen with ?lang=es in a cookie', async () => {
    const first = await account.inject({ method: 'GET', url: '/?lang=es' });
    assert.match(first.body, /<html lang="es">/);
    const cookie = first.cookies.find((c) => c.name === 'acct_lang');
    assert.equal(cookie?.value, 'es');
    const second = await account.inject({ method: 'GET', url: '/', headers: { cookie: `acct_lang=es` } });
    assert.match(second.body, /Su cuenta en línea/);
  });

  it('sends a person with an unknown or expired sign-in request to a page that explains the way back', async () => {
    const response = await idp.inject({
      method: 'GET',
      url: '/interaction/not-a-real-one',
      headers: { accept: 'text/html' },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /E440-SESSION/);
    assert.match(response.body, /Go back to the agency website/);
  });

  it('answers a callback with an unknown state with a clear page, not an error dump', async () => {
    const response = await account.inject({
      method: 'GET',
      url: '/auth/callback?code=abc&state=unknown',
      headers: { accept: 'text/html' },
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /We could not sign you in/);
  });
});

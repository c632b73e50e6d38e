// The State Benefits Agency (demo), the second relying party, over HTTP: its pages, the redirect
// to the identity provider (client benefits-demo, PKCE S256, state, nonce, acr_values), a
// callback that matches no sign-in or carries an error (a page with a way on, never a 500), its
// registration with private_key_jwt, and its client key kept across restarts.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { createHttpClient, csrfOf } from '../support/http-client.ts';
import { LOGIN_REQUEST_COOKIE, SESSION_COOKIE } from '../../apps/benefits/src/session/benefits-cookies.ts';
import { createCookieSealer } from '../../apps/benefits/src/session/sealed-cookie.ts';
import { loadOrCreateClientKey } from '../../apps/benefits/src/oidc/client-key.ts';
import { createBenefitsIdentityProviderClient } from '../../apps/benefits/src/oidc/identity-provider-client.ts';

const setCookies = (headers: Record<string, unknown>): string[] =>
  ([] as string[]).concat((headers['set-cookie'] as string | string[] | undefined) ?? []);

describe('State Benefits Agency (demo) over HTTP', { timeout: 120_000 }, () => {
  let system: TestSystem;

  before(async () => {
    system = await startTestSystem();
  });
  after(() => system?.stop());

  const benefits = () => system.benefits.server;

  it('renders the home page: a demo agency with a "Sign in with the identity provider" button', async () => {
    const home = await createHttpClient(benefits()).get('/');
    assert.equal(home.status, 200);
    assert.match(home.body, /<title>[^<]*State Benefits Agency \(demo\)<\/title>/);
    assert.match(home.body, /href="\/sign-in"[^>]*>Sign in with the identity provider</);
    assert.match(home.body, /A demonstration agency/);
  });

  it('renders the home page in Spanish', async () => {
    const home = await createHttpClient(benefits()).get('/?lang=es');
    assert.match(home.body, /<html lang="es">/);
    assert.match(home.body, /Iniciar sesión con el proveedor de identidad/);
  });

  it('sends the person to the identity provider with client_id, PKCE S256, state, nonce and acr_values', async () => {
    const response = await benefits().inject({ method: 'GET', url: '/sign-in' });
    assert.equal(response.statusCode, 303);
    const location = new URL(String(response.headers.location));
    assert.equal(`${location.origin}${location.pathname}`, `${system.identityUrl}/oidc/auth`);
    const params = location.searchParams;
    assert.equal(params.get('client_id'), 'benefits-demo');
    assert.equal(params.get('response_type'), 'code');
    assert.equal(params.get('redirect_uri'), `${system.benefitsUrl}/auth/callback`);
    assert.equal(params.get('scope'), 'openid email');
    assert.equal(params.get('acr_values'), 'urn:tia:ial:auth-only urn:tia:aal:2');
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.match(params.get('code_challenge') ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.match(params.get('state') ?? '', /^[A-Za-z0-9_-]{20,}$/);
    assert.match(params.get('nonce') ?? '', /^[A-Za-z0-9_-]{20,}$/);
    assert.notEqual(params.get('state'), params.get('nonce'));

    // The sign-in in progress is kept in a short-lived, sealed, httpOnly cookie.
    const cookie = setCookies(response.headers).find((line) => line.startsWith(`${LOGIN_REQUEST_COOKIE}=`));
    assert.ok(cookie, 'a login-request cookie');
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.match(cookie, /Max-Age=600/);
    for (const secret of [params.get('state')!, params.get('nonce')!])
      assert.ok(!cookie.includes(secret), 'state and nonce are not readable in the cookie');
  });

  it('is accepted by the identity provider: the authorization request goes on to sign-in', async () => {
    const start = await benefits().inject({ method: 'GET', url: '/sign-in' });
    const location = new URL(String(start.headers.location));
    const auth = await system.identity.server.inject({
      method: 'GET',
      url: `${location.pathname}${location.search}`,
    });
    assert.equal(auth.statusCode, 303, `the identity provider answered ${auth.statusCode}: ${auth.body}`);
    assert.match(String(auth.headers.location), /^\/interaction\//);
  });

  it('is registered with private_key_jwt and its public key only', async () => {
    const agency = await system.identity.agencies.find('benefits-demo');
    assert.ok(agency, 'benefits-demo is registered');
    assert.equal(agency.name, 'State Benefits Agency (demo)');
    assert.equal(agency.token_endpoint_auth_method, 'private_key_jwt');
    assert.equal(agency.client_secret, undefined);
    assert.deepEqual(agency.jwks?.keys, [system.benefits.publicJwk]);
    assert.equal('d' in (agency.jwks?.keys[0] ?? {}), false);
    assert.deepEqual(agency.scopes, ['openid', 'email']);
    assert.equal(agency.ial, 1);
    assert.equal(agency.aal, 2);
    assert.equal(agency.failure_url, `${system.benefitsUrl}/failed`);
    assert.deepEqual(agency.redirect_uris, [`${system.benefitsUrl}/auth/callback`]);
    assert.deepEqual(agency.post_logout_redirect_uris, [`${system.benefitsUrl}/signed-out`]);
  });

  it('authenticates to the token endpoint with its key: a bogus code is invalid_grant, not invalid_client', async () => {
    const key = loadOrCreateClientKey(system.config.benefits.clientKeyFile);
    const client = await createBenefitsIdentityProviderClient({
      issuer: system.identityUrl,
      clientId: 'benefits-demo',
      clientKey: key.privateJwk,
      redirectUri: `${system.benefitsUrl}/auth/callback`,
      postLogoutRedirectUri: `${system.benefitsUrl}/signed-out`,
      scope: 'openid email',
      acrValues: 'urn:tia:ial:auth-only urn:tia:aal:2',
    });
    const callback = new URL(`${system.benefitsUrl}/auth/callback`);
    callback.searchParams.set('code', 'not-a-real-code');
    callback.searchParams.set('state', 'expected-state');
    callback.searchParams.set('iss', system.identityUrl);
    await assert.rejects(
      client.finishAuthorization(callback, {
        state: 'expected-state',
        nonce: 'expected-nonce',
        codeVerifier: oidc.randomPKCECodeVerifier(),
      }),
      (error: unknown) => {
        assert.ok(error instanceof oidc.ResponseBodyError, `unexpected ${String(error)}`);
        assert.equal(error.error, 'invalid_grant');
        return true;
      },
    );
  });

  it('answers a callback with a state from no sign-in with a page that offers to try again, not a 500', async () => {
    const client = createHttpClient(benefits());
    await client.get('/sign-in');
    assert.ok(client.cookie(LOGIN_REQUEST_COOKIE), 'a sign-in in progress');
    const callback = await client.get('/auth/callback?code=abc&state=not-the-state');
    assert.equal(callback.status, 400);
    assert.match(callback.body, /We could not sign you in/);
    assert.match(callback.body, /started in another browser or tab/);
    assert.match(callback.body, /Error code E400-STATE/);
    assert.match(callback.body, /href="\/sign-in"[^>]*>Try again</);
    assert.doesNotMatch(callback.body, /at [A-Za-z.]+ \(|node_modules|Error:/, 'no stack trace');
    assert.equal(client.cookie(LOGIN_REQUEST_COOKIE), undefined, 'the sign-in in progress is used up');
    assert.equal(client.cookie(SESSION_COOKIE), undefined, 'not signed in');
  });

  it('answers a callback without any sign-in in progress (or without parameters) the same way', async () => {
    for (const url of ['/auth/callback?code=abc&state=xyz', '/auth/callback']) {
      const callback = await createHttpClient(benefits()).get(url);
      assert.equal(callback.status, 400, url);
      assert.match(callback.body, /Error code E400-STATE/, url);
    }
  });

  const idpErrors: [string, RegExp][] = [
    ['unmet_authentication_requirements', /could not confirm the kind of sign-in this agency needs/],
    ['access_denied', /You cancelled signing in/],
    ['login_required', /needs you to sign in again/],
  ];
  for (const [error, message] of idpErrors) {
    it(`explains the identity provider's ${error} in plain language, with a way on`, async () => {
      const client = createHttpClient(benefits());
      const start = await client.get('/sign-in');
      const state = new URL(start.location!).searchParams.get('state')!;
      const callback = await client.get(
        `/auth/callback?error=${error}&error_description=${encodeURIComponent('<b>raw</b> text')}&state=${state}`,
      );
      assert.equal(callback.status, 400);
      assert.match(callback.body, message);
      assert.match(callback.body, new RegExp(`Error code ${error}`));
      assert.match(callback.body, /href="\/sign-in"[^>]*>Try again</);
      const main = /<main[^>]*>([\s\S]*)<\/main>/.exec(callback.body)?.[1] ?? '';
      assert.ok(
        main.includes('Try again') && !main.includes('raw'),
        'the free-text description is not shown',
      );
      assert.equal(client.cookie(SESSION_COOKIE), undefined);
    });
  }

  it('shows the failure_url, signed-out and health pages', async () => {
    const client = createHttpClient(benefits());
    const failed = await client.get('/failed');
    assert.equal(failed.status, 200);
    assert.match(failed.body, /We could not confirm your identity/);
    assert.match(failed.body, /Visit a local office/);
    const signedOut = await client.get('/signed-out');
    assert.equal(signedOut.status, 200);
    assert.match(signedOut.body, /You have signed out/);
    const health = await benefits().inject({ method: 'GET', url: '/healthz' });
    assert.equal(health.statusCode, 200);
    assert.equal(health.json().status, 'ok');
    assert.equal(health.json().service, 'benefits');
  });

  it('treats a forged or foreign session cookie as signed out', async () => {
    for (const value of ['forged', 'v1.AAAA.BBBB.CCCC']) {
      const home = await benefits().inject({
        method: 'GET',
        url: '/',
        headers: { cookie: `${SESSION_COOKIE}=${value}`, accept: 'text/html' },
      });
      assert.equal(home.statusCode, 200);
      assert.match(home.body, /Sign in with the identity provider/);
    }
  });

  it('shows a signed-in person what the agency received, and signs out at the identity provider too', async () => {
    // A session as the callback would seal it (the full sign-in runs in the browser tests).
    const sealer = createCookieSealer(system.config.benefits.cookieSecret);
    const session = sealer.seal(
      'session',
      {
        claims: {
          sub: 'pairwise-subject-for-benefits',
          email: 'maria.garcia@example.com',
          ial: 'urn:tia:ial:auth-only',
          aal: 'urn:tia:aal:2',
          acr: 'urn:tia:ial:auth-only',
        },
        idToken: 'header.payload.signature',
      },
      new Date(),
      900,
    );
    const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: string) =>
      benefits().inject({
        method,
        url,
        payload,
        headers: {
          cookie,
          accept: 'text/html',
          ...(payload === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
        },
      });
    const home = await inject('GET', '/', `${SESSION_COOKIE}=${session}`);
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /<h1>Hello, maria.garcia@example.com<\/h1>/);
    assert.match(home.body, /pairwise-subject-for-benefits/);
    assert.match(home.body, /urn:tia:aal:2/);
    const csrfCookie = setCookies(home.headers)
      .map((line) => line.split(';')[0]!)
      .find((pair) => pair.startsWith('bnft_csrf='));
    assert.ok(csrfCookie, 'a CSRF cookie');
    const token = csrfOf(home.body);

    const forged = await inject('POST', '/sign-out', `${SESSION_COOKIE}=${session}; ${csrfCookie}`, '');
    assert.equal(forged.statusCode, 403, 'no CSRF token, no sign-out');

    const signOut = await inject(
      'POST',
      '/sign-out',
      `${SESSION_COOKIE}=${session}; ${csrfCookie}`,
      `_csrf=${encodeURIComponent(token)}`,
    );
    assert.equal(signOut.statusCode, 303);
    const endSession = new URL(String(signOut.headers.location));
    assert.equal(`${endSession.origin}${endSession.pathname}`, `${system.identityUrl}/oidc/session/end`);
    assert.equal(endSession.searchParams.get('id_token_hint'), 'header.payload.signature');
    assert.equal(endSession.searchParams.get('post_logout_redirect_uri'), `${system.benefitsUrl}/signed-out`);
    const cleared = setCookies(signOut.headers).find((line) => line.startsWith(`${SESSION_COOKIE}=`));
    assert.match(cleared ?? '', /Expires=Thu, 01 Jan 1970|Max-Age=0/i, 'the session cookie is cleared');

    const again = await inject('POST', '/sign-out', csrfCookie, `_csrf=${encodeURIComponent(token)}`);
    assert.equal(again.statusCode, 303);
    assert.equal(again.headers.location, '/signed-out', 'without a session: straight to /signed-out');
  });

  it('does not open a session cookie after its 15 minutes', async () => {
    const sealer = createCookieSealer(system.config.benefits.cookieSecret);
    const old = sealer.seal(
      'session',
      { claims: { sub: 'someone' }, idToken: 'a.b.c' },
      new Date(Date.now() - 15 * 60_000 - 1000),
      900,
    );
    const home = await benefits().inject({
      method: 'GET',
      url: '/',
      headers: { cookie: `${SESSION_COOKIE}=${old}`, accept: 'text/html' },
    });
    assert.match(home.body, /Sign in with the identity provider/);
  });

  it('renders unknown pages as a numbered error page in its own frame', async () => {
    const missing = await createHttpClient(benefits()).get('/no-such-page');
    assert.equal(missing.status, 404);
    assert.match(missing.body, /Error code E404/);
    assert.match(missing.body, /State Benefits Agency \(demo\)/);
  });
});

describe('State Benefits Agency (demo) client key across restarts', { timeout: 120_000 }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tia-benefits-key-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is generated on first start (mode 0600), reused on the next, and registered both times', async () => {
    const file = join(dataDir, 'benefits', 'client-key.json');
    const first = await startTestSystem({ env: { DATA_DIR: dataDir } });
    let firstKey: string;
    try {
      assert.equal(statSync(file).mode & 0o777, 0o600);
      firstKey = readFileSync(file, 'utf8');
      assert.equal(
        (await first.identity.agencies.find('benefits-demo'))?.jwks?.keys[0]?.kid,
        first.benefits.publicJwk.kid,
      );
    } finally {
      await first.stop();
    }
    const second = await startTestSystem({ env: { DATA_DIR: dataDir } });
    try {
      assert.equal(readFileSync(file, 'utf8'), firstKey, 'the same key file, unchanged');
      assert.equal(second.benefits.publicJwk.kid, first.benefits.publicJwk.kid);
      assert.deepEqual(second.benefits.publicJwk, first.benefits.publicJwk);
      const registered = await second.identity.agencies.find('benefits-demo');
      assert.deepEqual(registered?.jwks?.keys, [first.benefits.publicJwk]);
    } finally {
      await second.stop();
    }
  });
});

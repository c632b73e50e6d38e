// Helpers for the OpenID Connect conformance tests: test agencies registered straight into the
// identity provider, a cookie-keeping "browser" over Fastify's inject that follows the
// provider's redirects until they leave for an agency, and the sign-in and consent pages
// driven the way a person would (password, then an email code from the development outbox).
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import * as oidc from 'openid-client';
import { exportJWK, generateKeyPair, type CryptoKey, type JWK } from 'jose';
import type { TestClock } from '#platform/time/clock.ts';
import type { TestSystem } from './test-system.ts';
import { parseAgencyRegistration } from '../../apps/identity/src/federation/agency-registration.ts';

export interface Person {
  email: string;
  password: string;
}

export const MARIA: Person = { email: 'maria.garcia@example.com', password: 'orange-tulip-harbor-42' };

// ---------------------------------------------------------------------------------------------
// Test agencies

export interface TestAgency {
  clientId: string;
  /** Where the agency's browser lands after the identity provider (never contacted). */
  redirectUri: string;
  postLogoutRedirectUri: string;
  authMethod: 'client_secret_basic' | 'private_key_jwt' | 'none';
  secret?: string;
  /** private_key_jwt: the agency's signing key (the public half is registered). */
  privateKey?: CryptoKey;
  kid?: string;
}

export interface TestAgencyOptions {
  clientId: string;
  authMethod: TestAgency['authMethod'];
  ial: 1 | 2;
  scopes: string[];
  refreshTokens?: boolean;
  phishingResistant?: boolean;
  /** 1: accepts a password alone on a remembered browser (default 2). */
  aal?: 1 | 2;
}

/** Registers an agency for the tests (checked exactly like `cli agency add --file`). */
export async function registerTestAgency(
  system: TestSystem,
  options: TestAgencyOptions,
): Promise<TestAgency> {
  const origin = `https://${options.clientId}.agency.example`;
  const agency: TestAgency = {
    clientId: options.clientId,
    redirectUri: `${origin}/auth/callback`,
    postLogoutRedirectUri: `${origin}/signed-out`,
    authMethod: options.authMethod,
  };
  let jwks: { keys: JWK[] } | undefined;
  if (options.authMethod === 'client_secret_basic') {
    agency.secret = `${options.clientId}-secret-${oidc.randomState()}`;
  } else if (options.authMethod === 'private_key_jwt') {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    agency.privateKey = privateKey;
    agency.kid = `${options.clientId}-key-1`;
    jwks = { keys: [{ ...(await exportJWK(publicKey)), kid: agency.kid, alg: 'ES256', use: 'sig' }] };
  }
  await system.identity.agencies.upsert(
    parseAgencyRegistration({
      client_id: options.clientId,
      name: `Conformance agency ${options.clientId}`,
      redirect_uris: [agency.redirectUri],
      post_logout_redirect_uris: [agency.postLogoutRedirectUri],
      token_endpoint_auth_method: options.authMethod,
      ...(agency.secret ? { client_secret: agency.secret } : {}),
      ...(jwks ? { jwks } : {}),
      scopes: options.scopes,
      ial: options.ial,
      failure_url: `${origin}/failed`,
      refresh_tokens: options.refreshTokens ?? false,
      phishing_resistant: options.phishingResistant ?? false,
      aal: options.aal ?? 2,
    }),
  );
  return agency;
}

/** openid-client's view of an agency: discovery, and the agency's own client authentication. */
export async function clientConfiguration(
  system: TestSystem,
  agency: TestAgency,
): Promise<oidc.Configuration> {
  const auth =
    agency.authMethod === 'client_secret_basic'
      ? oidc.ClientSecretBasic(agency.secret!)
      : agency.authMethod === 'private_key_jwt'
        ? oidc.PrivateKeyJwt({ key: agency.privateKey!, kid: agency.kid! })
        : oidc.None();
  return oidc.discovery(
    new URL(system.identityUrl),
    agency.clientId,
    { redirect_uris: [agency.redirectUri] },
    auth,
    { execute: [oidc.allowInsecureRequests] },
  );
}

/** `client_secret_basic`'s Authorization header (RFC 6749 §2.3.1: form-encoded, then base64). */
export function basicAuth(agency: TestAgency): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(agency.clientId)}:${encode(agency.secret!)}`).toString('base64')}`;
}

// ---------------------------------------------------------------------------------------------
// A browser

export interface Page {
  status: number;
  /** The Location header, resolved against the identity provider. */
  location: URL | undefined;
  body: string;
  headers: Record<string, unknown>;
}

/** Where following the identity provider's redirects ended. */
export type Landing =
  { kind: 'agency'; url: URL } | { kind: 'page'; status: number; path: string; body: string };

export interface Browser {
  get(url: string | URL, headers?: Record<string, string>): Promise<Page>;
  /** Posts a form; the CSRF token of the last page seen is added unless the form has one. */
  post(url: string | URL, form: Record<string, string>, headers?: Record<string, string>): Promise<Page>;
  /** GETs `url` and follows redirects inside the identity provider. */
  follow(url: string | URL): Promise<Landing>;
  /** Follows the Location of a response already received. */
  continueFrom(page: Page): Promise<Landing>;
  cookie(name: string): string | undefined;
}

let browserCount = 0;

/**
 * A browser on its own address (the web server's per-address rate limit counts every
 * request of the test file otherwise), with a cookie jar that ignores paths: the tests
 * drive one sign-in at a time per browser.
 */
export function createBrowser(
  server: FastifyInstance,
  issuer: string,
  headers: Record<string, string> = {},
): Browser {
  browserCount += 1;
  const remoteAddress = `10.77.${Math.floor(browserCount / 250)}.${(browserCount % 250) + 1}`;
  const issuerOrigin = new URL(issuer).origin;
  const jar = new Map<string, string>();
  let lastCsrf = '';
  const remember = (setCookie: unknown) => {
    for (const line of ([] as string[]).concat((setCookie as string | string[] | undefined) ?? [])) {
      const [pair = ''] = line.split(';');
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (/Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(line) || value === '') jar.delete(name);
      else jar.set(name, value);
    }
  };
  const pathOf = (url: string | URL) => {
    const parsed = new URL(url, issuer);
    assert.equal(parsed.origin, issuerOrigin, `not the identity provider: ${parsed.href}`);
    return `${parsed.pathname}${parsed.search}`;
  };
  const send = async (
    method: 'GET' | 'POST',
    url: string | URL,
    payload: string | undefined,
    extra: Record<string, string>,
  ): Promise<Page> => {
    const response = await server.inject({
      method,
      url: pathOf(url),
      remoteAddress,
      payload,
      headers: {
        // The provider builds absolute URLs (the resume after sign-in) from the Host header.
        host: new URL(issuer).host,
        accept: 'text/html',
        ...headers,
        ...extra,
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
        ...(payload === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
    });
    remember(response.headers['set-cookie']);
    const csrf = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
    if (csrf) lastCsrf = csrf;
    const location = response.headers.location;
    return {
      status: response.statusCode,
      location: typeof location === 'string' ? new URL(location, issuer) : undefined,
      body: response.body,
      headers: response.headers,
    };
  };
  const browser: Browser = {
    get: (url, extra = {}) => send('GET', url, undefined, extra),
    post: (url, form, extra = {}) =>
      send('POST', url, new URLSearchParams({ _csrf: lastCsrf, ...form }).toString(), extra),
    async follow(url) {
      return browser.continueFrom(await browser.get(url));
    },
    async continueFrom(first) {
      let page = first;
      for (let hop = 0; hop < 12; hop++) {
        if (page.status < 300 || page.status >= 400 || !page.location) {
          return { kind: 'page', status: page.status, path: '', body: page.body };
        }
        if (page.location.origin !== issuerOrigin) return { kind: 'agency', url: page.location };
        const next = page.location;
        page = await browser.get(next);
        if (page.status < 300 || page.status >= 400) {
          return { kind: 'page', status: page.status, path: next.pathname, body: page.body };
        }
      }
      throw new Error('too many redirects inside the identity provider');
    },
    cookie: (name) => jar.get(name),
  };
  return browser;
}

// ---------------------------------------------------------------------------------------------
// Pages a person goes through

export function isSignInPage(landing: Landing): landing is Extract<Landing, { kind: 'page' }> {
  return landing.kind === 'page' && /action="\/interaction\/[^"/]+\/sign-in"/.test(landing.body);
}

export function isConsentPage(landing: Landing): landing is Extract<Landing, { kind: 'page' }> {
  return landing.kind === 'page' && /action="\/interaction\/[^"/]+\/consent"/.test(landing.body);
}

/** Identity verification's first page, inside an agency's request (the step-up). */
export function isVerifyWelcomePage(landing: Landing): landing is Extract<Landing, { kind: 'page' }> {
  return landing.kind === 'page' && /action="\/interaction\/[^"/]+\/verify\/give-up"/.test(landing.body);
}

/** Stops identity verification ("Cancel and return"): back at the agency with its error. */
export async function giveUpVerification(browser: Browser, landing: Landing): Promise<Landing> {
  assert.ok(isVerifyWelcomePage(landing), `expected identity verification, got ${describeLanding(landing)}`);
  const action = /action="(\/interaction\/[^"/]+\/verify\/give-up)"/.exec(landing.body)![1]!;
  return browser.continueFrom(await browser.post(action, {}));
}

export function describeLanding(landing: Landing): string {
  if (landing.kind === 'agency') return `back at the agency: ${landing.url.href}`;
  const heading = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(landing.body)?.[1]?.trim();
  const code = /Error code ([A-Za-z0-9_-]+)/.exec(landing.body)?.[1];
  return `a page (${landing.status}) at ${landing.path}: ${heading ?? '?'}${code ? ` [${code}]` : ''}`;
}

export interface PersonDriver {
  server: FastifyInstance;
  /** Moved on before every code is sent: one-time code sends are limited to 2 per 10 s. */
  clock: TestClock;
}

async function latestEmailCode(server: FastifyInstance, recipient: string): Promise<string> {
  const outbox = await server.inject({ method: 'GET', url: '/dev/outbox.json', remoteAddress: '10.78.0.1' });
  const messages = outbox.json().messages as { recipient: string; body: string }[];
  const message = messages.find((m) => m.recipient === recipient && /one-time code is \d{6}/.test(m.body));
  const code = /one-time code is (\d{6})/.exec(message?.body ?? '')?.[1];
  assert.ok(code, `an emailed code for ${recipient}`);
  return code;
}

/** Signs in on the sign-in page of an agency's request: password, then the emailed code. */
export async function signIn(
  driver: PersonDriver,
  browser: Browser,
  landing: Landing,
  person: Person,
): Promise<Landing> {
  assert.ok(isSignInPage(landing), `expected the sign-in page, got ${describeLanding(landing)}`);
  const action = /action="(\/interaction\/[^"/]+\/sign-in)"/.exec(landing.body)![1]!;
  const base = action.slice(0, -'/sign-in'.length);
  const afterPassword = await browser.post(action, { email: person.email, password: person.password });
  assert.equal(afterPassword.status, 303, `password step answered ${afterPassword.status}`);
  assert.equal(afterPassword.location?.pathname, `${base}/mfa`);
  const choose = await browser.get(`${base}/mfa`);
  const methodId = /name="methodId" value="([^"]+)"/.exec(choose.body)?.[1];
  assert.ok(methodId, 'the second-factor page lists a method');
  driver.clock.advance(11);
  const started = await browser.post(`${base}/mfa/start`, { methodId });
  assert.equal(started.status, 303, `sending the code answered ${started.status}`);
  const challengeId = started.location!.searchParams.get('challenge') ?? '';
  await browser.get(started.location!);
  const code = await latestEmailCode(driver.server, person.email);
  const verified = await browser.post(`${base}/mfa/${methodId}`, { code, challengeId });
  assert.equal(verified.status, 303, `the code was refused (${verified.status})`);
  return browser.continueFrom(verified);
}

/** Agrees to share, on the consent page. */
export async function consent(browser: Browser, landing: Landing): Promise<Landing> {
  assert.ok(isConsentPage(landing), `expected the consent page, got ${describeLanding(landing)}`);
  const action = /action="(\/interaction\/[^"/]+\/consent)"/.exec(landing.body)![1]!;
  return browser.continueFrom(await browser.post(action, { decision: 'allow' }));
}

/**
 * Follows an authorization request through whatever the person is shown (sign-in, consent)
 * until the identity provider sends the browser back to the agency.
 */
export async function authorize(
  driver: PersonDriver,
  browser: Browser,
  url: string | URL,
  person: Person = MARIA,
): Promise<URL> {
  let landing = await browser.follow(url);
  if (isSignInPage(landing)) landing = await signIn(driver, browser, landing, person);
  if (isConsentPage(landing)) landing = await consent(browser, landing);
  assert.equal(landing.kind, 'agency', describeLanding(landing));
  return (landing as Extract<Landing, { kind: 'agency' }>).url;
}

// ---------------------------------------------------------------------------------------------
// Tokens

/** The payload of a JWT, unverified (for assertions after a verification elsewhere). */
export function jwtPayload(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

export function jwtHeader(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
}

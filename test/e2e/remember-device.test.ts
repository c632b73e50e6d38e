// "Remember this browser", end to end in Debian's Chromium: at an agency that accepts AAL1 the
// second-factor page offers the box (axe-checked); ticked, the next sign-in there (prompt=login)
// goes from the password straight back to the agency; the account page still asks for the second
// factor, lists one remembered browser and forgets it. The agency's origin is answered by the
// browser itself (route), since the test agency only exists as a registration.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as oidc from 'openid-client';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { checkPage, launchBrowser, watchConsole, latestEmailCode } from '../support/browser.ts';
import {
  MARIA,
  clientConfiguration,
  registerTestAgency,
  type TestAgency,
} from '../support/oidc-test-agency.ts';

describe('remember this browser at an agency that accepts AAL1', { timeout: 240_000 }, () => {
  let system: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let agency: TestAgency;
  let config: oidc.Configuration;
  let problems: string[];
  const arrivals: URL[] = [];

  before(async () => {
    [system, browser] = await Promise.all([startTestSystem(), launchBrowser()]);
    agency = await registerTestAgency(system, {
      clientId: 'library-card',
      authMethod: 'client_secret_basic',
      ial: 1,
      aal: 1,
      scopes: ['openid', 'email'],
    });
    // The CSP's form-action follows registered agencies (the last form redirects there).
    await system.identity.refreshAgencies();
    config = await clientConfiguration(system, agency);
    context = await browser.newContext();
    page = await context.newPage();
    problems = watchConsole(page);
    await context.route(`${new URL(agency.redirectUri).origin}/**`, async (route) => {
      arrivals.push(new URL(route.request().url()));
      await route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Library</title>back' });
    });
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  const authorizationUrl = (extra: Record<string, string> = {}) =>
    oidc
      .buildAuthorizationUrl(config, {
        redirect_uri: agency.redirectUri,
        scope: 'openid email',
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        ...extra,
      })
      .toString();

  async function enterPassword() {
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(MARIA.email);
    await page.getByLabel('Password').fill(MARIA.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }

  async function enterEmailCode(remember: boolean, shot?: string) {
    await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('One-time code').waitFor();
    if (shot) await checkPage(page, shot);
    if (remember) {
      await page.getByText('Remember this browser for 30 days').click();
      assert.ok(await page.getByRole('checkbox', { name: /Remember this browser/ }).isChecked());
    }
    await page.getByLabel('One-time code').fill(await latestEmailCode(page, system.identityUrl, MARIA.email));
    await page.getByRole('button', { name: 'Submit' }).click();
  }

  it('offers the box there; ticked, the browser is remembered', async () => {
    await page.goto(authorizationUrl());
    await enterPassword();
    await enterEmailCode(true, 'remember-01-code-with-box');
    await page.getByRole('button', { name: 'Agree and continue' }).click();
    await page.waitForURL(`${agency.redirectUri}**`);
    assert.ok(arrivals.at(-1)?.searchParams.get('code'), 'back at the agency with a code');
    const cookie = (await context.cookies(system.identityUrl)).find((c) => c.name === 'idp_remember');
    assert.ok(cookie, 'the idp_remember cookie');
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.ok(cookie.expires > Date.now() / 1000 + 29 * 24 * 3600, 'kept for 30 days');
  });

  it('the next sign-in there needs only the password', async () => {
    const before = arrivals.length;
    const visited: string[] = [];
    const onNavigate = (frame: { url(): string }) => visited.push(frame.url());
    page.on('framenavigated', onNavigate);
    await page.goto(authorizationUrl({ prompt: 'login' }));
    await enterPassword();
    await page.waitForURL(`${agency.redirectUri}**`);
    page.off('framenavigated', onNavigate);
    assert.equal(arrivals.length, before + 1);
    assert.ok(!visited.some((url) => /\/mfa/.test(url)), `no second-factor page: ${visited.join(' → ')}`);
  });

  it('the account page still asks for the second factor, then lists and forgets the remembered browser', async () => {
    await page.goto(`${system.identityUrl}/account`);
    await enterEmailCode(false);
    await page.waitForURL(`${system.identityUrl}/account`);
    await page.getByRole('heading', { level: 2, name: 'Remembered browsers' }).waitFor();
    await page.getByText('One browser is remembered.').waitFor();
    await checkPage(page, 'remember-02-account');
    await page.getByRole('button', { name: 'Forget all remembered browsers' }).click();
    await page.getByText('Every remembered browser was forgotten.').waitFor();
    await page.getByText('No browser is remembered.').waitFor();
    await checkPage(page, 'remember-03-account-forgotten');
    // The agency's made-up host is answered by the route above; Chromium still reports the lookup.
    const agencyOrigin = new URL(agency.redirectUri).origin;
    assert.deepEqual(
      problems.filter((problem) => !problem.startsWith(`request failed: ${agencyOrigin}/`)),
      [],
    );
  });
});

// One identity provider account, two agencies, end to end in Debian's Chromium: a demo person
// signs in to the State Benefits Agency (demo) with her password and an emailed code, agrees to
// share her email, and sees what the agency received (its own pairwise `sub`, ial, aal, acr).
// The same account then signs in to the tax account without a second password. Signing out of
// the benefits agency ends the identity provider session too. Every page visited gets an axe
// scan and a screenshot.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { checkPage, launchBrowser, watchConsole, latestEmailCode } from '../support/browser.ts';

const EMAIL = 'maria.garcia@example.com';
const PASSWORD = 'orange-tulip-harbor-42';

describe('a second agency: the State Benefits Agency (demo)', { timeout: 180_000 }, () => {
  let system: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let benefitsSub = '';

  before(async () => {
    [system, browser] = await Promise.all([startTestSystem(), launchBrowser()]);
    context = await browser.newContext();
    page = await context.newPage();
    problems = watchConsole(page);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  it('shows the demo agency’s home page with a sign-in button', async () => {
    await page.goto(system.benefitsUrl);
    await page.getByRole('heading', { level: 1, name: 'Apply for and manage your benefits' }).waitFor();
    assert.match(await page.title(), /State Benefits Agency \(demo\)/);
    await checkPage(page, 'benefits-01-home');
  });

  it('sends the person to the identity provider, which names the agency', async () => {
    await page.getByRole('link', { name: 'Sign in with the identity provider' }).click();
    await page.waitForURL(`${system.identityUrl}/interaction/**`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.match(
      await page.locator('main').innerText(),
      /State Benefits Agency \(demo\) uses this identity provider/,
    );
    await checkPage(page, 'benefits-02-idp-sign-in');
  });

  it('signs in with the password and an emailed code, and agrees to share the email address', async () => {
    await page.getByLabel('Email address').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('One-time code').fill(await latestEmailCode(page, system.identityUrl, EMAIL));
    await page.getByRole('button', { name: 'Submit' }).click();
    await page
      .getByRole('heading', { name: /Share your information with State Benefits Agency \(demo\)/ })
      .waitFor();
    await checkPage(page, 'benefits-03-idp-consent');
    await page.getByRole('button', { name: 'Agree and continue' }).click();
  });

  it('greets the person by email and shows what the agency received', async () => {
    await page.waitForURL(`${system.benefitsUrl}/`);
    await page.getByRole('heading', { level: 1, name: `Hello, ${EMAIL}` }).waitFor();
    const claim = (name: string) => page.locator(`[data-claim="${name}"] code`).innerText();
    benefitsSub = await claim('sub');
    assert.match(benefitsSub, /^\S{16,}$/);
    assert.equal(await claim('ial'), 'urn:tia:ial:auth-only');
    assert.equal(await claim('aal'), 'urn:tia:aal:2');
    assert.match(await claim('acr'), /^urn:tia:/);
    assert.equal(await page.locator('[data-claim="email"]').innerText(), EMAIL);
    await checkPage(page, 'benefits-04-signed-in');
  });

  it('receives a pairwise subject, not the identity provider’s account id', async () => {
    const account = await system.identity.accounts.findByEmail(EMAIL);
    assert.ok(account);
    assert.notEqual(benefitsSub, account.id);
    assert.ok(!benefitsSub.includes(account.id));
  });

  it('switches language to Spanish and back', async () => {
    await page.getByRole('link', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: `Hola, ${EMAIL}` }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await checkPage(page, 'benefits-05-signed-in-spanish');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: `Hello, ${EMAIL}` }).waitFor();
  });

  it('the same identity provider account signs in to the tax account without a password', async () => {
    const other = await context.newPage();
    const otherProblems = watchConsole(other);
    await other.goto(system.accountUrl);
    await other.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    // Already signed in at the identity provider: at most a consent screen for the new agency.
    const consent = other.getByRole('heading', {
      name: /Share your information with Tax Agency Online Account/,
    });
    const greeting = other.getByRole('heading', { name: 'Welcome, Maria' });
    await consent.or(greeting).waitFor();
    assert.equal(await other.getByLabel('Password').count(), 0, 'no password asked again');
    if (await consent.isVisible()) await other.getByRole('button', { name: 'Agree and continue' }).click();
    await other.waitForURL(`${system.accountUrl}/`);
    await greeting.waitFor();
    assert.deepEqual(otherProblems, []);
    await other.close();
  });

  it('signs out of the agency and of the identity provider (RP-initiated logout)', async () => {
    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign out' }).waitFor();
    assert.ok(page.url().startsWith(system.identityUrl));
    await checkPage(page, 'benefits-06-idp-sign-out-confirm');
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${system.benefitsUrl}/signed-out`);
    await page.getByRole('heading', { level: 1, name: 'You have signed out' }).waitFor();
    await checkPage(page, 'benefits-07-signed-out');
    await page.goto(system.benefitsUrl);
    await page.getByRole('link', { name: 'Sign in with the identity provider' }).waitFor();
  });

  it('asks for the password again after signing out (the identity provider session ended)', async () => {
    await page.getByRole('link', { name: 'Sign in with the identity provider' }).click();
    await page.waitForURL(`${system.identityUrl}/interaction/**`);
    await page.getByLabel('Password').waitFor();
  });

  it('shows the failure_url page and a sign-in problem page, both with a way on', async () => {
    await page.goto(`${system.benefitsUrl}/failed`);
    await page.getByRole('heading', { level: 1, name: 'We could not confirm your identity' }).waitFor();
    await checkPage(page, 'benefits-08-failed');
    await page.goto(`${system.benefitsUrl}/auth/callback?error=unmet_authentication_requirements&state=x`);
    await page.getByRole('heading', { level: 1, name: 'We could not sign you in' }).waitFor();
    await checkPage(page, 'benefits-09-sign-in-problem');
    await page.getByRole('link', { name: 'Try again' }).click();
    await page.waitForURL(`${system.identityUrl}/interaction/**`);
  });

  it('raised no console errors or CSP violations', () => {
    assert.deepEqual(problems, []);
  });
});

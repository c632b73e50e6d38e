// The thin slice, end to end in Debian's Chromium: a person opens the tax account, signs
// up at the identity provider, confirms by the emailed link from the development outbox,
// and comes back to a tax account that explains she must verify her identity first (it asks
// for IAL2). A verified demo person then signs in, is greeted by name, signs out of both,
// and signs in again. Every page visited gets an axe scan and a screenshot.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { checkPage, launchBrowser, watchConsole, latestEmailCode } from '../support/browser.ts';
import { currentTotp } from '../../apps/identity/src/auth/mfa/totp.ts';

describe('thin slice: sign up, confirm, sign in, greet, sign out', { timeout: 180_000 }, () => {
  let system: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let backupCodes: string[] = [];
  const logLines: string[] = [];
  const email = `ada.${Date.now()}@example.com`;
  const password = 'lunar-kettle-orchid-93';
  const DEMO_EMAIL = 'maria.garcia@example.com';
  const DEMO_PASSWORD = 'orange-tulip-harbor-42';

  before(async () => {
    [system, browser] = await Promise.all([
      startTestSystem({ env: { LOG_LEVEL: 'info' }, logLines }),
      launchBrowser(),
    ]);
    context = await browser.newContext();
    page = await context.newPage();
    problems = watchConsole(page);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  it('shows the signed-out home page of the tax account', async () => {
    await page.goto(system.accountUrl);
    await assert.doesNotReject(
      page.getByRole('heading', { level: 1, name: 'Your online account' }).waitFor(),
    );
    assert.match(await page.locator('footer').innerText(), /never ask for your password/);
    await checkPage(page, '01-account-home-signed-out');
  });

  it('sends the person to the identity provider to sign in', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.waitForURL(`${system.identityUrl}/interaction/**`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    assert.match(
      await page.locator('main').innerText(),
      /Tax Agency Online Account uses this identity provider/,
    );
    await checkPage(page, '02-idp-sign-in');
  });

  it('creates an account with email first and shows "check your email"', async () => {
    await page.getByRole('link', { name: 'Create an account' }).click();
    await page.getByRole('heading', { name: 'Create your account' }).waitFor();
    await checkPage(page, '03-idp-sign-up-email');
    await page.getByLabel('Email address').fill(email);
    await page.getByRole('button', { name: 'Send confirmation link' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    assert.match(await page.locator('main').innerText(), new RegExp(email.replace('.', '\\.')));
    await checkPage(page, '04-idp-check-email');
  });

  it('delivers the confirmation link to the development outbox', async () => {
    const outbox = await context.newPage();
    await outbox.goto(`${system.identityUrl}/dev/outbox`);
    const message = outbox.locator('article', { hasText: email }).first();
    await message.getByRole('heading', { name: 'Confirm your email address' }).waitFor();
    await checkPage(outbox, '05-idp-dev-outbox');
    const link = await message.getByRole('link').first().getAttribute('href');
    assert.ok(link?.startsWith(`${system.identityUrl}/sign-up/confirm?token=`), `unexpected link ${link}`);
    await outbox.close();
    await page.goto(link!);
  });

  it('refuses a short password with a specific error, then creates the account', async () => {
    await page.getByRole('heading', { name: 'Finish creating your account' }).waitFor();
    await checkPage(page, '06-idp-create-password');
    await page.getByLabel('First name').fill('Ada');
    await page.getByLabel('Last name').fill('Lovelace');
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Confirm password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByText('Your password must be at least 12 characters.').first().waitFor();
    await checkPage(page, '07-idp-create-password-error');
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByLabel('Confirm password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
  });

  it('requires a second factor: sets up an authentication app with a code computed here', async () => {
    await page.getByRole('heading', { name: 'Secure your account' }).waitFor();
    await checkPage(page, '08-idp-mfa-setup-choose');
    await page.getByRole('link', { name: 'Set up: Authentication app' }).click();
    await page.getByRole('heading', { name: 'Set up an authentication app' }).waitFor();
    await checkPage(page, '09-idp-mfa-totp-setup');
    const secret = await page.locator('[data-totp-secret]').getAttribute('data-totp-secret');
    assert.match(secret ?? '', /^[A-Z2-7]{32}$/);
    await page
      .getByLabel('One-time code')
      .fill('000000' === currentTotp(secret!, new Date()) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Add authentication app' }).click();
    await page.getByText('That code is not right.').first().waitFor();
    assert.equal(
      await page.locator('[data-totp-secret]').getAttribute('data-totp-secret'),
      secret,
      'same secret kept after a typo',
    );
    await page.getByLabel('One-time code').fill(currentTotp(secret!, new Date()));
    await page.getByRole('button', { name: 'Add authentication app' }).click();
    await page.getByRole('heading', { name: 'Add a second method?' }).waitFor();
    await checkPage(page, '10-idp-mfa-second-method-reminder');
  });

  it('adds backup codes as a second method and shows them once', async () => {
    await page.getByRole('link', { name: 'Add another method' }).click();
    await page.getByRole('link', { name: 'Set up: Backup codes' }).click();
    await page.getByRole('button', { name: 'Create backup codes' }).click();
    await page.getByRole('heading', { name: 'Save your backup codes' }).waitFor();
    backupCodes = await page.locator('[data-backup-code]').allInnerTexts();
    assert.equal(backupCodes.length, 10);
    assert.equal(new Set(backupCodes).size, 10);
    for (const code of backupCodes)
      assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    await checkPage(page, '11-idp-backup-codes');
    await page.getByRole('link', { name: 'I have saved my codes' }).click();
  });

  it('the tax account, which needs a verified identity, sends her to verify; she stops, and it explains the other ways', async () => {
    // Ada has not verified her identity (IAL2): the identity provider steps her up into identity
    // verification inside the tax account's request. She stops there ("Cancel and return"): the
    // tax account learns it (access_denied, nothing shared) and says what else she can do.
    await page.getByRole('heading', { level: 1, name: 'Verify your identity' }).waitFor();
    assert.match(
      await page.locator('main').innerText(),
      /Tax Agency Online Account needs to know it is really you/,
    );
    await checkPage(page, '12b-idp-verify-welcome');
    await page.getByRole('button', { name: 'Cancel and return' }).click();
    await page.waitForURL(`${system.accountUrl}/auth/callback**`);
    await page
      .getByRole('heading', { level: 1, name: 'Verify your identity to use your online account' })
      .waitFor();
    assert.match(await page.locator('main').innerText(), /Form 4506-T/);
    await checkPage(page, '13-account-identity-not-verified');
  });

  it('signs in again at the identity provider with a backup code', async () => {
    await page.goto(`${system.identityUrl}/account`);
    await page.getByRole('heading', { level: 1, name: 'Your account' }).waitFor();
    await page.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${system.identityUrl}/signed-out`);
    await page.goto(`${system.identityUrl}/sign-in`);
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill('wrong-password-entirely');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('That email and password do not match our records.').waitFor();
    await checkPage(page, '14c-idp-sign-in-failed');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
    await checkPage(page, '15-idp-mfa-choose');
    await page.getByText('Backup codes', { exact: false }).first().click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('Backup code').fill(backupCodes[0]!.toLowerCase().replace(/-/g, ''));
    await checkPage(page, '16-idp-mfa-backup-code');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(`${system.identityUrl}/account`);
    await page.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL(`${system.identityUrl}/signed-out`);
  });

  it('a verified person signs in to the tax account, which greets her by name', async () => {
    await page.goto(system.accountUrl);
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('One-time code').fill(await latestEmailCode(page, system.identityUrl, DEMO_EMAIL));
    await page.getByRole('button', { name: 'Submit' }).click();
    await page
      .getByRole('heading', { name: /Share your information with Tax Agency Online Account/ })
      .waitFor();
    await checkPage(page, '12-idp-consent');
    await page.getByRole('button', { name: 'Agree and continue' }).click();
    await page.waitForURL(`${system.accountUrl}/`);
    await page.getByRole('heading', { name: 'Welcome, Maria' }).waitFor();
    assert.match(await page.locator('main').innerText(), /signed in as maria\.garcia@example\.com/);
    await checkPage(page, '13b-account-home-signed-in');
  });

  it('signs out of the tax account and of the identity provider', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign out' }).waitFor();
    assert.ok(page.url().startsWith(system.identityUrl));
    await checkPage(page, '14-idp-sign-out-confirm');
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${system.accountUrl}/signed-out`);
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    await checkPage(page, '14b-account-signed-out');
  });

  it('signs in again; consent is remembered, and the identity provider session was really ended', async () => {
    await page.goto(system.accountUrl);
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Email address').fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('One-time code').fill(await latestEmailCode(page, system.identityUrl, DEMO_EMAIL));
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(`${system.accountUrl}/`);
    await page.getByRole('heading', { name: 'Welcome, Maria' }).waitFor();
  });

  it('switches language to Spanish and back', async () => {
    await page.getByRole('link', { name: 'Español' }).click();
    await page.getByRole('heading', { name: 'Bienvenido/a, Maria' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'es');
    await checkPage(page, '17-account-home-spanish');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Welcome, Maria' }).waitFor();
  });

  it("shows a 404 page in the person's language for unknown routes", async () => {
    const response = await page.goto(`${system.accountUrl}/no-such-page`);
    assert.equal(response?.status(), 404);
    await page.getByText('Error code E404').waitFor();
    await checkPage(page, '18-account-404');
  });

  it('raised no console errors or CSP violations', () => {
    assert.deepEqual(problems, []);
  });

  it('logged every request with an id, and no personal data or secrets', () => {
    assert.ok(logLines.length > 50, `expected request logs, got ${logLines.length} lines`);
    const requests = logLines
      .map((line) => JSON.parse(line) as { msg?: string; reqId?: string })
      .filter((entry) => entry.msg === 'incoming request');
    assert.ok(requests.length > 20 && requests.every((entry) => typeof entry.reqId === 'string'));
    const all = logLines.join('\n');
    for (const secret of [email, password, 'Lovelace', 'maria.garcia@example.com']) {
      assert.ok(!all.includes(secret), `the logs contain ${secret}`);
    }
    assert.doesNotMatch(
      all,
      /[?&](code|state|nonce|token|id_token_hint)=(?!\[redacted\])[^&"\s]+/,
      'no protocol secrets in logged URLs',
    );
  });
});

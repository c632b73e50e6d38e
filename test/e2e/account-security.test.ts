// In the browser: setting up text-message and voice codes (delivered to the development
// outbox), the account page with its methods and history, the idle-session warning with
// "stay signed in" (driven by a controllable clock), and signing out everywhere.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { checkPage, launchBrowser, watchConsole } from '../support/browser.ts';
import { createTestClock } from '#platform/time/clock.ts';

const clock = createTestClock(new Date('2026-11-25T15:00:00.000Z'));
const PASSWORD = 'violet-harbor-compass-71';

describe('account security in the browser', { timeout: 180_000 }, () => {
  let system: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  const email = `grace.${Date.now()}@example.com`;

  before(async () => {
    [system, browser] = await Promise.all([startTestSystem({ clock }), launchBrowser()]);
    const passwordHash = await system.identity.hasher.hash(PASSWORD);
    await system.identity.db.transaction((tx) =>
      system.identity.accounts.create(tx, { email, givenName: 'Grace', familyName: 'Hopper', passwordHash }),
    );
    context = await browser.newContext();
    page = await context.newPage();
    problems = watchConsole(page);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  async function codeSentTo(recipient: string): Promise<string> {
    const response = await page.request.get(`${system.identityUrl}/dev/outbox.json`);
    const messages = (await response.json()).messages as {
      recipient: string;
      body: string;
      channel: string;
    }[];
    const message = messages.find((m) => m.recipient === recipient);
    assert.ok(message, `a message to ${recipient}`);
    return /code is ((?:\d ?){6})/.exec(message.body)![1]!.replace(/ /g, '');
  }

  it('signs in with a password at the identity provider and must set up a second factor', async () => {
    await page.goto(`${system.identityUrl}/sign-in`);
    await checkPage(page, 'sec-01-idp-sign-in-direct');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Secure your account' }).waitFor();
  });

  it('sets up text-message codes with a code from the outbox', async () => {
    await page.getByRole('link', { name: 'Set up: Text message' }).click();
    await page.getByLabel('Phone number').fill('(202) 555-0143');
    await checkPage(page, 'sec-02-sms-setup');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await checkPage(page, 'sec-03-sms-confirm');
    await page.getByLabel('One-time code').fill(await codeSentTo('+12025550143'));
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('heading', { name: 'Add a second method?' }).waitFor();
  });

  it('adds voice-call codes as a second method', async () => {
    await page.getByRole('link', { name: 'Add another method' }).click();
    await page.getByRole('link', { name: 'Set up: Phone call' }).click();
    await page.getByLabel('Phone number').fill('202-555-0177');
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('One-time code').fill(await codeSentTo('+12025550177'));
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(`${system.identityUrl}/account`);
  });

  it('shows the account page: methods with their phishing label, history, the reminder about scams', async () => {
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
    const methods = page.locator('[data-methods]');
    assert.match(await methods.innerText(), /Text message 0143/);
    assert.match(await methods.innerText(), /Phone call 0177/);
    assert.equal(await methods.getByText('Not phishing-resistant').count(), 2);
    const history = await page.locator('[data-security-events]').innerText();
    assert.match(history, /Authentication method added/);
    assert.match(history, /Signed in/);
    assert.match(await page.locator('main').innerText(), /will never call, email or text you/);
    await checkPage(page, 'sec-04-account-page');
  });

  it('warns before the idle timeout and "Stay signed in" keeps the session', async () => {
    clock.advance(13 * 60);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const dialog = page.getByRole('alertdialog', { name: 'Your session is about to end' });
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /\d:\d\d/);
    await checkPage(page, 'sec-05-idle-warning');
    await dialog.getByRole('button', { name: 'Stay signed in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    clock.advance(10 * 60);
    await page.reload();
    await page.getByRole('heading', { name: 'Your account', level: 1 }).waitFor();
  });

  it('signs out everywhere', async () => {
    await page.getByRole('button', { name: 'Sign out everywhere' }).click();
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    await page.goto(`${system.identityUrl}/account`);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });

  it('raised no console errors or CSP violations', () => {
    assert.deepEqual(problems, []);
  });
});

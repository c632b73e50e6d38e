// Identity verification (IAL2) in Debian's Chromium, end to end: Grace, a demo person who has
// not verified yet, signs in to the tax account (which asks for a verified identity); the identity
// provider steps her up through verification — consent, this device, driver's license, generated
// specimen photos uploaded through the form, a selfie from Chromium's fake camera fed a generated
// face, personal details checked against the development records, a code texted to her phone (read
// from the development outbox), her password, the personal key — and she lands on her tax account
// home. Every page gets an axe scan and a screenshot (test-artifacts/screenshots/idv-*.png). Then:
// the photos and the journey's personal data are gone, the profile is sealed (unreadable without
// her password), and no log line carries her details.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { checkPage, latestEmailCode, launchBrowser, watchConsole } from '../support/browser.ts';
import { fakeCameraArgs, writeFakeCameraVideo } from '../support/fake-camera.ts';
import {
  generateSpecimens,
  type WrittenSpecimen,
} from '../../apps/identity/src/verification/specimens/generate-specimens.ts';

const GRACE = {
  email: 'grace.kim@example.com',
  password: 'amber-lantern-canyon-58',
  ssn: '508-22-6174',
  phone: '(303) 555-0163',
  e164: '+13035550163',
};

describe('identity verification in a browser: step-up from the tax account', { timeout: 600_000 }, () => {
  let system: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let dir: string;
  let specimen: WrittenSpecimen;
  const logLines: string[] = [];

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'idv-e2e-'));
    const written = await generateSpecimens({
      outDir: dir,
      type: 'drivers-license',
      seed: 7,
      person: GRACE.email,
      now: new Date(),
    });
    specimen = written[0]!;
    const camera = await writeFakeCameraVideo([specimen.files.selfie], join(dir, 'selfie.y4m'), {
      width: 1280,
      height: 720,
    });
    [system, browser] = await Promise.all([
      startTestSystem({ env: { LOG_LEVEL: 'info' }, logLines }),
      launchBrowser(fakeCameraArgs(camera)),
    ]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.grantPermissions(['camera'], { origin: system.identityUrl });
    page = await context.newPage();
    problems = watchConsole(page);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** USWDS hides the radio or checkbox itself: choose by clicking its label, as a person does. */
  async function choose(label: RegExp): Promise<void> {
    await page
      .locator('label.usa-radio__label, label.usa-checkbox__label', { hasText: label })
      .first()
      .click();
  }

  it('walks Grace from the tax account through verification and back, verified', async () => {
    const urls = { accountUrl: system.accountUrl, identityUrl: system.identityUrl };
    await page.goto(urls.accountUrl);
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await page.getByLabel('Email address').fill(GRACE.email);
    await page.getByLabel('Password').fill(GRACE.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByLabel('One-time code').fill(await latestEmailCode(page, urls.identityUrl, GRACE.email));
    await page.getByRole('button', { name: 'Submit' }).click();

    // Stepped up: the agency asked for a verified identity.
    await page.getByRole('heading', { name: 'Verify your identity', level: 1 }).waitFor();
    assert.match(
      await page.locator('main').innerText(),
      /Tax Agency Online Account needs to know it is really you/,
    );
    await checkPage(page, 'idv-welcome');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Check the box to agree before you continue.').first().waitFor();
    await choose(/I agree that my ID/);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'How do you want to add your ID?', level: 1 }).waitFor();
    assert.equal(await page.getByLabel(/A video call with an agent/).isDisabled(), true);
    await checkPage(page, 'idv-how');
    await choose(/^On this device/);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'Which ID will you use?' }).waitFor();
    await checkPage(page, 'idv-id-type');
    await choose(/^Driver’s license/);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'Add photos of your ID' }).waitFor();
    await checkPage(page, 'idv-document');
    await page.locator('input[name="front"]').setInputFiles(specimen.files.front);
    await page.locator('input[name="back"]').setInputFiles(specimen.files.back!);
    await page.getByRole('button', { name: 'Continue' }).click();

    // The selfie from the (fake) camera: the page's script captures it automatically.
    await page.getByRole('heading', { name: 'Take a photo of your face' }).waitFor();
    await checkPage(page, 'idv-selfie');
    await page.getByRole('button', { name: 'Use your camera' }).click();
    await page.waitForFunction(
      () => (document.querySelector('input[name="selfie"]') as HTMLInputElement | null)?.files?.length === 3,
      undefined,
      { timeout: 30_000 },
    );
    await checkPage(page, 'idv-selfie-captured');
    await page.getByRole('button', { name: 'Check my photos' }).click();

    // The analysis runs in the background; the page follows it and moves on.
    await page.getByRole('heading', { name: 'Enter your personal details' }).waitFor({ timeout: 120_000 });
    await checkPage(page, 'idv-details');
    // Prefilled from the barcode.
    assert.equal(await page.getByLabel('First name').inputValue(), 'Grace');
    assert.equal(await page.getByLabel('Last name').inputValue(), 'Kim');
    assert.equal(await page.getByLabel('Year').inputValue(), '1992');
    assert.equal((await page.getByLabel('ZIP code').inputValue()).slice(0, 5), '80302');
    // The number is masked, with show/hide.
    assert.equal(await page.locator('#tin').getAttribute('type'), 'password');
    await choose(/^A Social Security number/);
    await page.locator('#tin').fill(GRACE.ssn);
    await choose(/^Show the number/);
    assert.equal(await page.locator('#tin').getAttribute('type'), 'text');
    await page.getByRole('button', { name: 'Check my details' }).click();

    await page.getByRole('heading', { name: 'Confirm your address', level: 1 }).waitFor();
    await checkPage(page, 'idv-address');
    await choose(/^By text message to a phone in my name/);
    await page.getByLabel('Phone number').fill(GRACE.phone);
    await page.getByRole('button', { name: 'Continue' }).click();

    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await checkPage(page, 'idv-code');
    const outbox = (await (await page.request.get(`${urls.identityUrl}/dev/outbox.json`)).json()) as {
      messages: { recipient: string; body: string }[];
    };
    const sms = outbox.messages.find(
      (m) => m.recipient === GRACE.e164 && /confirm your address/.test(m.body),
    );
    const code = /is (\d{6})/.exec(sms?.body ?? '')?.[1];
    assert.ok(code, 'an address confirmation code texted to Grace');
    await page.getByLabel('Code').fill(code);
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();

    await page.getByRole('heading', { name: 'Re-enter your password' }).waitFor();
    await checkPage(page, 'idv-password');
    await page.getByLabel('Password').fill('not-her-password-123');
    await page.getByRole('button', { name: 'Finish verifying' }).click();
    await page.getByText('That is not your password. Try again.').first().waitFor();
    await page.getByLabel('Password').fill(GRACE.password);
    await page.getByRole('button', { name: 'Finish verifying' }).click();

    await page.getByRole('heading', { name: 'Save your personal key' }).waitFor();
    await checkPage(page, 'idv-personal-key');
    const personalKey = (await page.locator('[data-personal-key]').innerText()).trim();
    assert.match(personalKey, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // Shown again on reload until acknowledged.
    await page.reload();
    assert.equal((await page.locator('[data-personal-key]').innerText()).trim(), personalKey);
    await choose(/^I have saved my personal key/);
    await page.getByRole('button', { name: 'Continue' }).click();

    // Back at the agency's request: consent to share the verified details, then home.
    await page
      .getByRole('heading', { name: /Share your information with Tax Agency Online Account/ })
      .waitFor();
    await page.getByRole('button', { name: 'Agree and continue' }).click();
    await page.waitForURL(`${urls.accountUrl}/`);
    assert.match(await page.locator('main').innerText(), /Grace/);
    await checkPage(page, 'idv-tax-account-home');
    assert.deepEqual(problems, []);
  });

  it('deleted the photos and the journey’s personal data, and sealed the profile', async () => {
    const { db } = system.identity;
    assert.deepEqual(await db.query('SELECT * FROM idv_captures'), []);
    const [flow] = await db.query<Record<string, unknown>>(
      `SELECT status, details_enc, document_fields_enc, phone_enc, personal_key_enc, facial_match FROM idv_flows`,
    );
    assert.equal(flow!.status, 'completed');
    assert.equal(flow!.details_enc, null);
    assert.equal(flow!.document_fields_enc, null);
    assert.equal(flow!.phone_enc, null);
    assert.equal(flow!.personal_key_enc, null);
    assert.equal(flow!.facial_match, true);
    const account = await system.identity.accounts.findByEmail(GRACE.email);
    const status = await system.identity.verifiedIdentity.status(account!.id);
    assert.equal(status?.level, 'verified-facial-match');
    assert.ok(status?.vault, 'the details are sealed');
    // Nothing in the table reads as her details.
    const [row] = await db.query<Record<string, unknown>>(
      'SELECT * FROM verified_profiles WHERE account_id = $1',
      [account!.id],
    );
    const stored = JSON.stringify(row);
    for (const detail of ['Grace', '508226174', 'Pine St', '1992-08-21', '80302'])
      assert.ok(!stored.includes(detail), `the profile row shows ${detail}`);
  });

  it('logged none of her details', () => {
    const joined = logLines.join('\n');
    // The journey was logged (by ids and codes), so the scan below looked at something.
    assert.match(joined, /idv_completed/);
    for (const secret of ['508226174', '508-22-6174', GRACE.password, 'Pine St', '1992-08-21', '3035550163'])
      assert.ok(!joined.includes(secret), `the logs contain ${secret}`);
  });
});

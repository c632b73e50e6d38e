// Identity verification (IAL2) in Debian's Chromium, beyond the happy path: every numbered error
// page in English and Spanish (axe, the number in the h1, the offline transcript options); continuing
// on a phone (the hand-off page's QR code, a link texted to Grace's phone and opened in a second,
// phone-sized context that captures the photos while the computer's page follows by itself); the
// journey with JavaScript off (plain file inputs, "Check again" on the processing page); a retake after
// photos that are not an ID; and confirming the address by letter up to the code page, with the
// letter's PDF in the development outbox. One system and one browser for the file; Grace's journey
// is reset between scenarios (her document-capture limit, 5 per 6 hours, allows the 4 used here).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { ARTIFACTS, checkPage, latestEmailCode, launchBrowser, watchConsole } from '../support/browser.ts';
import { fakeCameraArgs, writeFakeCameraVideo } from '../support/fake-camera.ts';
import {
  generateSpecimens,
  type WrittenSpecimen,
} from '../../apps/identity/src/verification/specimens/generate-specimens.ts';
import { IDV_ERRORS } from '../../apps/identity/src/verification/flow/idv-error-catalog.ts';

const MARIA = { email: 'maria.garcia@example.com', password: 'orange-tulip-harbor-42' };
const GRACE = {
  email: 'grace.kim@example.com',
  password: 'amber-lantern-canyon-58',
  ssn: '508-22-6174',
  phone: '(303) 555-0163',
  e164: '+13035550163',
};
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };
const ANALYSIS_TIMEOUT = 120_000;

interface OutboxMessage {
  id: number;
  channel: string;
  recipient: string;
  body: string;
  hasAttachment?: boolean;
}

describe(
  'identity verification in a browser: errors, phone hand-off, no JavaScript, retake, letter',
  // The error pages (Maria) and Grace's scenarios use separate accounts and contexts: side by side.
  { timeout: 600_000, concurrency: 2 },
  () => {
    let system: TestSystem;
    let browser: Browser;
    let dir: string;
    let specimen: WrittenSpecimen;
    const contexts: BrowserContext[] = [];

    before(async () => {
      dir = mkdtempSync(join(tmpdir(), 'idv-paths-e2e-'));
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
      [system, browser] = await Promise.all([startTestSystem(), launchBrowser(fakeCameraArgs(camera))]);
    });

    after(async () => {
      for (const context of contexts) await context.close().catch(() => {});
      await browser?.close();
      await system?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    async function newPage(options: Parameters<Browser['newContext']>[0] = {}) {
      const context = await browser.newContext({ viewport: DESKTOP, ...options });
      contexts.push(context);
      await context.grantPermissions(['camera'], { origin: system.identityUrl });
      const page = await context.newPage();
      return { context, page, problems: watchConsole(page) };
    }

    /** Signs in directly at the identity provider: password, then the emailed code. */
    async function signIn(page: Page, who: { email: string; password: string }): Promise<void> {
      await page.goto(`${system.identityUrl}/sign-in?lang=en`);
      await page.getByLabel('Email address').fill(who.email);
      await page.getByLabel('Password').fill(who.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('One-time code').fill(await latestEmailCode(page, system.identityUrl, who.email));
      await page.getByRole('button', { name: 'Submit' }).click();
      await page.waitForURL((url) => !/\/(sign-in|mfa)/.test(url.pathname));
    }

    /** USWDS hides the radio or checkbox itself: choose by clicking its label, as a person does. */
    async function choose(page: Page, label: RegExp): Promise<void> {
      await page
        .locator('label.usa-radio__label, label.usa-checkbox__label', { hasText: label })
        .first()
        .click();
    }

    async function outbox(page: Page): Promise<OutboxMessage[]> {
      const response = await page.request.get(`${system.identityUrl}/dev/outbox.json`);
      return ((await response.json()) as { messages: OutboxMessage[] }).messages;
    }

    /** Grace starts again: her journey (and its photos and hand-off links) is gone. */
    async function resetJourney(): Promise<void> {
      await system.identity.db.query('DELETE FROM idv_flows');
    }

    /** From a fresh journey: consent, then how to add the ID. */
    async function consentAndChoose(page: Page, how: RegExp): Promise<void> {
      await page.goto(`${system.identityUrl}/verify`);
      await page.getByRole('heading', { name: 'Verify your identity', level: 1 }).waitFor();
      await choose(page, /I agree that my ID/);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'How do you want to add your ID?', level: 1 }).waitFor();
      await choose(page, how);
      await page.getByRole('button', { name: 'Continue' }).click();
    }

    async function chooseDriversLicense(page: Page): Promise<void> {
      await page.getByRole('heading', { name: 'Which ID will you use?' }).waitFor();
      await choose(page, /^Driver’s license/);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Add photos of your ID' }).waitFor();
    }

    async function uploadDocument(page: Page, front: string, back: string): Promise<void> {
      await page.locator('input[name="front"]').setInputFiles(front);
      await page.locator('input[name="back"]').setInputFiles(back);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('heading', { name: 'Take a photo of your face' }).waitFor();
    }

    async function selfieFromCamera(page: Page): Promise<void> {
      await page.getByRole('button', { name: 'Use your camera' }).click();
      await page.waitForFunction(
        () =>
          (document.querySelector('input[name="selfie"]') as HTMLInputElement | null)?.files?.length === 3,
        undefined,
        { timeout: 30_000 },
      );
    }

    describe('the numbered error pages', { concurrency: 1 }, () => {
      let page: Page;
      let problems: string[];

      before(async () => {
        ({ page, problems } = await newPage());
        await signIn(page, MARIA);
      });

      const SPANISH_SCANS = [6000, 6001, 6006, 6013];
      for (const lang of ['en', 'es'] as const) {
        const suffix = lang === 'es' ? '-es' : '';

        it(`lists every code on the help page (${lang})`, async () => {
          await page.goto(`${system.identityUrl}/verify/errors?lang=${lang}`);
          assert.equal(await page.locator('html').getAttribute('lang'), lang);
          await checkPage(page, `idv-errors${suffix}`);
          for (const { code } of IDV_ERRORS)
            assert.equal(
              await page.locator(`main a[href="/verify/errors/${code}"]`).count(),
              1,
              `a link to ${code}`,
            );
          await assertOfflineOptions(page);
        });

        for (const entry of IDV_ERRORS) {
          it(`shows error ${entry.code} (${entry.id}, ${lang}) with the offline options`, async () => {
            const response = await page.goto(
              `${system.identityUrl}/verify/errors/${entry.code}?lang=${lang}`,
            );
            assert.equal(response?.status(), entry.httpStatus);
            assert.equal(await page.locator('html').getAttribute('lang'), lang);
            const h1 = page.getByRole('heading', { level: 1 });
            assert.match(await h1.innerText(), new RegExp(`\\b${entry.code}\\b`));
            await assertOfflineOptions(page);
            assert.match(
              await page.locator('[data-reference]').innerText(),
              new RegExp(`IDV-${entry.code}-[0-9A-F]{6}`),
            );
            // Every page is scanned in English; in Spanish (the same markup, other words) a few are,
            // to keep the suite's time down.
            if (lang === 'en' || SPANISH_SCANS.includes(entry.code))
              await checkPage(page, `idv-error-${entry.code}${suffix}`);
          });
        }
      }

      it('went back to English and saw no console problems', async () => {
        await page.goto(`${system.identityUrl}/verify/errors?lang=en`);
        assert.deepEqual(problems, []);
      });
    });

    async function screenshot(page: Page, name: string): Promise<void> {
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
    }

    /** Sends the photos and scans the processing page, held still: its status says "pending" meanwhile. */
    async function checkProcessingPage(page: Page, name: string): Promise<void> {
      const pending = (route: Route) =>
        route.fulfill({ json: { state: 'pending', message: 'Reading your ID and comparing your photos…' } });
      await page.route('**/verify/status', pending);
      await page.getByRole('button', { name: 'Check my photos' }).click();
      await page.getByRole('heading', { name: 'Checking your photos' }).waitFor();
      await checkPage(page, name);
      await page.unroute('**/verify/status', pending);
    }

    /** Both offline transcript options: Form 4506-T by mail and the automated line 800-908-9946. */
    async function assertOfflineOptions(page: Page): Promise<void> {
      const byMail = page.locator('main [data-alternative="transcript_by_mail"]');
      const byPhone = page.locator('main [data-alternative="transcript_by_phone"]');
      assert.equal(await byMail.count(), 1, 'the transcript by mail');
      assert.equal(await byPhone.count(), 1, 'the transcript by phone');
      assert.equal(
        await byMail.locator('a[href="https://www.irs.gov/forms-pubs/about-form-4506-t"]').count(),
        1,
        'a link to Form 4506-T',
      );
      assert.match(await byPhone.innerText(), /800-908-9946/);
      assert.equal(await byPhone.locator('a[href="tel:+18009089946"]').count(), 1, 'a tel: link');
    }

    describe('Grace', { concurrency: 1 }, () => {
      let page: Page;
      let problems: string[];

      before(async () => {
        ({ page, problems } = await newPage());
        await signIn(page, GRACE);
      });

      it('continues on her phone: a texted link, photos on the phone, the computer moves on by itself', async () => {
        await resetJourney();
        await consentAndChoose(page, /^Continue on your phone/);
        await page.getByRole('heading', { name: 'Continue on your phone', level: 1 }).waitFor();
        const qr = page.getByRole('img', { name: 'A QR code that opens the link on your phone' });
        assert.match((await qr.getAttribute('src')) ?? '', /^data:image\/(png|svg\+xml);base64,/);
        assert.ok(
          await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
          'the QR code shows',
        );
        await page.getByLabel('Your phone number').fill(GRACE.phone);
        await page.getByRole('button', { name: 'Text me a link' }).click();
        await page.getByText(/We texted a link to .*0163/).waitFor();
        await checkPage(page, 'idv-handoff');

        const sms = (await outbox(page)).find(
          (m) => m.recipient === GRACE.e164 && /\/verify\/m\//.test(m.body),
        );
        const link = /(https?:\/\/\S+\/verify\/m\/[A-Za-z0-9_-]+)/.exec(sms?.body ?? '')?.[1];
        assert.ok(link, 'a hand-off link texted to Grace');
        assert.ok(link.startsWith(system.identityUrl), `${link} is on the identity provider`);

        const phone = await newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
        await phone.page.goto(link);
        await chooseDriversLicense(phone.page);
        // The computer knows the phone opened the link.
        await page.getByText('Your phone opened the link.').first().waitFor({ timeout: 20_000 });
        await checkPage(phone.page, 'idv-phone-document');
        await uploadDocument(phone.page, specimen.files.front, specimen.files.back!);
        await checkPage(phone.page, 'idv-phone-selfie');
        await selfieFromCamera(phone.page);
        await phone.page.getByRole('button', { name: 'Check my photos' }).click();
        await phone.page
          .getByRole('heading', { name: 'Go back to your computer' })
          .waitFor({ timeout: ANALYSIS_TIMEOUT });
        await checkPage(phone.page, 'idv-phone-done');

        // The computer's hand-off page follows /verify/status and moves on without a click.
        await page
          .getByRole('heading', { name: 'Enter your personal details' })
          .waitFor({ timeout: ANALYSIS_TIMEOUT });
        assert.equal(new URL(page.url()).pathname, '/verify/details');
        assert.equal(await page.getByLabel('First name').inputValue(), 'Grace');
        await checkPage(page, 'idv-handoff-after');

        // Opened again while it is live, the link leads only to "go back": no second set of photos.
        await phone.page.goto(link);
        await phone.page.getByRole('heading', { name: 'Go back to your computer' }).waitFor();
        assert.equal(new URL(phone.page.url()).pathname, '/verify/m/done');
        assert.deepEqual(phone.problems, []);
        assert.deepEqual(problems, []);
      });

      it('verifies without JavaScript: plain file inputs, and "Check again" on the processing page', async () => {
        await resetJourney();
        const plain = await newPage({ javaScriptEnabled: false });
        await signIn(plain.page, GRACE);
        await consentAndChoose(plain.page, /^On this device/);
        await chooseDriversLicense(plain.page);
        // No camera button without the script: only the file inputs.
        assert.equal(await plain.page.getByRole('button', { name: 'Use your camera' }).count(), 0);
        await uploadDocument(plain.page, specimen.files.front, specimen.files.back!);
        await plain.page.locator('input[name="selfie"]').setInputFiles(specimen.files.selfie);
        const processingHtml = plain.page
          .waitForResponse((r) => new URL(r.url()).pathname === '/verify/processing' && r.status() === 200)
          .then((r) => r.text());
        await plain.page.getByRole('button', { name: 'Check my photos' }).click();
        await plain.page.getByRole('heading', { name: 'Checking your photos' }).waitFor();
        // Without scripts the person checks with the button: no timed refresh (WCAG 2.2.1).
        const html = await processingHtml;
        assert.doesNotMatch(html, /http-equiv="refresh"/);
        assert.match(html, /Use the button below to see whether we are done/);
        // axe cannot run where scripts are off (its promise never settles): screenshots only here; the
        // same pages are scanned with JavaScript on in the other scenarios.
        await screenshot(plain.page, 'idv-nojs-processing');
        // "Check again" by hand until the analysis is done.
        await system.identity.idvRunner.idle();
        await plain.page.getByRole('link', { name: 'Check again' }).click();
        await plain.page
          .getByRole('heading', { name: 'Enter your personal details' })
          .waitFor({ timeout: ANALYSIS_TIMEOUT });
        assert.equal(new URL(plain.page.url()).pathname, '/verify/details');
        assert.equal(await plain.page.getByLabel('Last name').inputValue(), 'Kim');
        await screenshot(plain.page, 'idv-nojs-details');
        assert.deepEqual(plain.problems, []);
        await plain.context.close();
      });

      it('asks for a retake when the photos are not of an ID', async () => {
        await resetJourney();
        await consentAndChoose(page, /^On this device/);
        await chooseDriversLicense(page);
        await uploadDocument(page, specimen.files.selfie, specimen.files.selfie);
        await selfieFromCamera(page);
        await checkProcessingPage(page, 'idv-processing');
        const alert = page.locator('.usa-alert', { hasText: 'Please take the photos again' });
        await alert.waitFor({ timeout: ANALYSIS_TIMEOUT });
        assert.equal(new URL(page.url()).pathname, '/verify/document');
        const text = await alert.innerText();
        // A specific reason, not the generic sentence.
        assert.doesNotMatch(text, /We couldn’t check your photos\. Please take them again\./);
        assert.match(text, /You can try \d more times in the next 6 hours/);
        await checkPage(page, 'idv-retake');
        assert.deepEqual(problems, []);
      });

      it('confirms the address by letter: the code page, and the letter’s PDF in the outbox', async () => {
        await resetJourney();
        await consentAndChoose(page, /^On this device/);
        await chooseDriversLicense(page);
        await uploadDocument(page, specimen.files.front, specimen.files.back!);
        await selfieFromCamera(page);
        await page.getByRole('button', { name: 'Check my photos' }).click();
        await page
          .getByRole('heading', { name: 'Enter your personal details' })
          .waitFor({ timeout: ANALYSIS_TIMEOUT });
        await choose(page, /^A Social Security number/);
        await page.locator('#tin').fill(GRACE.ssn);
        await page.getByRole('button', { name: 'Check my details' }).click();
        await page.getByRole('heading', { name: 'Confirm your address', level: 1 }).waitFor();
        await choose(page, /^By a letter to my address/);
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
        assert.match(await page.locator('main').innerText(), /We mailed a letter to .*80302/);
        await checkPage(page, 'idv-letter-code');

        const letter = (await outbox(page)).find((m) => m.channel === 'mail');
        assert.ok(letter, 'a letter in the outbox');
        assert.equal(letter.hasAttachment, true);
        await page.goto(`${system.identityUrl}/dev/outbox`);
        const pdfLink = page.getByRole('link', { name: 'View letter (PDF)' }).first();
        const href = await pdfLink.getAttribute('href');
        assert.equal(href, `/dev/outbox/${letter.id}/attachment`);
        const pdf = await page.request.get(`${system.identityUrl}${href}`);
        assert.equal(pdf.status(), 200);
        assert.equal(pdf.headers()['content-type'], 'application/pdf');
        assert.equal((await pdf.body()).subarray(0, 5).toString('latin1'), '%PDF-');
        assert.deepEqual(problems, []);
      });
    });
  },
);

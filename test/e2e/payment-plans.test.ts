// Payment plans in Debian's Chromium: Maria applies for a long-term plan (paying each month
// herself), reviews the agreement PDF and accepts it; the home page shows the plan in force;
// then she revises it (a higher monthly payment, the $10 online revision fee) and sees version
// 2. Also the form's refusals. Every page gets an axe scan and a screenshot
// (test-artifacts/screenshots/plans-*.png).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { checkPage, launchBrowser, watchConsole } from '../support/browser.ts';
import { MARIA, signInToTaxAccount } from '../support/tax-account-sign-in.ts';

describe('payment plans in a browser', { timeout: 240_000 }, () => {
  let system: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[] = [];

  before(async () => {
    [system, browser] = await Promise.all([
      startTestSystem({ env: { ACCOUNT_PAYMENT_SWEEP_SECONDS: '3600' } }),
      launchBrowser(),
    ]);
    context = await browser.newContext();
    page = await context.newPage();
    problems = watchConsole(page);
    await signInToTaxAccount(page, system, MARIA);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  async function choose(label: string): Promise<void> {
    const start = new RegExp(`^${label.replace(/[()$.%]/g, '\\$&')}`);
    await page
      .locator('label.usa-radio__label, label.usa-checkbox__label', { hasText: start })
      .first()
      .click();
  }

  it('shows what plans Maria can have, and refuses an empty form field by field', async () => {
    await page.goto(`${system.accountUrl}/plan`);
    await page.getByRole('heading', { level: 1, name: 'Payment plan' }).waitFor();
    assert.equal(await page.locator('[data-eligibility="long_term"]').getAttribute('data-eligible'), 'yes');
    await checkPage(page, 'plans-01-eligibility');
    await page.locator('button[data-apply-plan]').click();
    await page.getByRole('heading', { level: 1, name: 'Choose your payment plan' }).waitFor();
    const response = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.getByRole('button', { name: 'Continue' }).click();
    assert.equal((await response).status(), 400);
    await page.locator('#monthlyAmount-error').waitFor();
    await page.locator('#paymentDay-error').waitFor();
    await checkPage(page, 'plans-02-errors');
  });

  it('applies for a long-term plan, reviews the agreement PDF and accepts it', async () => {
    await choose('Long-term payment plan');
    await page.getByLabel('Monthly payment').fill('100.00');
    await page.getByLabel('Payment day').fill('15');
    await choose('I will pay each month myself');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review and accept your agreement' }).waitFor();
    await checkPage(page, 'plans-03-review');
    const pdfHref = await page.locator('a[data-agreement-pdf]').getAttribute('href');
    const pdf = await page.request.get(new URL(pdfHref!, system.accountUrl).toString());
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    assert.equal(
      pdf.headers()['x-agreement-sha256'],
      await page.locator('[data-agreement-sha256]').getAttribute('data-agreement-sha256'),
    );
    // Accepting without agreeing is refused.
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await page.locator('button[data-accept-plan]').click();
    assert.equal((await refused).status(), 400);
    await page.locator('#agree-error').waitFor();
    await choose('I agree to the terms of this installment agreement');
    await page.locator('button[data-accept-plan]').click();
    await page.locator('[data-plan-done="created"]').waitFor();
    assert.equal(await page.locator('[data-plan-status]').getAttribute('data-plan-status'), 'active');
    assert.equal(await page.locator('[data-plan-version]').getAttribute('data-plan-version'), '1');
    assert.equal(await page.locator('table[data-next-payments] tr[data-installment]').count(), 6);
    await checkPage(page, 'plans-04-created');
    await page.goto(system.accountUrl);
    await page.locator('[data-plan="active"]').waitFor();
    await checkPage(page, 'plans-05-home-with-plan');
  });

  it('revises the plan: a higher monthly payment, with the online revision fee', async () => {
    await page.goto(`${system.accountUrl}/plan`);
    await page.locator('button[data-revise-plan]').click();
    await page.getByRole('heading', { level: 1, name: 'Change your payment plan' }).waitFor();
    assert.match(await page.locator('[data-revision-fee]').innerText(), /\$10\.00/);
    await page.getByRole('textbox', { name: 'Monthly payment' }).fill('150.00');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review and accept your revised agreement' }).waitFor();
    await choose('I agree to the terms of this installment agreement');
    await page.locator('button[data-accept-plan]').click();
    await page.locator('[data-plan-version="2"]').waitFor();
    assert.match(await page.locator('[data-plan-monthly]').innerText(), /\$150\.00/);
    assert.equal(await page.locator('table[data-plan-history] tr[data-plan-history-version]').count(), 2);
    await checkPage(page, 'plans-06-revised');
  });

  it('no console errors or failed resources', () => {
    assert.deepEqual(problems, []);
  });
});

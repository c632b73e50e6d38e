// Payments in Debian's Chromium, as a taxpayer makes them: pay today from a bank account (the
// worker debits it and the balance goes down), pay by card (approved, then declined and tried
// again with another card), schedule a payment and cancel it, and a cancellation refused after
// the cutoff. Also the form's own refusals: an amount over the balance needs confirming, a date
// in the past is refused, and submitting twice pays once. Every page gets an axe scan and a
// screenshot (test-artifacts/screenshots/payments-*.png).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { checkPage, launchBrowser, watchConsole } from '../support/browser.ts';
import { MARIA, signInToTaxAccount } from '../support/tax-account-sign-in.ts';
import { addDays, agencyToday } from '../../apps/account/src/domain/records/agency-date.ts';
import { addBusinessDays } from '../../apps/account/src/domain/payments/federal-holidays.ts';

describe('payments in a browser', { timeout: 300_000 }, () => {
  let system: TestSystem;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[] = [];
  const today = agencyToday(new Date());

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

  /** USWDS radios hide the input itself: choose by clicking its label, as a person does. */
  async function choose(label: string): Promise<void> {
    const start = new RegExp(`^${label.replace(/[()$.]/g, '\\$&')}`);
    await page
      .locator('label.usa-radio__label, label.usa-checkbox__label', { hasText: start })
      .first()
      .click();
  }

  async function payoff(): Promise<number> {
    await page.goto(system.accountUrl);
    const text = (await page.locator('[data-payoff-today]').innerText()).trim();
    return Number(text.replace(/[$,]/g, ''));
  }

  async function startPayment(values: { reason?: string; year?: string; amount: string; date: string }) {
    await page.goto(`${system.accountUrl}/payments`);
    await page.getByRole('button', { name: 'Make a payment' }).click();
    await page.getByRole('heading', { level: 1, name: 'What are you paying?' }).waitFor();
    await choose(values.reason ?? 'Balance due');
    await page.getByLabel('Tax year').selectOption(values.year ?? '2024');
    await page.getByLabel('Payment amount').fill(values.amount);
    await page.getByLabel('Payment date').fill(values.date);
    await page.getByRole('button', { name: 'Continue' }).click();
  }

  async function chooseBank(account = '123456789') {
    await page.getByRole('heading', { level: 1, name: 'How do you want to pay?' }).waitFor();
    await choose('Bank account (free)');
    await page.getByLabel('Routing number').fill('021000021');
    await choose('Checking');
    await page.getByLabel('Account number', { exact: true }).fill(account);
    await page.getByLabel('Account number again').fill(account);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review your payment' }).waitFor();
  }

  /** Runs the payment worker once and waits until its jobs are done. */
  async function runWorker(): Promise<void> {
    const { queue, paymentWorker } = system.account;
    await paymentWorker.sweep();
    for (let i = 0; i < 100; i++) {
      const counts = await Promise.all(
        ['payments.initiate', 'payments.confirm', 'payments.email'].map((q) => queue.counts(q)),
      );
      if (counts.every((c) => c.waiting === 0 && c.running === 0)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    assert.fail('the payment worker did not finish');
  }

  async function accountEmails(): Promise<{ recipient: string; subject: string; body: string }[]> {
    const response = await page.request.get(`${system.accountUrl}/dev/outbox.json`);
    return ((await response.json()) as { messages: { recipient: string; subject: string; body: string }[] })
      .messages;
  }

  it('refuses a date in the past and asks to confirm an amount over the balance', async () => {
    await startPayment({ amount: '100.00', date: addDays(today, -1) });
    await page.getByText('The payment date cannot be in the past').first().waitFor();
    await checkPage(page, 'payments-01-past-date');
    await page.getByLabel('Payment date').fill(today);
    await page.getByLabel('Payment amount').fill('999,999.00');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'This is more than you owe for 2024' }).waitFor();
    await checkPage(page, 'payments-02-over-balance');
    await page.getByLabel('Payment amount').fill('100.00');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'How do you want to pay?' }).waitFor();
  });

  it('pays today from a bank account; the worker debits it and the balance goes down by the payment', async () => {
    const before = await payoff();
    await startPayment({ amount: '100.00', date: today });
    await chooseBank();
    await checkPage(page, 'payments-03-review-bank');
    await page.getByRole('button', { name: 'Submit payment of $100.00' }).click();
    await page.getByRole('heading', { name: 'Payment submitted' }).waitFor();
    const confirmation = (await page.locator('[data-confirmation]').innerText()).trim();
    assert.match(confirmation, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    await page.getByText('Your payment of $100.00 will be taken from your account today.').waitFor();
    await checkPage(page, 'payments-04-confirmation');
    const paymentUrl = page.url().split('?')[0]!;

    // Back from the confirmation: the payment again, not a form to pay twice.
    await page.goBack();
    await page.locator('[data-confirmation]').waitFor();
    assert.equal(page.url().split('?')[0], paymentUrl);

    await runWorker();
    await page.goto(paymentUrl);
    assert.equal(await page.locator('[data-status]').first().getAttribute('data-status'), 'pending');
    const after = await payoff();
    assert.ok(Math.abs(before - 100 - after) < 0.005, `payoff ${before} → ${after}`);
    const receipts = (await accountEmails()).filter((m) => m.body.includes(confirmation));
    assert.equal(receipts.length, 1, 'one receipt');
    assert.match(receipts[0]!.subject, /scheduled/);
    assert.ok(!receipts[0]!.body.includes('123456789'), 'the account number is not in the email');
    await page.goto(`${system.accountUrl}/payments`);
    assert.equal(await page.locator(`[data-payment="${confirmation}"]`).count(), 1);
    await checkPage(page, 'payments-05-history');
  });

  it('a double submit (two requests with the same form at once) pays once', async () => {
    await startPayment({ amount: '10.00', date: addDays(today, 20) });
    await chooseBank();
    // A string, so the test compiler adds nothing the page does not define.
    const statuses = await page.evaluate<string[]>(`(async () => {
      const form = document.querySelector('form[action$="/submit"]');
      const send = () => fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual' });
      const responses = await Promise.all([send(), send()]);
      return responses.map((r) => r.type);
    })()`);
    assert.deepEqual(statuses, ['opaqueredirect', 'opaqueredirect']);
    // The browser reports the redirects it was told not to follow as aborted requests.
    const kept = problems.filter(
      (p) => !/\/payments\/[0-9a-f-]+\?submitted=(yes|duplicate) net::ERR_ABORTED/.test(p),
    );
    problems.splice(0, problems.length, ...kept);
    await page.goto(`${system.accountUrl}/payments`);
    const rows = await page.locator('[data-payment]').allInnerTexts();
    assert.equal(rows.filter((r) => r.includes('$10.00')).length, 1, 'one $10.00 payment');
  });

  it('pays by card: the fee is shown first, a declined card says why, another card goes through', async () => {
    await startPayment({ amount: '250.00', date: today });
    await choose('Debit or credit card');
    await choose('Personal credit card');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review your payment' }).waitFor();
    const fee = await page.locator('[data-fee]').innerText();
    assert.match(fee, /fee of \$4\.63/, '1.85% of $250.00 by the development processor');
    assert.match(fee, /\$254\.63 in total/);
    await checkPage(page, 'payments-06-review-card');
    const fillCard = async (number: string) => {
      await page.getByLabel('Card number').fill(number);
      await page.getByLabel('Expiration month').fill('12');
      await page.getByLabel('Expiration year').fill(String(Number(today.slice(0, 4)) + 2));
      await page.getByLabel('Security code').fill('123');
      await page.getByLabel('Name on card').fill('Maria Garcia');
      await page.getByLabel('Billing ZIP code').fill('20001');
      await page.getByRole('button', { name: 'Pay $254.63 now' }).click();
    };
    await fillCard('4000 0000 0000 0002');
    await page.getByRole('heading', { name: 'Your card was declined' }).waitFor();
    await checkPage(page, 'payments-07-declined');
    await page.getByRole('link', { name: 'Try another card' }).click();
    await fillCard('4111 1111 1111 1111');
    await page.getByRole('heading', { name: 'Payment submitted' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Visa card ending in 1111/);
    assert.equal(await page.locator('[data-status]').first().getAttribute('data-status'), 'pending');
  });

  it('schedules a payment, then cancels it before the cutoff', async () => {
    const date = addDays(today, 30);
    await startPayment({ amount: '75.00', date });
    await chooseBank();
    await page.getByRole('button', { name: 'Submit payment of $75.00' }).click();
    await page.getByRole('heading', { name: 'Payment submitted' }).waitFor();
    assert.match(await page.locator('[data-cutoff]').innerText(), /until 11:59 p\.m\. Eastern time on/);
    await page.getByRole('link', { name: 'Cancel this payment' }).click();
    await page.getByRole('heading', { name: 'Cancel this payment?' }).waitFor();
    await checkPage(page, 'payments-08-cancel');
    await page.getByRole('button', { name: 'Yes, cancel the payment' }).click();
    await page.getByText('The payment was cancelled.').waitFor();
    assert.equal(await page.locator('[data-status]').first().getAttribute('data-status'), 'cancelled');
  });

  it('refuses to cancel a payment after its cutoff, and says why', async () => {
    const nextBusinessDay = addBusinessDays(today, 1);
    await startPayment({ amount: '60.00', date: nextBusinessDay });
    await chooseBank();
    await page.getByRole('button', { name: 'Submit payment of $60.00' }).click();
    await page.getByRole('heading', { name: 'Payment submitted' }).waitFor();
    assert.match(await page.locator('[data-cutoff]').innerText(), /can no longer be changed or cancelled/);
    const paymentUrl = page.url().split('?')[0]!;
    const response = await page.goto(`${paymentUrl}/cancel`);
    assert.equal(response?.status(), 409);
    await page.getByRole('heading', { name: 'This payment can no longer be changed' }).waitFor();
    assert.match(
      await page.locator('[data-refusal="cutoff"]').innerText(),
      /closed at 11:59 p\.m\. Eastern time/,
    );
    await checkPage(page, 'payments-09-refused');
  });

  it('speaks Spanish', async () => {
    await page.goto(`${system.accountUrl}/payments?lang=es`);
    await page.getByRole('heading', { level: 1, name: 'Pagos' }).waitFor();
    await page.getByRole('button', { name: 'Hacer un pago' }).click();
    await page.getByRole('button', { name: 'Continuar' }).click();
    await page.getByText('Elija el motivo del pago.').first().waitFor();
    await checkPage(page, 'payments-10-spanish-errors');
    await page.goto(`${system.accountUrl}/payments?lang=en`);
  });

  it('no console errors or failed resources', () => {
    assert.deepEqual(problems, []);
  });
});

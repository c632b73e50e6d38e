// The tax account's records in Debian's Chromium: three demo taxpayers sign in (password, an
// emailed code from the development outbox, consent) and see their home page — the payoff
// amount, the balance of each tax year, payments, plan, notices, the security reminder — and a
// year's detail page; one asks "what if I pay on …"; one reads it in Spanish. A demo person who
// moved since her last return sees why she cannot be matched. Every page gets an axe scan and a
// screenshot (test-artifacts/screenshots/records-*.png).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support/test-system.ts';
import { checkPage, launchBrowser, watchConsole } from '../support/browser.ts';
import { MARIA, signInToTaxAccount, type DemoPerson } from '../support/tax-account-sign-in.ts';
import { addDays, agencyToday } from '../../apps/account/src/domain/records/agency-date.ts';

type Person = DemoPerson;

const ROBERT: Person = {
  email: 'robert.johnson@example.com',
  password: 'copper-falcon-garden-63',
  givenName: 'Robert',
};
const DAVID: Person = {
  email: 'david.okafor@example.com',
  password: 'amber-willow-canyon-84',
  givenName: 'David',
};
const OLIVIA: Person = {
  email: 'olivia.bennett@example.com',
  password: 'velvet-harbor-meadow-26',
  givenName: 'Olivia',
};

const DOLLARS = /^-?\$\d{1,3}(,\d{3})*\.\d{2}$/;

describe('tax account: home page, year pages and linking, in a browser', { timeout: 240_000 }, () => {
  let system: TestSystem;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let page: Page;
  let problems: string[] = [];
  /** Maria's 2024 balance as the home page shows it. */
  let maria2024 = '';

  before(async () => {
    [system, browser] = await Promise.all([startTestSystem(), launchBrowser()]);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await system?.stop();
  });

  /** A fresh browser (no identity provider session), signed in to the tax account as `person`. */
  async function signIn(person: Person): Promise<void> {
    assert.deepEqual(problems, [], 'no console errors on the previous person’s pages');
    await context?.close();
    context = await browser.newContext();
    page = await context.newPage();
    problems = watchConsole(page);
    await signInToTaxAccount(page, system, person);
  }

  /** The balance table's row for a year: tax, penalties, interest, balance as shown. */
  async function yearRow(year: string): Promise<string[]> {
    const cells = await page.locator(`[data-balances] tr[data-year="${year}"] td`).allInnerTexts();
    assert.equal(cells.length, 4);
    for (const cell of cells) assert.match(cell.trim(), DOLLARS);
    return cells.map((c) => c.trim());
  }

  it('Maria: a balance in one year, with its payment and reminder notices', async () => {
    await signIn(MARIA);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Maria' }).waitFor();
    const payoff = (await page.locator('[data-payoff-today]').innerText()).trim();
    assert.match(payoff, DOLLARS);
    assert.notEqual(payoff, '$0.00');
    const [tax, , , balance] = await yearRow('2024');
    assert.equal(tax, '$1,350.00', '$1,850 owed on the return less the $500 payment');
    assert.equal(balance, payoff, 'only 2024 has a balance');
    maria2024 = balance!;
    assert.deepEqual(await yearRow('2023'), ['$0.00', '$0.00', '$0.00', '$0.00']);
    const main = await page.locator('main').innerText();
    assert.match(main, /Payment\s+Tax year 2024\s+\$500\.00/);
    assert.match(main, /CP501\s+Reminder: balance due \(Tax year 2024\)/);
    assert.match(main, /You do not have a payment plan/);
    assert.match(
      main,
      /We never ask for your password, sign-in codes or other account details by email, text message or phone call/,
    );
    await checkPage(page, 'records-01-maria-home');
  });

  it('Maria: the 2024 page lists its transactions in plain language with their codes', async () => {
    await page.getByRole('link', { name: '2024', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tax year 2024' }).waitFor();
    const rows = await page.locator('[data-transactions] tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => /TC 150\s+Tax return filed and tax assessed\s+\$6,950\.00/.test(r)));
    assert.ok(rows.some((r) => /TC 670\s+Payment received\s+-\$500\.00/.test(r)));
    assert.ok(rows.some((r) => /TC 276\s+Penalty for paying late/.test(r)));
    assert.equal(
      (await page.locator('[data-year-balance] [data-cell="balance"]').innerText()).trim(),
      maria2024,
      'the same balance as on the home page',
    );
    await page.getByText('Prairie State Hospital').first().waitFor();
    await checkPage(page, 'records-02-maria-year-2024');
  });

  it('Maria: "what if I pay on …" gives a larger payoff later, without JavaScript', async () => {
    await page.getByRole('link', { name: 'Back to your account' }).click();
    const today = (await page.locator('[data-payoff-today]').innerText()).trim();
    const date = addDays(agencyToday(new Date()), 60);
    await page.getByLabel('Payment date').fill(date);
    await page.getByRole('button', { name: 'Show payoff amount' }).click();
    await page.waitForURL(`${system.accountUrl}/payoff?date=${date}`);
    await page.getByRole('heading', { level: 1, name: /Your payoff amount on/ }).waitFor();
    const later = (await page.locator('[data-balances] tfoot td').last().innerText()).trim();
    const cents = (text: string) => Number(text.replace(/[$,.]/g, ''));
    assert.ok(cents(later) > cents(today), `${later} on ${date} is more than ${today} today`);
    assert.match(await page.locator('main').innerText(), new RegExp(`Paying \\${later} on`));
    await checkPage(page, 'records-03-maria-payoff-date');
  });

  it('Maria: the home page in Spanish, money still in U.S. dollars', async () => {
    await page.getByRole('link', { name: 'Back to your account' }).click();
    await page.getByRole('link', { name: 'Español' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bienvenido/a, Maria' }).waitFor();
    await page.getByRole('heading', { name: 'Saldo por año tributario' }).waitFor();
    assert.match((await page.locator('[data-payoff-today]').innerText()).trim(), DOLLARS);
    assert.match(await page.locator('main').innerText(), /Protéjase de las estafas/);
    await checkPage(page, 'records-04-maria-home-spanish');
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome, Maria' }).waitFor();
  });

  it('Robert: balances in several years with penalties and a notice of intent to levy', async () => {
    await signIn(ROBERT);
    await page.getByRole('heading', { level: 1, name: 'Welcome, Robert' }).waitFor();
    for (const year of ['2021', '2022', '2023']) {
      const [, penalties, interest, balance] = await yearRow(year);
      assert.notEqual(penalties, '$0.00', `${year} penalties`);
      assert.notEqual(interest, '$0.00', `${year} interest`);
      assert.notEqual(balance, '$0.00', `${year} balance`);
    }
    assert.match(await page.locator('[data-notices]').innerText(), /CP71|CP14|CP501/);
    await checkPage(page, 'records-05-robert-home');
    await page.getByRole('link', { name: '2022', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tax year 2022' }).waitFor();
    assert.match(await page.locator('main').innerText(), /Return received Jul 20, 2023/);
    const rows = await page.locator('[data-transactions] tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => /TC 166\s+Penalty for filing late\s+\$513\.00/.test(r)));
    assert.notEqual((await page.locator('[data-cell="failureToFile"]').innerText()).trim(), '$0.00');
    await checkPage(page, 'records-06-robert-year-2022');
  });

  it('David: in a payment plan, with the next scheduled payment', async () => {
    await signIn(DAVID);
    await page.getByRole('heading', { level: 1, name: 'Welcome, David' }).waitFor();
    const plan = await page.locator('[data-plan="active"]').innerText();
    assert.match(plan, /You have a payment plan \(installment agreement\) since Jul 1, 2024/);
    assert.match(plan, /\$200\.00 a month, due on day 28/);
    assert.match(
      await page.locator('[data-scheduled-payment]').innerText(),
      /Next payment plan payment: \$200\.00, due/,
    );
    await checkPage(page, 'records-07-david-home');
    await page.getByRole('link', { name: '2023', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tax year 2023' }).waitFor();
    const rows = await page.locator('[data-transactions] tbody tr').allInnerTexts();
    assert.ok(rows.some((r) => /TC 971 AC 043\s+Payment plan requested/.test(r)));
    assert.ok(rows.some((r) => /TC 971 AC 063\s+Payment plan started/.test(r)));
    await checkPage(page, 'records-08-david-year-2023');
  });

  it('Olivia: moved since her last return, so she is told which detail did not match', async () => {
    await signIn(OLIVIA);
    await page
      .getByRole('heading', { level: 1, name: 'We could not match you to your tax records' })
      .waitFor();
    const main = await page.locator('main').innerText();
    assert.match(main, /Your address does not match the address on your latest tax return/);
    assert.match(main, /Form 8822/);
    assert.match(main, /By phone/);
    assert.doesNotMatch(main, /602-?31-?8847|Elm St|Lakeview/);
    await checkPage(page, 'records-09-olivia-not-matched');
    await page.getByRole('main').getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.waitForURL(`${system.accountUrl}/signed-out`);
  });

  it('raised no console errors or CSP violations', () => {
    assert.deepEqual(problems, []);
  });
});

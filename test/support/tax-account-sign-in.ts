// Signs a demo person in to the tax account in a browser page: the identity provider's
// password, an emailed code read from the development outbox, consent, and back.
import type { Page } from 'playwright-core';
import { latestEmailCode } from './browser.ts';

export interface DemoPerson {
  email: string;
  password: string;
  givenName: string;
}

export const MARIA: DemoPerson = {
  email: 'maria.garcia@example.com',
  password: 'orange-tulip-harbor-42',
  givenName: 'Maria',
};

export async function signInToTaxAccount(
  page: Page,
  urls: { accountUrl: string; identityUrl: string },
  person: DemoPerson,
): Promise<void> {
  await page.goto(urls.accountUrl);
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByLabel('Email address').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Confirm it’s you' }).waitFor();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('One-time code').fill(await latestEmailCode(page, urls.identityUrl, person.email));
  await page.getByRole('button', { name: 'Submit' }).click();
  await page
    .getByRole('heading', { name: /Share your information with Tax Agency Online Account/ })
    .waitFor();
  await page.getByRole('button', { name: 'Agree and continue' }).click();
  await page.waitForURL(`${urls.accountUrl}/`);
}

// Debian's Chromium driven by playwright-core, with an axe scan (WCAG 2.2 AA) and a
// screenshot kept as a test artifact for every page visited.
import { chromium, type Browser, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import assert from 'node:assert/strict';

export const ARTIFACTS = 'test-artifacts/screenshots';

/** Debian's Chromium, headless; `extraArgs` e.g. a fake camera (test/support/fake-camera.ts). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

/** Scans the page with axe (WCAG 2.0/2.1/2.2 A and AA) and saves a full-page screenshot. */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  assert.deepEqual(summary, [], `axe violations on ${name} (${page.url()})`);
}

/**
 * Collects console errors (CSP violations among them) and failed sub-resources (styles,
 * fonts, images). Error statuses of the page itself are what some steps test on purpose,
 * so the browser's generic "Failed to load resource" line for documents is left out.
 */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(message.text());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.request().resourceType() !== 'document') {
      problems.push(`${response.status()} for ${response.request().resourceType()} ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // The session-timeout script checks /session/status every 30 s; a check under way when the
    // page navigates is cancelled by the browser, which is harmless.
    // So are the identity-verification progress polls (idv-poll.js) when the page moves on.
    const polls = ['/session/status', '/verify/status', '/verify/m/status'];
    if (error === 'net::ERR_ABORTED' && polls.includes(new URL(request.url()).pathname)) return;
    problems.push(`request failed: ${request.url()} ${error}`);
  });
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

/** The newest six-digit code emailed to `recipient`, read from the development outbox. */
export async function latestEmailCode(page: Page, identityUrl: string, recipient: string): Promise<string> {
  const response = await page.request.get(`${identityUrl}/dev/outbox.json`);
  const { messages } = (await response.json()) as { messages: { recipient: string; body: string }[] };
  const code = messages
    .filter((m) => m.recipient === recipient)
    .map((m) => /code is (\d{6})/.exec(m.body)?.[1])
    .find(Boolean);
  assert.ok(code, `an emailed code for ${recipient} in the outbox`);
  return code;
}

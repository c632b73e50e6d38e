// Drives the real OpenID Connect sign-in with plain HTTP, as a browser would:
// account /sign-in → identity provider /oidc/auth → /interaction/<uid> (sign-in form)
// → POST …/sign-in → …/mfa (choose a second factor) → POST …/mfa/start (an email code is sent)
// → …/mfa/<methodId> (code form; the code is read from the development outbox, GET /dev/outbox.json)
// → POST …/mfa/<methodId> → consent page (first time) → POST …/consent (allow)
// → account /auth/callback → /.
import { setTimeout as sleep } from 'node:timers/promises';
import { Browser, excerpt, findForm, inputValues, type Page } from './browser.ts';

export interface SignInResult {
  /** The Cookie header for the tax account (holds acct_sid). */
  accountCookieHeader: string;
  /** The requests made, for the record. */
  trace: string[];
}

export async function signIn(
  accountUrl: string,
  person: { email: string; password: string },
): Promise<SignInResult> {
  const browser = new Browser();
  const fail = (step: string, page: Page): never => {
    throw new Error(
      `sign-in failed at ${step}: ended on ${page.url.href} with HTTP ${page.status}.\n` +
        `Requests:\n  ${browser.trace.join('\n  ')}\nPage text: ${excerpt(page.body)}`,
    );
  };

  let page = await browser.get(new URL('/sign-in', accountUrl));
  const signInForm = page.status === 200 ? findForm(page.body, '/sign-in') : undefined;
  if (!signInForm || !/^\/interaction\/[^/]+$/.test(page.url.pathname))
    return fail('the identity provider sign-in page', page);

  page = await browser.post(new URL(signInForm.action, page.url), {
    _csrf: signInForm.csrf,
    email: person.email,
    password: person.password,
  });

  // Second factor: choose the (first) method, which for the demo people is a code by email.
  const chooseForm = page.status === 200 ? findForm(page.body, '/mfa/start') : undefined;
  const methodId = chooseForm && inputValues(chooseForm.html, 'methodId')[0];
  if (!chooseForm || !methodId || !/^\/interaction\/[^/]+\/mfa$/.test(page.url.pathname))
    return fail('the sign-in form submission (expected the second-factor choice page)', page);
  const outbox = new URL('/dev/outbox.json', page.url.origin);
  const lastMessageId = Math.max(0, ...(await outboxMessages(outbox)).map((m) => m.id));
  page = await browser.post(new URL(chooseForm.action, page.url), {
    _csrf: chooseForm.csrf,
    methodId,
  });
  const codeForm = page.status === 200 ? findForm(page.body, `/mfa/${methodId}`) : undefined;
  const challengeId = codeForm && inputValues(codeForm.html, 'challengeId')[0];
  if (!codeForm || !challengeId)
    return fail('the second-factor start (expected the code form of an email-code method)', page);
  const code = await awaitEmailCode(outbox, person.email, lastMessageId);
  if (!code)
    return fail(`the development outbox (no new message to ${person.email} with "code is NNNNNN")`, page);
  page = await browser.post(new URL(codeForm.action, page.url), { _csrf: codeForm.csrf, challengeId, code });

  const consentForm = page.status === 200 ? findForm(page.body, '/consent') : undefined;
  if (consentForm) {
    page = await browser.post(new URL(consentForm.action, page.url), {
      _csrf: consentForm.csrf,
      decision: 'allow',
    });
  } else if (page.url.origin !== new URL(accountUrl).origin) {
    return fail('the one-time code submission (expected the consent page)', page);
  }

  const home = new URL('/', accountUrl);
  if (page.url.href !== home.href || page.status !== 200) return fail('the return to the tax account', page);
  if (!browser.trace.some((line) => line.includes('/auth/callback → 303')))
    return fail('the /auth/callback step', page);
  const cookieHeader = browser.jar.header(home);
  if (!cookieHeader || !browser.jar.names(home).includes('acct_sid'))
    return fail('the acct_sid cookie (not set)', page);
  return { accountCookieHeader: cookieHeader, trace: browser.trace };
}

/** GET / with exactly the headers the load test will send; throws unless it is the signed-in home page. */
export async function verifySignedInHome(
  accountUrl: string,
  headers: Record<string, string>,
  expectedText: string,
): Promise<void> {
  const response = await fetch(new URL('/', accountUrl), {
    headers,
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  });
  const body = await response.text();
  if (response.status !== 200 || !body.includes(expectedText)) {
    throw new Error(
      `GET / as the signed-in user returned HTTP ${response.status} without "${expectedText}". Page text: ${excerpt(body)}`,
    );
  }
}

interface OutboxMessage {
  id: number;
  recipient: string;
  body: string;
}

async function outboxMessages(url: URL): Promise<OutboxMessage[]> {
  const response = await fetch(url, { signal: AbortSignal.timeout(15_000) });
  if (response.status !== 200)
    throw new Error(`GET ${url.href} returned HTTP ${response.status} (is the development outbox enabled?)`);
  return ((await response.json()) as { messages: OutboxMessage[] }).messages;
}

/** The one-time code of the newest outbox message to `recipient` after `afterId`, waiting up to 5 s for it. */
async function awaitEmailCode(outbox: URL, recipient: string, afterId: number): Promise<string | undefined> {
  const deadline = performance.now() + 5000;
  for (;;) {
    const message = (await outboxMessages(outbox)).find(
      (m) => m.id > afterId && m.recipient === recipient && /code is \d{6}\b/.test(m.body),
    );
    if (message) return /code is (\d{6})\b/.exec(message.body)?.[1];
    if (performance.now() > deadline) return undefined;
    await sleep(50);
  }
}

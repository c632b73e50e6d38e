// Drives the real OpenID Connect sign-in with plain HTTP, as a browser would:
// account /sign-in → identity provider /oidc/auth → /interaction/<uid> (sign-in form)
// → POST …/sign-in → consent page → POST …/consent (allow) → account /auth/callback → /.
import { Browser, excerpt, findForm, type Page } from './browser.ts';

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
  const consentForm = page.status === 200 ? findForm(page.body, '/consent') : undefined;
  if (consentForm) {
    page = await browser.post(new URL(consentForm.action, page.url), {
      _csrf: consentForm.csrf,
      decision: 'allow',
    });
  } else if (page.url.origin !== new URL(accountUrl).origin) {
    return fail('the sign-in form submission (expected the consent page)', page);
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
